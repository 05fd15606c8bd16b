"""Searching the legal library: the one interface the GUI and the CLI use.

No Whoosh type leaves this module: callers get ``SearchHit`` and ``SearchResults`` dataclasses, so a
national deployment could put the same corpus behind another engine without touching them.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from thbdesk.core.i18n import LANGUAGES
from thbdesk.core.legal.library import Library
from thbdesk.core.legal.model import Corpus
from thbdesk.core.search.query import parse_query

if TYPE_CHECKING:
    from thbdesk.core.search.index import SearchIndex

_ARABIC = re.compile("[\u0600-\u06ff]")


@dataclass(frozen=True)
class Filters:
    """Empty tuples mean "no restriction"."""

    instruments: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    langs: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class SearchHit:
    key: str  # the provision it stands for, e.g. "27-14:448-7"
    instrument: str
    number: str
    title: str
    lang: str
    kind: str
    snippet: str
    snippet_html: str
    score: float
    source: str
    status: str

    def to_json(self) -> dict[str, Any]:
        """The CLI contract of DESIGN.md."""
        return {
            "instrument": self.instrument,
            "number": self.number,
            "title": self.title,
            "lang": self.lang,
            "kind": self.kind,
            "snippet": self.snippet,
            "score": round(self.score, 3),
            "source": self.source,
        }


@dataclass(frozen=True)
class SearchResults:
    query: str
    hits: tuple[SearchHit, ...] = ()
    corrected: str | None = None  # "did you mean", when the query as typed found nothing
    numbers: tuple[str, ...] = field(default_factory=tuple)


def query_language(text: str, fallback: str) -> str:
    """Arabic script means Arabic; otherwise the caller's language guess."""
    return "ar" if _ARABIC.search(text) else fallback


class LegalSearch:
    def __init__(self, corpus: Corpus, library: Library, index: SearchIndex | None = None) -> None:
        self.corpus, self.library = corpus, library
        self._manager = index
        self._index: Any = None

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
        """Ranked hits, one per provision; a damaged index is rebuilt and the search tried again."""
        try:
            return self._search(query, lang, filters or Filters(), limit, ui_lang)
        except (
            sqlite3.DatabaseError
        ):  # damage can surface while reading: rebuild once, then let errors through
            if self._index is not None:
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

        hits, corrected = run(self._index, parsed, Request(filters, limit, display, lang))
        return SearchResults(query, tuple(hits), corrected, parsed.numbers)


def default_search() -> LegalSearch:
    """The search over the bundled corpus and the user's imported texts."""
    from thbdesk.core.legal.loader import bundled_corpus

    corpus = bundled_corpus()
    return LegalSearch(corpus, Library(corpus))
