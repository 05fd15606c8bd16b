"""A hash-chained audit log: each row holds the SHA-256 of the row before it.

The hash covers the row's own content and ``prev_hash``, so editing a row breaks its hash, and
deleting one leaves a gap in the ids and a ``prev_hash`` that no longer matches. ``audit_head`` keeps
the last id and hash, written in the same transaction as each row, so cutting off the newest rows is
caught too. Details hold ids, form ids and formats only, never personal data.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlcipher3 import dbapi2 as sqlite

# Details are "key=code" pairs (form ids, formats, counts, statuses): free text cannot slip in.
_DETAIL = re.compile(r"^(?:[a-z_]+=[A-Za-z0-9_.,:-]*(?: [a-z_]+=[A-Za-z0-9_.,:-]*)*)?$")
_TARGET = re.compile(r"^[a-z_]+(?::[A-Za-z0-9_.-]{1,80})?$")
ACTIONS = frozenset({"create", "update", "generate", "export", "open", "delete"})
GENESIS = "0" * 64


@dataclass(frozen=True)
class AuditProblem:
    row: int
    reason: str  # "edited" | "deleted" | "chain broken"


@dataclass(frozen=True)
class AuditRow:
    id: int
    time: str
    action: str
    target: str
    detail: str
    prev_hash: str
    hash: str


def row_hash(row_id: int, time: str, action: str, target: str, detail: str, prev_hash: str) -> str:
    canonical = json.dumps([row_id, time, action, target, detail, prev_hash], ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def append(conn: sqlite.Connection, action: str, target: str, detail: str = "") -> None:
    """Add one row; the caller holds the write transaction."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action: {action}")
    if not _TARGET.match(target) or not _DETAIL.match(detail):
        raise ValueError("an audit target or detail must be ids and key=code pairs (no free text)")
    head = conn.execute("SELECT count, last_id, hash FROM audit_head").fetchone()
    count, last_id, prev = (0, 0, GENESIS) if head is None else (int(head[0]), int(head[1]), str(head[2]))
    row_id = max(last_id, _max_id(conn)) + 1
    time = datetime.now(UTC).isoformat(timespec="microseconds")
    digest = row_hash(row_id, time, action, target, detail, prev)
    conn.execute(
        "INSERT INTO audit (id, time, action, target, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (row_id, time, action, target, detail, prev, digest),
    )
    conn.execute(
        "INSERT INTO audit_head (one, count, last_id, hash) VALUES (1, ?, ?, ?)"
        " ON CONFLICT(one) DO UPDATE SET count = excluded.count, last_id = excluded.last_id,"
        " hash = excluded.hash",
        (count + 1, row_id, digest),
    )


def _max_id(conn: sqlite.Connection) -> int:
    found = conn.execute("SELECT max(id) FROM audit").fetchone()
    return int(found[0]) if found and found[0] is not None else 0


def rows(conn: sqlite.Connection) -> list[AuditRow]:
    cursor = conn.execute("SELECT id, time, action, target, detail, prev_hash, hash FROM audit ORDER BY id")
    return [AuditRow(*row) for row in cursor]


def verify(conn: sqlite.Connection) -> list[AuditProblem]:
    """Every edited or deleted row, oldest first; an empty list means the log is intact."""
    problems: dict[int, str] = {}
    prev_id, prev_hash = 0, GENESIS
    for row in rows(conn):
        if row_hash(row.id, row.time, row.action, row.target, row.detail, row.prev_hash) != row.hash:
            problems.setdefault(row.id, "edited")
        if row.id != prev_id + 1:
            problems.setdefault(prev_id + 1, "deleted")
        elif row.prev_hash != prev_hash:
            # The row before was rewritten with a fresh hash of its own: it is the edited one.
            problems.setdefault(prev_id if prev_id else row.id, "edited" if prev_id else "chain broken")
        prev_id, prev_hash = row.id, row.hash
    _check_head(conn, prev_id, prev_hash, problems)
    return [AuditProblem(row, reason) for row, reason in sorted(problems.items())]


def _check_head(conn: sqlite.Connection, last_id: int, last_hash: str, problems: dict[int, str]) -> None:
    head = conn.execute("SELECT count, last_id, hash FROM audit_head").fetchone()
    if head is None:
        if last_id:
            problems.setdefault(1, "chain broken")
        return
    count, head_id, head_hash = int(head[0]), int(head[1]), str(head[2])
    if head_id > last_id:
        problems.setdefault(last_id + 1, "deleted")
    elif head_id < last_id or head_hash != last_hash:
        problems.setdefault(last_id, "edited" if head_id == last_id else "chain broken")
    found = conn.execute("SELECT count(*) FROM audit").fetchone()[0]
    if count != found and not problems:
        problems.setdefault(last_id, "chain broken")
