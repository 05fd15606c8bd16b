"""The encrypted register in the window: unlocking, locking, the Register area and its actions."""

from __future__ import annotations

import stat
import tempfile
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from thbdesk.core.forms.answers import read_answers
from thbdesk.core.i18n import translate
from thbdesk.core.paths import bundled_dir
from thbdesk.core.register.store import DocumentFilter, DocumentRecord, Register, register_dir
from thbdesk.core.settings import Settings, load_settings
from thbdesk.ui.wizard.outline import REVIEW

from .conftest import PASSPHRASE, unlock_window
from .keyboard import type_text

NAME = "فاطمة الزهراء"


def a_register_with_a_document_and_a_draft() -> tuple[int, str]:
    """A register as a past session left it: one referral written, and its draft."""
    answers = read_answers(bundled_dir("forms") / "examples" / "referral.json")
    register = Register.create(PASSPHRASE)
    try:
        draft_id = "referral-20261130-101500-abcdef"
        register.drafts().save(draft_id, answers)
        doc_id = register.add_document(
            DocumentRecord(
                reference="TNG2-2026-0017",
                form="referral",
                form_version=answers.form_version,
                langs=("ar", "fr"),
                layout="parallel",
                fingerprint="abc123",
                author="A. Benali",
                files={"pdf": b"%PDF-1.4 invented bytes"},
                person_names=(NAME,),
                draft_id=draft_id,
            )
        )
        register.add_document(
            DocumentRecord(
                reference="TNG1-2026-0042",
                form="notice-of-rights",
                form_version=1,
                langs=("fr",),
                layout="single",
                fingerprint="def456",
                author="A. Benali",
                files={"pdf": b"%PDF-1.4 other"},
                person_names=("Grace Okafor",),
            )
        )
    finally:
        register.close()
    return doc_id, draft_id


