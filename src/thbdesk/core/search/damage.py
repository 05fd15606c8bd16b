"""Telling a damaged index file from a busy one: only the first may be rebuilt.

``sqlite3.OperationalError`` ("database is locked") is a subclass of ``sqlite3.DatabaseError``, like
the errors of a broken file; catching the base class to rebuild once deleted an index another process
was using. SQLite's own result codes say which is which.
"""

from __future__ import annotations

import sqlite3

_DAMAGE_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})
_LOCK_CODES = frozenset({sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED})


def _primary_code(error: sqlite3.Error) -> int:
    return int(getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF


def is_damage(error: sqlite3.Error) -> bool:
    """Whether SQLite says the file itself is broken, as opposed to busy, locked or unwritable."""
    if _primary_code(error) in _DAMAGE_CODES:
        return True
    if isinstance(error, sqlite3.OperationalError) or is_locked(error):
        return False
    return "malformed" in str(error) or "not a database" in str(error)


def is_locked(error: sqlite3.Error) -> bool:
    """Whether another connection held a lock longer than our wait."""
    if _primary_code(error) in _LOCK_CODES:
        return True
    return isinstance(error, sqlite3.OperationalError) and ("locked" in str(error) or "busy" in str(error))
