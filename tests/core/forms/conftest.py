"""Form fixtures: the worked example in tests/data/forms, loaded once per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from thbdesk.core.forms.loader import load_form
from thbdesk.core.forms.model import FormSpec

FORMS_DATA = Path(__file__).resolve().parents[2] / "data" / "forms"


@pytest.fixture
def minimal() -> FormSpec:
    return load_form(FORMS_DATA / "minimal.yaml")
