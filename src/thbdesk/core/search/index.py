"""The search index: SQLite FTS5 over text analysed by thbdesk's own analyzers, in the cache dir.

Why not a Whoosh index: Whoosh scores postings in pure Python; measured with bench/search.py on a
generated corpus, its p95 query latency was ~120 ms at 5,000 provisions and grows with the corpus,
against a 50 ms target at 50,000. FTS5 does matching and BM25 in C. The analysis stays ours (the
Whoosh filter chain of ``analysis.py``): each field is stored as its analysed terms, so hamza, alef,
clitics, stems and article numbers match exactly as designed; the original texts are kept beside
them for titles and snippets.

The file is named after a digest of the schema, the analysis rules and the bundled corpus, and a
``meta`` table records them too: different rules or corpus mean a new file, built under a temporary
name and linked into place in one step, so a process still reading the old one is never disturbed.
Imported texts added or removed since are applied incrementally, in one write transaction that
re-reads what is indexed first, so two processes never add the same text twice.

Several processes share the file: it is in WAL mode and every connection waits for a lock
(``busy_timeout``) instead of failing. Only a file SQLite reports as damaged is rebuilt; "database is
locked" is a wait, never a rebuild. The folder is private (0700) and the files 0600: they hold
imported texts.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import sqlite3
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from thbdesk.core.i18n import LANGUAGES
from thbdesk.core.legal.library import Library
from thbdesk.core.legal.model import Corpus
from thbdesk.core.paths import cache_dir
from thbdesk.core.search import analysis, documents, normalize, terms
from thbdesk.core.search.damage import is_damage
from thbdesk.core.search.documents import SearchDocument, corpus_documents, imported_documents
from thbdesk.core.search.terms import spelling_terms, terms_of

SCHEMA_VERSION = 3
BUSY_TIMEOUT_S = 30.0  # another process importing holds the write lock for seconds at most
BATCH = 500
STALE_BUILD_S = 3600.0  # a ".building" file this old was left by a crash
HEADING_WEIGHT = 3.0
COLUMNS = tuple(f"{part}_{lang}" for part in ("h", "b") for lang in LANGUAGES)

Progress = Callable[[int, int], None]

_SCHEMA = f"""
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE docs(
    id INTEGER PRIMARY KEY, key TEXT UNIQUE NOT NULL, provision_key TEXT NOT NULL,
    instrument TEXT NOT NULL, number TEXT NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL,
    source TEXT NOT NULL, text_id TEXT NOT NULL, langs TEXT NOT NULL, titles TEXT NOT NULL,
    headings TEXT NOT NULL, bodies TEXT NOT NULL);
CREATE INDEX docs_number ON docs(number);
CREATE INDEX docs_text ON docs(text_id);
CREATE VIRTUAL TABLE terms USING fts5({", ".join(COLUMNS)},
    tokenize="unicode61 remove_diacritics 0 tokenchars '-'");
