"""The findings in words: the disclaimer in every language, articles named by the corpus, its figures."""

from __future__ import annotations

import pytest

from thbdesk.core.forms.qualify import qualify
from thbdesk.core.legal.display import penalty_text
from thbdesk.core.legal.loader import bundled_corpus

MINOR = {
    "person_dob": "2010-03-12",
    "incident_date": "2026-11-20",
    "qual_acts": ["transport"],
    "qual_purposes": ["begging"],
    "qual_circumstances": ["criminal_gang"],
    "qual_crossing": False,
}
DISCLAIMERS = {
    "en": "Decision support, not a legal qualification: the prosecutor qualifies the facts and decides.",
    "fr": "Aide à la décision, pas une qualification juridique : le procureur qualifie les faits et décide.",
    "ar": "أداة مساعدة على اتخاذ القرار وليست تكييفاً قانونياً: النيابة العامة هي التي تكيّف الوقائع وتقرر.",
}


@pytest.mark.parametrize("lang", ["ar", "fr", "en"])
def test_the_disclaimer_opens_and_closes_the_text_in_each_language(lang: str) -> None:
    lines = qualify(MINOR).describe(lang).splitlines()
    assert lines[0] == lines[-1] == DISCLAIMERS[lang]


def test_english_text_lists_elements_tiers_and_outcome() -> None:
    lines = qualify(MINOR).describe("en").splitlines()
    assert "Age at the incident: 16 (from the date of birth) — a minor (under 18)." in lines
    assert "  Means: not required (minor)" in lines
    assert "  Act: met — transporting" in lines
    assert (
        "  Tier 3 — Law 27-14 · Article 448-5, paragraph 1, case 1 (circumstance ticked):"
        " Offence committed by a criminal gang." in lines
    )
    assert any(
        line.startswith("  Tier 2 — Law 27-14 · Article 448-4, case 1 (derived from the age)")
        for line in lines
    )
    assert "Trafficking or migrant smuggling: indicates trafficking in human beings" in lines


def test_penalties_are_worded_from_the_corpus_figures() -> None:
    text = qualify(MINOR).describe("fr")
    law = bundled_corpus().instrument("27-14")
    for number in ("448-2", "448-4"):
        for penalty in law.provision(number).penalties:
            assert penalty_text(penalty, "fr") in text
    assert "Amende de 1 000 000 à 6 000 000 dirhams" in text.replace("\u202f", " ")


def test_arabic_names_articles_sub_number_first_and_uses_arabic_punctuation() -> None:
    text = qualify({**MINOR, "qual_acts": ["transport", "harbour"]}).describe("ar")
    assert "الفصل \u20661-448\u2069" in text  # isolated for display; the CLI strips the isolates
    assert "النقل، الإيواء" in text
    assert "؛ " in text and "; " not in text


def test_smuggling_penalties_are_shown_only_when_smuggling_is_indicated() -> None:
    assert "Migrant smuggling penalties" not in qualify(MINOR).describe("en")
    text = qualify({**MINOR, "qual_crossing": True}).describe("en")
    assert "Migrant smuggling penalties (Law 02-03 · Article 52):" in text
    assert "Life imprisonment (if the acts cause a death)" in text
