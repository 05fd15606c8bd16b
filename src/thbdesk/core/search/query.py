"""Reading what a user typed: article numbers in any notation, texts named by number, free words.

Pure functions (no Whoosh), so the rules are testable and reusable by another engine.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from thbdesk.core.search.normalize import canonical_article_number, normalize_arabic, normalize_article_number

_DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9"
# The keyword starts where its run of letters starts: without the look-behind, every position of a
# long digit-free word started a scan to its end, and a 4,000-letter word took half a second.
_REFERENCE = re.compile(
    rf"(?:(?<![^\s{_DIGIT}])(?P<keyword>[^\s{_DIGIT}]+\.?)\s*)?"
    rf"(?P<number>[{_DIGIT}]+(?:\s?[-./]\s?[{_DIGIT}]+)*)"
)
_LAW_WORDS = frozenset({"loi", "law", "decret", "décret", "decree", "n°", "no", "no.", "n", "رقم", "مرسوم"})


@dataclass(frozen=True)
class ParsedQuery:
    text: str  # what is left for the full-text search
    numbers: tuple[str, ...] = ()  # canonical article numbers, e.g. "448-7"
    instruments: tuple[str, ...] = ()  # texts named by their official number, e.g. "02-03"


def _instrument_mention(keyword: str, number: str, instrument_ids: Collection[str]) -> str | None:
    """``loi 02-03``, ``القانون 02.03``, or a bare ``27-14`` that is the number of a bundled text."""
    candidate = canonical_article_number(normalize_arabic(number).replace("/", "-"), arabic_order=False)
    if candidate is None or candidate not in instrument_ids:
        return None
    word = normalize_arabic(keyword).casefold().strip(".")
    is_law_word = word in _LAW_WORDS or word.endswith("قانون")
    return candidate if is_law_word or not keyword or "-" in candidate else None


def parse_query(query: str, instrument_ids: Collection[str] = ()) -> ParsedQuery:
    """Split a query into article numbers, named texts and the remaining words.

    >>> parse_query("article 52 loi 02-03", {"02-03", "27-14"})
    ParsedQuery(text='', numbers=('52',), instruments=('02-03',))
    >>> parse_query("الفصل ٧-٤٤٨ عقوبة", {"27-14"})
    ParsedQuery(text='عقوبة', numbers=('448-7',), instruments=())
    >>> parse_query("travail forcé", {"27-14"})
    ParsedQuery(text='travail forcé', numbers=(), instruments=())
    """
    numbers: list[str] = []
    instruments: list[str] = []
    kept: list[str] = []
    position = 0
    for match in _REFERENCE.finditer(query):
        keyword = match.group("keyword") or ""
        raw_number = match.group("number")
        mention = _instrument_mention(keyword, raw_number, instrument_ids)
        article = None if mention else _article(keyword, raw_number)
        if mention is None and article is None:
            continue
        (instruments if mention else numbers).append(mention or article or "")
        kept.append(query[position : match.start()])
        position = match.end()
    kept.append(query[position:])
    text = " ".join(" ".join(kept).split())
    return ParsedQuery(text, tuple(dict.fromkeys(numbers)), tuple(dict.fromkeys(instruments)))


def _article(keyword: str, number: str) -> str | None:
    if keyword:
        found = normalize_article_number(f"{keyword} {number}")
        if found is not None:
            return found
    return normalize_article_number(number)
