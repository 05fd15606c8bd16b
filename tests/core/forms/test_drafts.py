"""Drafts: private files written atomically, listed without content, damage set aside, nothing in logs."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from thbdesk.core.errors import DraftDamagedNotice, DraftNotFoundError
from thbdesk.core.forms.answers import Answers, read_answers
from thbdesk.core.forms.drafts import DraftInfo, DraftStore, FileDraftStore, drafts_dir, new_draft_id

from .conftest import FORMS_DATA

VICTIM = "أمينة"


def _answers() -> Answers:
    return read_answers(FORMS_DATA / "minimal-answers.json")


def test_a_saved_draft_loads_back_whole_in_a_private_file(thbdesk_home: Path) -> None:
    store: DraftStore = FileDraftStore()
    draft_id = new_draft_id("minimal")
    saved = store.save(draft_id, _answers())
    assert store.load(draft_id) == saved
    assert saved.answers == _answers().answers and saved.saved_at
    path = drafts_dir() / f"{draft_id}.json"
    assert path.parent == thbdesk_home / "data" / "drafts"
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600
        assert path.parent.stat().st_mode & 0o777 == 0o700
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left


def test_the_listing_has_form_time_and_id_and_no_answer(tmp_path: Path) -> None:
    store = FileDraftStore(tmp_path)
    store.save("minimal-1", _answers())
    store.save("minimal-2", _answers())
    listing = store.list()
    assert [d.id for d in listing] == ["minimal-2", "minimal-1"]  # newest first (the id breaks a tie)
    assert all(isinstance(d, DraftInfo) and d.form == "minimal" and d.form_version == 2 for d in listing)
    assert VICTIM not in repr(listing)


def test_a_damaged_draft_is_set_aside_and_reported_and_the_others_are_listed(tmp_path: Path) -> None:
    store = FileDraftStore(tmp_path)
    store.save("good", _answers())
    (tmp_path / "broken.json").write_text('{"format": 1, "answers": {"name": "' + VICTIM, encoding="utf-8")
    (tmp_path / "wrong.json").write_text("[1, 2]", encoding="utf-8")
    assert [d.id for d in store.list()] == ["good"]
    notices = store.take_notices()
    assert len(notices) == 2 and all(isinstance(n, DraftDamagedNotice) for n in notices)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names[0].startswith("broken.json.damaged-") and names[1] == "good.json"
    assert names[2].startswith("wrong.json.damaged-")
    assert store.list() == store.list()  # set aside once, not again
    assert store.take_notices() == []


def test_loading_a_damaged_draft_raises_the_notice(tmp_path: Path) -> None:
    store = FileDraftStore(tmp_path)
    (tmp_path / "broken.json").write_bytes(b"\xff\xfe")
    with pytest.raises(DraftDamagedNotice) as caught:
        store.load("broken")
    assert "damaged" in caught.value.fields["backup"]


def test_unknown_and_path_like_ids_are_refused(tmp_path: Path) -> None:
    store = FileDraftStore(tmp_path)
    with pytest.raises(DraftNotFoundError):
        store.load("nothing-here")
    for hostile in ("../escape", "a/b", "", ".hidden"):
        with pytest.raises(DraftNotFoundError):
            store.save(hostile, _answers())
    assert list(tmp_path.iterdir()) == []


def test_delete_removes_the_draft(tmp_path: Path) -> None:
    store = FileDraftStore(tmp_path)
    store.save("one", _answers())
    store.delete("one")
    store.delete("one")  # deleting twice is fine
    assert store.list() == []


def test_no_answer_reaches_the_logs(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    store = FileDraftStore(tmp_path)
    store.save("draft", _answers())
    store.load("draft")
    store.list()
    (tmp_path / "broken.json").write_text('{"answers": {"person_name": "' + VICTIM + '", ', encoding="utf-8")
    store.list()
    with pytest.raises(DraftNotFoundError):
        store.load("broken")
    assert caplog.records  # the set-aside is logged ...
    assert all(VICTIM not in r.getMessage() and "2010-03-12" not in r.getMessage() for r in caplog.records)
    assert VICTIM not in caplog.text  # ... without any answer