CREATE VIRTUAL TABLE vocabulary USING fts5vocab(terms, 'row');
CREATE TABLE words(word TEXT PRIMARY KEY, count INTEGER NOT NULL) WITHOUT ROWID;
"""


def rules_digest() -> str:
    """Changing an analysis rule or the schema changes the terms: old indexes must be rebuilt."""
    digest = hashlib.sha256(str(SCHEMA_VERSION).encode())
    for source in (analysis.__file__, normalize.__file__, terms.__file__, __file__, documents.__file__):
        digest.update(Path(str(source)).read_bytes())
    return digest.hexdigest()


def corpus_digest(corpus: Corpus) -> str:
    return hashlib.sha256(pickle.dumps(corpus.instruments, protocol=4)).hexdigest()


def analysed_columns(doc: SearchDocument) -> list[str]:
    """Each field as its analysed terms separated by spaces, in the order of ``COLUMNS``."""
    values = []
    bodies = {**doc.bodies, "en": f"{doc.bodies.get('en', '')}\n{doc.keywords}".strip()}
    for texts in (doc.headings, bodies):
        for lang in LANGUAGES:
            text = texts.get(lang, "")
            values.append(" ".join(terms_of(text, lang)) if text else "")
    return values


def spelling_words(doc: SearchDocument) -> Iterable[str]:
    for text in (*doc.headings.values(), *doc.bodies.values()):
        yield from spelling_terms(text)


class SearchIndex:
    """Owns the index file; ``ensure()`` before searching returns a current connection."""

    def __init__(self, corpus: Corpus, library: Library, directory: Path | None = None) -> None:
        self.corpus, self.library = corpus, library
        self.directory = directory or cache_dir() / "search-index"
        self._stamp: dict[str, str] | None = None

    @property
    def stamp(self) -> dict[str, str]:
        """What the index must have been built from."""
        if self._stamp is None:
            self._stamp = {
                "schema": str(SCHEMA_VERSION),
                "rules": rules_digest(),
                "corpus": corpus_digest(self.corpus),
            }
        return self._stamp

    @property
    def path(self) -> Path:
        name = hashlib.sha256(json.dumps(self.stamp, sort_keys=True).encode()).hexdigest()[:16]
        return self.directory / f"index-{name}.sqlite3"

    def ensure(self, progress: Progress | None = None) -> sqlite3.Connection:
        """An open connection to an index that matches the corpus, rules and imported texts."""
        _private_dir(self.directory)
        connection, damaged = self._open()
        if connection is None:
            return self._build(progress, replace=damaged)
        stamp = _read_meta(connection)
        if any(stamp.get(k) != v for k, v in self.stamp.items()):
            connection.close()
            return self.rebuild(progress)
        return self._sync_imports(connection)

    def rebuild(self, progress: Progress | None = None) -> sqlite3.Connection:
        """A fresh index in place of a damaged or stale one."""
        return self._build(progress, replace=True)

    def _build(self, progress: Progress | None, *, replace: bool) -> sqlite3.Connection:
        """Build under a temporary name, then put it in place in one step.

        Without ``replace``, a file another process put in place meanwhile wins (``os.link`` never
        overwrites); with it, the damaged or stale file is replaced.
        """
        _private_dir(self.directory)
        self._clean_leftovers()
        partial = self.directory / f"{self.path.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.building"
        try:
            self._fill(partial, progress)
            if replace:
                for journal in ("-wal", "-shm", "-journal"):  # never replay the old file's pages
                    Path(f"{self.path}{journal}").unlink(missing_ok=True)
                os.replace(partial, self.path)
            else:
                _publish(partial, self.path)
        finally:
            partial.unlink(missing_ok=True)
        return self._sync_imports(_connect(self.path))

    def _fill(self, partial: Path, progress: Progress | None) -> None:
        """The bundled corpus and the imported texts, inserted in batches in one transaction.

        The file is private to this process until it is linked into place, so it is written
        without a journal or syncs; it is synced once before it is published.
        """
        _create_private(partial)
        connection = _connect(partial)
        connection.execute("PRAGMA journal_mode=OFF")
        connection.execute("PRAGMA synchronous=OFF")
        connection.executescript(_SCHEMA)
        texts = self.library.texts()
        docs = list(corpus_documents(self.corpus))
        for text in texts:
            docs.extend(imported_documents(self.library, text))
        words: Counter[str] = Counter()
        connection.execute("BEGIN")
        for done, batch in _batches(docs):
            _insert_many(connection, batch, words, first_id=done - len(batch) + 1)
            if progress:
                progress(done, len(docs))
        _add_words(connection, words)
        self._write_meta(connection, [t.id for t in texts])
        connection.execute("COMMIT")
        connection.execute("PRAGMA journal_mode=WAL")  # readers never wait for a writer
        connection.close()
        with partial.open("rb") as handle:
            os.fsync(handle.fileno())

    def _sync_imports(self, connection: sqlite3.Connection) -> sqlite3.Connection:
        """Add and remove imported texts, deciding inside the write lock what is missing."""
        current = {t.id: t for t in self.library.texts()}
        if set(json.loads(_read_meta(connection).get("texts", "[]"))) == set(current):
            return connection  # the usual case: no lock taken
        words: Counter[str] = Counter()
        connection.execute("BEGIN IMMEDIATE")  # waits for another writer, then re-reads
        try:
            indexed = set(json.loads(_read_meta(connection).get("texts", "[]")))
            for text_id in indexed - set(current):
                _delete_text(connection, text_id)
            for text_id in set(current) - indexed:
                docs = list(imported_documents(self.library, current[text_id]))
                _insert_many(connection, docs, words, first_id=None)
            _add_words(connection, words)
            self._write_meta(connection, sorted(current))
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        return connection

    def _open(self) -> tuple[sqlite3.Connection | None, bool]:
        """The current file's connection, or None and whether a file is there but damaged."""
        if not self.path.exists():
            return None, False
        connection = _connect(self.path)
        try:
            result = connection.execute("PRAGMA quick_check").fetchone()
            connection.execute("SELECT count(*) FROM terms WHERE terms MATCH 'x'").fetchall()
        except sqlite3.DatabaseError as error:
            connection.close()
            if is_damage(error) or "no such table" in str(error):
                return None, True  # only a cache: rebuilt in its place right after
            raise
        if result is None or result[0] != "ok":
            connection.close()
            return None, True
        return connection, False

    def _clean_leftovers(self) -> None:
        """Builds a crash interrupted, and indexes of other rules or corpora nobody opens now."""
        now = time.time()
        for path in self.directory.glob("*.building"):
            with contextlib.suppress(OSError):
                if now - path.stat().st_mtime > STALE_BUILD_S:
                    path.unlink()
        for path in self.directory.glob("index*.sqlite3*"):
            if not path.name.startswith(self.path.name) and not path.name.endswith(".building"):
                with contextlib.suppress(OSError):
                    path.unlink()

    def _write_meta(self, connection: sqlite3.Connection, texts: list[str]) -> None:
        values = {**self.stamp, "texts": json.dumps(texts)}
        connection.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", values.items())


