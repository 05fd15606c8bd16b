"""Every penalty figure reads the same in the data, in the three summaries and in the rendered text.

One test per penalty tier of every bundled instrument: a figure typed wrong in one language, or a
summary left behind when the `penalties` data changed, fails here with the provision and language.
"""

from __future__ import annotations

import re

import pytest

from thbdesk.core.legal.display import penalty_text
from thbdesk.core.legal.loader import bundled_corpus
from thbdesk.core.legal.model import Penalty, Provision

LANGS = ("ar", "fr", "en")

# Each language's thousands separator (README: 10.000 / 10 000 / 10,000); French also accepts the
# no-break spaces the app itself prints.
_AMOUNT = {
    "ar": r"\d{1,3}(?:\.\d{3})+",
    "fr": r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+",
    "en": r"\d{1,3}(?:,\d{3})+",
}
_UNITS = {
    "ar": {
        "years": "سنوات|سنة|سنتين|سنتان",
        "months": "أشهر|شهراً|شهرا|شهر|شهرين",
        "dirhams": "درهم|دراهم",
    },
    "fr": {"years": "ans|an", "months": "mois", "dirhams": "DH|dirhams"},
    "en": {"years": "years|year", "months": "months|month", "dirhams": "DH|dirhams"},
}
_TO = {"ar": "إلى", "fr": "à", "en": "to"}
# Arabic writes one or two of a unit as a bare word: "من شهر", "إلى سنة", "إلى سنتين".
_ARABIC_WORD_NUMBERS = (
    (re.compile(r"(?<=من )(شهر|سنة)(?=\s)"), r"1 \1"),
    (re.compile(r"(?<=إلى )(سنة|شهر)(?!\S)"), r"1 \1"),
    (re.compile(r"(?<=إلى )(سنتين|شهرين)"), r"2 \1"),
)

Range = tuple[int, int, str]  # (low, high, "months" | "dirhams"): durations are compared in months


def _unit_pattern(lang: str) -> str:
    return "|".join(_UNITS[lang].values())


def _unit_of(word: str, lang: str) -> str:
    return next(unit for unit, words in _UNITS[lang].items() if word in words.split("|"))


def _value(number: str) -> int:
    return int(re.sub(r"\D", "", number))


def _normalised(low: int, high: int, unit: str, low_unit: str | None = None) -> Range:
    if unit == "dirhams":
        return low, high, "dirhams"
    scale = {"years": 12, "months": 1}
    return low * scale[low_unit or unit], high * scale[unit], "months"


def ranges_in(text: str, lang: str) -> list[Range]:
    """Every "low to high unit" phrase of a text, in that language's number format.

    >>> ranges_in("de 6 mois à 3 ans et de 10 000 à 500 000 DH", "fr")
    [(6, 36, 'months'), (10000, 500000, 'dirhams')]
    >>> ranges_in("بالحبس من شهر إلى 6 أشهر وبغرامة من 1.000.000 إلى 6.000.000 درهم", "ar")
    [(1, 6, 'months'), (1000000, 6000000, 'dirhams')]
    """
    if lang == "ar":
        for pattern, replacement in _ARABIC_WORD_NUMBERS:
            text = pattern.sub(replacement, text)
    number = rf"(?<![\d.,]){_AMOUNT[lang]}(?![\d.,]\d)|(?<![\d.,])\d+(?![\d.,]\d)"
    units = _unit_pattern(lang)
    phrase = re.compile(rf"({number})(?:\s+({units}))?\s+{_TO[lang]}\s+({number})\s+({units})(?!\w)")
    found = []
    for low, low_unit, high, unit in phrase.findall(text):
        high_unit = _unit_of(unit, lang)
        first_unit = _unit_of(low_unit, lang) if low_unit else None
        found.append(_normalised(_value(low), _value(high), high_unit, first_unit))
    return found


def _tier_range(penalty: Penalty) -> Range:
    assert penalty.min is not None and penalty.max is not None and penalty.unit is not None
    return _normalised(penalty.min, penalty.max, penalty.unit)


def _provisions_with_summaries() -> list[Provision]:
    return [p for i in bundled_corpus().instruments for p in i.provisions if p.summary is not None]


def _tiers() -> list[tuple[Provision, int]]:
    return [(p, n) for p in _provisions_with_summaries() for n in range(len(p.penalties))]


_LIFE_WORDS = {"ar": "السجن المؤبد", "fr": "réclusion perpétuelle", "en": "life imprisonment"}
_KIND_WORDS = {
    "reclusion": {"ar": "السجن", "fr": "réclusion", "en": "réclusion"},
    "imprisonment": {"ar": "الحبس", "fr": "emprisonnement", "en": "imprisonment"},
    "fine": {"ar": "غرامة", "fr": "amende", "en": "fine"},
}


