import doctest

import pytest

from thbdesk.core.forms import answers, catalogs, expressions, render, schema, values


@pytest.mark.parametrize("module", [expressions, answers, schema, catalogs, values, render])
def test_forms_doctests(module) -> None:
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
