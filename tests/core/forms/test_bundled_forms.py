"""The three bundled forms: each loads, its example answers it without a problem, and the legal content
the supervisor relies on holds (minor branch, both notice versions, every right with its article)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from thbdesk.core.forms.answers import read_answers
from thbdesk.core.forms.engine import Interview
from thbdesk.core.forms.loader import bundled_forms, load_form
from thbdesk.core.forms.model import FormSpec, Step
from thbdesk.core.forms.render import display_value
from thbdesk.core.legal.loader import bundled_corpus
from thbdesk.core.paths import bundled_dir

FORM_IDS = ("incident-report", "referral", "notice-of-rights")
ARABIC = re.compile(r"[\u0600-\u06FF]")

# The qualification contract shared with the qualification helper (forms-contract.md).
QUALIFICATION_CODES = {
    "qual_acts": {
        "recruit", "lure", "transport", "transfer", "harbour", "receive", "intermediary",
    },
    "qual_means": {
        "threat", "force", "coercion", "abduction", "fraud", "deception", "abuse_of_authority",
        "abuse_of_vulnerability", "payment_to_controller", "none_observed",
    },
    "qual_purposes": {
        "sexual_exploitation", "prostitution_of_others", "pornography", "forced_labour", "servitude",
        "begging", "slavery", "organ_removal", "medical_experiments", "forced_crime", "armed_conflict",
        "unknown",
    },
    "qual_circumstances": {
        "threats_death_torture", "armed", "public_official", "permanent_harm", "several_offenders",
        "habitual", "several_victims", "vulnerable_person", "pregnant", "offender_family_or_authority",
        "criminal_gang", "transnational", "victim_death", "torture_barbarity",
    },
}  # fmt: skip
QUALIFICATION_TYPES = {
    "qual_crossing": "yesno",
    "qual_consent_to_crossing": "yesno",
    "qual_paid_for_crossing": "yesno",
    "person_dob": "date",
    "person_age_estimate": "number",
    "incident_date": "date",
}

# The article each right must cite (law-verification-3.md; the hotline is in the national plan).
RIGHT_ARTICLES = {
    "non_liability": "27-14:448-14",
    "information": "22-01:82-5-1",
    "safety_care": "22-01:82-5-1",
    "reflection": "22-01:82-5-1",
    "compensation_legal_aid": "27-14:5",
    "identity_protection": "27-14:448-9",
    "no_contact_stay": "22-01:82-5-1",
    "witness_protection": "22-01:82-7",
    "no_intimidation": "27-14:448-8",
    "state_support": "27-14:4",
    "personal_data": "22-01:82-5-1",
    "hotline": "plan-2023-2030:6",
}


def _example_path(form_id: str) -> Path:
    return bundled_dir("forms") / "examples" / f"{form_id}.json"


def _example(form_id: str) -> Interview:
    return Interview(bundled_forms()[form_id], read_answers(_example_path(form_id)))


def _right_steps(spec: FormSpec) -> list[Step]:
    return [s for s in spec.steps if s.id.startswith("right_")]


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_bundled_form_loads_under_its_file_name(form_id: str) -> None:
    spec = load_form(bundled_dir("forms") / f"{form_id}.yaml")
    assert spec.id == form_id
    assert all(step.fields for step in spec.steps)


def test_the_three_forms_are_offered() -> None:
    assert set(bundled_forms()) == set(FORM_IDS)


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_example_answers_validate_without_any_problem(form_id: str) -> None:
    interview = _example(form_id)
    assert interview.answers.form == form_id
    assert interview.answers.form_version == bundled_forms()[form_id].version
    assert [(p.field_id, p.text("en")) for p in interview.problems()] == []
    assert all(interview.step_complete(step.id) for step in interview.visible_steps())


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_example_keeps_some_free_text_in_arabic(form_id: str) -> None:
    answers = json.loads(_example_path(form_id).read_text(encoding="utf-8"))["answers"]
    arabic = [v for v in answers.values() if isinstance(v, dict) and v.get("lang") == "ar"]
    assert arabic and all(ARABIC.search(v["text"]) for v in arabic)


def test_example_breakage_is_reported_at_the_field() -> None:
    interview = _example("incident-report")
    interview.set("person_dob", "2026-12-25")  # after the incident
    interview.set("officer_name", None)
    found = {(p.field_id, p.level) for p in interview.problems()}
    assert {("person_dob", "error"), ("officer_name", "error")} <= found


def test_referral_example_is_a_minor_with_the_guardian_branch_shown() -> None:
    interview = _example("referral")
    assert interview.computed()["age_at_incident"] == 16
    assert interview.computed()["is_minor"] is True
    assert "minor" in [s.id for s in interview.visible_steps()]
    shown = {f.id for f in interview.visible_fields("minor")}
    assert {"unaccompanied", "guardian_relationship", "guardian_name", "guardian_informed"} <= shown


def test_referral_hides_the_guardian_branch_for_an_adult() -> None:
    interview = _example("referral")
    interview.set("person_dob", "1990-02-01")
    interview.set("person_age_estimate", 36)
    assert "minor" not in [s.id for s in interview.visible_steps()]
    assert not [p for p in interview.problems() if p.step_id == "minor"]


@pytest.mark.parametrize("form_id", ["referral", "incident-report"])
def test_disputed_age_is_treated_as_a_child(form_id: str) -> None:
    interview = _example(form_id)
    interview.set("person_dob", "1990-02-01")
    interview.set("person_age_estimate", 36)
    interview.set("age_disputed", True)
    assert interview.computed()["is_minor"] is True


@pytest.mark.parametrize("form_id", ["incident-report", "referral"])
def test_qualification_fields_follow_the_contract(form_id: str) -> None:
    spec = bundled_forms()[form_id]
    for field_id, codes in QUALIFICATION_CODES.items():
        field = spec.field(field_id)
        assert field is not None and field.type == "multichoice", field_id
        assert {c.code for c in field.choices} == codes, field_id
    for field_id, kind in QUALIFICATION_TYPES.items():
        field = spec.field(field_id)
        assert field is not None and field.type == kind, field_id
    assert {"age_at_incident", "is_minor", "reference"} <= {c.id for c in spec.computed}


def test_incident_reference_is_built_from_unit_year_and_sequence() -> None:
    assert _example("incident-report").computed()["reference"] == "CMN1-2026-0042"


@pytest.mark.parametrize("variant", ["adult", "child"])
def test_notice_shows_only_the_chosen_version_of_every_right(variant: str) -> None:
    interview = _example("notice-of-rights")
    interview.set("variant", variant)
    if variant == "child":
        interview.set("person_dob", "2010-06-03")
    shown = {
        f.id
        for s in interview.visible_steps()
        if s.id.startswith("right_")
        for f in interview.visible_fields(s.id)
    }
    assert shown and all(f.endswith(f"_{variant}") for f in shown)
    rights = {s.id.removeprefix("right_") for s in _right_steps(interview.spec)}
    expected = rights if variant == "child" else rights - {"child_guarantees"}
    assert {f.removeprefix("right_").removesuffix(f"_{variant}") for f in shown} == expected


def test_notice_child_example_validates_once_every_child_right_is_explained() -> None:
    interview = _example("notice-of-rights")
    interview.set("person_dob", "2010-06-03")
    interview.set("variant", "child")
    interview.set("guardian_present", True)
    interview.set("guardian_name", {"text": "مساعدة اجتماعية بخلية التكفل", "lang": "ar"})
    for step in _right_steps(interview.spec):
        interview.set(f"{step.id}_child", True)
    assert [(p.field_id, p.text("en")) for p in interview.problems()] == []


def test_notice_refuses_the_adult_version_for_a_minor() -> None:
    interview = _example("notice-of-rights")
    interview.set("person_dob", "2010-06-03")
    assert ("variant", "error") in {(p.field_id, p.level) for p in interview.problems()}


def test_notice_right_not_explained_is_an_error() -> None:
    interview = _example("notice-of-rights")
    interview.set("right_reflection_adult", False)
    assert ("right_reflection_adult", "error") in {(p.field_id, p.level) for p in interview.problems()}


def test_every_right_cites_its_article_and_every_citation_exists() -> None:
    spec = bundled_forms()["notice-of-rights"]
    corpus = bundled_corpus()
    steps = {s.id.removeprefix("right_"): s for s in _right_steps(spec)}
    assert set(RIGHT_ARTICLES) <= set(steps)
    for right, step in steps.items():
        assert step.provisions, right
        assert all(corpus.resolve(ref, "") is not None for ref in step.provisions), right
        if right in RIGHT_ARTICLES:
            assert RIGHT_ARTICLES[right] in step.provisions, right


def _texts(spec: FormSpec, right: str) -> list[str]:
    step = spec.step(f"right_{right}")
    assert step is not None
    return [text for f in step.fields for text in (f.label.ar, f.label.fr, f.label.en)]


def test_notice_states_the_verified_facts_in_every_language_and_version() -> None:
    spec = bundled_forms()["notice-of-rights"]
    assert all("30" in t for t in _texts(spec, "reflection"))
    assert all("0800 004 747" in t for t in _texts(spec, "hotline"))


def test_optional_measures_are_promised_as_may_not_shall() -> None:
    adult = bundled_forms()["notice-of-rights"].field("right_no_contact_stay_adult")
    assert adult is not None
    assert "يجوز" in adult.label.ar and "peuvent" in adult.label.fr and " may " in adult.label.en
    assert "must" not in adult.label.en and "doivent" not in adult.label.fr


@pytest.mark.parametrize("lang", ["ar", "fr", "en"])
def test_an_absurdly_large_number_is_shown_not_fatal(lang: str) -> None:
    field = bundled_forms()["incident-report"].field("report_sequence")
    assert field is not None
    assert display_value(field, 10**25, lang) == str(10**25)
