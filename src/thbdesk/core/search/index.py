"""The search index: SQLite FTS5 over text analysed by thbdesk's own analyzers, in the cache dir.

Why not a Whoosh index: Whoosh scores postings in pure Python; measured with bench/search.py on a
generated corpus, its p95 query latency was ~120 ms at 5,000 provisions and grows with the corpus,
against a 50 ms target at 50,000. FTS5 does matching and BM25 in C. The analysis stays ours (the
Whoosh filter chain of ``analysis.py``): each field is stored as its analysed terms, so hamza, alef,
clitics, stems and article numbers match exactly as designed; the original texts are kept beside
them for titles and snippets.

A ``meta`` table records the schema version, a digest of the analysis rules and the bundled corpus,
and the imported texts held. A different schema, rules or corpus means a full rebuild; imported
texts added or removed since are applied incrementally; a file that SQLite cannot read is deleted
and rebuilt, never shown to the user as a crash.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import shutil
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from thbdesk.core.i18n import LANGUAGES
from thbdesk.core.legal.library import Library
from thbdesk.core.legal.model import Corpus
from thbdesk.core.paths import cache_dir
from thbdesk.core.search import analysis, documents, normalize
from thbdesk.core.search.analysis import analyze, spelling_analyzer
from thbdesk.core.search.documents import SearchDocument, corpus_documents, imported_documents

SCHEMA_VERSION = 2
DB_FILE = "index.sqlite3"
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
    for source in (analysis.__file__, normalize.__file__, __file__, documents.__file__):
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
            values.append(" ".join(analyze(text, lang)) if text else "")
    return values


def spelling_words(doc: SearchDocument) -> Iterable[str]:
    for text in (*doc.headings.values(), *doc.bodies.values()):
        for token in spelling_analyzer()(text):
            yield token.text


class SearchIndex:
    """Owns the index file; ``ensure()`` before searching returns a current connection."""

    def __init__(self, corpus: Corpus, library: Library, directory: Path | None = None) -> None:
        self.corpus, self.library = corpus, library
        self.directory = directory or cache_dir() / "search-index"
        self._corpus_digest: str | None = None

    @property
    def path(self) -> Path:
        return self.directory / DB_FILE

    def ensure(self, progress: Progress | None = None) -> sqlite3.Connection:
        """An open connection to an index that matches the corpus, rules and imported texts."""
        connection = self._open()
        if connection is None:
            return self.rebuild(progress)
        stamp = _read_meta(connection)
        expected = {"schema": str(SCHEMA_VERSION), "rules": rules_digest(), "corpus": self._digest()}
        if any(stamp.get(k) != v for k, v in expected.items()):
            connection.close()
            return self.rebuild(progress)
        return self._sync_imports(connection, set(json.loads(stamp.get("texts", "[]"))))

    def rebuild(self, progress: Progress | None = None) -> sqlite3.Connection:
        shutil.rmtree(self.directory, ignore_errors=True)  # also clears files of older index formats
        self.directory.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(".building")
        partial.unlink(missing_ok=True)
        connection = _connect(partial)
        connection.executescript(_SCHEMA)
        words: Counter[str] = Counter()
        docs = list(corpus_documents(self.corpus))
        texts = self.library.texts()
        for text in texts:
            docs.extend(imported_documents(self.library, text))
        with connection:
            for count, doc in enumerate(docs, start=1):
                _insert(connection, doc, words)
                if progress and count % 500 == 0:
                    progress(count, len(docs))
            _add_words(connection, words)
            self._write_meta(connection, [t.id for t in texts])
        connection.close()
        partial.replace(self.path)  # a crash mid-build never leaves a half index in place
        return _connect(self.path)

    def _sync_imports(self, connection: sqlite3.Connection, indexed: set[str]) -> sqlite3.Connection:
        current = {t.id: t for t in self.library.texts()}
        added, removed = set(current) - indexed, indexed - set(current)
        if not added and not removed:
            return connection
        words: Counter[str] = Counter()
        with connection:
            for text_id in removed:
                ids = [
                    row[0] for row in connection.execute("SELECT id FROM docs WHERE text_id = ?", (text_id,))
                ]
                connection.executemany("DELETE FROM terms WHERE rowid = ?", [(i,) for i in ids])
                connection.execute("DELETE FROM docs WHERE text_id = ?", (text_id,))
            for text_id in added:
                for doc in imported_documents(self.library, current[text_id]):
                    _insert(connection, doc, words)
            _add_words(connection, words)
            self._write_meta(connection, sorted(current))
        return connection

    def _open(self) -> sqlite3.Connection | None:
        if not self.path.exists():
            return None
        try:
            connection = _connect(self.path)
            connection.execute("PRAGMA quick_check").fetchall()
            connection.execute("SELECT count(*) FROM terms WHERE terms MATCH 'x'").fetchall()
            return connection
        except sqlite3.DatabaseError:  # damaged or not a database: rebuild
            self.path.unlink(missing_ok=True)
            return None

    def _digest(self) -> str:
        if self._corpus_digest is None:
            self._corpus_digest = corpus_digest(self.corpus)
        return self._corpus_digest

    def _write_meta(self, connection: sqlite3.Connection, texts: list[str]) -> None:
        values = {
            "schema": str(SCHEMA_VERSION),
            "rules": rules_digest(),
            "corpus": self._digest(),
            "texts": json.dumps(texts),
        }
        connection.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", values.items())


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(str(path), check_same_thread=False)
    connection.row_factory = sqlite3.Row
    return connection


def _read_meta(connection: sqlite3.Connection) -> dict[str, str]:
    try:
        return {row["key"]: row["value"] for row in connection.execute("SELECT key, value FROM meta")}
    except sqlite3.DatabaseError:
        return {}


def _insert(connection: sqlite3.Connection, doc: SearchDocument, words: Counter[str]) -> None:
    cursor = connection.execute(
        "INSERT INTO docs(key, provision_key, instrument, number, kind, status, source, text_id, langs,"
        " titles, headings, bodies) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
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
        ),
    )
    placeholders = ", ".join("?" for _ in COLUMNS)
    connection.execute(
        f"INSERT INTO terms(rowid, {', '.join(COLUMNS)}) VALUES (?, {placeholders})",
        (cursor.lastrowid, *analysed_columns(doc)),
    )
    words.update(spelling_words(doc))


def _add_words(connection: sqlite3.Connection, words: Counter[str]) -> None:
    connection.executemany(
        "INSERT INTO words VALUES (?, ?) ON CONFLICT(word) DO UPDATE SET count = count + excluded.count",
        words.items(),
    )
