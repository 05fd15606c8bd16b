import doctest

import pytest

from thbdesk.core import i18n


@pytest.mark.parametrize("module", [i18n])
def test_module_doctests(module) -> None:
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