def register_view(window):
    window.activateWindow()  # offscreen, closing a dialog activates no window
    QApplication.processEvents()
    window.nav.setFocus()
    QTest.keyClick(window.nav, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.nav.currentRow() == 2
    return window.register_ctl.view


def references(view) -> list[str]:
    return [view.table.item(row, 1).text() for row in range(view.table.rowCount())]


def test_first_run_asks_for_a_passphrase_twice_and_says_it_cannot_be_recovered(
    open_window, thbdesk_home
) -> None:
    window = open_window(Settings(language="fr"), unlock=False)
    dialog = window.register_ctl.dialog
    assert dialog.mode == "create" and dialog.isVisible()
    assert "personne" in dialog.intro.text().lower() or "perdue" in dialog.intro.text().lower()
    assert window.register_ctl.documents_gate.is_locked()
    dialog.passphrase.setText("court")
    assert not dialog.ok_button.isEnabled()
    assert "10" in dialog.message.text()
    dialog.passphrase.setText(PASSPHRASE)
    dialog.repeat.setText(PASSPHRASE + "x")
    assert not dialog.ok_button.isEnabled()
    dialog.repeat.setText(PASSPHRASE)
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    assert window.register_ctl.session.is_unlocked()
    assert not window.register_ctl.documents_gate.is_locked()
    assert Register.exists()


def test_not_now_leaves_the_library_usable_and_the_personal_areas_locked(open_window) -> None:
    a_register_with_a_document_and_a_draft()
    window = open_window(Settings(language="ar"), unlock=False)
    dialog = window.register_ctl.dialog
    assert dialog.mode == "unlock"
    dialog.later_button.click()
    assert window.nav.currentRow() == 0 and window.library_view.isVisible()
    view = register_view(window)
    assert window.register_ctl.register_gate.is_locked() and not view.isVisible()
    window.register_ctl.register_gate.unlock_button.click()
    assert window.register_ctl.dialog.isVisible(), "the locked page offers to unlock"


def test_unlock_open_the_register_filter_reopen_a_draft_and_mark_final(open_window, qtbot) -> None:
    doc_id, draft_id = a_register_with_a_document_and_a_draft()
    window = open_window(Settings(language="ar"), unlock=False)
    dialog = window.register_ctl.dialog
    assert dialog.mode == "unlock"
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    QTest.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert window.register_ctl.session.is_unlocked()

    view = register_view(window)
    assert view.isVisible()
    assert sorted(r for r in references(view) if r) == ["TNG1-2026-0042", "TNG2-2026-0017"]
    assert view.table.rowCount() == 3, "two documents and the draft"
    type_text(view.search, "فاطمه")  # a taa marbuta typed as haa still finds her
    qtbot.waitUntil(lambda: [r for r in references(view) if r] == ["TNG2-2026-0017"], timeout=2000)
    view.search.clear()
    view.status_box.setCurrentIndex(view.status_box.findData("draft"))
    qtbot.waitUntil(lambda: view.table.rowCount() == 3, timeout=2000)
    view.form_box.setCurrentIndex(view.form_box.findData("notice-of-rights"))
    assert references(view) == ["TNG1-2026-0042"]
    view.form_box.setCurrentIndex(0)
    view.date_from.setDate(QDate.currentDate().addDays(1))
    assert view.table.rowCount() == 0, "nothing was created tomorrow"
    view.date_from.setDate(QDate.currentDate())
    assert view.table.rowCount() == 3

    draft_row = next(i for i, row in enumerate(view.rows) if getattr(row, "saved_at", None))
    view.select(draft_row)
    assert view.reopen_button.isEnabled() and not view.final_button.isEnabled()
    view.reopen_button.click()
    assert window.nav.currentRow() == 1
    assert window.wizard.draft_id == draft_id
    assert window.wizard.interview.get("person_case_code") is not None

    register_view(window)
    doc_row = next(i for i, row in enumerate(view.rows) if getattr(row, "id", None) == doc_id)
    view.select(doc_row)
    status = view.ask_status("final")
    type_text(status.reason, "سُلّمت إلى النيابة العامة")
    status.buttons.button(status.buttons.StandardButton.Ok).click()
    final = translate("Final", "ar")
    assert final != "Final"
    assert doc_id not in [getattr(r, "id", None) for r in view.rows], "no longer under the Draft filter"
    view.status_box.setCurrentIndex(view.status_box.findData("final"))
    assert references(view) == ["TNG2-2026-0017"]
    assert view.table.item(0, 4).text() == final
    view.select(0)
    assert "سُلّمت إلى النيابة العامة" in view.details.text()
    [saved] = window.register_ctl.session.register.documents(DocumentFilter(text="TNG2-2026-0017"))
    assert saved.status == "final" and saved.status_reason == "سُلّمت إلى النيابة العامة"


def test_cancelling_a_document_needs_a_reason(open_window) -> None:
    doc_id, _draft = a_register_with_a_document_and_a_draft()
    window = open_window(Settings(language="fr"))
    view = register_view(window)
    view.select(next(i for i, row in enumerate(view.rows) if getattr(row, "id", None) == doc_id))
    dialog = view.ask_status("cancelled")
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    type_text(dialog.reason, "Erreur de référence")
    assert ok.isEnabled()
    ok.click()
    [saved] = window.register_ctl.session.register.documents(DocumentFilter(status="cancelled"))
    assert saved.id == doc_id and saved.status_reason == "Erreur de référence"


def test_a_wrong_passphrase_says_so_and_waits_longer_each_time(open_window, qtbot) -> None:
    a_register_with_a_document_and_a_draft()
    window = open_window(Settings(language="en"), unlock=False)
    dialog = window.register_ctl.dialog
    dialog.passphrase.setText("not the passphrase")
    dialog.ok_button.click()
    assert not window.register_ctl.session.is_unlocked()
    assert "does not open" in dialog.message.text()
    assert "second" in dialog.message.text()
    assert not dialog.ok_button.isEnabled(), "no new try during the wait"
    first = dialog.remaining()
    assert first >= 1
    qtbot.waitUntil(lambda: dialog.remaining() == 0, timeout=5000)
    dialog.passphrase.setText("still not it")
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    assert dialog.remaining() > first, "the wait grows"
    assert not dialog.ok_button.isEnabled()
    window.close()
    reopened = open_window(unlock=False)
    again = reopened.register_ctl.dialog
    assert again.remaining() >= 1 and not again.ok_button.isEnabled(), "a restart does not reset the wait"


def test_idle_time_locks_saves_the_draft_hides_it_and_brings_it_back(open_window, qtbot) -> None:
    window = open_window(Settings(language="ar", lock_after_minutes=1))
    ctl = window.register_ctl
    ctl.session.minute_ms = 300
    ctl.session.restart_idle()
    window.nav.setCurrentRow(1)
    wizard = window.wizard
    wizard.start("referral")
    draft_id = wizard.draft_id
    view = wizard.interview_view
    view.go_to("person")
    type_text(view.field_input("person_name").edit, NAME)
    qtbot.waitUntil(lambda: ctl.documents_gate.is_locked(), timeout=3000)
    assert not ctl.session.is_unlocked()
    assert wizard.interview is None, "the answers left the window"
    assert not any(NAME in label.text() for label in wizard.findChildren(type(wizard.status_label)))
    assert ctl.dialog is not None and ctl.dialog.isVisible(), "the passphrase is asked again"

    unlock_window(window)
    assert window.nav.currentRow() == 1
    assert wizard.draft_id == draft_id
    assert wizard.interview.get("person_name") == {"text": NAME, "lang": "ar"}, "saved before locking"


def test_zero_minutes_never_locks_and_the_settings_change_the_time(open_window) -> None:
    window = open_window(Settings(language="en", lock_after_minutes=0))
    session = window.register_ctl.session
    assert not session.idle.isActive()
    dialog = window.open_settings()
    assert dialog.lock_spin.specialValueText() == "never" and dialog.lock_spin.value() == 0
    dialog.lock_spin.setValue(5)
    dialog.buttons.accepted.emit()
    assert load_settings()[0].lock_after_minutes == 5
    assert session.idle.isActive() and session.idle.interval() == 5 * 60_000


def test_documents_left_decrypted_by_a_crash_are_removed_at_start(open_window, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    leftover = tmp_path / "thbdesk-open-abc123"
    leftover.mkdir()
    (leftover / "TNG2-2026-0017-referral-1.pdf").write_bytes(b"%PDF-1.4 decrypted")
    open_window(Settings(language="en"), unlock=False)
    assert not leftover.exists()


def test_an_opened_document_is_a_private_temporary_file_removed_on_lock(open_window, qtbot) -> None:
    doc_id, _draft = a_register_with_a_document_and_a_draft()
    window = open_window(Settings(language="en"))
    view = register_view(window)
    opened: list[QUrl] = []
    view.open_url = opened.append
    view.select(next(i for i, row in enumerate(view.rows) if getattr(row, "id", None) == doc_id))
    path = view.open_selected()
    assert [Path(url.toLocalFile()) for url in opened] == [path]
    assert path.read_bytes() == b"%PDF-1.4 invented bytes"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    window.register_ctl.lock()
    assert not path.exists() and not path.parent.exists()
    assert view.table.rowCount() == 0, "nothing of the register stays on screen"


def test_temporary_files_are_removed_when_the_window_closes(open_window) -> None:
    doc_id, _draft = a_register_with_a_document_and_a_draft()
    window = open_window(Settings(language="en"))
    view = register_view(window)
    view.open_url = lambda url: True
    view.select(next(i for i, row in enumerate(view.rows) if getattr(row, "id", None) == doc_id))
    path = view.open_selected()
    assert path.exists()
    window.close()
    assert not path.exists()


def test_export_writes_the_selection_and_never_replaces_a_file(open_window, tmp_path) -> None:
    a_register_with_a_document_and_a_draft()
    window = open_window(Settings(language="fr"))
    view = register_view(window)
    out = tmp_path / "export"
    out.mkdir()
    view.choose_folder = lambda: out
    view.table.selectAll()
    box = view.export_selected()
    written = sorted(p.name for p in out.iterdir())
    assert len(written) == 2 and all(name.endswith(".pdf") for name in written)
    assert "2" in box.text()
    docs = window.register_ctl.session.register.documents()
    assert all(any(str(out) in p for p in row.exported_to) for row in docs), "the export is recorded"
    first = out / written[0]
    first.write_bytes(b"the user's own file")
    view.table.selectAll()
    box = view.export_selected()
    assert first.read_bytes() == b"the user's own file"
    assert box.icon() == QMessageBox.Icon.Warning and first.name in box.text()


def test_a_document_generated_in_the_window_enters_the_register(open_window, qtbot, tmp_path) -> None:
    from .test_documents import choose, generate_and_wait, open_dialog

    window = open_window(Settings(language="ar"))
    wizard = window.wizard
    window.nav.setCurrentRow(1)
    wizard.start("referral")
    view = wizard.interview_view
    view.go_to("person")
    type_text(view.field_input("person_name").edit, NAME)
    view.go_to(REVIEW)
    dialog = open_dialog(wizard)
    out = tmp_path / "out"
    out.mkdir()
    choose(dialog, ("ar", "fr"), "parallel", ("pdf",), out)
    generate_and_wait(dialog, qtbot)
    [pdf] = dialog.preview.paths()
    register = window.register_ctl.session.register
    [row] = register.documents(DocumentFilter(text=NAME))
    assert row.exported_to == (str(pdf),) and row.draft_id == wizard.draft_id
    assert register.document_file(row.id, "pdf") == pdf.read_bytes()
    assert row.langs == ("ar", "fr") and row.layout == "parallel"


def corrupt_the_database() -> None:
    database = register_dir() / "register.sqlite3"
    assert database.is_file()
    database.write_bytes(b"\0garbage" * 4096)


def damaged_box(window):
    box = window.register_ctl.notice
    assert box is not None and box.isVisible() and box.objectName() == "registerDamaged"
    return box


def test_a_damaged_register_without_backup_is_explained_and_a_new_one_offered(open_window) -> None:
    a_register_with_a_document_and_a_draft()
    corrupt_the_database()
    window = open_window(Settings(language="fr"), unlock=False)
    dialog = window.register_ctl.dialog
    dialog.passphrase.setText(PASSPHRASE)
    dialog.ok_button.click()
    box = damaged_box(window)
    assert "endommagé" in box.windowTitle() and "damaged-" in box.text(), "in French, naming the kept file"
    assert window.nav.currentRow() == 0 and window.library_view.isVisible(), "the library still works"
    assert list(register_dir().glob("register.sqlite3.damaged-*")), "set aside, not deleted"
    assert box.findChild(QPushButton, "restoreBackup") is None
    box.findChild(QPushButton, "newRegister").click()
    QApplication.processEvents()
    assert window.register_ctl.dialog.isVisible() and window.register_ctl.dialog.mode == "create"


def test_a_damaged_register_is_restored_from_the_daily_backup(open_window) -> None:
    doc_id, _draft = a_register_with_a_document_and_a_draft()
    first = open_window(Settings(language="ar"))  # unlocking makes the day's backup
    first.close()
    corrupt_the_database()
    window = open_window(Settings(language="ar"), unlock=False)
    dialog = window.register_ctl.dialog
    dialog.passphrase.setText(PASSPHRASE)
    dialog.ok_button.click()
    box = damaged_box(window)
    assert box.windowTitle() == translate("The register is damaged", "ar") != "The register is damaged"
    box.findChild(QPushButton, "restoreBackup").click()
    QApplication.processEvents()
    unlock_window(window)
    [row] = window.register_ctl.session.register.documents(DocumentFilter(text="TNG2-2026-0017"))
    assert row.id == doc_id


def test_a_full_disk_while_autosaving_is_told_and_the_answers_stay(open_window, qtbot, monkeypatch) -> None:
    import errno

    from thbdesk.core.register import drafts as register_drafts

    window = open_window(Settings(language="ar"))
    window.nav.setCurrentRow(1)
    wizard = window.wizard
    wizard.start("referral")
    view = wizard.interview_view
    view.go_to("person")
    real_put = register_drafts.put

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(register_drafts, "put", disk_full)
    type_text(view.field_input("person_name").edit, NAME)
    assert not wizard.save_now()
    not_saved = translate("Not saved", "ar")
    assert not_saved != "Not saved" and not_saved in wizard.status_label.text()
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert len(boxes) == 1 and boxes[0].text() != ""
    assert wizard.interview.get("person_name") == {"text": NAME, "lang": "ar"}, "kept in the window"
    monkeypatch.setattr(register_drafts, "put", real_put)
    assert wizard.save_now()
    store = window.register_ctl.session.register.drafts()
    assert store.load(wizard.draft_id).answers["person_name"] == {"text": NAME, "lang": "ar"}


def test_duplicate_as_new_and_regenerate_from_the_register(open_window) -> None:
    doc_id, draft_id = a_register_with_a_document_and_a_draft()
    window = open_window(Settings(language="fr"))
    view = register_view(window)
    view.select(next(i for i, row in enumerate(view.rows) if getattr(row, "saved_at", None)))
    view.duplicate_button.click()
    wizard = window.wizard
    assert window.nav.currentRow() == 1
    assert wizard.draft_id not in (None, draft_id), "a new draft, the original left as it was"
    store = window.register_ctl.session.register.drafts()
    assert store.load(wizard.draft_id).answers == store.load(draft_id).answers
    assert {d.id for d in store.list()} == {draft_id, wizard.draft_id}

    view = register_view(window)
    view.select(next(i for i, row in enumerate(view.rows) if getattr(row, "id", None) == doc_id))
    view.regenerate_button.click()
    assert wizard.draft_id == draft_id, "the document's own draft"
    assert wizard.interview_view.current == REVIEW
    assert wizard.documents_dialog is not None and wizard.documents_dialog.isVisible()
