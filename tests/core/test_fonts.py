from pathlib import Path

import pytest

from thbdesk.core import fonts
from thbdesk.core.errors import FontError


def test_every_bundled_font_is_a_real_font_file() -> None:
    for font in fonts.BUNDLED_FONTS:
        assert len(fonts.font_bytes(font)) > 100_000, font.filename


def test_font_licence_names_every_bundled_family() -> None:
    text = fonts.licence_text()
    assert "SIL OPEN FONT LICENSE Version 1.1" in text
    assert all(family in text for family in ("Noto Sans", "Noto Naskh Arabic", "Amiri"))


def test_a_damaged_font_gives_a_translated_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "NotoSans-Regular.ttf").write_bytes(b"<html>not a font</html>")
    monkeypatch.setattr(fonts, "fonts_dir", lambda: tmp_path)
    with pytest.raises(FontError) as caught:
        fonts.font_bytes(fonts.BUNDLED_FONTS[0])
    assert "NotoSans-Regular.ttf" in caught.value.user_message("fr")
