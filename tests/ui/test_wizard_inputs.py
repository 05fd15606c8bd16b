"""The wizard's inputs: each follows its text's direction and stores the engine's codes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from thbdesk.core import i18n
from thbdesk.ui.language import apply_language
from thbdesk.ui.wizard.catalog import CatalogInput
from thbdesk.ui.wizard.composite import PlainLineInput, travel_document_input
from thbdesk.ui.wizard.inputs import (
    ChoiceInput,
    DateInput,
    MultilineInput,
    NumberInput,
    TextInput,
    YesNoInput,
)

from .keyboard import type_text

RTL, LTR = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight


@pytest.fixture
def ui(app: QApplication, request: pytest.FixtureRequest):
    def use(lang: str) -> None:
        apply_language(app, lang)

    yield use
    apply_language(app, i18n.DEFAULT_LANGUAGE)


def test_arabic_name_reads_right_to_left_in_the_french_ui(ui, qtbot) -> None:
    ui("fr")
    field = TextInput()
    qtbot.addWidget(field)
    assert field.edit.layoutDirection() == LTR
    type_text(field.edit, "فاطمة الزهراء")
    assert field.edit.layoutDirection() == RTL
    assert field.value() == {"text": "فاطمة الزهراء", "lang": "ar"}


def test_passport_number_reads_left_to_right_in_the_arabic_ui(ui, qtbot) -> None:
    ui("ar")
    number = PlainLineInput()
    qtbot.addWidget(number)
    qtbot.keyClicks(number.edit, "A1234567")
    assert number.edit.layoutDirection() == LTR
    assert number.value() == "A1234567"
    name = TextInput()
    qtbot.addWidget(name)
    assert name.edit.layoutDirection() == RTL, "empty input takes the UI's direction"
    qtbot.keyClicks(name.edit, "Mary Okafor")
    assert name.edit.layoutDirection() == LTR
    assert name.value() == {"text": "Mary Okafor", "lang": "fr"}


def test_multiline_language_is_guessed_then_kept_once_chosen(ui, qtbot) -> None:
    ui("fr")
    notes = MultilineInput()
    qtbot.addWidget(notes)
    changes = []
    notes.changed.connect(lambda: changes.append(1))
    type_text(notes.edit, "كانت ترافقها امرأة")
    assert notes.lang_box.currentData() == "ar"
    assert notes.edit.document().defaultTextOption().textDirection() == RTL
    notes.lang_box.setCurrentIndex(notes.lang_box.findData("en"))
    notes.lang_box.activated.emit(notes.lang_box.currentIndex())
    type_text(notes.edit, " X")
    assert notes.value()["lang"] == "en", "a language the user picked is not guessed over"
    assert changes


def test_setting_a_value_is_not_an_edit(ui, qtbot) -> None:
    ui("ar")
    inputs = [TextInput(), MultilineInput(), NumberInput(), DateInput(), YesNoInput()]
    values = [{"text": "سعاد", "lang": "ar"}, {"text": "نص", "lang": "ar"}, 16, "2010-03-12", True]
    for widget, value in zip(inputs, values, strict=True):
        qtbot.addWidget(widget)
        with qtbot.assertNotEmitted(widget.changed):
            widget.set_value(value)
        assert widget.value() == value


def test_number_accepts_arabic_indic_digits(ui, qtbot) -> None:
    ui("ar")
    number = NumberInput()
    qtbot.addWidget(number)
    type_text(number.edit, "١٦")
    assert number.value() == 16


def test_date_is_empty_until_chosen_and_stored_as_iso(ui, qtbot) -> None:
    ui("ar")
    when = DateInput()
    qtbot.addWidget(when)
    assert when.value() is None
    with qtbot.waitSignal(when.changed):
        when.edit.setDate(QDate(2010, 3, 12))
    assert when.value() == "2010-03-12"
    assert when.edit.text() == "2010-03-12", "ISO order in the Arabic UI too, never reversed sections"
    stamp = DateInput(with_time=True)
    qtbot.addWidget(stamp)
    stamp.set_value("2026-11-30T10:05")
    assert stamp.value() == "2026-11-30T10:05"


def test_yes_no_and_choices_store_codes(ui, qtbot) -> None:
    ui("fr")
    answer = YesNoInput()
    qtbot.addWidget(answer)
    assert answer.value() is None
    answer.group.button(1).click()
    assert answer.value() is False
    few = ChoiceInput([("urgent", "Urgent"), ("normal", "Normal")])
    many = ChoiceInput([(f"c{n}", f"Choix {n}") for n in range(6)])
    for widget in (few, many):
        qtbot.addWidget(widget)
    assert few.group is not None and many.combo is not None, "radios for a few, a list for many"
    few.group.button(0).click()
    many.combo.setCurrentIndex(3)
    assert (few.value(), many.value()) == ("urgent", "c2")


def test_country_is_found_by_typing_part_of_its_name_and_stored_as_code(ui, qtbot) -> None:
    ui("ar")
    country = CatalogInput([("MA", "المغرب"), ("NG", "نيجيريا"), ("NE", "النيجر")])
    qtbot.addWidget(country)
    line = country.combo.lineEdit()
    type_text(line, "نيجيريا")
    line.editingFinished.emit()
    assert country.value() == "NG"
    country.set_value("MA")
    assert country.combo.currentText() == "المغرب"


def test_travel_document_keeps_its_four_parts(ui, qtbot) -> None:
    ui("ar")
    document = travel_document_input(
        [("passport", "جواز سفر"), ("id_card", "بطاقة تعريف")], [("NG", "نيجيريا")]
    )
    qtbot.addWidget(document)
    value = {"type": "passport", "number": "A1234567", "country": "NG", "expiry": "2028-01-01"}
    document.set_value(value)
    assert document.value() == value
    assert document.parts["number"].edit.layoutDirection() == LTR
