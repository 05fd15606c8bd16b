"""The Documents area, driven as an officer would: the referral of a 16-year-old in the Arabic UI."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QDate, QDateTime, QEvent, Qt, QTime, QUrl
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from thbdesk.core.forms.drafts import FileDraftStore
from thbdesk.core.i18n import translate
from thbdesk.core.settings import Settings
from thbdesk.ui.app import create_main_window
from thbdesk.ui.wizard.outline import REVIEW

from .conftest import unlock_window
from .keyboard import type_text


def documents(window):
    window.nav.setCurrentRow(1)
    return window.wizard


def start(wizard, form_id: str):
    wizard.start_page.choose(form_id)
    wizard.start_page.start_button.click()
    return wizard.interview_view


def click_choice(view, field_id: str, code: str) -> None:
    field_input = view.field_input(field_id)
    if field_input.combo is not None:
        field_input.combo.setCurrentIndex(field_input.combo.findData(code))
    else:
        field_input.group.button(field_input.codes.index(code)).click()


def click_yes_no(view, field_id: str, yes: bool) -> None:
    view.field_input(field_id).group.button(0 if yes else 1).click()


def pick_date(view, field_id: str, day: QDate) -> None:
    view.field_input(field_id).edit.setDate(day)


def fill_referral_for_a_16_year_old(view, qtbot) -> None:
    view.go_to("priority")
    click_choice(view, "priority", "urgent")
    click_yes_no(view, "support_requested", True)
    pick_date(view, "incident_date", QDate(2026, 11, 20))
    view.field_input("referral_datetime").edit.setDateTime(QDateTime(QDate(2026, 11, 20), QTime(14, 5)))
    view.next()
    assert view.current == "referring"
    qtbot.keyClicks(view.field_input("unit_code").edit, "TNG1")
    type_text(view.field_input("referring_unit").edit, "شرطة الحدود ميناء طنجة المتوسط")
    view.go_to("person")
    qtbot.keyClicks(view.field_input("person_case_code").edit, "TNG1-2026-0042")
    type_text(view.field_input("person_name").edit, "فاطمة الزهراء")
    pick_date(view, "person_dob", QDate(2010, 3, 12))
    nationality = view.field_input("person_nationality")
    type_text(nationality.combo.lineEdit(), "نيجيريا")
    nationality.combo.lineEdit().editingFinished.emit()
    click_yes_no(view, "age_disputed", False)


def test_referral_of_a_minor_in_arabic_then_crash_and_resume(open_window, app, qtbot) -> None:
    window = create_main_window(app)  # not through open_window: it is "killed" below, never closed
    qtbot.waitExposed(window)
    unlock_window(window)
    wizard = documents(window)
    assert wizard.start_page.isVisible()
    view = start(wizard, "referral")
    assert wizard.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert "minor" not in view.outline.states(), "no minor branch before an age is known"
    no_means = translate("not required (minor)", "ar")
    assert no_means != "not required (minor)", "the Arabic catalogue has the phrase"
    assert no_means not in view.qualification.text()

    fill_referral_for_a_16_year_old(view, qtbot)

    name_edit = view.field_input("person_name").edit
    assert name_edit.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert view.field_input("person_case_code").edit.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert view.interview.get("person_name") == {"text": "فاطمة الزهراء", "lang": "ar"}
    assert view.interview.get("person_nationality") == "NG"
    assert "minor" in view.outline.states(), "a 16-year-old opens the minor branch"

    view.go_to("minor")
    assert view.pages["minor"].isVisible()
    click_yes_no(view, "unaccompanied", True)
    view.go_to("reason")
    view.field_input("indicators").check("GEN-07")
    type_text(view.field_input("narrative").edit, "رُصدت في الميناء برفقة رجل يحمل جوازها.")
    assert view.interview.get("narrative") == {"text": "رُصدت في الميناء برفقة رجل يحمل جوازها.", "lang": "ar"}
    assert no_means in view.qualification.text(), "the panel now says no means are needed for a minor"

    view.go_to(REVIEW)
    review = view.review.text()
    edit = translate("Edit", "ar")
    assert edit != "Edit"
    for shown in ("فاطمة الزهراء", "نيجيريا", "TNG1-2026-0042", "2010", "GEN-07", "رُصدت في الميناء", edit):
        assert shown in review, shown
    assert "مستعجلة" in review, "choices show their label in the UI language, not their code"

    qtbot.waitUntil(lambda: not wizard.autosave.isActive(), timeout=2000)
    shiboken6.delete(window)  # a crash: no close event, nothing saved on the way out
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    reopened = open_window()
    assert reopened.nav.currentRow() == 1, "the window opens on the offer to resume"
    banner = reopened.wizard.start_page.banner
    assert banner.isVisible()
    assert (
        translate("Referral of a presumed trafficking victim (national referral mechanism)", "ar")[:10]
        in (banner.message.text())
        or "استمارة إحالة" in banner.message.text()
    )
    banner.resume_button.click()
    again = reopened.wizard.interview_view
    assert again.interview.get("person_name") == {"text": "فاطمة الزهراء", "lang": "ar"}
    assert again.interview.get("unaccompanied") is True
    again.go_to("person")
    assert again.field_input("person_name").edit.text() == "فاطمة الزهراء"
    assert again.field_input("person_dob").value() == "2010-03-12"
    assert again.field_input("person_nationality").combo.currentText() == "نيجيريا"
    assert "minor" in again.outline.states()


def test_errors_show_under_their_field_in_the_ui_language(open_window, qtbot) -> None:
    window = open_window(Settings(language="fr"))
    view = start(documents(window), "referral")
    view.go_to("referring")
    qtbot.keyClicks(view.field_input("unit_code").edit, "tng 1")
    row = view.pages["referring"].rows["unit_code"]
    assert row.message_label.isVisible()
    assert row.messages(), "a bad unit code is reported under the field"
    assert not view.pages["referring"].rows["referring_unit"].message_label.isVisible(), (
        "untouched fields are not shouted at before the step is left"
    )
    view.next()
    view.previous()
    assert view.pages["referring"].rows["referring_unit"].message_label.isVisible()
    assert view.outline.states()["referring"] == "current"
    view.next()
    assert view.outline.states()["referring"] == "errors"


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
    """A key pressed where the focus is, as the keyboard does."""
    focus = QApplication.focusWidget()
    assert focus is not None, "the keyboard focus is lost"
    qtbot.keyClick(focus, key, modifier)


def test_keyboard_moves_between_steps_and_saves(open_window, qtbot) -> None:
    window = open_window(Settings(language="en"))
    window.windowHandle().requestActivate()  # shortcuts only reach the active window
    qtbot.waitUntil(window.isActiveWindow)
    wizard = documents(window)
    view = start(wizard, "referral")
    first = view.current
    assert QApplication.focusWidget() is view.field_input("priority").focusProxy(), "typing starts at once"
    press(qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert view.current != first
    press(qtbot, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert view.current == first
    click_choice(view, "priority", "normal")
    assert wizard.autosave.isActive()
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not wizard.autosave.isActive()
    assert wizard.status_label.text().startswith("Draft saved")
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert wizard.start_page.isVisible()
    assert wizard.start_page.banner.isVisible(), "the form just left is offered for resuming"


def test_outline_jumps_and_provisions_open_in_the_reader(open_window, qtbot) -> None:
    window = open_window(Settings(language="fr"))
    view = start(documents(window), "referral")
    row = next(
        r
        for r in range(view.outline.count())
        if view.outline.item(r).data(Qt.ItemDataRole.UserRole) == "person"
    )
    view.outline.itemClicked.emit(view.outline.item(row))
    assert view.current == "person"
    assert "448-9" in view.provisions_label.text()
    view.open_provision("27-14:448-9")
    assert window.nav.currentRow() == 0
    assert window.reader.current_key == "27-14:448-9"


def test_language_switch_keeps_answers_and_position(open_window, qtbot) -> None:
    window = open_window(Settings(language="ar"))
    view = start(documents(window), "referral")
    view.go_to("person")
    type_text(view.field_input("person_name").edit, "Mary Okafor")
    window.language_actions["fr"].trigger()
    again = window.wizard.interview_view
    assert again.current == "person"
    assert again.field_input("person_name").edit.text() == "Mary Okafor"
    assert again.pages["person"].captions["person_sex"].text().startswith("Sexe")
    assert again.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_tab_runs_through_the_step_then_its_buttons(open_window, qtbot) -> None:
    window = open_window(Settings(language="fr"))
    window.windowHandle().requestActivate()
    qtbot.waitUntil(window.isActiveWindow)
    view = start(documents(window), "referral")
    view.go_to("referring")
    order = [QApplication.focusWidget()]
    for _ in range(6):
        press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier)
        order.append(QApplication.focusWidget())
    fields = ["unit_code", "referral_sequence", "referring_unit", "referring_officer", "referring_contact"]
    assert order[:5] == [view.field_input(f).focusProxy() for f in fields]
    assert order[5] is view.previous_button and order[6] is view.review_button


def test_every_change_reaches_the_draft_within_a_second(open_window, qtbot) -> None:
    window = open_window(Settings(language="ar"))
    wizard = documents(window)
    view = start(wizard, "referral")
    click_choice(view, "priority", "emergency")
    store = window.register_ctl.session.register.drafts()  # drafts live in the encrypted register
    qtbot.waitUntil(lambda: store.list() != [], timeout=1000)
    assert store.load(wizard.draft_id).answers == {"priority": "emergency"}
    view.go_to("person")
    type_text(view.field_input("person_name").edit, "سعاد")
    qtbot.waitUntil(lambda: "person_name" in store.load(wizard.draft_id).answers, timeout=1000)
    assert store.load(wizard.draft_id).answers["person_name"] == {"text": "سعاد", "lang": "ar"}


def test_arabic_layout_puts_the_outline_on_the_right(open_window) -> None:
    window = open_window(Settings(language="ar"))
    view = start(documents(window), "referral")
    outline_x = view.outline.mapTo(window, view.outline.rect().topLeft()).x()
    assert outline_x > view.stack.mapTo(window, view.stack.rect().topLeft()).x()
    assert view.qualification.mapTo(window, view.qualification.rect().topLeft()).x() < outline_x


def test_persons_are_added_and_removed_in_a_group(open_window, qtbot) -> None:
    window = open_window(Settings(language="fr"))
    view = start(documents(window), "referral")
    view.go_to("receiving")
    bodies = view.field_input("recipients")
    bodies.add_button.click()
    bodies.add_button.click()
    first, second = (inputs for _frame, inputs in bodies.items)
    first["body_type"].combo.setCurrentIndex(first["body_type"].combo.findData("prosecutor"))
    type_text(first["body_name"].edit, "Parquet de Tanger")
    second["body_type"].combo.setCurrentIndex(second["body_type"].combo.findData("ngo"))
    assert [row["body_type"] for row in view.interview.get("recipients")] == ["prosecutor", "ngo"]
    bodies.items[0][0].findChild(QPushButton, "removeItem").click()
    assert view.interview.get("recipients") == [{"body_type": "ngo"}]
    messages = view.pages["receiving"].rows["recipients"].messages()
    assert "1 · Nom" in messages, "a missing name inside an entry names the entry and its field"


def test_review_links_back_to_each_step(open_window) -> None:
    window = open_window(Settings(language="fr"))
    view = start(documents(window), "referral")
    view.go_to(REVIEW)
    assert "Modifier" in view.review.text()
    view.review.browser.anchorClicked.emit(QUrl("edit:risks"))
    assert view.current == "risks"
    assert view.stack.currentWidget() is view.pages["risks"]


def test_discarding_the_offered_draft_deletes_it(open_window, qtbot) -> None:
    window = open_window(Settings(language="fr"))
    wizard = documents(window)
    view = start(wizard, "referral")
    click_choice(view, "priority", "normal")
    wizard.save_now()
    wizard.new_form()
    assert wizard.start_page.banner.isVisible()
    wizard.start_page.banner.discard_button.click()
    assert not wizard.start_page.banner.isVisible()
    assert window.register_ctl.session.register.drafts().list() == []


def test_a_damaged_draft_is_reported_and_the_window_opens(open_window, thbdesk_home) -> None:
    store = FileDraftStore()
    store.folder.mkdir(parents=True)
    (store.folder / "referral-20261130-101500-abcdef.json").write_text("{not json", encoding="utf-8")
    window = open_window(Settings(language="fr"))
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert boxes, "the user is told a draft was set aside"
    assert not window.wizard.start_page.banner.isVisible()
