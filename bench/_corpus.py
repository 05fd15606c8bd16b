"""A synthetic legal corpus of any size, written in the bundled corpus's own words.

Each generated instrument copies the shape of a bundled one (its kind and provision label), and each of
its provisions copies the shape of a random provision of that instrument: the same fields, sentence
counts, sentence lengths, penalties and topics. Only the words change: every text is drawn, sentence
by sentence, from a first-order Markov chain over the bundled texts of its language, so vocabulary,
term frequencies and common word pairs are those of the real corpus without copying its sentences.

The bundled instruments are kept at the front, so queries about real provisions still have answers.

The result is pessimistic for search: every generated text is about trafficking, and templates are
drawn per instrument (laws as often as the glossary), so documents are longer than the bundled ones
and a query's words occur in a larger share of them than a real library of varied laws would give.
"""

from __future__ import annotations

import itertools
import random
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from thbdesk.core.legal.model import Corpus, Definition, Instrument, Provision, Tri

LANGS = ("ar", "fr", "en")
PER_INSTRUMENT = 100
_SENTENCE_END = re.compile(r"(?<=[.!?؟;؛])\s+|\n+")


def sentences(text: str) -> list[str]:
    """Split after sentence punctuation (Latin and Arabic) and at line breaks.

    >>> sentences("Un acte. Un but ; un moyen. الضحية؛ الفاعل.")
    ['Un acte.', 'Un but ;', 'un moyen.', 'الضحية؛', 'الفاعل.']
    """
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


class WordChain:
    """First-order Markov chain over the whitespace-separated words of one language."""

    def __init__(self, texts: Iterable[str], rng: random.Random) -> None:
        self.rng = rng
        self.starts: list[str] = []
        self.next: dict[str, list[str]] = defaultdict(list)
        for text in texts:
            for sentence in sentences(text):
                self._learn(sentence.split())

    def _learn(self, words: list[str]) -> None:
        if not words:
            return
        self.starts.append(words[0])
        for word, following in itertools.pairwise(words):
            self.next[word].append(following)

    def sentence(self, length: int) -> str:
        """``length`` words; a dead end restarts from a random sentence start."""
        words = [self.rng.choice(self.starts)]
        while len(words) < length:
            followers = self.next.get(words[-1])
            words.append(self.rng.choice(followers) if followers else self.rng.choice(self.starts))
        return " ".join(words)

    def like(self, text: str) -> str:
        """A text with as many sentences as ``text``, each as many words long as the original."""
        return " ".join(self.sentence(len(s.split())) for s in sentences(text))


def _tri_texts(provision: Provision) -> Iterator[Tri]:
    yield from (t for t in (provision.heading, provision.summary) if t is not None)
    yield from (*provision.aggravations, *provision.exemptions)
    for definition in provision.definitions:
        yield from (definition.term, definition.meaning)


def train(corpus: Corpus, rng: random.Random) -> dict[str, WordChain]:
    tris = [tri for p in corpus.all_provisions() for tri in _tri_texts(p)]
    tris += [tri for i in corpus.instruments for tri in (i.title, i.short_title)]
    return {lang: WordChain((t.get(lang) for t in tris), rng) for lang in LANGS}


class Generator:
    def __init__(self, corpus: Corpus, seed: int) -> None:
        self.rng = random.Random(seed)
        self.chains = train(corpus, self.rng)
        self.templates = [i for i in corpus.instruments if i.provisions]

    def tri(self, tri: Tri) -> Tri:
        return Tri(**{lang: self.chains[lang].like(tri.get(lang)) for lang in LANGS})

    def maybe(self, tri: Tri | None) -> Tri | None:
        return None if tri is None else self.tri(tri)

    def provision(self, template: Provision, instrument_id: str, number: str, line: int) -> Provision:
        return replace(
            template,
            instrument_id=instrument_id,
            number=number,
            line=line,
            placed=True,
            refs=(),
            sources=(),
            heading=self.maybe(template.heading),
            summary=self.maybe(template.summary),
            aggravations=tuple(self.tri(t) for t in template.aggravations),
            exemptions=tuple(self.tri(t) for t in template.exemptions),
            definitions=tuple(
                Definition(self.tri(d.term), self.tri(d.meaning)) for d in template.definitions
            ),
        )

    def instrument(self, ordinal: int, count: int) -> Instrument:
        """Instrument ``gen-NNN`` whose provisions are numbered ``<ordinal>-1`` … ``<ordinal>-<count>``."""
        template = self.rng.choice(self.templates)
        instrument_id = f"gen-{ordinal:03d}"
        provisions = tuple(
            self.provision(self.rng.choice(template.provisions), instrument_id, f"{ordinal}-{m}", m)
            for m in range(1, count + 1)
        )
        return Instrument(
            id=instrument_id,
            kind=template.kind,
            title=self.tri(template.title),
            short_title=self.tri(template.short_title),
            provision_label=template.provision_label,
            path=Path("generated") / f"{instrument_id}.yaml",
            provisions=provisions,
        )


def generated_corpus(bundled: Corpus, size: int, seed: int = 2714) -> Corpus:
    """The bundled instruments plus generated ones, ``size`` provisions in all."""
    generator = Generator(bundled, seed)
    remaining = size - len(bundled.all_provisions())
    instruments = list(bundled.instruments)
    ordinal = 1
    while remaining > 0:
        count = min(PER_INSTRUMENT, remaining)
        instruments.append(generator.instrument(ordinal, count))
        remaining -= count
        ordinal += 1
    return Corpus(tuple(instruments))
