"""One input widget per simple field type; each reads and writes the engine's value for its field.

Every input emits ``changed`` when the user changes it and never when the wizard sets its value,
so loading a draft does not count as an edit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QSignalBlocker, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from thbdesk.core.forms.answers import guess_lang as guess_language
from thbdesk.core.i18n import LANGUAGES, _, current_language, native_name
from thbdesk.ui.wizard.direction import apply_direction, follow_direction
from thbdesk.ui.wizard.translations import TranslationsArea, toggle_button

_EMPTY_DATE = QDate(1900, 1, 1)
RADIO_LINE_CHARS = 48


def tr(text: Any, lang: str | None = None) -> str:
    """A {ar, fr, en} text in ``lang`` (the UI language by default), whatever shape holds it."""
    lang = lang or current_language()
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    if isinstance(text, Mapping):
        return str(text.get(lang) or text.get("en") or next(iter(text.values()), ""))
    value = getattr(text, lang, None)
    return str(value) if value else str(getattr(text, "en", "") or "")


class FieldInput(QWidget):
    """The value of one field, as the engine stores it (codes, ISO dates, free text)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def focus_widget(self) -> QWidget:
        return self.focusProxy() or self

    def _emit(self, *_args: object) -> None:
        self.changed.emit()


class TextInput(FieldInput):
    """One line of free text; its language is guessed from the script as it is typed."""

    def __init__(self, parent: QWidget | None = None, translatable: bool = True) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        follow_direction(self.edit)
        self.translations = TranslationsArea()
        self.other_languages = toggle_button(self.translations, self, translatable)
        top = QHBoxLayout()
        top.addWidget(self.edit, 1)
        top.addWidget(self.other_languages)
        column = QVBoxLayout()
        column.addLayout(top)
        column.addWidget(self.translations)
        self.row.addLayout(column)
        self.setFocusProxy(self.edit)
        self._loaded: tuple[str, str | None] = ("", None)
        self.edit.textEdited.connect(self._typed)
        self.translations.changed.connect(self._emit)

    def _typed(self) -> None:
        self.translations.set_source(self.lang())
        self.changed.emit()

    def lang(self) -> str:
        """The loaded language while the text is as loaded, else the one its script suggests."""
        text = self.edit.text().strip()
        loaded_text, loaded_lang = self._loaded
        if loaded_lang and text == loaded_text:
            return loaded_lang
        return guess_language(text, current_language())

    def value(self) -> Any:
        text = self.edit.text().strip()
        return free_text_value(text, self.lang(), self.translations.value())

    def set_value(self, value: Any) -> None:
        text, lang = free_text(value)
        with QSignalBlocker(self.edit):
            self.edit.setText(text)
        self._loaded = (text, lang)
        apply_direction(self.edit, self.edit.text())
        self.translations.set_source(self.lang())
        show_translations(self.translations, self.other_languages, translations_of(value))


class MultilineInput(FieldInput):
    """Several lines of free text with the language it is written in beside it (guessed, changeable)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QPlainTextEdit()
        self.edit.setTabChangesFocus(True)
        self.edit.setMinimumHeight(70)
        self.edit.setMaximumHeight(130)
        follow_direction(self.edit)
        self.lang_box = QComboBox()
        self.lang_box.setObjectName("textLanguage")
        for lang in LANGUAGES:
            self.lang_box.addItem(native_name(lang), lang)
        self._lang_chosen = False
        self.translations = TranslationsArea(multiline=True)
        self.other_languages = toggle_button(self.translations, self)
        side = QVBoxLayout()
        side.addWidget(self.lang_box)
        side.addWidget(self.other_languages)
        side.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.edit, 1)
        top.addLayout(side)
        column = QVBoxLayout()
        column.addLayout(top)
        column.addWidget(self.translations)
        self.row.addLayout(column)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self._typed)
        self.lang_box.activated.connect(self._lang_picked)
        self.translations.changed.connect(self._emit)
        self.translations.set_source(self.lang_box.currentData())

    def _typed(self) -> None:
        if self.signalsBlocked():
            return
        if not self._lang_chosen:
            self._show_lang(guess_language(self.edit.toPlainText(), current_language()))
        self.changed.emit()

    def _lang_picked(self, _index: int) -> None:
        self._lang_chosen = True
        self.translations.set_source(self.lang_box.currentData())
        self.changed.emit()

    def _show_lang(self, lang: str) -> None:
        index = self.lang_box.findData(lang)
        if index >= 0:
            self.lang_box.setCurrentIndex(index)
        self.translations.set_source(self.lang_box.currentData())

    def value(self) -> Any:
        text = self.edit.toPlainText().strip()
        return free_text_value(text, self.lang_box.currentData(), self.translations.value())

    def set_value(self, value: Any) -> None:
        text, lang = free_text(value)
        self.blockSignals(True)
        self.edit.setPlainText(text)
        self.blockSignals(False)
        self._lang_chosen = bool(text)
        self._show_lang(lang or current_language())
        show_translations(self.translations, self.other_languages, translations_of(value))


def free_text_value(text: str, lang: str, translations: dict[str, str]) -> dict[str, Any] | None:
    """The answers file's ``{"text", "lang", "translations"?}``; nothing when no text was typed."""
    if not text:
        return None
    value: dict[str, Any] = {"text": text, "lang": lang}
    if translations:
        value["translations"] = translations
    return value


