"""Apply a UI language to the running application: catalogue, Qt's own strings, direction."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from thbdesk.core import i18n

_QT_LOCALES = {"ar": "ar_MA", "fr": "fr_MA", "en": "en_US"}
_qt_translator: QTranslator | None = None


def apply_language(app: QApplication, lang: str) -> None:
    global _qt_translator
    i18n.set_language(lang)
    if _qt_translator is not None:
        app.removeTranslator(_qt_translator)
        _qt_translator = None
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{lang}", folder):
        app.installTranslator(translator)
        _qt_translator = translator
    QLocale.setDefault(QLocale(_QT_LOCALES[lang]))
    direction = Qt.LayoutDirection.RightToLeft if i18n.is_rtl(lang) else Qt.LayoutDirection.LeftToRight
    app.setLayoutDirection(direction)
