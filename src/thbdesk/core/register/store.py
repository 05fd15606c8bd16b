"""The register: drafts, documents and the audit log in one SQLCipher database.

The whole file is encrypted (pages, WAL, FTS index), so no personal field can be left in clear by
a column added later. No SQL lives outside ``core/register``: a shared PostgreSQL register can later
stand behind the same ``Register`` interface.
"""

from __future__ import annotations

import math
import os
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlite

from thbdesk.core.errors import (
    PassphraseTooShortError,
    RegisterCorruptError,
    RegisterExistsError,
    RegisterLockedError,
    RegisterMissingError,
    UnlockTooSoonError,
    WrongPassphraseError,
    storage_error,
)
from thbdesk.core.forms.drafts import DraftInfo
from thbdesk.core.paths import private_dir, user_dir_path
from thbdesk.core.register import audit as audit_log
from thbdesk.core.register import documents as docs
from thbdesk.core.register import keys, schema, swap
from thbdesk.core.register.audit import AuditProblem
from thbdesk.core.register.db import DB_FILE, NOT_A_DATABASE, connect, error_name, transaction, user_error
from thbdesk.core.register.documents import DocStatus, DocumentFilter, DocumentRecord, DocumentRow
from thbdesk.core.register.drafts import RegisterDraftStore
from thbdesk.core.register.stats import StatsRecord

__all__ = [
    "AuditProblem",
    "DocStatus",
    "DocumentFilter",
    "DocumentRecord",
    "DocumentRow",
    "Register",
    "RegisterDraftStore",
    "StatsRecord",
    "register_dir",
]

MIN_PASSPHRASE = 10  # one rule for the window and the command line
_SIDE_FILES = ("", "-wal", "-shm")


def register_dir() -> Path:
    return user_dir_path("data") / "register"


class Register:
    """An unlocked register. ``close()`` locks it: every method then raises ``RegisterLockedError``."""

    def __init__(self, folder: Path, conn: sqlite.Connection, key: bytes) -> None:
        self.folder = folder
        self._conn: sqlite.Connection | None = conn
        self._key = key  # kept while unlocked, for backup_to; dropped by close()
        # One connection shared by the GUI thread and a generating worker: a transaction must not
        # interleave with another thread's statements.
        self._lock = threading.RLock()
        self._drafts = RegisterDraftStore(self._writing, self._guarded)

    # -- opening -----------------------------------------------------------------------------------
    @staticmethod
    def exists(folder: Path | None = None) -> bool:
        folder = folder or register_dir()
        if (folder / swap.JOURNAL).exists():
            with suppress(OSError):  # a read-only folder: opening will say so
                swap.finish_interrupted(folder)
        return (folder / DB_FILE).is_file()

    @staticmethod
    def wait_before_next_attempt(folder: Path | None = None) -> float:
        return keys.wait_remaining(folder or register_dir())

    @classmethod
    def create(cls, passphrase: str, folder: Path | None = None, *, kdf_n: int = keys.DEFAULT_N) -> Register:
        """A new, empty register; ``kdf_n`` is lowered by tests only (the key file records it)."""
        folder = folder or register_dir()
        if cls.exists(folder):
            raise RegisterExistsError(folder=str(folder))
        if len(passphrase) < MIN_PASSPHRASE:
            raise PassphraseTooShortError(min=MIN_PASSPHRASE)
        key_file, key = keys.KeyFile.new(passphrase, kdf_n)
        try:
            private_dir(folder)
            # The key file first: a kill before the database exists leaves no register, only a salt.
            key_file.write(folder)
            _touch_private(folder / DB_FILE)
            conn = connect(folder / DB_FILE, key)
        except OSError as exc:
            raise storage_error(exc, folder) or exc from exc
        register = cls(folder, conn, key)
        try:
            schema.migrate(conn)
            with register._writing() as c:
                audit_log.append(c, "create", "register")
        except BaseException:
            register.close()
            raise
        keys.reset_failures(folder)
        return register

    @classmethod
    def open(cls, passphrase: str, folder: Path | None = None) -> Register:
        folder = folder or register_dir()
        if not cls.exists(folder):
            raise RegisterMissingError(folder=str(folder))
        wait = keys.wait_remaining(folder)
        if wait > 0:
            raise UnlockTooSoonError(wait=math.ceil(wait))
        key_file = keys.KeyFile.read(folder)
        if key_file is None:
            raise RegisterCorruptError(details="key file", backup=str(_set_aside(folder)))
        key = key_file.key_for(passphrase)
        if key is None:
            try:
                delay = keys.record_failure(folder)
            except OSError:  # a read-only folder must not turn a wrong passphrase into a crash
                delay = 1.0
            raise WrongPassphraseError(wait=math.ceil(delay))
        keys.reset_failures(folder)
        return cls(folder, _open_checked(folder, key), key)

    def close(self) -> None:
        with self._lock:
            self._close()

    def _close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        self._key = b""

    @property
    def key_file_path(self) -> Path:
        """The salt and scrypt parameters: a backup needs it to be opened with the passphrase."""
        return self.folder / keys.KEY_FILE

    # -- connection --------------------------------------------------------------------------------
    def _reading(self) -> sqlite.Connection:
        if self._conn is None:
            raise RegisterLockedError()
        return self._conn

    @contextmanager
    def _guarded(self) -> Iterator[sqlite.Connection]:
        """The connection, with SQLite failures turned into the user's errors. A page found damaged
        mid-session sets the database aside like a damaged file at unlock: never a crash."""
        path = self.folder / DB_FILE
        try:
            with self._lock:
                yield self._reading()
        except sqlite.DatabaseError as exc:
            typed = user_error(exc, path)
            if typed is not None:
                raise typed from exc
            if not _is_damage(exc):
                raise
            self.close()
            raise RegisterCorruptError(details=str(exc), backup=str(_set_aside(self.folder))) from exc

    @contextmanager
    def _writing(self) -> Iterator[sqlite.Connection]:
        with self._guarded() as conn, transaction(conn, self.folder / DB_FILE):
            yield conn

    # -- drafts ------------------------------------------------------------------------------------
    def drafts(self) -> RegisterDraftStore:
        return self._drafts

    def migrate_file_drafts(self, folder: Path | None = None) -> int:
        return self._drafts.migrate_files(folder)

    # -- documents ---------------------------------------------------------------------------------
    def add_document(self, record: DocumentRecord) -> int:
        with self._writing() as conn:
            return docs.add(conn, record)

    def documents(self, filt: DocumentFilter = DocumentFilter()) -> list[DocumentRow]:  # noqa: B008
        with self._guarded() as conn:
            return docs.find(conn, filt)

    def drafts_matching(self, filt: DocumentFilter) -> list[DraftInfo]:
        with self._guarded() as conn:
            return docs.find_drafts(conn, filt)

    def document_file(self, doc_id: int, fmt: str) -> bytes:
        with self._writing() as conn:
            return docs.file_bytes(conn, doc_id, fmt)

    def set_status(self, doc_id: int, status: DocStatus, reason: str) -> None:
        with self._writing() as conn:
            docs.set_status(conn, doc_id, status, reason)

    def record_export(self, doc_id: int, paths: list[str]) -> None:
        with self._writing() as conn:
            docs.record_export(conn, doc_id, paths)

    # -- audit -------------------------------------------------------------------------------------
    def audit(self, action: str, target: str, detail: str = "") -> None:
        with self._writing() as conn:
            audit_log.append(conn, action, target, detail)

    def verify_audit(self) -> list[AuditProblem]:
        with self._guarded() as conn:
            return audit_log.verify(conn)

    def audit_rows(self) -> list[audit_log.AuditRow]:
        with self._guarded() as conn:
            return audit_log.rows(conn)

    # -- statistics, checks and backup -------------------------------------------------------------
    def stats_records(self) -> Iterator[StatsRecord]:
        with self._guarded() as conn:
            return iter(list(docs.stats_records(conn)))

    def integrity_ok(self) -> bool:
        """``PRAGMA integrity_check`` (reads every page: for a restore or a test, not each unlock)."""
        with self._guarded() as conn:
            return conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]

    def schema_version(self) -> int:
        with self._guarded() as conn:
            return schema.current_version(conn)

    def backup_to(self, out: Path) -> None:
        """An encrypted copy under the same key, written to a temporary name then renamed: a kill
        leaves no half backup under ``out``. ``key_file_path`` is needed to open it."""
        with self._lock:
            self._backup_to(out)

    def _backup_to(self, out: Path) -> None:
        source = self._reading()
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            target = connect(tmp, self._key)
            try:
                source.backup(target)
                target.execute("PRAGMA journal_mode = DELETE").fetchone()
            finally:
                target.close()
            os.replace(tmp, out)
        except sqlite.Error as exc:
            raise user_error(exc, out) or exc from exc
        except OSError as exc:
            raise storage_error(exc, out) or exc from exc
        finally:
            for suffix in _SIDE_FILES:
                Path(f"{tmp}{suffix}").unlink(missing_ok=True)


