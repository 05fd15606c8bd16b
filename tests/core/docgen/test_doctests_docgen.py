import doctest
from types import ModuleType

import pytest

from thbdesk.core.docgen import answer_runs, build, fingerprint, model, template


@pytest.mark.parametrize("module", [template, answer_runs, fingerprint, build, model])
def test_docgen_doctests(module: ModuleType) -> None:
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
