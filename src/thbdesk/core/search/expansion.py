"""Query expansion: the typed words, and what the field's vocabulary says they stand for.

The typed words are analysed in each language they can be; any run of their terms that is a key of
the :class:`~thbdesk.core.search.vocabulary.Vocabulary` (longest first, left to right) adds its
meaning's phrases to a second FTS5 expression. The engine weights that expression below the typed
words, and :func:`covered` tells it which typed words a document answers, directly or through an
expansion.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from thbdesk.core.i18n import LANGUAGES
from thbdesk.core.search.terms import terms_of
from thbdesk.core.search.vocabulary import Meaning, Phrase, Vocabulary

# A phrase in quotes, or a word; a word may start with "-" (exclude it) and end with "*" (prefix).
ITEM = re.compile(r'(-?)"([^"]*)"|(?:(?<=\s)|^)(-?)([^\s"]+)')
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f0-9]")


def languages_of(text: str) -> tuple[str, ...]:
    """Arabic words are only in Arabic columns, Latin words only in French and English ones.

    >>> languages_of("الفصل"), languages_of("traite"), languages_of("traite الاتجار")
    (('ar',), ('fr', 'en'), ('ar', 'fr', 'en'))
    """
    arabic, latin = _ARABIC.search(text) is not None, _LATIN.search(text) is not None
    return (
        tuple(lang for lang in LANGUAGES if (lang == "ar" and arabic) or (lang != "ar" and latin))
        or LANGUAGES
    )


def columns_of(langs: Iterable[str]) -> str:
    return "{" + " ".join(f"{part}_{lang}" for lang in langs for part in "hb") + "}"


def quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


@dataclass(frozen=True)
class Found:
    """A key found in the query: the typed words it spans and what it stands for."""

    items: frozenset[int]
    key: Phrase
    meaning: Meaning


@dataclass
class Expansion:
    match: str = ""  # FTS5 expression of the phrases the typed words stand for
    found: list[Found] = field(default_factory=list)
    items: dict[int, dict[str, tuple[str, ...]]] = field(default_factory=dict)  # typed word -> terms
    prefixes: frozenset[int] = frozenset()  # typed words ending in "*"
    terms: dict[str, set[str]] = field(default_factory=dict)  # expansion terms, for highlighting

    @property
    def named(self) -> Meaning | None:
        """The glossary entry the query names at greatest length, if any."""
        named = [f for f in self.found if f.meaning.glossary]
        best = max(named, key=lambda f: (len(f.items), len(f.key[1])), default=None)
        return best.meaning if best else None

    @property
    def glossary(self) -> str | None:
        return self.named.glossary if self.named else None

    @property
    def links(self) -> frozenset[str]:
        """The provisions the glossary names as the ones that define what the query names."""
        return frozenset(self.named.links) if self.named else frozenset()


def item_terms(text: str, lang: str) -> tuple[list[tuple[int, str]], set[int]]:
    """The analysed terms of the words typed (excluded ones left out), each with its word's index."""
    sequence: list[tuple[int, str]] = []
    prefixes: set[int] = set()
    for index, match in enumerate(ITEM.finditer(text)):
        if match.group(1) or match.group(3):
            continue
        words = match.group(2) if match.group(2) is not None else match.group(4)
        if words.endswith("*"):
            prefixes.add(index)
        sequence += [(index, term) for term in terms_of(words.rstrip("*"), lang, mode="query")]
    return sequence, prefixes


def _keys_in(sequence: list[tuple[int, str]], lang: str, vocabulary: Vocabulary) -> list[Found]:
    """Keys of the vocabulary in the term sequence, longest first, left to right, never overlapping."""
    terms = [term for _index, term in sequence]
    found, start = [], 0
    while start < len(terms):
        for length in range(min(vocabulary.longest, len(terms) - start), 0, -1):
            key = (lang, tuple(terms[start : start + length]))
            meaning = vocabulary.keys.get(key)
            if meaning is not None:
                items = frozenset(index for index, _term in sequence[start : start + length])
                found.append(Found(items, key, meaning))
                start += length
                break
        else:
            start += 1
    return found


def expand(text: str, vocabulary: Vocabulary | None) -> Expansion:
    """The typed words' terms per language, and the FTS5 expression of what they stand for."""
    result = Expansion()
    prefixes: set[int] = set()
    typed: set[Phrase] = set()
    for lang in languages_of(text):
        sequence, lang_prefixes = item_terms(text, lang)
        prefixes |= lang_prefixes
        for index, term in sequence:
            result.items.setdefault(index, {}).setdefault(lang, ())
            result.items[index][lang] += (term,)
        if vocabulary is not None:
            keys = _keys_in(sequence, lang, vocabulary)
            result.found += keys
            typed |= {f.key for f in keys}
    result.prefixes = frozenset(prefixes)
    _add_match(result, typed)
    return result


def _add_match(result: Expansion, typed: set[Phrase]) -> None:
    """The phrases of every meaning found, except those the user typed, ORed in their languages."""
    clauses: dict[str, None] = {}
    for found in result.found:
        for lang, terms in found.meaning.phrases:
            if terms and (lang, terms) not in typed:
                clauses[f"{columns_of([lang])} : ({' AND '.join(quote(t) for t in terms)})"] = None
                result.terms.setdefault(lang, set()).update(terms)
    result.match = " OR ".join(f"({clause})" for clause in clauses)


def covered(expansion: Expansion, present: dict[str, set[str]]) -> int:
    """How many typed words a document answers, given the analysed terms of its columns by language.

    The typed words must be answered in one language (``forcé`` is not answered by an English
    "force" beside a French "travail"); what they stand for counts in any language.
    """
    through_meaning: set[int] = set()
    for found in expansion.found:
        if any(terms and set(terms) <= present.get(lang, set()) for lang, terms in found.meaning.phrases):
            through_meaning |= found.items
    best = len(through_meaning)
    for lang in LANGUAGES:
        words = present.get(lang, set())
        answered = {
            index
            for index, by_lang in expansion.items.items()
            if lang in by_lang and _has(words, by_lang[lang], index in expansion.prefixes)
        }
        best = max(best, len(answered | through_meaning))
    return best


def _has(present: set[str], terms: tuple[str, ...], prefix: bool) -> bool:
    if prefix and terms:
        return all(t in present for t in terms[:-1]) and any(p.startswith(terms[-1]) for p in present)
    return bool(terms) and all(t in present for t in terms)
