"""Snippets: the part of a text where the query's terms are densest, matches in <b>.

The text is analysed with the same analyzer as the index, so a match is whatever the search matched:
``الضحايا`` lights up for the query ``ضحية``, ``dénonciation`` for ``denonciation``.
"""

from __future__ import annotations

from collections.abc import Collection
from html import escape

from thbdesk.core.search.analysis import analyzer_for

MAX_CHARS = 220
LEAD = 60
SCANNED = 1500  # analysing is the costly part: matches are looked for in the opening of long texts


def match_spans(text: str, lang: str, terms: Collection[str]) -> list[tuple[int, int]]:
    """Character spans of the words of ``text`` whose analysed term is one of ``terms``."""
    spans: list[tuple[int, int]] = []
    for token in analyzer_for(lang)(text[:SCANNED], chars=True):
        if token.text in terms and (not spans or spans[-1] != (token.startchar, token.endchar)):
            spans.append((token.startchar, token.endchar))
    return spans


def _window(spans: list[tuple[int, int]], length: int) -> int:
    """Where the window of MAX_CHARS that holds most matches starts."""
    best_start, best_count = 0, -1
    for anchor, _end in spans:
        start = max(0, min(anchor - LEAD, length - MAX_CHARS))
        count = sum(1 for s, e in spans if s >= start and e <= start + MAX_CHARS)
        if count > best_count:
            best_start, best_count = start, count
    return best_start


def snippet(text: str, lang: str, terms: Collection[str]) -> tuple[str, bool]:
    """An HTML snippet and whether it shows a match.

    >>> snippet("Le fait de ne pas dénoncer une infraction de traite est puni.", "fr", {"denonc"})
    ('Le fait de ne pas <b>dénoncer</b> une infraction de traite est puni.', True)
    """
    spans = match_spans(text, lang, terms) if terms else []
    start = _window(spans, len(text)) if spans else 0
    end = min(len(text), start + MAX_CHARS)
    pieces, cursor = [], start
    for s, e in spans:
        if s < start or e > end:
            continue
        pieces += [escape(text[cursor:s], quote=False), f"<b>{escape(text[s:e], quote=False)}</b>"]
        cursor = e
    pieces.append(escape(text[cursor:end], quote=False))
    html = "".join(pieces)
    return f"{'…' if start else ''}{html}{'…' if end < len(text) else ''}", bool(spans)