def _publish(partial: Path, path: Path) -> None:
    """Put a fresh build in place unless another process already did (``os.link`` never overwrites);
    where the file system has no hard links (a FAT USB key), a plain rename."""
    try:
        os.link(partial, path)
    except FileExistsError:
        return
    except OSError:
        if not path.exists():
            os.replace(partial, path)


def _private_dir(directory: Path) -> None:
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(directory, 0o700)


def _create_private(path: Path) -> None:
    """An empty file only its owner can read; SQLite gives its journal and WAL the same mode."""
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(
        str(path), timeout=BUSY_TIMEOUT_S, check_same_thread=False, isolation_level=None
    )
    connection.row_factory = sqlite3.Row
    return connection


def _read_meta(connection: sqlite3.Connection) -> dict[str, str]:
    try:
        return {row["key"]: row["value"] for row in connection.execute("SELECT key, value FROM meta")}
    except sqlite3.OperationalError as error:
        if "no such table" in str(error):
            return {}
        raise


def _batches(docs: list[SearchDocument]) -> Iterator[tuple[int, list[SearchDocument]]]:
    for start in range(0, len(docs), BATCH):
        batch = docs[start : start + BATCH]
        yield start + len(batch), batch


_INSERT_DOC = (
    "INSERT INTO docs(id, key, provision_key, instrument, number, kind, status, source, text_id, langs,"
    " titles, headings, bodies) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_TERMS = (
    f"INSERT INTO terms(rowid, {', '.join(COLUMNS)}) VALUES (?, {', '.join('?' for _ in COLUMNS)})"
)


def _insert_many(
    connection: sqlite3.Connection, docs: list[SearchDocument], words: Counter[str], first_id: int | None
) -> None:
    """Insert ``docs`` with ids from ``first_id`` (a fresh file), or after the highest id in use."""
    if first_id is None:
        first_id = connection.execute("SELECT coalesce(max(id), 0) + 1 FROM docs").fetchone()[0]
    ids = range(first_id, first_id + len(docs))
    connection.executemany(_INSERT_DOC, [(i, *_doc_row(doc)) for i, doc in zip(ids, docs, strict=True)])
    connection.executemany(_INSERT_TERMS, [(i, *analysed_columns(d)) for i, d in zip(ids, docs, strict=True)])
    for doc in docs:
        words.update(spelling_words(doc))


def _doc_row(doc: SearchDocument) -> tuple[str, ...]:
    return (
        doc.key,
        doc.provision_key,
        doc.instrument,
        doc.number,
        doc.kind,
        doc.status,
        doc.source,
        doc.text_id,
        ",".join(sorted(doc.bodies)),
        json.dumps(doc.titles, ensure_ascii=False),
        json.dumps(doc.headings, ensure_ascii=False),
        json.dumps(doc.bodies, ensure_ascii=False),
    )


def _delete_text(connection: sqlite3.Connection, text_id: str) -> None:
    ids = [row[0] for row in connection.execute("SELECT id FROM docs WHERE text_id = ?", (text_id,))]
    connection.executemany("DELETE FROM terms WHERE rowid = ?", [(i,) for i in ids])
    connection.execute("DELETE FROM docs WHERE text_id = ?", (text_id,))


def _add_words(connection: sqlite3.Connection, words: Counter[str]) -> None:
    connection.executemany(
        "INSERT INTO words VALUES (?, ?) ON CONFLICT(word) DO UPDATE SET count = count + excluded.count",
        words.items(),
    )
