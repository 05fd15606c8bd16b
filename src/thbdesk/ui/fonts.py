"""Register the bundled fonts with Qt so Arabic renders on a machine without any system font."""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from thbdesk.core.errors import FontError
from thbdesk.core.fonts import BUNDLED_FONTS, UI_FAMILIES, font_bytes

_registered: set[str] = set()


def register_bundled_fonts() -> set[str]:
    """Add every bundled font to Qt's database once; return the family names Qt now knows."""
    for font in BUNDLED_FONTS:
        if font.filename in _registered:
            continue
        font_id = QFontDatabase.addApplicationFontFromData(QByteArray(font_bytes(font)))
        if font_id < 0:
            raise FontError(details="Qt refused the font data", name=font.filename)
        _registered.add(font.filename)
    return set(QFontDatabase.families())


def ui_font(point_size: float = 10.5) -> QFont:
    """Latin glyphs from Noto Sans, Arabic from Noto Naskh Arabic (which has no Latin letters)."""
    font = QFont()
    font.setFamilies(list(UI_FAMILIES))
    font.setPointSizeF(point_size)
    return font


def apply_ui_font(app: QApplication) -> None:
    register_bundled_fonts()
    app.setFont(ui_font())
