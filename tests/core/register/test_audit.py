"""Tampering with the audit log, with the key in hand, is still caught and the row is named."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlcipher3 import dbapi2 as sqlite

from thbdesk.core.register import keys
from thbdesk.core.register.audit import AuditProblem, row_hash
from thbdesk.core.register.store import Register

from .conftest import PASSPHRASE, answers, record


def _filled(register: Register) -> list[int]:
    register.drafts().save("referral-1", answers())
    doc = register.add_document(record())
    register.document_file(doc, "pdf")
    register.set_status(doc, "final", "ok")
    register.audit("export", f"document:{doc}", "files=1 formats=pdf")
    register.close()
    return list(range(1, 7))


def _raw(folder: Path) -> sqlite.Connection:
    key_file = keys.KeyFile.read(folder)
    assert key_file is not None
    key = key_file.key_for(PASSPHRASE)
    assert key is not None
    conn = sqlite.connect(str(folder / "register.sqlite3"), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


def _verify(folder: Path) -> list[AuditProblem]:
    reg = Register.open(PASSPHRASE, folder)
    try:
        return reg.verify_audit()
    finally:
        reg.close()


def test_an_untouched_log_verifies(register: Register, folder: Path) -> None:
    _filled(register)
    assert _verify(folder) == []


@pytest.mark.parametrize("row", [1, 3, 6])
def test_an_edited_row_is_named(register: Register, folder: Path, row: int) -> None:
    _filled(register)
    with _raw(folder) as conn:
        conn.execute("UPDATE audit SET action = 'delete' WHERE id = ?", (row,))
    assert _verify(folder) == [AuditProblem(row, "edited")]


@pytest.mark.parametrize("row", [2, 4])
def test_an_edited_row_with_its_hash_recomputed_is_named(register: Register, folder: Path, row: int) -> None:
    _filled(register)
    with _raw(folder) as conn:
        time, target, detail, prev = conn.execute(
            "SELECT time, target, detail, prev_hash FROM audit WHERE id = ?", (row,)
        ).fetchone()
        digest = row_hash(row, time, "delete", target, detail, prev)
        conn.execute("UPDATE audit SET action = 'delete', hash = ? WHERE id = ?", (digest, row))
    assert _verify(folder) == [AuditProblem(row, "edited")]


@pytest.mark.parametrize("row", [1, 3, 5, 6])
def test_a_deleted_row_is_named_even_the_last(register: Register, folder: Path, row: int) -> None:
    _filled(register)
    with _raw(folder) as conn:
        conn.execute("DELETE FROM audit WHERE id = ?", (row,))
    assert _verify(folder) == [AuditProblem(row, "deleted")]


def test_unknown_actions_and_free_text_details_are_refused(register: Register) -> None:
    with pytest.raises(ValueError):
        register.audit("rename", "document:1")
    for detail in ("person=Amina Tazi", "name=أمينة", "wrong person"):
        with pytest.raises(ValueError):
            register.audit("update", "document:1", detail)
    with pytest.raises(ValueError):
        register.audit("open", "/home/officer/Amina Tazi.pdf")
    register.audit("export", "document:1", "files=2 formats=docx,pdf")
    assert register.audit_rows()[-1].detail == "files=2 formats=docx,pdf"
