import doctest

import pytest

from thbdesk.core.forms import answers, expressions, schema


@pytest.mark.parametrize("module", [expressions, answers, schema])
def test_forms_doctests(module) -> None:
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
