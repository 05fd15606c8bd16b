import doctest
from types import ModuleType

import pytest

from thbdesk.core.docgen import bidi, pdf_check


@pytest.mark.parametrize("module", [bidi, pdf_check])
def test_module_doctests(module: ModuleType) -> None:
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
