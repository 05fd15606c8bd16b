"""The catalogue's SQL: schema, connection settings, and rows to and from the imported-text types."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

from thbdesk.core.legal.imported import ImportedArticle, ImportedText

SCHEMA_VERSION = 1
BUSY = (5, 6)  # SQLITE_BUSY, SQLITE_LOCKED: wait or report, never treat as damage

SCHEMA = (
    "CREATE TABLE schema_version(version INTEGER NOT NULL)",
    """CREATE TABLE texts(
        seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL, sha256 TEXT UNIQUE NOT NULL,
        filename TEXT NOT NULL, instrument TEXT NOT NULL, lang TEXT NOT NULL, format TEXT NOT NULL,
        imported_at TEXT NOT NULL, article_count INTEGER NOT NULL, aligned TEXT NOT NULL,
        repaired_lines INTEGER NOT NULL)""",
    """CREATE TABLE articles(
        text_id TEXT NOT NULL REFERENCES texts(id) ON DELETE CASCADE, position INTEGER NOT NULL,
        number TEXT, heading TEXT NOT NULL, body TEXT NOT NULL, lang TEXT NOT NULL,
        context TEXT NOT NULL, PRIMARY KEY (text_id, position))""",
    "CREATE INDEX articles_number ON articles(number)",
    f"INSERT INTO schema_version VALUES ({SCHEMA_VERSION})",
)


def connect(path: Path, timeout: float) -> sqlite3.Connection:
    """WAL so readers never block the writer; busy_timeout so a second writer waits its turn."""
    db = sqlite3.connect(path, timeout=timeout, isolation_level=None)
    db.row_factory = sqlite3.Row
    _use_wal(db, timeout)
    db.execute("PRAGMA synchronous = FULL")
    db.execute("PRAGMA foreign_keys = ON")
    return db


def insert(
    db: sqlite3.Connection, text: ImportedText, articles: list[ImportedArticle], *, ignore: bool = False
) -> bool:
    verb = "INSERT OR IGNORE" if ignore else "INSERT"
    cursor = db.execute(
        f"{verb} INTO texts(id, sha256, filename, instrument, lang, format, imported_at, article_count,"
        " aligned, repaired_lines) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            text.id,
            text.sha256,
            text.filename,
            text.instrument,
            text.lang,
            text.format,
            text.imported_at,
            text.article_count,
            json.dumps(list(text.aligned)),
            text.repaired_lines,
        ),
    )
    if cursor.rowcount == 0:
        return False
    db.executemany(
        "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                text.id,
                position,
                a.number,
                a.heading,
                a.text,
                a.lang,
                json.dumps(list(a.context), ensure_ascii=False),
            )
            for position, a in enumerate(articles)
        ],
    )
    return True


def _use_wal(db: sqlite3.Connection, timeout: float) -> None:
    """Switch a new file to WAL (persistent). SQLite answers "busy" to that switch without waiting
    when another process opens the file at the same moment, so wait here as busy_timeout would."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if code(exc) not in BUSY or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def row_text(row: sqlite3.Row) -> ImportedText:
    return ImportedText(
        id=row["id"],
        sha256=row["sha256"],
        filename=row["filename"],
        instrument=row["instrument"],
        lang=row["lang"],
        format=row["format"],
        imported_at=row["imported_at"],
        article_count=row["article_count"],
        aligned=tuple(json.loads(row["aligned"])),
        repaired_lines=row["repaired_lines"],
    )


def row_article(row: sqlite3.Row) -> ImportedArticle:
    context = tuple(json.loads(row["context"]))
    return ImportedArticle(row["number"], row["heading"], row["body"], row["lang"], context)


def code(exc: sqlite3.Error) -> int:
    return int(getattr(exc, "sqlite_errorcode", 0)) & 0xFF  # extended codes keep the primary in the low byte
