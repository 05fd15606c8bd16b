""" "Did you mean": replace words that match nothing with the nearest word the corpus has."""

from __future__ import annotations

import sqlite3

from thbdesk.core.i18n import LANGUAGES
from thbdesk.core.search.terms import spelling_terms, terms_of

MAX_WORDS = 12


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, giving up (returning limit + 1) once it must exceed ``limit``.

    >>> edit_distance("denonciaton", "denonciation", 2), edit_distance("abc", "xyz", 1)
    (1, 2)
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _matches_something(connection: sqlite3.Connection, word: str) -> bool:
    """A word is known when the corpus has it, or any of its analysed terms is indexed: ``المهربين``
    meets ``تهريب`` through its stem, so only words that would find nothing are corrected."""
    if connection.execute("SELECT 1 FROM words WHERE word = ?", (word,)).fetchone():
        return True  # the usual case, answered by a plain index
    for lang in LANGUAGES:
        for term in terms_of(word, lang, mode="query"):
            if connection.execute("SELECT 1 FROM vocabulary WHERE term = ? LIMIT 1", (term,)).fetchone():
                return True
    return False


def suggest(connection: sqlite3.Connection, word: str) -> str | None:
    """The corpus word nearest to ``word`` (same first letter), most frequent on ties."""
    limit = 2 if len(word) > 6 else 1
    rows = connection.execute(
        "SELECT word, count FROM words WHERE length(word) BETWEEN ? AND ? AND substr(word, 1, 1) = ?",
        (len(word) - limit, len(word) + limit, word[0]),
    )
    scored = [(edit_distance(word, row[0], limit), -row[1], row[0]) for row in rows]
    best = min((item for item in scored if item[0] <= limit), default=None)
    return best[2] if best else None


def correct_query(connection: sqlite3.Connection, text: str) -> str | None:
    """The query with unknown words corrected, or None when nothing needs or allows correcting.

    Suggestions are whole normalised words of the corpus, not stems, so what the user is offered
    is a real word.
    """
    words = spelling_terms(text)
    if len(words) > MAX_WORDS:
        return None  # a pasted passage, not a question with a typo
    corrected, changed = [], False
    for word in words:
        if len(word) < 4 or any(ch.isdigit() for ch in word) or _matches_something(connection, word):
            corrected.append(word)
            continue
        suggestion = suggest(connection, word)
        corrected.append(suggestion or word)
        changed = changed or suggestion is not None
    return " ".join(corrected) if changed else None
