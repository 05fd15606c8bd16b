"""Searching the legal library: the one interface the GUI and the CLI use.

No index type leaves this module: callers get ``SearchHit`` and ``SearchResults`` dataclasses (defined
in :mod:`thbdesk.core.search.types`, re-exported here), so a national deployment could put the same
corpus behind another engine without touching them.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from thbdesk.core.errors import QueryTooLongError, SearchIndexBusyError
from thbdesk.core.i18n import LANGUAGES
from thbdesk.core.legal.library import Library
from thbdesk.core.legal.model import Corpus
from thbdesk.core.search.damage import is_damage, is_locked
from thbdesk.core.search.query import parse_query
from thbdesk.core.search.types import Filters, SearchHit, SearchResults, TermDefinition

__all__ = ["Filters", "LegalSearch", "SearchHit", "SearchResults", "TermDefinition", "default_search"]

if TYPE_CHECKING:
    from thbdesk.core.search.index import SearchIndex
    from thbdesk.core.search.vocabulary import Vocabulary

_ARABIC = re.compile("[\u0600-\u06ff]")
# A pasted paragraph of an article still fits; analysis is linear, so this bounds a search's time.
MAX_QUERY_CHARS = 5000
MAX_LIMIT = 1000


def query_language(text: str, fallback: str) -> str:
    """Arabic script means Arabic; otherwise the caller's language guess."""
    return "ar" if _ARABIC.search(text) else fallback


class LegalSearch:
    def __init__(
        self,
        corpus: Corpus,
        library: Library,
        index: SearchIndex | None = None,
        synonyms: Path | None = None,  # the field's words; the bundled file by default
    ) -> None:
        self.corpus, self.library, self.synonyms = corpus, library, synonyms
        self._manager = index
        self._index: Any = None
        self._vocabulary: Vocabulary | None = None

    @property
    def index_manager(self) -> SearchIndex:
        if self._manager is None:
            from thbdesk.core.search import index  # Whoosh loads on first use, not at start-up

            self._manager = index.SearchIndex(self.corpus, self.library)
        return self._manager

    def refresh(self) -> None:
        """Bring the index up to date (after an import or removal); cheap when nothing changed."""
        previous, self._index = self._index, None
        if previous is not None:
            previous.close()
        self._index = self.index_manager.ensure()

    def search(
        self,
        query: str,
        *,
        lang: str | None = None,
        filters: Filters | None = None,
        limit: int = 10,
        ui_lang: str = "fr",
    ) -> SearchResults:
        """Ranked hits, one per provision; a damaged index is rebuilt and the search tried again.

        Raises ``QueryTooLongError`` beyond ``MAX_QUERY_CHARS``: below it, every step is linear.
        """
        if len(query) > MAX_QUERY_CHARS:
            raise QueryTooLongError(length=len(query), limit=MAX_QUERY_CHARS)
        limit = min(max(1, limit), MAX_LIMIT)  # "--limit 10**30" means "all of them"
        try:
            return self._search(query, lang, filters or Filters(), limit, ui_lang)
        except sqlite3.DatabaseError as error:
            if is_locked(error):
                raise SearchIndexBusyError(details=str(error)) from error
            if not is_damage(error):
                raise
            if self._index is not None:  # the file itself is broken: rebuild it once, in its place
                self._index.close()
            self._index = self.index_manager.rebuild()
            return self._search(query, lang, filters or Filters(), limit, ui_lang)

    def _search(
        self, query: str, lang: str | None, filters: Filters, limit: int, ui_lang: str
    ) -> SearchResults:
        if self._index is None:
            self.refresh()
        parsed = parse_query(query, {i.id for i in self.corpus.instruments})
        display = lang or query_language(query, ui_lang if ui_lang in LANGUAGES else "fr")
        from thbdesk.core.search.engine import Request, run  # loaded on the first search, not at start-up

        request = Request(filters, limit, display, lang, self.vocabulary)
        outcome = run(self._index, parsed, request)
        definition = self.definition(outcome.definition) if outcome.definition else None
        return SearchResults(query, tuple(outcome.hits), outcome.corrected, parsed.numbers, definition)

    @property
    def vocabulary(self) -> Vocabulary:
        """The field's words and the glossary's triples, read on the first search."""
        if self._vocabulary is None:
            from thbdesk.core.search.vocabulary import build_vocabulary

            self._vocabulary = build_vocabulary(self.corpus, self.synonyms)
        return self._vocabulary

    def definition(self, key: str) -> TermDefinition | None:
        """The glossary entry ``key`` as a card: its term in each language and the provision it links to."""
        instrument_id, _sep, number = key.partition(":")
        instrument = self.corpus.instrument(instrument_id)
        entry = instrument.provision(number) if instrument else None
        if entry is None or entry.heading is None:
            return None
        provision = self._linked_provision(entry.refs, instrument_id)
        return TermDefinition(
            key=entry.key,
            terms={lang: entry.heading.get(lang) for lang in LANGUAGES},
            meaning={lang: entry.summary.get(lang) if entry.summary else "" for lang in LANGUAGES},
            provision=provision,
        )

    def _linked_provision(self, refs: tuple[str, ...], instrument_id: str) -> str | None:
        """A term links to an article of a law or code first, then to an indicator or a plan item."""
        linked = [p for p in (self.corpus.resolve(ref, instrument_id) for ref in refs) if p is not None]
        linked = [p for p in linked if p.instrument_id != "glossary"]
        official = [
            p for p in linked if (i := self.corpus.instrument(p.instrument_id)) and i.official_numbering
        ]
        chosen = (official or linked)[:1]
        return chosen[0].key if chosen else None


def default_search() -> LegalSearch:
    """The search over the bundled corpus and the user's imported texts."""
    from thbdesk.core.legal.loader import bundled_corpus

    corpus = bundled_corpus()
    return LegalSearch(corpus, Library(corpus))