def _touch_private(path: Path) -> None:
    """Create the database file 0600 first: SQLite gives its -wal and -shm files the same mode."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    os.close(fd)
    if os.name == "posix":
        path.chmod(0o600)


def _open_checked(folder: Path, key: bytes) -> sqlite.Connection:
    """Open with the right key; a file that still cannot be read is damaged and is set aside."""
    path = folder / DB_FILE
    for suffix in _SIDE_FILES:
        side = Path(f"{path}{suffix}")
        if os.name == "posix" and side.exists() and side.stat().st_mode & 0o077:
            side.chmod(0o600)
    private_dir(folder)
    try:
        conn = connect(path, key)
    except sqlite.DatabaseError as exc:
        typed = user_error(exc, path)
        if typed is not None:
            raise typed from exc
        if _is_damage(exc):
            raise RegisterCorruptError(details=str(exc), backup=str(_set_aside(folder))) from exc
        raise
    try:
        schema.migrate(conn)
    except sqlite.DatabaseError as exc:
        conn.close()
        typed = user_error(exc, path)
        if typed is not None:
            raise typed from exc
        raise RegisterCorruptError(details=str(exc), backup=str(_set_aside(folder))) from exc
    except BaseException:
        conn.close()
        raise
    return conn


def _is_damage(exc: sqlite.DatabaseError) -> bool:
    return error_name(exc) in NOT_A_DATABASE or "not a database" in str(exc) or "malformed" in str(exc)


def _set_aside(folder: Path) -> Path:
    """Rename the database (with its WAL, so it stays readable by an expert) and the key file."""
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S%f")
    path = folder / DB_FILE
    kept = path.with_name(f"{path.name}.damaged-{stamp}")
    for suffix in _SIDE_FILES:
        side = Path(f"{path}{suffix}")
        if side.exists():
            side.rename(f"{kept}{suffix}")
    key_path = folder / keys.KEY_FILE
    if key_path.exists():
        key_path.rename(key_path.with_name(f"{key_path.name}.damaged-{stamp}"))
    return kept
