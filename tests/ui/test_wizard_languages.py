"""Free text given in other languages too, and countries found however their name is spelt."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from thbdesk.core import i18n
from thbdesk.core.settings import Settings
from thbdesk.ui.language import apply_language
from thbdesk.ui.wizard import drafts_access
from thbdesk.ui.wizard.catalog import CatalogInput
from thbdesk.ui.wizard.inputs import MultilineInput, TextInput
from thbdesk.ui.wizard.outline import REVIEW

from .keyboard import type_text
from .test_wizard import documents, start

RTL, LTR = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight


@pytest.fixture
def ui(app: QApplication):
    yield lambda lang: apply_language(app, lang)
    apply_language(app, i18n.DEFAULT_LANGUAGE)


def shown_languages(field) -> list[str]:
    area = field.translations
    return [code for code, edit in area.edits.items() if area.isVisible() and area.form.isRowVisible(edit)]


def test_a_name_is_also_given_in_the_other_languages(ui, qtbot) -> None:
    ui("ar")
    name = TextInput()
    qtbot.addWidget(name)
    name.show()
    type_text(name.edit, "أمينة")
    assert shown_languages(name) == [], "closed until asked for"
    name.other_languages.click()
    assert shown_languages(name) == ["fr", "en"], "every language but the one typed"
    french, english = name.translations.edits["fr"], name.translations.edits["en"]
    assert french.layoutDirection() == LTR, "Latin translations read left to right in the Arabic UI"
    changes = []
    name.changed.connect(lambda: changes.append(1))
    qtbot.keyClicks(french, "Amina")
    assert changes, "a translation is an edit (the draft saves it)"
    assert name.value() == {"text": "أمينة", "lang": "ar", "translations": {"fr": "Amina"}}
    assert english.text() == ""


def test_translations_come_back_with_the_answer_and_follow_its_language(ui, qtbot) -> None:
    ui("fr")
    name = TextInput()
    qtbot.addWidget(name)
    name.show()
    name.set_value({"text": "Amina", "lang": "en", "translations": {"ar": "أمينة"}})
    assert shown_languages(name) == ["ar", "fr"], "an answer with translations shows them"
    arabic = name.translations.edits["ar"]
    assert arabic.text() == "أمينة" and arabic.layoutDirection() == RTL
    assert name.value()["lang"] == "en", "the language it was given in is kept while the text is"
    name.edit.clear()
    type_text(name.edit, "سعاد")
    assert shown_languages(name) == ["fr", "en"], "typed in Arabic now: the Arabic input goes"
    assert name.value() == {"text": "سعاد", "lang": "ar"}, "a translation into its own language is dropped"


def test_multiline_translations_follow_the_chosen_language(ui, qtbot) -> None:
    ui("fr")
    notes = MultilineInput()
    qtbot.addWidget(notes)
    notes.show()
    type_text(notes.edit, "Accompagnée d'un homme qui tenait son passeport.")
    notes.other_languages.click()
    assert shown_languages(notes) == ["ar", "en"]
    arabic = notes.translations.edits["ar"]
    assert arabic.document().defaultTextOption().textDirection() == RTL
    type_text(arabic, "برفقة رجل يحمل جوازها.")
    notes.lang_box.setCurrentIndex(notes.lang_box.findData("en"))
    notes.lang_box.activated.emit(notes.lang_box.currentIndex())
    assert shown_languages(notes) == ["ar", "fr"]
    assert notes.value()["translations"] == {"ar": "برفقة رجل يحمل جوازها."}


def test_keyboard_opens_the_other_languages(ui, qtbot) -> None:
    ui("fr")
    name = TextInput()
    qtbot.addWidget(name)
    name.show()
    name.activateWindow()
    qtbot.waitUntil(name.isActiveWindow)
    name.edit.setFocus()
    qtbot.keyClick(
        name.edit, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert name.translations.isVisible()
    assert QApplication.focusWidget() is name.translations.edits["ar"], "typing goes on in the first one"


def test_translations_reach_the_review_the_draft_and_a_resumed_form(open_window, qtbot) -> None:
    window = open_window(Settings(language="fr"))
    wizard = documents(window)
    view = start(wizard, "referral")
    view.go_to("person")
    name = view.field_input("person_name")
    assert name.other_languages.isVisible()
    assert not view.field_input("person_case_code").other_languages.isVisible(), "a code has no language"
    qtbot.keyClicks(name.edit, "Amina")
    name.other_languages.click()
    type_text(name.translations.edits["ar"], "أمينة")
    assert view.interview.get("person_name") == {
        "text": "Amina",
        "lang": "fr",
        "translations": {"ar": "أمينة"},
    }
    view.go_to(REVIEW)
    assert "Amina\n(ar) أمينة" in view.review.text().replace("\u2068", "").replace("\u2069", "")
    wizard.save_now()
    store = window.register_ctl.session.register.drafts()
    assert store.load(wizard.draft_id).answers["person_name"]["translations"] == {"ar": "أمينة"}
    wizard.new_form()
    wizard.start_page.banner.resume_button.click()
    again = wizard.interview_view
    again.go_to("person")
    resumed = again.field_input("person_name")
    assert resumed.translations.isVisible()
    assert resumed.translations.edits["ar"].text() == "أمينة"


@pytest.mark.parametrize(
    ("lang", "typed", "code"),
    [
        ("ar", "اسبانيا", "ES"),  # hamza under the alef left out
        ("ar", "مِصْر", "EG"),  # with harakat
        ("ar", "السنغال", "SN"),
        ("fr", "senegal", "SN"),  # no accents, no capital
        ("fr", "cote d'ivoire", "CI"),  # straight apostrophe for a curly one
        ("en", "SPAIN", "ES"),
    ],
)
def test_a_country_is_found_however_its_name_is_spelt(ui, qtbot, lang, typed, code) -> None:
    ui(lang)
    country = CatalogInput(drafts_access.countries(lang))
    qtbot.addWidget(country)
    line = country.combo.lineEdit()
    type_text(line, typed)
    assert country.combo.itemText(country.combo.findData(code)) in country.shown_names()
    line.editingFinished.emit()
    assert country.value() == code


def test_arabic_spelling_does_not_matter_for_languages_either(ui, qtbot) -> None:
    ui("ar")
    language = CatalogInput(drafts_access.languages("ar"))
    qtbot.addWidget(language)
    type_text(language.combo.lineEdit(), "الاسبانيه")  # the name is الإسبانية
    language.combo.lineEdit().editingFinished.emit()
    assert language.value() == "es"


def test_names_beginning_with_what_is_typed_come_first_and_ambiguity_picks_nothing(ui, qtbot) -> None:
    ui("fr")
    country = CatalogInput(
        [("FR", "France"), ("NE", "Niger"), ("NG", "Nigéria"), ("DZ", "Algérie"), ("ER", "Érythrée")]
    )
    qtbot.addWidget(country)
    country.set_value("FR")
    line = country.combo.lineEdit()
    line.clear()
    type_text(line, "er")
    assert country.shown_names() == ["Érythrée", "Niger", "Nigéria", "Algérie"]
    line.clear()
    type_text(line, "nig")
    assert country.shown_names() == ["Niger", "Nigéria"]
    line.editingFinished.emit()
    assert country.value() == "FR", "two countries match: the choice stays as it was"
    assert line.text() == "France"
