""" "Did you mean": replace words that match nothing with the nearest word the corpus has."""

from __future__ import annotations

from typing import Any

from thbdesk.core.i18n import LANGUAGES
from thbdesk.core.search.analysis import analyze, spelling_analyzer

_SEARCHED_FIELDS = tuple(f"{part}_{lang}" for part in ("heading", "body") for lang in LANGUAGES)


def _matches_something(reader: Any, word: str) -> bool:
    """A word is known when any of its analysed terms is in the index: ``المهربين`` meets ``تهريب``
    through its stem, so only words that would find nothing are corrected."""
    for lang in LANGUAGES:
        for term in analyze(word, lang, mode="query"):
            if any(reader.doc_frequency(field, term) for field in _SEARCHED_FIELDS):
                return True
    return False


def correct_query(searcher: Any, text: str) -> str | None:
    """The query with unknown words corrected, or None when nothing needs or allows correcting.

    Suggestions come from whole normalised words (field ``spell``), not stems, so what the user is
    offered is a real word of the corpus.
    """
    reader = searcher.reader()
    corrector = searcher.corrector("spell")
    corrected, changed = [], False
    for word in (token.text for token in spelling_analyzer()(text)):
        if len(word) < 4 or any(ch.isdigit() for ch in word) or _matches_something(reader, word):
            corrected.append(word)
            continue
        suggestions = corrector.suggest(word, limit=1, maxdist=2 if len(word) > 6 else 1)
        corrected.append(suggestions[0] if suggestions else word)
        changed = changed or bool(suggestions)
    return " ".join(corrected) if changed else None
