"""The analysers' terms without the filter chain: the same rules, one memoised call per word.

Building the index ran every token of 50,000 provisions through eleven Whoosh filters; a corpus has
few distinct words, so almost all of that work repeated itself. Only article numbers depend on their
neighbours (``الفصل 7-448``); everything else is a pure function of one word, cached here. The chain in
:mod:`thbdesk.core.search.analysis` stays the reference (and gives snippets their character spans);
a test checks that both give the same terms on the whole corpus and on random text.
"""

from __future__ import annotations

import functools
import re

from thbdesk.core.search.analysis import (
    _CANONICAL_NUMBER,
    _CLITIC_BEFORE_NUMBER,
    _CLITIC_KEEP,
    _COMPOUND_PART,
    _STOP_WORDS,
    _SYNONYMS,
    TOKEN_PATTERN,
    _is_arabic,
    _is_stop_word,
    _keeps_arabic_context,
    stem_arabic,
    stem_latin,
)
from thbdesk.core.search.normalize import (
    canonical_article_number,
    fold_latin,
    normalize_arabic,
    strip_arabic_clitics,
    strip_elision,
)

_TOKEN = re.compile(TOKEN_PATTERN)


def terms_of(text: str, lang: str, *, mode: str = "index") -> list[str]:
    """The terms ``analysis.analyze`` gives, computed word by word from a cache.

    >>> terms_of("الفصل 7-448: عدم التبليغ عن الجرائم", "ar")
    ['فصل', '448-7', '448', 'عدم', 'تبليغ', 'جريم']
    >>> terms_of("Non-dénonciation d'organes, art. 448-7", "fr", mode="query")
    ['non', 'denonci', 'organ', 'art', '448-7']
    """
    terms: list[str] = []
    arabic_context = False
    for raw in _TOKEN.findall(text):
        word = strip_elision(raw)
        number = _number(word, arabic_context)
        if number is None:
            arabic_context = _context_after(word, arabic_context)
            terms += _word_terms(word, lang)
            continue
        head = number.partition("-")[0]
        for term in (number, head) if head != number and mode != "query" else (number,):
            if not _is_stop_word(term, _STOP_WORDS[lang]):
                terms.append(term)
    return terms


def _number(word: str, arabic_context: bool) -> str | None:
    if _CLITIC_BEFORE_NUMBER.match(word):
        return canonical_article_number(word[1:], arabic_order=arabic_context)
    return canonical_article_number(word, arabic_order=arabic_context)


@functools.lru_cache(maxsize=65_536)
def _context_after(word: str, arabic_context: bool) -> bool:
    return _keeps_arabic_context(word, arabic_context)


@functools.lru_cache(maxsize=262_144)
def _word_terms(word: str, lang: str) -> tuple[str, ...]:
    """Compound parts, normalised, stop words dropped, clitics stripped, stemmed, synonyms applied."""
    terms = (_part_term(part, lang) for part in _parts(word))
    return tuple(term for term in terms if term)


def _parts(word: str) -> list[str]:
    return [word] if _CANONICAL_NUMBER.fullmatch(word) else _COMPOUND_PART.findall(word)


def _normal(part: str) -> str:
    """Arabic normalisation, then Latin folding of what is not Arabic (digits are both)."""
    if _is_arabic(part):
        part = normalize_arabic(part)
        if not part.strip():
            return ""
    if not _is_arabic(part):
        part = fold_latin(part)
    return part if part.strip() else ""


def _part_term(part: str, lang: str) -> str:
    part = _normal(part)
    if not part or _is_stop_word(part, _STOP_WORDS[lang]):
        return ""
    if _is_arabic(part):
        part = stem_arabic(strip_arabic_clitics(part, _CLITIC_KEEP))
    part = _SYNONYMS.get(part, part)
    if part.isalpha() and not _is_arabic(part):
        part = stem_latin(part, lang)
    return part


@functools.lru_cache(maxsize=262_144)
def spelling_words(word: str) -> tuple[str, ...]:
    """What ``analysis.spelling_analyzer`` makes of one token: whole words, normalised, unstemmed."""
    words = (_normal(part) for part in _parts(strip_elision(word)))
    return tuple(w for w in words if w)


def spelling_terms(text: str) -> list[str]:
    return [w for token in _TOKEN.findall(text) for w in spelling_words(token)]
