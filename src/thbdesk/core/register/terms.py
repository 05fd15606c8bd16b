"""Search terms for names and references, folded the way the legal search folds Arabic and Latin.

Both the stored terms and the query go through ``fold``, so hamza seats, alef forms, taa marbuta,
diacritics, tatweel, Arabic-Indic digits and case are forgiven. A word with an Arabic article is
stored with and without it, so ``زهراء`` finds ``الزهراء``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from thbdesk.core.search.normalize import fold_latin, normalize_arabic, strip_arabic_clitics

_WORD = re.compile(r"\w+")
# Answers whose key ends like this name a person or a case; they are what the name search covers.
_NAME_KEY = re.compile(r"(name|names|aliases|holder|case_code)$")
MAX_QUERY_WORDS = 12


def fold(text: str) -> list[str]:
    """The normalised words of ``text``."""
    return _WORD.findall(fold_latin(normalize_arabic(text)))


def index_terms(texts: Iterable[str]) -> str:
    words: list[str] = []
    for text in texts:
        for word in fold(text):
            words.append(word)
            stripped = strip_arabic_clitics(word)
            if stripped != word:
                words.append(stripped)
    return " ".join(words)


def match_query(text: str) -> str | None:
    """An FTS5 query: every word typed must start a stored word (``None`` when nothing is searchable).

    Each whitespace-separated piece becomes a phrase, so ``CMN1-26-V0`` matches that reference's words
    in order and the last one as a prefix.
    """
    phrases = []
    for piece in text.split()[:MAX_QUERY_WORDS]:
        words = fold(piece)
        if words:
            phrases.append('"' + " ".join(words) + '"*')
    return " AND ".join(phrases) or None


def names_in(answers: Mapping[str, Any]) -> list[str]:
    """Names, aliases and case codes anywhere in the answers, with their translations."""
    found: list[str] = []
    _collect(answers, False, found)
    return found


def _collect(value: object, wanted: bool, found: list[str]) -> None:
    if isinstance(value, str):
        if wanted:
            found.append(value)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            if key == "lang":
                continue
            if key in ("text", "translations"):
                _collect(item, wanted, found)
            else:
                _collect(item, wanted or bool(_NAME_KEY.search(str(key))), found)
    elif isinstance(value, list):
        for item in value:
            _collect(item, wanted, found)
