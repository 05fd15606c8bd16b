"""The 448-1 elements, the age rules and trafficking versus migrant smuggling, one rule per test."""

from __future__ import annotations

from datetime import date

import pytest

from thbdesk.core.forms.qualify import qualify

INCIDENT = "2026-11-01"
SMUGGLING_ONLY = {
    "qual_acts": ["transport"],
    "qual_means": ["none_observed"],
    "qual_purposes": [],
    "person_dob": "1995-05-05",
    "incident_date": INCIDENT,
    "qual_crossing": True,
    "qual_consent_to_crossing": True,
    "qual_paid_for_crossing": True,
}
ADULT_TRAFFICKING = {
    "qual_acts": ["recruit", "harbour"],
    "qual_means": ["deception", "abuse_of_vulnerability"],
    "qual_purposes": ["forced_labour"],
    "person_dob": "1990-01-01",
    "incident_date": INCIDENT,
    "qual_crossing": False,
}


def statuses(answers: dict[str, object]) -> dict[str, str]:
    return {e.element: e.status for e in qualify(answers).elements}


def reason_codes(answers: dict[str, object]) -> list[str]:
    return [r.code for r in qualify(answers).reasons]


def test_each_element_is_met_with_the_facts_that_meet_it() -> None:
    q = qualify(ADULT_TRAFFICKING)
    assert [(e.element, e.status, e.facts) for e in q.elements] == [
        ("act", "met", ("recruit", "harbour")),
        ("means", "met", ("deception", "abuse_of_vulnerability")),
        ("purpose", "met", ("forced_labour",)),
    ]


def test_unanswered_elements_are_unknown_not_missing() -> None:
    assert statuses({}) == {"act": "unknown", "means": "unknown", "purpose": "unknown"}


def test_answered_with_nothing_or_none_observed_is_missing() -> None:
    answers = {**ADULT_TRAFFICKING, "qual_acts": [], "qual_means": ["none_observed"]}
    assert statuses(answers) == {"act": "missing", "means": "missing", "purpose": "met"}


def test_purpose_ticked_unknown_stays_unknown() -> None:
    assert statuses({**ADULT_TRAFFICKING, "qual_purposes": ["unknown"]})["purpose"] == "unknown"


def test_codes_the_rules_do_not_know_do_not_meet_an_element() -> None:
    assert statuses({**ADULT_TRAFFICKING, "qual_acts": ["kidnapping-by-ufo"]})["act"] == "unknown"


def test_a_minor_needs_no_means() -> None:
    answers = {**ADULT_TRAFFICKING, "person_dob": "2010-03-12", "qual_means": ["none_observed"]}
    q = qualify(answers)
    assert q.age.status == "minor" and q.age.years == 16
    assert q.element("means").status == "not_required"
    assert q.outcome == "trafficking"
    assert "minor_elements_met" in reason_codes(answers)


def test_an_adult_without_means_misses_the_means_element() -> None:
    answers = {**ADULT_TRAFFICKING, "qual_means": ["none_observed"]}
    q = qualify(answers)
    assert q.age.status == "adult" and q.element("means").status == "missing"
    assert q.outcome == "neither"
    assert "means_missing" in reason_codes(answers)


def test_age_is_counted_at_the_incident_not_today() -> None:
    # 17 on the day of the incident, 18 a day later: still a minor for the qualification
    q = qualify({"person_dob": "2008-11-02", "incident_date": "2026-11-01"}, on_date=date(2030, 1, 1))
    assert (q.age.status, q.age.years) == ("minor", 17)
    assert qualify({"person_dob": "2008-11-01", "incident_date": "2026-11-01"}).age.status == "adult"


def test_without_an_incident_date_the_given_day_counts() -> None:
    assert qualify({"person_dob": "2010-06-01"}, on_date=date(2028, 5, 31)).age.years == 17


def test_an_estimate_under_18_makes_a_minor() -> None:
    q = qualify({"person_age_estimate": 15})
    assert (q.age.status, q.age.basis) == ("minor", "estimate")
    assert q.element("means").status == "not_required"


def test_a_disputed_adult_date_of_birth_with_a_young_estimate_presumes_a_minor() -> None:
    q = qualify({"person_dob": "2000-01-01", "incident_date": INCIDENT, "person_age_estimate": 15})
    assert (q.age.status, q.age.disputed) == ("presumed_minor", True)
    assert q.element("means").status == "not_required"
    assert "presumed a minor" in q.describe("en")