@pytest.mark.parametrize(
    ("provision", "index"),
    _tiers(),
    ids=[f"{p.key}#{n + 1}-{p.penalties[n].kind}" for p, n in _tiers()],
)
def test_each_penalty_tier_reads_the_same_in_all_three_summaries(provision: Provision, index: int) -> None:
    penalty = provision.penalties[index]
    assert provision.summary is not None
    for lang in LANGS:
        summary = provision.summary.get(lang)
        where = f"{provision.key} tier {index + 1} ({penalty.kind}) in the {lang} summary"
        if penalty.kind == "life":
            assert _LIFE_WORDS[lang] in summary.lower(), f"{where}: life imprisonment is not stated"
            continue
        assert _tier_range(penalty) in ranges_in(summary, lang), (
            f"{where}: {_tier_range(penalty)} not found among {ranges_in(summary, lang)}"
        )
        assert _KIND_WORDS[penalty.kind][lang] in summary.lower(), (
            f"{where}: the kind of penalty is not named"
        )


@pytest.mark.parametrize(
    ("provision", "index"),
    _tiers(),
    ids=[f"{p.key}#{n + 1}-{p.penalties[n].kind}" for p, n in _tiers()],
)
def test_each_penalty_tier_is_rendered_with_its_own_figures(provision: Provision, index: int) -> None:
    penalty = provision.penalties[index]
    for lang in LANGS:
        text = penalty_text(penalty, lang)
        if penalty.kind == "life":
            assert ranges_in(text, lang) == [], f"{provision.key} {lang}: {text!r}"
            continue
        assert ranges_in(text, lang) == [_tier_range(penalty)], f"{provision.key} {lang}: {text!r}"


@pytest.mark.parametrize("provision", _provisions_with_summaries(), ids=lambda p: p.key)
def test_a_summary_states_no_figure_that_the_other_languages_or_the_data_lack(provision: Provision) -> None:
    """Ranges outside `penalties` (an entry ban, say) are allowed only if all languages agree; amounts
    of money only if they are a fine of the provision."""
    assert provision.summary is not None
    found = {lang: sorted(ranges_in(provision.summary.get(lang), lang)) for lang in LANGS}
    assert found["ar"] == found["fr"] == found["en"], (
        f"{provision.key}: figures differ between languages: {found}"
    )
    fines = {_tier_range(p) for p in provision.penalties if p.kind == "fine"}
    stray = [r for r in found["en"] if r[2] == "dirhams" and r not in fines]
    assert not stray, f"{provision.key}: amounts {stray} in the summaries are not in its penalties data"


def test_448_5_carries_the_verified_one_million_fine_and_the_life_tier() -> None:
    article = bundled_corpus().instrument("27-14").provision("448-5")
    assert article is not None and article.status == "verified"
    tiers = [(p.kind, p.min, p.max) for p in article.penalties]
    assert tiers == [("reclusion", 20, 30), ("fine", 1_000_000, 6_000_000), ("life", None, None)]
    assert all(p.status == "verified" and p.condition is not None for p in article.penalties)
    assert "2.000.000" not in article.summary.ar and "2,000,000" not in article.summary.en


def test_ten_million_dirhams_is_stated_only_as_the_legal_person_maximum() -> None:
    stated = [
        p.key
        for p in _provisions_with_summaries()
        if any(10_000_000 in r[:2] for lang in LANGS for r in ranges_in(p.summary.get(lang), lang))
    ]
    assert stated == ["27-14:448-6"]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("بغرامة من 10.000 إلى 500.000 درهم", "ar", [(10_000, 500_000, "dirhams")]),
        ("amende de 10 000 à 500 000 DH", "fr", [(10_000, 500_000, "dirhams")]),
        ("amende de 10\u202f000 à 500\u202f000 dirhams", "fr", [(10_000, 500_000, "dirhams")]),
        ("a fine of 10,000 to 500,000 DH", "en", [(10_000, 500_000, "dirhams")]),
        ("من 6 أشهر إلى سنتين", "ar", [(6, 24, "months")]),
        ("3 months to 1 year's imprisonment", "en", [(3, 12, "months")]),
        ("القانون 27.14 والظهير 1.59.413 والفصل 1-448", "ar", []),
        ("articles 448-3 à 448-5 du Code", "fr", []),
    ],
)
def test_ranges_are_read_in_each_language_number_format(text: str, lang: str, expected: list[Range]) -> None:
    assert ranges_in(text, lang) == expected
