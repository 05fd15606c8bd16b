"""The same free-text answer in the other languages: a small button that opens one input per language.

Translations are optional and out of the way: the area stays closed unless the user opens it or the
answer already has some. Each input reads in its own language's direction, whatever the UI's.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QToolButton, QWidget

from thbdesk.core.i18n import LANGUAGES, _, is_rtl, native_name

SHORTCUT = "Ctrl+Shift+L"


class TranslationsArea(QWidget):
    """One input per language other than the one the answer was typed in."""

    changed = Signal()

    def __init__(self, multiline: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("translations")
        self.form = QFormLayout(self)
        self.form.setContentsMargins(12, 0, 0, 0)
        self.edits: dict[str, QLineEdit | QPlainTextEdit] = {}
        for lang in LANGUAGES:
            edit = _language_edit(lang, multiline)
            edit.setObjectName(f"translation_{lang}")
            caption = QLabel(native_name(lang))
            caption.setBuddy(edit)
            self.form.addRow(caption, edit)
            self.edits[lang] = edit
            if isinstance(edit, QLineEdit):
                edit.textEdited.connect(self.changed)
            else:
                edit.textChanged.connect(self._plain_changed)
        self.source: str | None = None
        self.hide()

    def _plain_changed(self) -> None:
        if not self.signalsBlocked():
            self.changed.emit()

    def set_source(self, lang: str | None) -> None:
        """Hide the input of the language the answer itself is in."""
        self.source = lang
        for code, edit in self.edits.items():
            self.form.setRowVisible(edit, code != lang)

    def value(self) -> dict[str, str]:
        found = {code: _text(edit) for code, edit in self.edits.items() if code != self.source}
        return {code: text for code, text in found.items() if text}

    def set_value(self, translations: Mapping[str, str] | None) -> None:
        translations = translations or {}
        with QSignalBlocker(self):
            for code, edit in self.edits.items():
                text = str(translations.get(code, ""))
                if isinstance(edit, QLineEdit):
                    edit.setText(text)
                else:
                    edit.setPlainText(text)

    def first_edit(self) -> QWidget | None:
        return next((e for code, e in self.edits.items() if code != self.source), None)


def _language_edit(lang: str, multiline: bool) -> QLineEdit | QPlainTextEdit:
    direction = Qt.LayoutDirection.RightToLeft if is_rtl(lang) else Qt.LayoutDirection.LeftToRight
    if not multiline:
        line = QLineEdit()
        line.setLayoutDirection(direction)
        return line
    plain = QPlainTextEdit()
    plain.setTabChangesFocus(True)
    plain.setMaximumHeight(80)
    plain.setLayoutDirection(direction)
    option = plain.document().defaultTextOption()
    option.setTextDirection(direction)
    plain.document().setDefaultTextOption(option)
    return plain


def _text(edit: QLineEdit | QPlainTextEdit) -> str:
    return (edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()).strip()


def toggle_button(area: TranslationsArea, owner: QWidget, offered: bool = True) -> QToolButton:
    """The button that opens the area; out of the Tab chain, reachable with a shortcut instead.

    Not ``offered`` for codes (a field with a pattern, such as a case number): they have no language.
    """
    button = QToolButton()
    button.setVisible(offered)
    button.setObjectName("otherLanguages")
    button.setText(_("Translations…"))
    button.setToolTip(_("Give this answer in the other languages too ({keys})").format(keys=SHORTCUT))
    button.setCheckable(True)
    button.setAutoRaise(True)
    button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    button.toggled.connect(lambda on: _open(area, on))
    if not offered:
        return button
    shortcut = QShortcut(QKeySequence(SHORTCUT), owner)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(button.toggle)
    return button


def _open(area: TranslationsArea, on: bool) -> None:
    area.setVisible(on)
    first = area.first_edit()
    if on and first is not None:
        first.setFocus()
