"""Each aggravating circumstance gives its tier and article (law-verification-3) and the corpus's figures."""

from __future__ import annotations

import dataclasses

import pytest

from thbdesk.core.forms.qualify import qualify
from thbdesk.core.legal.loader import bundled_corpus
from thbdesk.core.legal.model import Corpus

# circumstance code -> (tier, article, paragraph, case), as the official text orders them
EXPECTED = {
    "threats_death_torture": ("1", "27-14:448-3", None, 1),
    "armed": ("1", "27-14:448-3", None, 2),
    "public_official": ("1", "27-14:448-3", None, 3),
    "permanent_harm": ("1", "27-14:448-3", None, 4),
    "several_offenders": ("1", "27-14:448-3", None, 5),
    "habitual": ("1", "27-14:448-3", None, 6),
    "several_victims": ("1", "27-14:448-3", None, 7),
    "vulnerable_person": ("2", "27-14:448-4", None, 2),
    "pregnant": ("2", "27-14:448-4", None, 2),
    "offender_family_or_authority": ("2", "27-14:448-4", None, 3),
    "criminal_gang": ("3", "27-14:448-5", 1, 1),
    "transnational": ("3", "27-14:448-5", 1, 2),
    "victim_death": ("3", "27-14:448-5", 1, 3),
    "torture_barbarity": ("life", "27-14:448-5", 2, 4),
}
ADULT = {"person_dob": "1990-01-01", "incident_date": "2026-11-01"}


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_each_circumstance_gives_its_tier_and_article(code: str) -> None:
    (finding,) = qualify({**ADULT, "qual_circumstances": [code]}).aggravations
    assert (finding.tier, finding.provision, finding.paragraph, finding.case) == EXPECTED[code]
    assert (finding.trigger, finding.basis) == (code, "ticked")


def test_a_minor_gives_448_4_case_1_from_the_age_not_from_a_tick() -> None:
    (finding,) = qualify({"person_dob": "2010-03-12", "incident_date": "2026-11-01"}).aggravations
    assert (finding.trigger, finding.tier, finding.provision, finding.case, finding.basis) == (
        "minor",
        "2",
        "27-14:448-4",
        1,
        "age",
    )
    assert qualify({**ADULT, "qual_circumstances": ["minor"]}).aggravations == ()


def test_nothing_ticked_no_aggravation_and_several_are_all_listed() -> None:
    assert qualify(ADULT).aggravations == ()
    codes = ["armed", "transnational", "torture_barbarity"]
    found = qualify({**ADULT, "qual_circumstances": codes}).aggravations
    assert [(f.trigger, f.tier) for f in found] == [
        ("armed", "1"),
        ("transnational", "3"),
        ("torture_barbarity", "life"),
    ]


def figures(penalties: tuple) -> list[tuple]:
    return [(p.kind, p.min, p.max, p.unit) for p in penalties]


def test_figures_are_the_corpus_penalties_data() -> None:
    law = bundled_corpus().instrument("27-14")
    found = {f.trigger: f for f in qualify({**ADULT, "qual_circumstances": list(EXPECTED)}).aggravations}
    assert found["armed"].penalties == law.provision("448-3").penalties
    assert found["pregnant"].penalties == law.provision("448-4").penalties
    life = [p for p in law.provision("448-5").penalties if p.kind == "life"]
    assert found["torture_barbarity"].penalties == tuple(life)
    # and they are what the verified official text says (law-verification-3 §1)
    assert figures(found["several_victims"].penalties) == [
        ("reclusion", 10, 20, "years"),
        ("fine", 100000, 1000000, "dirhams"),
    ]
    assert figures(found["offender_family_or_authority"].penalties) == [
        ("reclusion", 20, 30, "years"),
        ("fine", 200000, 2000000, "dirhams"),
    ]
    assert figures(found["criminal_gang"].penalties) == [
        ("reclusion", 20, 30, "years"),
        ("fine", 1000000, 6000000, "dirhams"),
    ]
    assert figures(found["torture_barbarity"].penalties) == [("life", None, None, None)]


def test_basic_and_smuggling_penalties_come_from_the_corpus() -> None:
    q = qualify(ADULT)
    corpus = bundled_corpus()
    assert q.basic_penalties == corpus.resolve("27-14:448-2", "").penalties
    assert q.smuggling_penalties == corpus.resolve("02-03:52", "").penalties
    assert figures(q.basic_penalties) == [("reclusion", 5, 10, "years"), ("fine", 10000, 500000, "dirhams")]


def with_status(corpus: Corpus, key: str, status: str) -> Corpus:
    """A copy of the corpus where one provision (and its penalties) has another status."""
    instrument_id, _, number = key.partition(":")
    instruments = []
    for instrument in corpus.instruments:
        if instrument.id == instrument_id:
            provisions = tuple(
                dataclasses.replace(
                    p,
                    status=status,
                    penalties=tuple(dataclasses.replace(x, status=status) for x in p.penalties),
                )
                if p.number == number
                else p
                for p in instrument.provisions
            )
            instrument = dataclasses.replace(instrument, provisions=provisions)
        instruments.append(instrument)
    return Corpus(tuple(instruments))


def test_an_unverified_provision_is_shown_as_such() -> None:
    corpus = with_status(bundled_corpus(), "27-14:448-4", "unverified")
    answers = {**ADULT, "qual_circumstances": ["pregnant", "armed"]}
    q = qualify(answers, corpus=corpus)
    pregnant, armed = sorted(q.aggravations, key=lambda f: f.trigger != "pregnant")
    assert (pregnant.status, pregnant.verified) == ("unverified", False)
    assert (armed.status, armed.verified) == ("verified", True)
    assert q.to_json()["statuses"]["27-14:448-4"] == "unverified"
    text = q.describe("fr", corpus=corpus)
    assert text.count("Non vérifié") == 1
    assert "Article 448-4" in text.split("Non vérifié")[0].splitlines()[-3]


def test_an_unverified_smuggling_article_is_listed_to_check() -> None:
    corpus = with_status(bundled_corpus(), "02-03:52", "unverified")
    q = qualify({**ADULT, "qual_crossing": True}, corpus=corpus)
    assert q.status_of("02-03:52") == "unverified"
    assert "Check against the official text: Law 02-03 · Article 52." in q.describe("en", corpus=corpus)


def test_the_life_tier_says_what_the_text_leaves_open() -> None:
    q = qualify({**ADULT, "qual_circumstances": ["torture_barbarity"]})
    (finding,) = q.aggravations
    assert finding.note is not None and "first paragraph" in finding.note.en
    assert q.to_json()["aggravations"][0]["note"]["fr"] == finding.note.fr
    assert finding.note.fr in q.describe("fr")
    assert qualify({**ADULT, "qual_circumstances": ["armed"]}).aggravations[0].note is None
