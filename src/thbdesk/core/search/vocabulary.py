"""The field's words: what officers type that the corpus does not say, and the glossary's triples.

``legal_texts/vocabulary/synonyms.yaml`` maps words such as ``passeur``, ``smuggler`` or ``الحريك``
onto a glossary entry (whose Arabic, French and English terms are then searched too) and/or onto
wording of the corpus. Every glossary term also stands for its two translations, so an Arabic query
reaches French and English wording and the reverse. The file is validated like the legal texts:
every problem is reported as ``synonyms.yaml:LINE: field: what is wrong``.

Keys and meanings are stored as analysed terms, so a key matches whatever the analyzers make of the
typed words (plural, accents, article, hamza).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from thbdesk.core.errors import LegalTextError
from thbdesk.core.i18n import LANGUAGES
from thbdesk.core.legal.model import Corpus
from thbdesk.core.paths import bundled_dir
from thbdesk.core.search.terms import terms_of
from thbdesk.core.yamlsource import LineDict, Problems, YamlSyntaxError, load_yaml

FORMAT_VERSION = 1
MAX_KEY_TERMS = 8  # a key longer than this is a sentence, not a word people type
_PARENTHESIS = re.compile(r"\([^()]*\)")
_ENTRY_KEYS = frozenset({"words", "glossary", "means", "note"})

Phrase = tuple[str, tuple[str, ...]]  # (language, analysed terms)


@dataclass(frozen=True)
class Meaning:
    """What a key stands for: phrases to search as well, and the glossary entry that defines it."""

    phrases: tuple[Phrase, ...]
    glossary: str | None = None  # e.g. "glossary:G-002"
    links: tuple[str, ...] = ()  # the provisions the glossary entry refers to, e.g. "02-03:52"


@dataclass
class Vocabulary:
    keys: dict[Phrase, Meaning] = field(default_factory=dict)
    longest: int = 0

    def add(self, key: Phrase, meaning: Meaning) -> None:
        """The first meaning given for a key wins: the synonyms file is read before the glossary."""
        if key[1] and len(key[1]) <= MAX_KEY_TERMS:
            self.keys.setdefault(key, meaning)
            self.longest = max(self.longest, len(key[1]))


def synonyms_path() -> Path:
    return bundled_dir("legal_texts") / "vocabulary" / "synonyms.yaml"


def _phrase(text: str, lang: str) -> Phrase:
    return lang, tuple(terms_of(text, lang, mode="query"))


def glossary_meanings(corpus: Corpus) -> dict[str, Meaning]:
    """Each glossary entry's terms in its three languages, by entry number (``G-002``)."""
    glossary = corpus.instrument("glossary")
    meanings: dict[str, Meaning] = {}
    for provision in glossary.provisions if glossary else ():
        if provision.heading is not None:
            phrases = tuple(_phrase(provision.heading.get(lang), lang) for lang in LANGUAGES)
            linked = (corpus.resolve(ref, "glossary") for ref in provision.refs)
            links = tuple(p.key for p in linked if p is not None and p.instrument_id != "glossary")
            meanings[provision.number] = Meaning(phrases, provision.key, links)
    return meanings


@dataclass(frozen=True)
class _Entry:
    words: tuple[Phrase, ...]
    glossary: str | None
    means: tuple[Phrase, ...]


