"""The Whoosh index in the user cache dir: built, checked, repaired and kept in step with imports.

A ``stamp.json`` beside the index records the schema version, a digest of the analysis rules, the
bundled corpus and the imported texts it holds. A different schema, rules or corpus means a full
rebuild; imported texts added or removed since are applied incrementally; an index that cannot be
opened or read is thrown away and rebuilt, never shown to the user as a crash.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema

from thbdesk.core.atomic import write_text_atomic
from thbdesk.core.i18n import LANGUAGES
from thbdesk.core.legal.library import Library
from thbdesk.core.legal.model import Corpus
from thbdesk.core.paths import cache_dir
from thbdesk.core.search import analysis, documents, normalize
from thbdesk.core.search.analysis import analyzer_for, spelling_analyzer
from thbdesk.core.search.documents import SearchDocument, corpus_documents, imported_documents

SCHEMA_VERSION = 1
HEADING_BOOST = 3.0
STAMP = "stamp.json"

Progress = Callable[[int, int], None]


def build_schema() -> Schema:
    fields: dict[str, Any] = {
        "key": ID(stored=True, unique=True),
        "provision_key": ID(stored=True, sortable=True),
        "instrument": ID(stored=True),
        "number": ID(stored=True),
        "kind": ID(stored=True),
        "status": ID(stored=True),
        "source": ID(stored=True),
        "text_id": ID(stored=True),
        "langs": KEYWORD(stored=True, commas=True),
        "titles": STORED(),
        "spell": TEXT(analyzer=spelling_analyzer(), phrase=False),
    }
    for lang in LANGUAGES:
        # A word that analyses to several terms ("non-dénonciation") needs all of them.
        analyzer = analyzer_for(lang)
        fields[f"heading_{lang}"] = TEXT(
            analyzer=analyzer, stored=True, field_boost=HEADING_BOOST, multitoken_query="and"
        )
        fields[f"body_{lang}"] = TEXT(analyzer=analyzer, stored=True, multitoken_query="and")
    return Schema(**fields)


def rules_digest() -> str:
    """Changing an analysis rule or the schema changes the terms: old indexes must be rebuilt."""
    digest = hashlib.sha256(str(SCHEMA_VERSION).encode())
    for source in (analysis.__file__, normalize.__file__, __file__, documents.__file__):
        digest.update(Path(str(source)).read_bytes())
    return digest.hexdigest()


def corpus_digest(corpus: Corpus) -> str:
    return hashlib.sha256(pickle.dumps(corpus.instruments, protocol=4)).hexdigest()


def _fields(doc: SearchDocument) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "key": doc.key,
        "provision_key": doc.provision_key,
        "instrument": doc.instrument,
        "number": doc.number,
        "kind": doc.kind,
        "status": doc.status,
        "source": doc.source,
        "text_id": doc.text_id,
        "langs": ",".join(sorted(doc.bodies)),
        "titles": doc.titles,
        "spell": " ".join([*doc.headings.values(), *doc.bodies.values()]),
    }
    for lang in doc.headings:
        fields[f"heading_{lang}"] = doc.headings[lang]
    for lang in doc.bodies:
        fields[f"body_{lang}"] = doc.bodies[lang]
    return fields


class SearchIndex:
    """Owns the index folder; ``ensure()`` before searching makes it current."""

    def __init__(self, corpus: Corpus, library: Library, directory: Path | None = None) -> None:
        self.corpus, self.library = corpus, library
        self.directory = directory or cache_dir() / "search-index"
        self._corpus_digest: str | None = None

    def ensure(self, progress: Progress | None = None) -> Any:
        """Return an open Whoosh index that matches the corpus, rules and imported texts."""
        stamp = self._read_stamp() or {}
        expected = {"schema": SCHEMA_VERSION, "rules": rules_digest(), "corpus": self._digest()}
        opened = self._open() if all(stamp.get(k) == v for k, v in expected.items()) else None
        if opened is None:
            return self.rebuild(progress)
        return self._sync_imports(opened, set(stamp.get("texts", [])))

    def rebuild(self, progress: Progress | None = None) -> Any:
        shutil.rmtree(self.directory, ignore_errors=True)
        self.directory.mkdir(parents=True, exist_ok=True)
        index = whoosh_index.create_in(str(self.directory), build_schema())
        texts = self.library.texts()
        documents = list(corpus_documents(self.corpus))
        writer = index.writer(limitmb=256)
        total = len(documents)
        for count, doc in enumerate(documents, start=1):
            writer.add_document(**_fields(doc))
            if progress and count % 500 == 0:
                progress(count, total)
        for text in texts:
            for doc in imported_documents(self.library, text):
                writer.add_document(**_fields(doc))
        writer.commit()
        self._write_stamp([t.id for t in texts])
        return index

    def _sync_imports(self, index: Any, indexed: set[str]) -> Any:
        current = {t.id: t for t in self.library.texts()}
        added, removed = set(current) - indexed, indexed - set(current)
        if not added and not removed:
            return index
        writer = index.writer()
        for text_id in removed:
            writer.delete_by_term("text_id", text_id)
        for text_id in added:
            for doc in imported_documents(self.library, current[text_id]):
                writer.add_document(**_fields(doc))
        writer.commit()
        self._write_stamp(sorted(current))
        return index

    def _open(self) -> Any | None:
        try:
            index = whoosh_index.open_dir(str(self.directory))
            with index.searcher() as searcher:  # touch every segment once: damage shows here
                searcher.doc_count()
                list(searcher.lexicon("instrument"))
            return index
        except Exception:  # any damage means rebuild; Whoosh raises many unrelated types
            return None

    def _digest(self) -> str:
        if self._corpus_digest is None:
            self._corpus_digest = corpus_digest(self.corpus)
        return self._corpus_digest

    def _read_stamp(self) -> dict[str, Any] | None:
        try:
            data = json.loads((self.directory / STAMP).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def _write_stamp(self, texts: Iterable[str]) -> None:
        stamp = {
            "schema": SCHEMA_VERSION,
            "rules": rules_digest(),
            "corpus": self._digest(),
            "texts": list(texts),
        }
        write_text_atomic(self.directory / STAMP, json.dumps(stamp))
