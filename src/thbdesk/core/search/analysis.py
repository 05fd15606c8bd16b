"""Whoosh analyzers for Arabic, French and English legal text, built from tiny filters.

One chain serves every language; each filter only touches the script it is about, so an Arabic field
that quotes ``OIM`` or a French field that quotes ``الفصل 7-448`` is still analysed sensibly::

    WordTokenizer | ElisionFilter | ArticleNumberFilter | CompoundSplitFilter | ArabicNormalizeFilter
    | LatinFoldFilter | StopWordsFilter | CliticStripFilter | ArabicStemFilter | SynonymFilter
    | LatinStemFilter

Whoosh pickles the analyzer into the index schema. Every class here therefore lives at a stable import
path and keeps at most a language code as state; word lists and stemmers are looked up at call time.
Changing a rule changes the terms: bump the schema version so that old indexes are rebuilt.

**Article numbers** are one token each, in canonical Latin form (``448.7``, ``٤٤٨-٧`` and, after
``الفصل``, ``7-448`` all give ``448-7``). When indexing, the head number (``448``) is added at the same
position, so a search for ``448`` finds the whole chapter 448-1 … 448-14. The tail parts are not indexed
on their own: ``7`` or ``1`` alone would match every "7 years" and "1 month" of the corpus. Queries do
not get the head, so ``448-7`` stays precise whatever the parser's grouping.

**Arabic stemming.** Whoosh has no Snowball Arabic; its ISRI stemmer extracts roots, which merges what
a legal search must keep apart (``الاتجار`` trafficking and ``التجارة`` trade become ``تجر`` and
``جار``; ``ضحية`` and ``الضحايا`` do not meet). :func:`stem_arabic` is a light suffix stripper instead,
run after clitic stripping, with a small synonym map for broken plurals (``ضحايا`` → ``ضحية``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Final

from whoosh.lang import stemmer_for_language, stopwords_for_language

from thbdesk.core.search.normalize import (
    PROTECTED_WORDS,
    canonical_article_number,
    fold_latin,
    is_arabic_article_keyword,
    normalize_arabic,
    strip_arabic_clitics,
    strip_elision,
)

if TYPE_CHECKING:
    # Whoosh ships no type hints; these stand-ins let mypy check the subclasses below.
    class _Composable:
        is_morph: bool

        def __or__(self, other: _Composable) -> Any: ...

    class Filter(_Composable): ...

    class RegexTokenizer(_Composable):
        def __init__(self, expression: str, gaps: bool = False) -> None: ...
else:
    from whoosh.analysis import Filter, RegexTokenizer

Token = Any  # whoosh.analysis.Token, reused by the tokenizer for every word
Analyzer = Any  # whoosh.analysis.CompositeAnalyzer

LANGUAGES: Final = ("ar", "fr", "en")
MULTILINGUAL: Final = "multi"

# Arabic marks are not \w for Python's re: without them the tokenizer would cut الضَّحَايَا into pieces.
_WORD_CHARS = r"\w\u0300-\u036f\u064b-\u065f\u0670\u06d6-\u06ed"
_JOINERS = "-.'’\u2010-\u2013\u2212"
TOKEN_PATTERN: Final = rf"[{_WORD_CHARS}]+(?:[{_JOINERS}][{_WORD_CHARS}]+)*"

_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_COMPOUND_PART = re.compile(rf"[^{_JOINERS}]+")
_CANONICAL_NUMBER = re.compile(r"[0-9]+(?:-[0-9]+)*")
_CLITIC_BEFORE_NUMBER = re.compile("[وفبكل](?=[0-9\u0660-\u0669\u06f0-\u06f9])")
_NUMBER_CONNECTORS = frozenset({"و", "او", "الي", "من", "حتي", "ثم"})


def _is_arabic(text: str) -> bool:
    return _ARABIC_SCRIPT.search(text) is not None


# --- Arabic stemming and synonyms

# (suffix, letters that must remain). Plural and dual endings need four letters left, because many
# three-letter stems merely end that way (قانون, انسان, تعيين). ية is left to the rule for ه, so a
# feminine nisba meets its masculine (وطنية → وطني) without cutting every word that ends in ي.
_ARABIC_SUFFIXES: Final = (
    ("ات", 3),
    ("ون", 4),
    ("ين", 4),
    ("ان", 4),
    ("ها", 3),
    ("هم", 3),
    ("ه", 3),
)


def stem_arabic(word: str) -> str:
    """Strip one plural, dual, pronoun or taa-marbuta ending from a normalised, clitic-free word.

    Derivational prefixes (``مست``, ``است``, ``ت``) are never removed: they carry meaning
    (``استغلال`` exploitation is not ``غلال`` grain).

    >>> [stem_arabic(w) for w in ["ضحيه", "عقوبات", "مهاجرين", "حقوقهم", "وطنيه", "جرايم"]]
    ['ضحي', 'عقوب', 'مهاجر', 'حقوق', 'وطني', 'جرايم']
    >>> [stem_arabic(w) for w in ["قانون", "انسان", "تعيين", "حق", "اتجار", "استغلال"]]
    ['قانون', 'انسان', 'تعيين', 'حق', 'اتجار', 'استغلال']
    """
    for suffix, min_stem in _ARABIC_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= min_stem:
            return word[: -len(suffix)]
    return word


# Broken plurals and spelling variants; the first form of each group is the canonical one.
SYNONYM_GROUPS: Final = (
    ("ضحية", "ضحايا"),
    ("طفل", "أطفال"),
    ("شاهد", "شهود"),
    ("قاصر", "قاصرين", "قاصرون"),
    ("امرأة", "مرأة", "نساء"),
    ("عامل", "عمال"),
    ("عضو", "أعضاء"),
    ("جريمة", "جرائم"),
    ("فصل", "فصول", "فصلين", "فصلان"),
    ("مادة", "مواد", "مادتين", "مادتان"),
    ("حق", "حقوق"),
    ("بلد", "بلدان"),
    ("شخص", "أشخاص"),
    ("مهاجر", "مهاجرين", "مهاجرون"),
    ("وثيقة", "وثائق"),
    ("عقوبة", "عقوبات"),
    ("قضية", "قضايا"),
    ("قانون", "قوانين"),
    ("فتاة", "فتيات"),
    ("دولة", "دول"),
)


def _synonym_map() -> dict[str, str]:
    """Keys and values are stems, so ``حقوقهم`` (حقوق + هم) meets ``حق`` too."""

    def term(word: str) -> str:
        return stem_arabic(normalize_arabic(word))

    return {term(form): term(group[0]) for group in SYNONYM_GROUPS for form in group[1:]}


_SYNONYMS: Final = _synonym_map()
_CLITIC_KEEP: Final = PROTECTED_WORDS | {normalize_arabic(w) for group in SYNONYM_GROUPS for w in group}


# --- Stop words

_ARABIC_STOP_WORDS = """
    في من على إلى عن مع هذا هذه هذان هاتان هؤلاء ذلك تلك أولئك التي الذي الذين اللذان اللتان اللواتي
    اللاتي ما ماذا لماذا متى أين كيف أو أم ثم كل أي لا لم لن ليس ليست قد لقد إن أن إذا إذ إلا أما إما
    كان كانت كانوا يكون تكون هو هي هم هن هما نحن أنا أنت أنتم له لها لهم به بها بهم فيه فيها فيهم منه
    منها منهم عليه عليها عليهم إليه إليها إليهم عنه عنها عنهم هنا هناك حيث حين عند عندما لدى بين بعد
    قبل حتى منذ خلال أثناء نحو مثل كما أيضا بل لكن كذلك ذات بعض جميع سواء بالتالي