class _Reader:
    def __init__(self, path: Path, glossary_ids: Iterable[str]) -> None:
        self.problems = Problems(path)
        self.glossary_ids = frozenset(glossary_ids)

    def phrases(self, node: LineDict, key: str, where: str) -> tuple[Phrase, ...]:
        value = node.get(key)
        if not isinstance(value, LineDict):
            self.problems.add(node.line_of(key), f"{where}.{key}", "expected a map of ar, fr, en to lists")
            return ()
        found = []
        for lang, texts in value.items():
            if lang not in LANGUAGES:
                self.problems.add(
                    value.line_of(lang), f"{where}.{key}.{lang}", "unknown language (ar, fr, en)"
                )
            elif not isinstance(texts, list) or not all(isinstance(t, str) and t.strip() for t in texts):
                self.problems.add(value.line_of(lang), f"{where}.{key}.{lang}", "expected a list of words")
            else:
                found += [self.phrase(t, lang, value.line_of(lang), f"{where}.{key}.{lang}") for t in texts]
        return tuple(p for p in found if p[1])

    def phrase(self, text: str, lang: str, line: int, where: str) -> Phrase:
        phrase = _phrase(text, lang)
        if not phrase[1]:
            self.problems.add(line, where, f"«{text}» has only stop words; it can never match")
        elif len(phrase[1]) > MAX_KEY_TERMS:
            self.problems.add(line, where, f"«{text}» is too long (at most {MAX_KEY_TERMS} words)")
        return phrase

    def entry(self, node: Any, line: int, where: str) -> _Entry | None:
        if not isinstance(node, LineDict):
            self.problems.add(line, where, "expected a map with words and glossary or means")
            return None
        for extra in sorted(set(node) - _ENTRY_KEYS):
            self.problems.add(
                node.line_of(extra), f"{where}.{extra}", "unknown field (words, glossary, means)"
            )
        words = self.phrases(node, "words", where)
        means = self.phrases(node, "means", where) if "means" in node else ()
        glossary = node.get("glossary")
        if glossary is not None and str(glossary) not in self.glossary_ids:
            self.problems.add(
                node.line_of("glossary"), f"{where}.glossary", f"{glossary} is not in the glossary"
            )
            glossary = None
        if "glossary" not in node and "means" not in node:
            self.problems.add(node.line, where, "give a glossary entry, or means, or both")
        return _Entry(words, str(glossary) if glossary is not None else None, means)


def load_synonyms(path: Path, glossary_ids: Iterable[str]) -> list[_Entry]:
    """The entries of a synonyms file; ``LegalTextError`` lists every problem at once."""
    reader = _Reader(path, glossary_ids)
    try:
        root = load_yaml(path)
    except YamlSyntaxError as exc:
        _raise([f"{path.name}:{exc.line}: syntax: {exc.problem}"], path)
    if not isinstance(root, LineDict) or not isinstance(root.get("entries"), list):
        _raise([f"{path.name}:1: file: expected a map with format and entries"], path)
    if root.get("format") != FORMAT_VERSION:
        reader.problems.add(root.line_of("format"), "format", f"expected {FORMAT_VERSION}")
    entries = [
        reader.entry(node, root.line_of("entries"), f"entries[{index}]")
        for index, node in enumerate(root["entries"])
    ]
    if reader.problems:
        _raise(reader.problems.items, path)
    return [entry for entry in entries if entry is not None]


def _raise(problems: list[str], path: Path) -> None:
    raise LegalTextError(details="\n".join(problems), name=path.name, count=len(problems), first=problems[0])


def build_vocabulary(corpus: Corpus, path: Path | None = None) -> Vocabulary:
    """The synonyms file's entries, then every glossary term standing for its translations."""
    glossary = glossary_meanings(corpus)
    vocabulary = Vocabulary()
    path = path or synonyms_path()
    for entry in load_synonyms(path, glossary) if path.exists() else ():
        linked = glossary.get(entry.glossary) if entry.glossary else None
        phrases = (*entry.means, *(linked.phrases if linked else ()))
        # Wording given in ``means`` says exactly where the word leads; the glossary's own links
        # only rank when the word stands for the glossary term alone.
        links = linked.links if linked and not entry.means else ()
        meaning = Meaning(phrases, linked.glossary if linked else None, links)
        for word in entry.words:
            vocabulary.add(word, meaning)
    for entry_id, meaning in glossary.items():
        for lang, term in glossary_terms(corpus, entry_id):
            vocabulary.add(_phrase(term, lang), meaning)
    return vocabulary


def term_variants(term: str) -> list[str]:
    """A glossary term as people type it: whole, without its parenthesis, and each of its names.

    >>> term_variants("mécanisme national de renvoi (MNR)")
    ['mécanisme national de renvoi (MNR)', 'mécanisme national de renvoi']
    >>> term_variants("ministère public, parquet")
    ['ministère public, parquet', 'ministère public', 'parquet']
    """
    bare = _PARENTHESIS.sub(" ", term).strip()
    variants = [term, bare, *(part.strip() for part in bare.split(",") if "," in bare)]
    return [v for v in dict.fromkeys(variants) if v]


def glossary_terms(corpus: Corpus, entry_id: str) -> list[tuple[str, str]]:
    glossary = corpus.instrument("glossary")
    entry = glossary.provision(entry_id) if glossary else None
    if entry is None or entry.heading is None:
        return []
    return [(lang, v) for lang in LANGUAGES for v in term_variants(entry.heading.get(lang))]
