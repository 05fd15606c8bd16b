"""The wizard's drafts inside the encrypted register: each save is one transaction.

An autosave runs about once a second while the officer types, so "update" is written to the audit
log at most once per draft every ``UPDATE_AUDIT_EVERY`` seconds; creating and deleting are always
written.
"""

from __future__ import annotations

import builtins
import re
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlite

from thbdesk.core.errors import DraftNotFoundError, ThbError
from thbdesk.core.forms.answers import Answers
from thbdesk.core.forms.drafts import DraftInfo, FileDraftStore
from thbdesk.core.register import audit
from thbdesk.core.register.terms import index_terms, names_in

_DRAFT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$")
UPDATE_AUDIT_EVERY = 600.0

Writer = Callable[[], AbstractContextManager[sqlite.Connection]]
Reader = Callable[[], AbstractContextManager[sqlite.Connection]]


def put(conn: sqlite.Connection, draft_id: str, answers: Answers, audit_update: bool) -> None:
    """Insert or replace one draft and its name terms; the caller holds the transaction."""
    found = conn.execute("SELECT rowid FROM drafts WHERE id = ?", (draft_id,)).fetchone()
    values = (answers.form, answers.form_version, answers.saved_at, answers.to_json())
    if found is None:
        cursor = conn.execute(
            "INSERT INTO drafts (form, form_version, saved_at, body, id) VALUES (?, ?, ?, ?, ?)",
            (*values, draft_id),
        )
        rowid = int(cursor.lastrowid or 0)
        audit.append(conn, "create", f"draft:{draft_id}", f"form={answers.form}")
    else:
        rowid = int(found[0])
        conn.execute(
            "UPDATE drafts SET form = ?, form_version = ?, saved_at = ?, body = ? WHERE rowid = ?",
            (*values, rowid),
        )
        conn.execute("DELETE FROM draft_terms WHERE rowid = ?", (rowid,))
        if audit_update:
            audit.append(conn, "update", f"draft:{draft_id}", f"form={answers.form}")
    conn.execute(
        "INSERT INTO draft_terms (rowid, terms) VALUES (?, ?)",
        (rowid, index_terms(names_in(answers.answers))),
    )


class RegisterDraftStore:
    """Implements ``thbdesk.core.forms.drafts.DraftStore`` over the register's connection."""

    def __init__(self, write: Writer, read: Reader) -> None:
        self._write = write
        self._read = read
        self._notices: list[ThbError] = []
        self._audited: dict[str, float] = {}

    @staticmethod
    def _check(draft_id: str) -> str:
        if not _DRAFT_ID.match(draft_id):
            raise DraftNotFoundError(draft=draft_id[:80])
        return draft_id

    def save(self, draft_id: str, answers: Answers) -> Answers:
        """Store the draft with the time of saving, in one transaction; returns what was stored."""
        self._check(draft_id)
        saved = answers.saved_now()
        now = time.monotonic()
        due = now - self._audited.get(draft_id, -UPDATE_AUDIT_EVERY) >= UPDATE_AUDIT_EVERY
        with self._write() as conn:
            put(conn, draft_id, saved, due)
        if due:
            self._audited[draft_id] = now
        return saved

    def load(self, draft_id: str) -> Answers:
        self._check(draft_id)
        with self._read() as conn:
            row = conn.execute("SELECT body FROM drafts WHERE id = ?", (draft_id,)).fetchone()
        if row is None:
            raise DraftNotFoundError(draft=draft_id)
        return Answers.from_json(str(row[0]), draft_id)

    def list(self) -> list[DraftInfo]:
        """Every draft, newest first; no answer content."""
        with self._read() as conn:
            cursor = conn.execute(
                "SELECT id, form, form_version, saved_at FROM drafts ORDER BY saved_at DESC, id DESC"
            )
            return [DraftInfo(str(r[0]), str(r[1]), int(r[2]), str(r[3])) for r in cursor]

    def delete(self, draft_id: str) -> None:
        self._check(draft_id)
        with self._write() as conn:
            found = conn.execute("SELECT rowid FROM drafts WHERE id = ?", (draft_id,)).fetchone()
            if found is not None:
                conn.execute("DELETE FROM draft_terms WHERE rowid = ?", (found[0],))
                conn.execute("DELETE FROM drafts WHERE rowid = ?", (found[0],))
                audit.append(conn, "delete", f"draft:{draft_id}")
        self._audited.pop(draft_id, None)

    def take_notices(self) -> builtins.list[ThbError]:
        notices, self._notices = self._notices, []
        return notices

    def add_notices(self, notices: builtins.list[ThbError]) -> None:
        self._notices.extend(notices)

    def migrate_files(self, folder: Path | None) -> int:
        """Import each file draft in its own transaction, then delete its file: a kill in between
        leaves the file, and the next run skips a draft already there."""
        files = FileDraftStore(folder)
        count = 0
        for info in files.list():
            answers = files.load(info.id)
            with self._write() as conn:
                known = conn.execute("SELECT 1 FROM drafts WHERE id = ?", (info.id,)).fetchone()
                if known is None:
                    put(conn, info.id, answers, audit_update=False)
                    count += 1
            files.delete(info.id)
        self.add_notices(files.take_notices())
        return count