"""
# Conjunctions and prepositions are written fused to the next word; the clitic stripper will not cut
# them from words this short, so the fused forms are listed too (وفي, بهذا, لذلك).
_FUSED_PREFIXES = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فل")
_FRENCH_EXTRA_STOP_WORDS = """
    les cette cet dont aussi ainsi lorsque puis donc car ni si leurs celle celui ceux celles tout tous
    toute toutes quel quelle quels quelles
"""


def _arabic_stop_words() -> frozenset[str]:
    words = {normalize_arabic(word) for word in _ARABIC_STOP_WORDS.split()}
    return frozenset(words | {prefix + word for prefix in _FUSED_PREFIXES for word in words})


def _latin_stop_words(lang: str) -> frozenset[str]:
    words = set(stopwords_for_language(lang))
    if lang == "fr":
        words.update(_FRENCH_EXTRA_STOP_WORDS.split())
    return frozenset(fold_latin(word) for word in words)


def _stop_words() -> dict[str, frozenset[str]]:
    """Arabic stop words apply everywhere (scripts cannot collide); Latin words quoted in Arabic text
    are French or English, so the Arabic analyzer drops both lists."""
    arabic, french, english = _arabic_stop_words(), _latin_stop_words("fr"), _latin_stop_words("en")
    return {
        "ar": arabic | french | english,
        "fr": arabic | french,
        "en": arabic | english,
        MULTILINGUAL: arabic | french | english,
    }


_STOP_WORDS: Final = _stop_words()


def _is_stop_word(text: str, stop_words: frozenset[str]) -> bool:
    """Single letters go too (``l``, ``s`` of ``victim's``, a lone ``و``), but not single digits."""
    return text in stop_words or (len(text) == 1 and not text.isdigit())


# --- Latin stemming


@functools.cache
def _snowball(lang: str) -> Callable[[str], str]:
    stem: Callable[[str], str] = stemmer_for_language(lang)
    return stem


@functools.lru_cache(maxsize=100_000)
def stem_latin(word: str, lang: str) -> str:
    """Snowball for ``fr`` and ``en``; for ``multi``, French Snowball over English Snowball.

    The composition conflates both languages' inflections better than either stemmer alone: on 47
    groups of French and English trafficking vocabulary, French Snowball left 27 groups split,
    English 15, the composition 9. ``ar`` (Latin words inside Arabic text, mostly acronyms) is
    not stemmed.

    >>> [stem_latin(w, "multi") for w in ["trafficking", "trafficked", "smuggler", "victimes", "organes"]]
    ['traffick', 'traffick', 'smuggl', 'victim', 'organ']
    >>> stem_latin("exploitation", "fr"), stem_latin("trafficked", "en"), stem_latin("oim", "ar")
    ('exploit', 'traffick', 'oim')
    """
    if lang == MULTILINGUAL:
        return _snowball("fr")(_snowball("en")(word))
    if lang in ("fr", "en"):
        return _snowball(lang)(word)
    return word


# --- Tokenizer and filters


class WordTokenizer(RegexTokenizer):
    """Words with their Arabic marks and Latin combining accents, joined by ``- . ' ’``."""

    def __init__(self) -> None:
        super().__init__(TOKEN_PATTERN)


class ElisionFilter(Filter):
    """``l'exploitation`` → ``exploitation`` (see :func:`strip_elision`), before compounds are split."""

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        for t in tokens:
            stripped = strip_elision(t.text)
            if t.chars:
                t.startchar += len(t.text) - len(stripped)
            t.text = stripped
            yield t


class ArticleNumberFilter(Filter):
    """Numbers become one canonical token (``448.7`` → ``448-7``), plus their head when indexing.

    After an Arabic article word (``الفصل``, ``للمادة``) and the connectors that continue a list
    (``و``, ``إلى``), the Arabic order is undone: ``الفصل 7-448`` → ``448-7``. Numbers elsewhere keep
    their order, because Arabic text also writes law numbers and years that way (``02.03``,
    ``2023-2030``).
    """

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        arabic_context = False
        for t in tokens:
            number = _number_of(t, arabic_context)
            if number is None:
                arabic_context = _keeps_arabic_context(t.text, arabic_context)
                yield t
                continue
            head = number.partition("-")[0]
            if head == number or t.mode == "query":
                t.text = number
                yield t
                continue
            # The same token object comes back: later filters may have renumbered it meanwhile.
            place = _place_of(t)
            t.text = number
            yield t
            _restore_place(t, place)
            t.text = head
            yield t


def _place_of(t: Token) -> tuple[int, int, int]:
    return (t.pos if t.positions else 0, t.startchar if t.chars else 0, t.endchar if t.chars else 0)


def _restore_place(t: Token, place: tuple[int, int, int]) -> None:
    if t.positions:
        t.pos = place[0]
    if t.chars:
        t.startchar, t.endchar = place[1], place[2]


def _number_of(t: Token, arabic_order: bool) -> str | None:
    """The canonical number in ``t``, dropping a fused ``و``/``ب`` (``و2-448``) from its text."""
    text: str = t.text
    if _CLITIC_BEFORE_NUMBER.match(text):
        number = canonical_article_number(text[1:], arabic_order=arabic_order)
        if number is not None and t.chars:
            t.startchar += 1
        return number
    return canonical_article_number(text, arabic_order=arabic_order)


def _keeps_arabic_context(text: str, arabic_context: bool) -> bool:
    if arabic_context and normalize_arabic(text) in _NUMBER_CONNECTORS:
        return True
    return _is_arabic(text) and is_arabic_article_keyword(text)


class CompoundSplitFilter(Filter):
    """``non-dénonciation`` → ``non``, ``dénonciation``; canonical numbers stay whole.

    Later tokens move up by the extra parts so that phrase queries still line up.
    """

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        shift = 0
        for t in tokens:
            if t.positions:
                t.pos += shift
            if _CANONICAL_NUMBER.fullmatch(t.text):
                yield t
                continue
            parts = [(m.start(), m.group()) for m in _COMPOUND_PART.finditer(t.text)]
            yield from _yield_parts(t, parts)
            shift += max(len(parts) - 1, 0)


def _yield_parts(t: Token, parts: list[tuple[int, str]]) -> Iterator[Token]:
    first_pos = t.pos if t.positions else 0
    first_char = t.startchar if t.chars else 0
    for index, (offset, part) in enumerate(parts):
        t.text = part
        if t.positions:
            t.pos = first_pos + index
        if t.chars:
            t.startchar = first_char + offset
            t.endchar = t.startchar + len(part)
        yield t


class ArabicNormalizeFilter(Filter):
    """:func:`normalize_arabic` on Arabic-script tokens; a token of marks only disappears."""

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        for t in tokens:
            if _is_arabic(t.text):
                t.text = normalize_arabic(t.text)
                if not t.text.strip():
                    continue
            yield t


class LatinFoldFilter(Filter):
    """:func:`fold_latin` on every token that is not Arabic script."""

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        for t in tokens:
            if not _is_arabic(t.text):
                t.text = fold_latin(t.text)
                if not t.text.strip():
                    continue
            yield t


class StopWordsFilter(Filter):
    """Drops the stop words of ``lang`` (Arabic ones always), renumbering later positions."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        stop_words = _STOP_WORDS[self.lang]
        removed = 0
        for t in tokens:
            if _is_stop_word(t.text, stop_words):
                if t.removestops:
                    removed += 1
                else:
                    t.stopped = True
                    yield t
                continue
            t.stopped = False
            if t.positions:
                t.pos -= removed
            yield t


class CliticStripFilter(Filter):
    """:func:`~thbdesk.core.search.normalize.strip_arabic_clitics` on Arabic-script tokens."""

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        for t in tokens:
            if _is_arabic(t.text):
                t.text = strip_arabic_clitics(t.text, _CLITIC_KEEP)
            yield t


ClitcStripFilter = CliticStripFilter  # the spelling used in the design brief


class ArabicStemFilter(Filter):
    """:func:`stem_arabic` on Arabic-script tokens."""

    is_morph = True

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        for t in tokens:
            if _is_arabic(t.text):
                t.text = stem_arabic(t.text)
            yield t


class SynonymFilter(Filter):
    """Broken plurals onto their singular (``ضحايا`` → ``ضحية``), on stems, see :data:`SYNONYM_GROUPS`."""

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        for t in tokens:
            t.text = _SYNONYMS.get(t.text, t.text)
            yield t


class LatinStemFilter(Filter):
    """:func:`stem_latin` on Latin words; numbers and Arabic script pass untouched."""

    is_morph = True

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        for t in tokens:
            if t.text.isalpha() and not _is_arabic(t.text):
                t.text = stem_latin(t.text, self.lang)
            yield t


# --- Analyzers


def _chain(variant: str) -> Analyzer:
    return (
        WordTokenizer()
        | ElisionFilter()
        | ArticleNumberFilter()
        | CompoundSplitFilter()
        | ArabicNormalizeFilter()
        | LatinFoldFilter()
        | StopWordsFilter(variant)
        | CliticStripFilter()
        | ArabicStemFilter()
        | SynonymFilter()
        | LatinStemFilter(variant)
    )


def analyzer_for(lang: str) -> Analyzer:
    """The analyzer of a field or query in ``lang`` (``ar``, ``fr`` or ``en``).

    >>> [t.text for t in analyzer_for("fr")("L'exploitation des victimes (art. 448.7)")]
    ['exploit', 'victim', 'art', '448-7', '448']
    """
    if lang not in LANGUAGES:
        raise ValueError(f"no analyzer for language {lang!r}; expected one of {LANGUAGES}")
    return _chain(lang)


def multilingual_analyzer() -> Analyzer:
    """For mixed fields and queries in an unknown language: Arabic words take the Arabic chain, the
    others French folding and elision with the French-over-English stemmer.

    >>> [t.text for t in multilingual_analyzer()("الضحايا trafficked victimes")]
    ['ضحي', 'traffick', 'victim']
    """
    return _chain(MULTILINGUAL)


def spelling_analyzer() -> Analyzer:
    """Whole words, normalised but not stemmed: the vocabulary "did you mean" suggests from.

    >>> [t.text for t in spelling_analyzer()("Non-Dénonciation d'organes الضَّحايا")]
    ['non', 'denonciation', 'organes', 'الضحايا']
    """
    return (
        WordTokenizer()
        | ElisionFilter()
        | CompoundSplitFilter()
        | ArabicNormalizeFilter()
        | LatinFoldFilter()
    )


@functools.cache
def _cached_analyzer(lang: str) -> Analyzer:
    return multilingual_analyzer() if lang == MULTILINGUAL else analyzer_for(lang)


def analyze(text: str, lang: str, *, mode: str = "index") -> list[str]:
    """The terms ``text`` gives in ``lang`` (``ar``, ``fr``, ``en`` or ``multi``).

    ``mode="query"`` analyses as the query parser does: without the head of article numbers.

    >>> analyze("الفصل 7-448: عدم التبليغ عن الجرائم", "ar")
    ['فصل', '448-7', '448', 'عدم', 'تبليغ', 'جريم']
    >>> analyze("Non-dénonciation d'organes, art. 448-7", "fr", mode="query")
    ['non', 'denonci', 'organ', 'art', '448-7']
    """
    return [t.text for t in _cached_analyzer(lang)(text, mode=mode)]
