"""The values search hands to its callers: filters in, hits and a definition out.

One module that both the searcher (the interface) and the engine (the SQL) import, so neither has
to import the other's module to know what a hit is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# Bidi controls: LRM, RLM, ALM, embeddings and overrides, isolates. They belong to display; data
# handed to scripts (``--json``) stays plain text.
BIDI_CONTROLS = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")


def without_bidi_controls(text: str) -> str:
    """``text`` with every bidi control character removed.

    >>> without_bidi_controls("\u2067الفصل \u20667-448\u2069\u2069")
    'الفصل 7-448'
    """
    return BIDI_CONTROLS.sub("", text)


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
        """The CLI contract of DESIGN.md: plain text, no bidi controls."""
        return {
            "instrument": self.instrument,
            "number": self.number,
            "title": without_bidi_controls(self.title),
            "lang": self.lang,
            "kind": self.kind,
            "snippet": without_bidi_controls(self.snippet),
            "score": round(self.score, 3),
            "source": self.source,
        }


@dataclass(frozen=True)
class TermDefinition:
    """The glossary entry that explains a query, shown above the hits rather than among them."""

    key: str  # the glossary entry, e.g. "glossary:G-010"
    terms: dict[str, str]  # the term in each language
    meaning: dict[str, str]  # its explanation in each language ("" when the glossary has none)
    provision: str | None  # the provision it links to, e.g. "27-14:448-1"


@dataclass(frozen=True)
class SearchResults:
    query: str
    hits: tuple[SearchHit, ...] = ()
    corrected: str | None = None  # "did you mean", when the query as typed found nothing
    numbers: tuple[str, ...] = field(default_factory=tuple)
    definition: TermDefinition | None = None
