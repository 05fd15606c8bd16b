"""Every test runs offscreen, in its own empty user profile, starting from the Arabic UI."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from thbdesk.core import i18n


@pytest.fixture(autouse=True)
def thbdesk_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "thbdesk-home"
    monkeypatch.setenv("THBDESK_HOME", str(home))
    monkeypatch.delenv("THBDESK_LANG", raising=False)
    i18n.set_language(i18n.DEFAULT_LANGUAGE)
    yield home
    i18n.set_language(i18n.DEFAULT_LANGUAGE)
