"""The backup copy opens with the same passphrase; a newer or busy register is refused clearly."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2 as sqlite

from thbdesk.core.errors import RegisterLockedError, RegisterNewerError
from thbdesk.core.register import db, keys
from thbdesk.core.register.store import DocumentFilter, Register

from .conftest import PASSPHRASE, answers, record


def _raw(folder: Path) -> sqlite.Connection:
    key_file = keys.KeyFile.read(folder)
    assert key_file is not None
    key = key_file.key_for(PASSPHRASE)
    assert key is not None
    return db.connect(folder / db.DB_FILE, key)


def test_backup_is_an_encrypted_copy_that_opens_with_the_passphrase(
    register: Register, tmp_path: Path
) -> None:
    register.drafts().save("referral-1", answers())
    doc = register.add_document(record(names=("Amina Tazi",)))
    out = tmp_path / "copy" / "register.sqlite3"
    register.backup_to(out)
    assert b"Amina" not in out.read_bytes() and not out.read_bytes().startswith(b"SQLite format 3")
    shutil.copy(register.key_file_path, out.parent / keys.KEY_FILE)
    copy = Register.open(PASSPHRASE, out.parent)
    try:
        assert copy.integrity_ok() and copy.verify_audit() == []
        assert [d.id for d in copy.documents(DocumentFilter(text="tazi"))] == [doc]
        assert copy.drafts().load("referral-1").answers == answers().answers
    finally:
        copy.close()
    assert sorted(p.name for p in out.parent.iterdir()) == [keys.KEY_FILE, "register.sqlite3"]


def test_a_register_from_a_newer_thbdesk_is_refused_untouched(register: Register, folder: Path) -> None:
    register.close()
    with _raw(folder) as conn:
        conn.execute("UPDATE schema_version SET version = 99")
    with pytest.raises(RegisterNewerError):
        Register.open(PASSPHRASE, folder)
    assert Register.exists(folder)


def test_a_register_held_by_another_process_is_locked_not_broken(
    register: Register, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 50)
    other = Register.open(PASSPHRASE, folder)  # waits 50 ms for a lock, not 10 s
    register._reading().execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(RegisterLockedError):
            other.drafts().save("referral-1", answers())
    finally:
        register._reading().execute("ROLLBACK")
    other.drafts().save("referral-1", answers())  # once released, the same save goes through
    other.close()


def test_lists_are_newest_first(register: Register) -> None:
    ids = [register.add_document(record(f"R-{i}", names=("Amina",))) for i in range(3)]
    assert [d.id for d in register.documents()] == ids[::-1]
    assert [d.id for d in register.documents(DocumentFilter(text="amina"))] == ids[::-1]
