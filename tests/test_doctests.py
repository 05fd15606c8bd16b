import doctest

import pytest

from thbdesk.core import i18n
from thbdesk.core.legal import citations, display


@pytest.mark.parametrize("module", [i18n, display, citations])
def test_module_doctests(module) -> None:
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
