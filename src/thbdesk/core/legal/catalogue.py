"""The catalogue of imported texts: SQLite in WAL mode, so concurrent imports never lose a text.

Layout of the library folder:
- ``catalogue.sqlite3``: the texts and their articles (authoritative), with a schema version;
- ``<id>/``: ``original.<ext>`` and ``record.json`` (the row and its articles, to rebuild a
  damaged catalogue from);
- ``.staging/``: folders being written, and folders being removed.

The storage steps of an import all run while holding SQLite's write lock (``BEGIN IMMEDIATE``):
stage the folder → insert the rows → rename the folder to ``<id>`` → commit. A kill before the
commit rolls the rows back; the next open repairs under the same lock (so never while another
process is midway): staged folders and folders without a row are deleted, and the file imports
again. Removal deletes the rows, moves the folder into ``.staging`` and commits. A catalogue that
SQLite cannot read is renamed ``*.damaged-<time>`` and rebuilt from the folders. Every repair on
open also holds a file lock and looks again once it has it, so a second process never sees (and
"repairs") the empty catalogue of a rebuild under way; a new catalogue beside text folders adopts
them. Whatever was repaired is told to the user through ``notices``; "database is locked" only
ever waits.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

from thbdesk.core.atomic import copy_private, fsync_dir, write_text_atomic
from thbdesk.core.errors import (
    DiskFullError,
    LibraryBusyError,
    LibraryDamagedNotice,
    LibraryMigratedNotice,
    LibraryNewerError,
    LibraryRepairedNotice,
    LibraryUnavailableError,
    ReadOnlyStorageError,
    StorageError,
    TextFilesMissingNotice,
    ThbError,
    storage_error,
)
from thbdesk.core.legal import catalogue_rows as rows
from thbdesk.core.legal.catalogue_rows import (
    BUSY,
    SCHEMA,
    SCHEMA_VERSION,
    code,
    insert,
    row_article,
    row_text,
)
from thbdesk.core.legal.imported import ImportedArticle, ImportedText
from thbdesk.core.paths import private_dir

DB_FILE = "catalogue.sqlite3"
LEGACY_MANIFEST = "library.json"
STAGING = ".staging"
RECORD = "record.json"
REPAIR_LOCK = f"{DB_FILE}.lock"  # beside -wal and -shm: part of the catalogue, not of the texts
BUSY_TIMEOUT_S = 60.0  # "database is locked" waits this long, then is reported; it never means damage
_ID = re.compile(r"^[0-9a-f]{16}$")
_LEGACY_STAGING = re.compile(r"^\.[0-9a-f]{16}\.")  # temporary folders of the JSON-manifest version
_CORRUPT, _NOTADB, _FULL, _READONLY, _CANTOPEN, _PERM = 11, 26, 13, 8, 14, 3

# Tests set this to crash the process between storage steps; it is called with the step's name.
fault_hook: Callable[[str], None] | None = None


def _step(name: str) -> None:
    if fault_hook is not None:
        fault_hook(name)


class _Damaged(Exception):
    pass


class Catalogue:
    """Opens (and repairs) lazily: listing texts must not fail because the store cannot be written."""

    def __init__(self, root: Path, notices: list[ThbError], *, private_parent: bool = False) -> None:
        self.root, self.notices = root, notices
        self._private_parent = private_parent  # the user data dir: tightened if an old version made it 0755
        self._failure: ThbError | None = None
        self._opened = False

    @property
    def path(self) -> Path:
        return self.root / DB_FILE

    # --- reading -------------------------------------------------------------------------------

    def texts(self) -> list[ImportedText]:
        return [row_text(row) for row in self._read("SELECT * FROM texts ORDER BY seq")]

    def text_with_sha(self, sha256: str) -> ImportedText | None:
        rows = self._read("SELECT * FROM texts WHERE sha256 = ?", (sha256,))
        return row_text(rows[0]) if rows else None

    def articles(self, text_id: str) -> list[ImportedArticle]:
        sql = "SELECT * FROM articles WHERE text_id = ? ORDER BY position"
        return [row_article(row) for row in self._read(sql, (text_id,))]

    def official(self, instrument: str, number: str) -> list[tuple[ImportedText, ImportedArticle]]:
        """Articles aligned to ``instrument:number``, including those another law inserts into a code."""
        from thbdesk.core.legal.align import mentions, provision_key

        sql = (
            "SELECT t.*, a.number AS a_number, a.heading, a.body, a.lang AS a_lang, a.context"
            " FROM articles a JOIN texts t ON t.id = a.text_id"
            " WHERE a.number = ? ORDER BY t.seq, a.position"
        )
        key = f"{instrument}:{number}"
        found = []
        for row in self._read(sql, (number,)):
            text = row_text(row)
            if not mentions(text, instrument, number):
                continue
            context = tuple(json.loads(row["context"]))
            article = ImportedArticle(row["a_number"], row["heading"], row["body"], row["a_lang"], context)
            if provision_key(text, article) == key:
                found.append((text, article))
        return found

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        if not self._usable():
            return []
        try:
            with closing(self._connect()) as db:
                return db.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            if code(exc) in BUSY:
                raise LibraryBusyError(details=str(exc)) from exc
            self._fail(LibraryUnavailableError(details=str(exc), reason=str(exc)))
            return []

    # --- writing -------------------------------------------------------------------------------

    def add(self, text: ImportedText, articles: list[ImportedArticle], source: Path) -> ImportedText:
        """Store a new text; if the same file got in meanwhile (another process), return that one."""
        self.require()
        with self._writing() as db:
            row = db.execute("SELECT * FROM texts WHERE sha256 = ?", (text.sha256,)).fetchone()
            if row is not None:
                return row_text(row)
            staged = self._stage(text, articles, source)
            final = self.root / text.id
            try:
                _step("staged")
                insert(db, text, articles)
                _step("recorded")
                if final.exists():  # left by a crash before a commit: we hold the lock, nobody uses it
                    shutil.rmtree(final)
                staged.rename(final)
            except BaseException:
                shutil.rmtree(staged, ignore_errors=True)
                raise
            try:
                fsync_dir(self.root)
                _step("placed")
                db.execute("COMMIT")
            except BaseException:
                shutil.rmtree(final, ignore_errors=True)
                raise
        _step("committed")
        return text

    def remove(self, text_id: str) -> ImportedText | None:
        self.require()
        with self._writing() as db:
            row = db.execute("SELECT * FROM texts WHERE id = ?", (text_id,)).fetchone()
            if row is None:
                return None
            db.execute("DELETE FROM texts WHERE id = ?", (text_id,))
            _step("unrecorded")
            trash = Path(tempfile.mkdtemp(prefix="removed-", dir=self._staging()))
            if (self.root / text_id).exists():
                (self.root / text_id).rename(trash / text_id)
            _step("moved")
            db.execute("COMMIT")
        _step("committed")
        shutil.rmtree(trash, ignore_errors=True)
        return row_text(row)

    def _stage(self, text: ImportedText, articles: list[ImportedArticle], source: Path) -> Path:
        staged = Path(tempfile.mkdtemp(prefix=f"{text.id}-", dir=self._staging()))
        try:
            copy_private(source, staged / f"original{source.suffix.lower()}")
            record = {
                "version": SCHEMA_VERSION,
                "text": text.to_json(),
                "articles": [asdict(a) for a in articles],
            }
            write_text_atomic(staged / RECORD, json.dumps(record, ensure_ascii=False))
        except BaseException:
            shutil.rmtree(staged, ignore_errors=True)
            raise
        return staged

    def _staging(self) -> Path:
        return private_dir(self.root / STAGING)

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One write transaction under SQLite's lock; storage failures become the user's errors."""
        try:
            with closing(self._connect()) as db:
                db.execute("BEGIN IMMEDIATE")
                try:
                    yield db
                finally:
                    if db.in_transaction:
                        db.execute("ROLLBACK")
        except (OSError, sqlite3.Error) as exc:
            error = self._storage_error(exc)
            if error is exc:
                raise
            raise error from exc

    def _storage_error(self, exc: OSError | sqlite3.Error) -> BaseException:
        if isinstance(exc, OSError):
            return storage_error(exc, self.root) or exc
        primary = code(exc)
        if primary in BUSY:
            return LibraryBusyError(details=str(exc))
        if primary == _FULL:
            return DiskFullError(details=str(exc), path=str(self.root))
        if primary in (_READONLY, _CANTOPEN, _PERM):
            return ReadOnlyStorageError(details=str(exc), path=str(self.root))
        return exc

    # --- opening and repair --------------------------------------------------------------------

    def _usable(self) -> bool:
        if not self._opened:
            self._opened = True
            try:
                self._prepare()
            except (LibraryNewerError, LibraryBusyError, StorageError) as error:
                self._fail(error)
            except (OSError, sqlite3.Error) as exc:
                mapped = self._storage_error(exc)
                self._fail(
                    mapped if isinstance(mapped, ThbError) else LibraryUnavailableError(reason=str(exc))
                )
        return self._failure is None

    def require(self) -> None:
        """Raise what keeps the store from being used (read-only folder, newer version, damage)."""
        if not self._usable() and self._failure is not None:
            raise self._failure

    def _fail(self, error: ThbError) -> None:
        if self._failure is None:
            self._failure = error
            self.notices.append(error if not isinstance(error, StorageError) else _unavailable(error))

    def _prepare(self) -> None:
        if self._private_parent:
            private_dir(self.root.parent)
        private_dir(self.root)
        if not self.path.exists():
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT, 0o600)  # -wal and -shm take its mode
            os.close(fd)
        if self._settled():
            return
        # Every repair runs under this lock and looks again first: a second process opening at the
        # same moment waits, then finds the work done (never an empty catalogue being rebuilt).
        with _exclusive(self.root / REPAIR_LOCK):
            if not self._settled():
                self._settle()

    def _settled(self) -> bool:
        """Readable, current and consistent: nothing to repair (a cheap look, without the lock)."""
        try:
            version = self._check()
        except _Damaged:
            return False
        if version > SCHEMA_VERSION:
            raise LibraryNewerError()
        return version == SCHEMA_VERSION and not self._looks_inconsistent()

    def _settle(self) -> None:
        """Under the repair lock: set a damaged catalogue aside and rebuild it, or bring it up to date."""
        try:
            self._check()
        except _Damaged:
            backup = self._set_aside()
            _step("set aside")
            count = self._repair(adopt=True)
            self.notices.append(LibraryDamagedNotice(backup=str(backup), count=count))
            return
        self._repair(adopt=False)

    def _check(self) -> int:
        """The schema version (0 for a new file); ``_Damaged`` if SQLite cannot read it."""
        if not self.path.is_file():
            raise _Damaged()
        try:
            with closing(self._connect()) as db:
                if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                    raise _Damaged()
                tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
                if "schema_version" not in tables:
                    return 0
                row = db.execute("SELECT max(version) FROM schema_version").fetchone()
                if row[0] is None or not {"texts", "articles"} <= tables:
                    raise _Damaged()
                return int(row[0])
        except sqlite3.DatabaseError as exc:
            if code(exc) in (_CORRUPT, _NOTADB):
                raise _Damaged() from exc
            raise

    def _looks_inconsistent(self) -> bool:
        """A cheap look without the lock: leftovers of a crash, or an old manifest to migrate."""
        names = {p.name for p in self.root.iterdir()}
        staging = self.root / STAGING
        if LEGACY_MANIFEST in names or any(_LEGACY_STAGING.match(n) for n in names):
            return True
        if staging.is_dir() and any(staging.iterdir()):
            return True
        with closing(self._connect()) as db:
            ids = {r[0] for r in db.execute("SELECT id FROM texts")}
        return ids != {n for n in names if _ID.match(n)}

    def _set_aside(self) -> Path:
        stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
        backup = self.path.with_name(f"{DB_FILE}.damaged-{stamp}")
        counter = 1
        while os.path.lexists(backup):  # never overwrite an earlier backup
            backup = self.path.with_name(f"{DB_FILE}.damaged-{stamp}-{counter}")
            counter += 1
        for suffix in ("", "-wal", "-shm"):
            part = self.path.with_name(DB_FILE + suffix)
            if part.exists():
                part.rename(backup.with_name(backup.name + suffix))
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT, 0o600)
        os.close(fd)
        return backup

    def _repair(self, *, adopt: bool) -> int:
        """Under the write lock: schema, migration, leftovers; returns how many texts the catalogue holds."""
        with self._writing() as db:
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            fresh = "schema_version" not in tables
            if fresh:
                for statement in SCHEMA:
                    db.execute(statement)
            migrated = self._migrate_legacy(db)
            # A new catalogue next to text folders lost its predecessor (killed while rebuilding it,
            # or deleted): the folders are texts to keep, never crash leftovers to delete.
            adopted = self._adopt_folders(db) if adopt or fresh else 0
            missing, cleaned = self._reconcile(db)
            count = db.execute("SELECT count(*) FROM texts").fetchone()[0]
            db.execute("COMMIT")
        legacy = self.root / LEGACY_MANIFEST
        if legacy.exists():  # only once the migrated rows are committed
            legacy.rename(legacy.with_name(f"{LEGACY_MANIFEST}.migrated"))
        if migrated and not adopt:
            self.notices.append(LibraryMigratedNotice(count=migrated))
        if missing:
            self.notices.append(TextFilesMissingNotice(count=missing))
        if (cleaned or adopted) and not adopt and not migrated:
            self.notices.append(LibraryRepairedNotice())
        return int(count)

    def _migrate_legacy(self, db: sqlite3.Connection) -> int:
        """Texts of the JSON-manifest version: rows from library.json, articles from each folder."""
        legacy = self.root / LEGACY_MANIFEST
        if not legacy.exists():
            return 0
        try:
            entries = json.loads(legacy.read_text(encoding="utf-8")).get("texts", [])
        except (OSError, ValueError, AttributeError):
            return 0
        count = 0
        for entry in entries:
            try:
                text = ImportedText.from_json(entry)
                raw = json.loads((self.root / text.id / "articles.json").read_text(encoding="utf-8"))
                articles = [ImportedArticle.from_json(a) for a in raw]
            except (OSError, ValueError, TypeError, KeyError):
                continue
            if insert(db, text, articles, ignore=True):
                record = {"version": SCHEMA_VERSION, "text": text.to_json(), "articles": raw}
                write_text_atomic(self.root / text.id / RECORD, json.dumps(record, ensure_ascii=False))
                count += 1
        return count

    def _adopt_folders(self, db: sqlite3.Connection) -> int:
        """Rows for the folders whose record is intact; returns how many were not in the catalogue."""
        found = []
        for folder in self.root.iterdir():
            try:
                record = json.loads((folder / RECORD).read_text(encoding="utf-8"))
                text = ImportedText.from_json(record["text"])
                articles = [ImportedArticle.from_json(a) for a in record["articles"]]
            except (OSError, ValueError, TypeError, KeyError, AttributeError):
                continue
            if text.id == folder.name:
                found.append((text, articles))
        ordered = sorted(found, key=lambda item: (item[0].imported_at, item[0].id))
        return sum(insert(db, text, articles, ignore=True) for text, articles in ordered)

    def _reconcile(self, db: sqlite3.Connection) -> tuple[int, int]:
        """Rows whose folder vanished go; folders and staging left by a crash go. Returns both counts."""
        ids = {r[0] for r in db.execute("SELECT id FROM texts")}
        folders = {p.name for p in self.root.iterdir() if _ID.match(p.name) and p.is_dir()}
        for text_id in ids - folders:
            db.execute("DELETE FROM texts WHERE id = ?", (text_id,))
        leftovers = [self.root / name for name in folders - ids]
        leftovers += [p for p in self.root.iterdir() if _LEGACY_STAGING.match(p.name)]
        staging = self.root / STAGING
        if staging.is_dir():
            leftovers += list(staging.iterdir())
        for path in leftovers:
            shutil.rmtree(path, ignore_errors=True)
        return len(ids - folders), len(leftovers)

    def _connect(self) -> sqlite3.Connection:
        return rows.connect(self.path, BUSY_TIMEOUT_S)


@contextmanager
def _exclusive(path: Path) -> Iterator[None]:
    """A lock across processes for the rare repair of a damaged file (SQLite's own lock needs a
    readable database). Without ``fcntl`` (Windows) two windows opening it at once may both repair."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _unavailable(error: StorageError) -> ThbError:
    return LibraryUnavailableError(details=error.details, reason=error.user_message())
