import doctest

import pytest

from thbdesk.core.forms import answers, catalogs, expressions, schema, values


@pytest.mark.parametrize("module", [expressions, answers, schema, catalogs, values])
def test_forms_doctests(module) -> None:
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