def test_unknown_age_with_a_child_indicator_presumes_a_minor() -> None:
    q = qualify({"indicators": ["GEN-07", "CHD-06"]})
    assert (q.age.status, q.age.basis) == ("presumed_minor", "indicators")
    assert [a.basis for a in q.aggravations] == ["presumed_age"]


def test_unknown_age_without_signs_keeps_the_means_needed_and_says_why() -> None:
    q = qualify({**ADULT_TRAFFICKING, "person_dob": None, "qual_means": None})
    assert q.age.status == "unknown"
    means = q.element("means")
    assert (means.status, means.age_unknown) == ("unknown", True)
    assert q.outcome == "insufficient"
    assert "the age is not known" in q.describe("en")


def test_a_date_of_birth_after_the_incident_is_not_used() -> None:
    q = qualify({"person_dob": "2027-01-01", "incident_date": INCIDENT})
    assert (q.age.status, q.age.dob_after_incident) == ("unknown", True)


def test_smuggling_only_crossing_consent_payment_without_exploitation_or_means() -> None:
    q = qualify(SMUGGLING_ONLY)
    assert q.outcome == "smuggling"
    codes = reason_codes(SMUGGLING_ONLY)
    assert {"crossing", "paid_crossing", "person_crossing", "purpose_missing", "means_missing"} <= set(codes)
    crossing = next(r for r in q.reasons if r.code == "crossing")
    assert crossing.provisions == ("02-03:52",)
    assert next(r for r in q.reasons if r.code == "person_crossing").provisions == (
        "02-03:50",
        "27-14:448-14",
    )
    assert "consent_irrelevant" not in codes  # no means used: nothing to make the consent irrelevant


def test_trafficking_only_without_crossing() -> None:
    q = qualify(ADULT_TRAFFICKING)
    assert q.outcome == "trafficking"
    assert reason_codes(ADULT_TRAFFICKING) == ["elements_met", "no_crossing"]


def test_both_may_apply_when_a_smuggled_migrant_is_exploited() -> None:
    answers = {**ADULT_TRAFFICKING, "qual_crossing": True, "qual_consent_to_crossing": True}
    q = qualify(answers)
    assert q.outcome == "both"
    assert {"consent_irrelevant", "can_become_victim", "ends_on_arrival"} <= set(reason_codes(answers))


def test_consent_is_irrelevant_by_the_palermo_rule_not_a_sentence_of_448_1() -> None:
    answers = {**ADULT_TRAFFICKING, "qual_crossing": True, "qual_consent_to_crossing": True}
    text = qualify(answers).describe("en")
    assert "Palermo Protocol's rule (art. 3(b)), not a sentence of Law 27-14 · Article 448-1" in text


def test_a_minors_agreement_does_not_rule_out_trafficking() -> None:
    answers = {**SMUGGLING_ONLY, "person_dob": "2011-01-01", "qual_purposes": ["begging"]}
    q = qualify(answers)
    assert q.outcome == "both"
    assert "minor_consent" in reason_codes(answers)


def test_crossing_with_an_exploitative_purpose_but_unknown_means_gives_both() -> None:
    answers = {**SMUGGLING_ONLY, "qual_means": None, "qual_purposes": ["sexual_exploitation"]}
    assert qualify(answers).outcome == "both"


def test_crossing_unknown_and_elements_unknown_is_insufficient_information() -> None:
    q = qualify({"qual_acts": ["transport"]})
    assert q.outcome == "insufficient"
    assert [(r.code, r.elements) for r in q.reasons] == [
        ("elements_unknown", ("means", "purpose")),
        ("crossing_unknown", ()),
    ]


@pytest.mark.parametrize(
    ("change", "outcome"),
    [
        ({}, "trafficking"),
        ({"qual_crossing": True}, "both"),
        ({"qual_purposes": []}, "neither"),
        ({"qual_purposes": [], "qual_crossing": True}, "smuggling"),
        ({"qual_purposes": [], "qual_crossing": None}, "insufficient"),
    ],
)
def test_outcome_table(change: dict[str, object], outcome: str) -> None:
    assert qualify({**ADULT_TRAFFICKING, **change}).outcome == outcome


def test_the_findings_are_language_neutral_json() -> None:
    data = qualify({**ADULT_TRAFFICKING, "qual_crossing": True}).to_json()
    assert data["decision_support"] is True
    assert data["distinction"]["outcome"] == "both"
    assert data["elements"][1] == {
        "element": "means",
        "status": "met",
        "facts": ["deception", "abuse_of_vulnerability"],
        "provision": "27-14:448-1",
    }
    assert data["statuses"]["02-03:52"] == "verified"
