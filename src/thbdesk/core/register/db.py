"""SQLCipher connections and the translation of SQLite failures into the user's errors.

Autocommit mode (``isolation_level=None``): every write is an explicit ``BEGIN IMMEDIATE`` … ``COMMIT``
so one save is one transaction and a second process waits (``busy_timeout``) rather than failing.
"""

from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlite

from thbdesk.core.errors import RegisterLockedError, ThbError, storage_error

BUSY_TIMEOUT_MS = 10_000
CACHE_KIB = 32 * 1024
DB_FILE = "register.sqlite3"
_FULL = {"SQLITE_FULL"}
_DENIED = {"SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH"}
_BUSY = {"SQLITE_BUSY", "SQLITE_LOCKED"}
NOT_A_DATABASE = {"SQLITE_NOTADB", "SQLITE_CORRUPT"}


def connect(path: Path, key: bytes) -> sqlite.Connection:
    """Open (or create) the encrypted database; the first read fails if the key or file is wrong."""
    conn = sqlite.connect(str(path), isolation_level=None, check_same_thread=False, timeout=0)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        # Sorts and temporary indexes stay in memory: nothing decrypted lands in the temp dir.
        conn.execute("PRAGMA temp_store = MEMORY")
        # Every page read from disk is decrypted: 32 MB of decrypted pages keeps a 100,000-document
        # register's tables and indexes in memory (bench/register.py).
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        conn.execute("PRAGMA secure_delete = ON")
    except BaseException:
        conn.close()
        raise
    return conn


def error_name(exc: sqlite.Error) -> str:
    return str(getattr(exc, "sqlite_errorname", "") or "")


def user_error(exc: sqlite.Error, path: Path) -> ThbError | None:
    """The user-fixable error behind an SQLite failure (full disk, read-only, busy), if it is one."""
    name = error_name(exc).split("_", 2)
    base = "_".join(name[:2])
    if base in _FULL:
        return storage_error(OSError(errno.ENOSPC, str(exc)), path)
    if base in _DENIED:
        return storage_error(OSError(errno.EROFS, str(exc)), path)
    if base in _BUSY:
        return RegisterLockedError(details=str(exc))
    return None


@contextmanager
def transaction(conn: sqlite.Connection, path: Path) -> Iterator[sqlite.Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``; any failure rolls back and becomes a typed error if it is one."""
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    except sqlite.Error as exc:
        typed = user_error(exc, path)
        if typed is None:
            raise
        raise typed from exc
    except OSError as exc:
        typed_os = storage_error(exc, path)
        if typed_os is None:
            raise
        raise typed_os from exc
