"""The register's tables and their migrations, applied in one transaction each.

``schema_version`` has a single row. A migration is appended, never edited: a register written by
an older thbdesk runs the ones it lacks when it is opened.
"""

from __future__ import annotations

from sqlcipher3 import dbapi2 as sqlite

from thbdesk.core.errors import RegisterNewerError

_V1 = """
CREATE TABLE drafts (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    form TEXT NOT NULL,
    form_version INTEGER NOT NULL,
    saved_at TEXT NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX drafts_saved ON drafts(saved_at);
CREATE VIRTUAL TABLE draft_terms USING fts5(terms,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);

CREATE TABLE documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    reference TEXT NOT NULL,
    form TEXT NOT NULL,
    form_version INTEGER NOT NULL,
    langs TEXT NOT NULL,
    layout TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    author TEXT NOT NULL,
    created_at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'final', 'cancelled')),
    status_reason TEXT NOT NULL DEFAULT '',
    exported_to TEXT NOT NULL DEFAULT '[]',
    draft_id TEXT,
    codes TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX documents_created ON documents(created_at);
-- Each index is also in rowid order: "form = ? ORDER BY id DESC LIMIT n" reads n entries, no sort.
CREATE INDEX documents_form ON documents(form);
CREATE INDEX documents_status ON documents(status);
CREATE TABLE document_files (
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    fmt TEXT NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (doc_id, fmt)
);
CREATE VIRTUAL TABLE document_terms USING fts5(terms,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);

CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    time TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE TABLE audit_head (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    count INTEGER NOT NULL,
    last_id INTEGER NOT NULL,
    hash TEXT NOT NULL
);
"""

MIGRATIONS: tuple[str, ...] = (_V1,)
VERSION = len(MIGRATIONS)


def current_version(conn: sqlite.Connection) -> int:
    row = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()
    if row is None:
        return 0
    found = conn.execute("SELECT version FROM schema_version").fetchone()
    return int(found[0]) if found else 0


def migrate(conn: sqlite.Connection) -> int:
    """Bring the schema up to ``VERSION``; refuse a register from a newer thbdesk."""
    version = current_version(conn)
    if version > VERSION:
        raise RegisterNewerError(details=f"schema {version} > {VERSION}")
    for number in range(version, VERSION):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if number == 0:
                conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
                conn.execute("INSERT INTO schema_version VALUES (0)")
            for statement in MIGRATIONS[number].split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute("UPDATE schema_version SET version = ?", (number + 1,))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return VERSION
