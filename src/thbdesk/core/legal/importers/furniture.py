"""Page furniture of a PDF: running headers, footers and page numbers, which are not the law.

A line counts as furniture when it sits among the first or last lines of a page and either
repeats at the edges of most pages (compared with digits masked, so "Page 3" and "Page 4", or
a bulletin number and date that change, are one line) or is a bare page number. Article and
chapter headings are never furniture, even when several pages open with one.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from thbdesk.core.legal.splitter import is_heading_line

EDGE = 3  # lines at the top and at the bottom of a page where furniture sits
MIN_SHARE = 1 / 3  # of the pages, at least two: recto and verso pages carry different headers
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
_PAGE_NUMBER = re.compile(
    r"[-–—\s]*(?:(?:page|p\.|pages|صفحة|الصفحة)\s*)?#(?:\s*(?:/|sur|of|من)\s*#)?[-–—\s]*", re.IGNORECASE
)


def drop_furniture(pages: list[list[str]]) -> tuple[list[list[str]], int]:
    """The pages without their furniture, and how many lines were dropped.

    >>> pages = [["Bulletin officiel n° 1", "Article 1", "Texte.", "- 1 -"],
    ...          ["Bulletin officiel n° 2", "Suite du texte.", "Article 2", "2"]]
    >>> drop_furniture(pages)
    ([['Article 1', 'Texte.'], ['Suite du texte.', 'Article 2']], 4)
    """
    edges = [_edge_indexes(page) for page in pages]
    counts = Counter(key for page, indexes in zip(pages, edges, strict=True) for key in _keys(page, indexes))
    needed = max(2, MIN_SHARE * len(pages))
    kept: list[list[str]] = []
    dropped = 0
    for page, indexes in zip(pages, edges, strict=True):
        lines = [
            line
            for index, line in enumerate(page)
            if index not in indexes or not _is_furniture(line, counts[mask(line)], needed)
        ]
        dropped += len(page) - len(lines)
        kept.append(lines)
    return kept, dropped


def mask(line: str) -> str:
    """The line compared across pages: spaces collapsed, case folded, every number as "#".

    >>> mask("  Page ١٢ sur 30 ")
    'page # sur #'
    """
    text = unicodedata.normalize("NFKC", line)
    text = "".join("0" if char.isdecimal() else char for char in text)
    return _DIGITS.sub("#", _SPACES.sub(" ", text).strip().casefold())


def _edge_indexes(page: list[str]) -> set[int]:
    filled = [index for index, line in enumerate(page) if line.strip()]
    return set(filled[:EDGE] + filled[-EDGE:])


def _keys(page: list[str], indexes: set[int]) -> set[str]:
    """Each key once per page: a line repeated on one page is not a running header."""
    return {mask(page[index]) for index in indexes}


def _is_furniture(line: str, pages_with_it: int, needed: float) -> bool:
    key = mask(line)
    if not key or is_heading_line(line):
        return False
    return pages_with_it >= needed or bool(_PAGE_NUMBER.fullmatch(key))
