"""The wizard's drafts in the register behave like the file drafts they replace."""

from __future__ import annotations

from pathlib import Path

import pytest

from thbdesk.core.errors import DraftNotFoundError
from thbdesk.core.forms.answers import Answers
from thbdesk.core.forms.drafts import DraftStore, FileDraftStore
from thbdesk.core.register import drafts as drafts_module
from thbdesk.core.register.store import DocumentFilter, Register

from .conftest import answers


def test_save_returns_what_was_stored_with_its_time(register: Register) -> None:
    store: DraftStore = register.drafts()
    saved = store.save("referral-1", answers())
    assert saved.saved_at
    assert store.load("referral-1") == saved
    assert [(d.id, d.form, d.saved_at) for d in store.list()] == [("referral-1", "referral", saved.saved_at)]


def test_saving_again_replaces_the_draft(register: Register) -> None:
    store = register.drafts()
    store.save("referral-1", answers())
    store.save("referral-1", answers(person_sex="male"))
    assert store.load("referral-1").answers["person_sex"] == "male"
    assert len(store.list()) == 1


def test_delete_and_unknown_drafts(register: Register) -> None:
    store = register.drafts()
    store.save("referral-1", answers())
    store.delete("referral-1")
    assert store.list() == []
    with pytest.raises(DraftNotFoundError):
        store.load("referral-1")
    with pytest.raises(DraftNotFoundError):
        store.load("../../etc/passwd")


def test_file_drafts_migrate_once_and_their_files_are_deleted(register: Register, tmp_path: Path) -> None:
    files = FileDraftStore(tmp_path / "drafts")
    first = files.save("referral-old", answers("Amina Tazi"))
    files.save("incident-report-old", Answers("incident-report", 1, {"person_sex": "male"}))
    assert register.migrate_file_drafts(tmp_path / "drafts") == 2
    assert list((tmp_path / "drafts").glob("*.json")) == []
    assert register.drafts().load("referral-old") == first  # the time of saving is kept
    assert register.migrate_file_drafts(tmp_path / "drafts") == 0
    assert [d.id for d in register.drafts_matching(DocumentFilter(text="tazi"))] == ["referral-old"]


def test_a_damaged_file_draft_is_reported_and_the_others_migrate(register: Register, tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    FileDraftStore(folder).save("referral-good", answers())
    (folder / "referral-bad.json").write_text("{not json", encoding="utf-8")
    assert register.migrate_file_drafts(folder) == 1
    notices = register.drafts().take_notices()
    assert len(notices) == 1 and "damaged" in notices[0].user_message("en")


def test_drafts_are_found_by_name_and_filtered(register: Register) -> None:
    store = register.drafts()
    store.save("referral-1", answers("فاطمة الزهراء المرابط"))
    store.save("referral-2", answers("Youssef El Idrissi"))
    store.save("incident-report-3", Answers("incident-report", 1, {"person_name": "Youssef Amrani"}))
    assert [d.id for d in register.drafts_matching(DocumentFilter(text="فاطمه زهراء"))] == ["referral-1"]
    found = register.drafts_matching(DocumentFilter(text="youssef", form="referral"))
    assert [d.id for d in found] == ["referral-2"]
    assert register.drafts_matching(DocumentFilter(status="final")) == []
    assert len(register.drafts_matching(DocumentFilter(date_from="2000-01-01"))) == 3
    assert register.drafts_matching(DocumentFilter(date_to="2000-01-01")) == []


def test_autosaves_are_audited_at_most_every_ten_minutes_and_without_content(
    register: Register, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = [5000.0]
    monkeypatch.setattr(drafts_module.time, "monotonic", lambda: clock[0])
    store = register.drafts()
    for _ in range(5):
        store.save("referral-1", answers())
        clock[0] += 1
    clock[0] += drafts_module.UPDATE_AUDIT_EVERY
    store.save("referral-1", answers())
    store.save("referral-1", answers())
    store.delete("referral-1")
    actions = [(r.action, r.target) for r in register.audit_rows()]
    assert actions[1:] == [
        ("create", "draft:referral-1"),
        ("update", "draft:referral-1"),
        ("delete", "draft:referral-1"),
    ]
    assert [r.detail for r in register.audit_rows()[1:]] == ["form=referral", "form=referral", ""]