def translations_of(value: Any) -> dict[str, str]:
    found = value.get("translations") if isinstance(value, Mapping) else getattr(value, "translations", None)
    return {str(k): str(v) for k, v in found.items() if v} if isinstance(found, Mapping) else {}


def show_translations(area: TranslationsArea, button: QToolButton, translations: dict[str, str]) -> None:
    """Load translations without counting as an edit; the area opens only if there are some."""
    area.set_value(translations)
    with QSignalBlocker(button):
        button.setChecked(bool(translations))
    area.setVisible(bool(translations))


def free_text(value: Any) -> tuple[str, str | None]:
    """(text, lang) from a FreeText, its JSON dict, or a bare string."""
    if value is None:
        return "", None
    if isinstance(value, str):
        return value, None
    if isinstance(value, Mapping):
        return str(value.get("text", "")), value.get("lang")
    return str(getattr(value, "text", "")), getattr(value, "lang", None)


class NumberInput(FieldInput):
    """A number typed as digits (Arabic-Indic digits accepted); left to right in every UI."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.edit.setMaximumWidth(140)
        self.row.addWidget(self.edit)
        self.row.addStretch(1)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(self._emit)

    def value(self) -> Any:
        text = self.edit.text().strip().translate(_DIGITS).replace(",", ".")
        if not text:
            return None
        try:
            number = float(text)
        except ValueError:
            return text  # the engine reports it as not a number, under the field
        return int(number) if number.is_integer() and "." not in text else number

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self.edit):
            self.edit.setText("" if value is None else str(value))


_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)


class DateInput(FieldInput):
    """An ISO date, ``yyyy-MM-dd`` in every UI so no day/month order is ever misread; blank = not set."""

    def __init__(self, parent: QWidget | None = None, with_time: bool = False) -> None:
        super().__init__(parent)
        self.with_time = with_time
        self.edit: QDateEdit | QDateTimeEdit = QDateTimeEdit() if with_time else QDateEdit()
        # Direction first: a right-to-left date edit reverses its format's sections (03-06-2010).
        self.edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm" if with_time else "yyyy-MM-dd")
        self.edit.setCalendarPopup(True)
        self.edit.setMinimumDateTime(QDateTime(_EMPTY_DATE, QTime(0, 0)))
        self.edit.setSpecialValueText("—")
        self.edit.setDateTime(self.edit.minimumDateTime())
        self.row.addWidget(self.edit)
        self.row.addStretch(1)
        self.setFocusProxy(self.edit)
        self.edit.dateTimeChanged.connect(self._emit)

    def value(self) -> Any:
        current = self.edit.dateTime()
        if current.date() == _EMPTY_DATE:
            return None
        if self.with_time:
            return current.toString("yyyy-MM-ddTHH:mm")
        return current.date().toString("yyyy-MM-dd")

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self.edit):
            self.edit.setDateTime(_to_qdatetime(value) or self.edit.minimumDateTime())


def _to_qdatetime(value: Any) -> QDateTime | None:
    if isinstance(value, datetime):
        return QDateTime.fromString(value.strftime("%Y-%m-%dT%H:%M"), "yyyy-MM-ddTHH:mm")
    if isinstance(value, date):
        return QDateTime(QDate(value.year, value.month, value.day), QTime(0, 0))
    if isinstance(value, str) and value:
        text = value[:16]
        parsed = QDateTime.fromString(text, "yyyy-MM-ddTHH:mm")
        if not parsed.isValid():
            parsed = QDateTime(QDate.fromString(text[:10], "yyyy-MM-dd"), QTime(0, 0))
        return parsed if parsed.isValid() else None
    return None


class ChoiceInput(FieldInput):
    """One code among a few (radio buttons) or among many (a list to pick from)."""

    RADIO_LIMIT = 4

    def __init__(self, choices: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.codes = [code for code, _label in choices]
        self.combo: QComboBox | None = None
        self.group: QButtonGroup | None = None
        if len(choices) > self.RADIO_LIMIT:
            self.combo = QComboBox()
            self.combo.addItem("", None)
            for code, label in choices:
                self.combo.addItem(label, code)
            self.row.addWidget(self.combo)
            self.row.addStretch(1)
            self.setFocusProxy(self.combo)
            self.combo.currentIndexChanged.connect(self._emit)
        else:
            self.group = radio_row(self.row, choices, self._emit)

    def value(self) -> Any:
        if self.combo is not None:
            return self.combo.currentData()
        assert self.group is not None
        checked = self.group.checkedId()
        return self.codes[checked] if checked >= 0 else None

    def set_value(self, value: Any) -> None:
        if self.combo is not None:
            with QSignalBlocker(self.combo):
                self.combo.setCurrentIndex(max(0, self.combo.findData(value)))
            return
        assert self.group is not None
        set_radio(self.group, self.codes.index(value) if value in self.codes else -1)


def radio_row(row: QHBoxLayout, choices: Sequence[tuple[str, str]], on_click: Any) -> QButtonGroup:
    """Short choices side by side; long ones one under the other, so the step never scrolls sideways."""
    group = QButtonGroup(row)
    lines: QHBoxLayout | QVBoxLayout = row
    if sum(len(label) for _code, label in choices) > RADIO_LINE_CHARS:
        lines = QVBoxLayout()
        row.addLayout(lines)
    for index, (_code, label) in enumerate(choices):
        button = QRadioButton(label)
        group.addButton(button, index)
        lines.addWidget(button)
    row.addStretch(1)
    group.idClicked.connect(on_click)
    first, owner = group.button(0), row.parentWidget()
    if first is not None and owner is not None:
        owner.setFocusProxy(first)  # Tab lands on the choices, arrows move between them
    return group


def set_radio(group: QButtonGroup, index: int) -> None:
    """Check one button, or none: an exclusive group cannot uncheck, so lift exclusivity briefly."""
    group.setExclusive(False)
    for button in group.buttons():
        button.setChecked(group.id(button) == index)
    group.setExclusive(True)


class YesNoInput(FieldInput):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = radio_row(self.row, [("yes", _("Yes")), ("no", _("No"))], self._emit)

    def value(self) -> Any:
        checked = self.group.checkedId()
        return None if checked < 0 else checked == 0

    def set_value(self, value: Any) -> None:
        set_radio(self.group, -1 if value is None else (0 if value else 1))


class MultiChoiceInput(FieldInput):
    """Several codes: one check box each, in two columns when there are many."""

    def __init__(self, choices: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[str, QCheckBox] = {}
        column = QVBoxLayout()
        self.row.addLayout(column)
        for code, label in choices:
            box = QCheckBox(label)
            box.setObjectName(f"choice_{code}")
            box.clicked.connect(self._emit)
            self.boxes[code] = box
            column.addWidget(box)
            if len(self.boxes) == 1:
                self.setFocusProxy(box)
        self.row.addStretch(1)

    def value(self) -> Any:
        return [code for code, box in self.boxes.items() if box.isChecked()] or None

    def set_value(self, value: Any) -> None:
        chosen = set(value or ())
        for code, box in self.boxes.items():
            box.setChecked(code in chosen)

    def buttons(self) -> list[QAbstractButton]:
        return list(self.boxes.values())
