"""The window must be readable on a machine with no fonts at all: everything comes from the bundle."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QFontInfo

from thbdesk.ui.fonts import register_bundled_fonts, ui_font

ROOT = Path(__file__).resolve().parents[2]


def test_bundled_families_are_registered(app) -> None:
    families = register_bundled_fonts()
    assert {"Noto Sans", "Noto Naskh Arabic", "Amiri"} <= families
    assert QFontInfo(ui_font()).family() == "Noto Sans"


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_window_renders_with_no_system_fonts(tmp_path: Path, lang: str) -> None:
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><fontconfig><dir>/nonexistent-thbdesk-fonts</dir>'
        f"<cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(config), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "screenshot.py"), str(tmp_path), "--lang", lang, "--check"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    real_families = set(report["families"]) - {"Monospace", "Sans Serif", "Serif"}
    assert real_families == {"Noto Sans", "Noto Naskh Arabic", "Amiri"}, "system fonts leaked into the test"
    assert report["missing"] == []
    assert report["rtl"] is (lang == "ar")
    assert report["colours"] > 20, "the grab looks blank"
    assert (tmp_path / f"window-{lang}.png").stat().st_size > 5_000
