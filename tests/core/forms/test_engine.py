"""The interview: visibility, requiredness, validation of each type, checks, computed values, steps."""

from __future__ import annotations

import copy
import json
from datetime import date
from typing import Any

import pytest

from thbdesk.core.forms.answers import Answers, FreeText
from thbdesk.core.forms.engine import Interview, Problem
from thbdesk.core.forms.model import FormSpec

from .conftest import FORMS_DATA


def _complete() -> dict[str, Any]:
    data = json.loads((FORMS_DATA / "minimal-answers.json").read_text(encoding="utf-8"))
    return data["answers"]


def _interview(spec: FormSpec, **changes: Any) -> Interview:
    values = copy.deepcopy(_complete())
    for key, value in changes.items():
        if value is None:
            values.pop(key, None)
        else:
            values[key] = value
    return Interview(spec, Answers("minimal", 2, values))


def _errors(interview: Interview, step: str | None = None) -> dict[str, str]:
    return {p.where: p.text("en") for p in interview.problems(step) if p.level == "error"}


def test_complete_answers_have_no_problem_and_every_step_is_complete(minimal: FormSpec) -> None:
    interview = _interview(minimal)
    assert interview.problems() == []
    assert all(interview.step_complete(s.id) for s in interview.visible_steps())


def test_computed_values_age_minor_and_reference(minimal: FormSpec) -> None:
    computed = _interview(minimal).computed()
    assert computed == {"age_at_incident": 16, "is_minor": True, "reference": "TNG-PORT-2026-0042"}
    adult = _interview(minimal, person_dob="1990-01-01").computed()
    assert adult["age_at_incident"] == 36 and adult["is_minor"] is False


def test_an_estimated_age_makes_a_minor_when_the_date_of_birth_is_unknown(minimal: FormSpec) -> None:
    interview = _interview(minimal, person_dob=None, person_age_estimate=15)
    assert interview.computed()["is_minor"] is True
    assert interview.is_visible("person_age_estimate") and interview.is_visible("has_guardian")


def test_a_hidden_field_is_never_required_nor_checked_and_counts_as_unanswered(minimal: FormSpec) -> None:
    interview = _interview(minimal, person_age_estimate=300)  # hidden: a date of birth is given
    assert not interview.is_visible("person_age_estimate")
    assert interview.problems() == []
    adult = _interview(minimal, person_dob="1990-01-01", has_guardian=None)
    assert not adult.is_visible("has_guardian") and "has_guardian" not in _errors(adult)


def test_show_if_and_require_when(minimal: FormSpec) -> None:
    normal = _interview(minimal, priority="normal", urgent_reason=None)
    assert "urgent_reason" not in [f.id for f in normal.visible_fields("incident")]
    assert normal.problems() == []
    urgent = _interview(minimal, urgent_reason=None)
    assert _errors(urgent) == {"urgent_reason": "This answer is required."}
    minor = _interview(minimal, has_guardian=None)
    assert _errors(minor) == {"has_guardian": "This answer is required."}


def test_a_step_hidden_by_its_condition_is_skipped_by_next_and_previous(minimal: FormSpec) -> None:
    interview = _interview(minimal, person_name=None)
    assert [s.id for s in interview.visible_steps()] == ["incident", "person"]
    assert interview.next_step("person") is None
    shown = _interview(minimal)
    assert shown.next_step(None).id == "incident"
    assert shown.next_step("incident").id == "person"
    assert shown.next_step("person").id == "findings"
    assert shown.previous_step("findings").id == "person"
    assert shown.previous_step("incident") is None


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("sequence", "42", "Enter a number."),
        ("sequence", 0, "Enter a number of at least 1."),
        ("sequence", 10_000, "Enter a number of at most 9,999."),
        ("incident_date", "2026-02-30", "Enter a real date, written YYYY-MM-DD."),
        ("incident_date", "30/11/2026", "Enter a real date, written YYYY-MM-DD."),
        ("incident_date", "2999-01-01", "The date must be on or before"),
        ("seen_at", "2026-11-28 25:00", "Enter a real date and time, written YYYY-MM-DDTHH:MM."),
        ("unit_code", {"text": "tng port", "lang": "fr"}, "This answer is not written in the expected form."),
        ("unit_code", {"text": "X" * 2001, "lang": "fr"}, "The text is too long: at most 2,000 characters."),
        ("unit_code", 12, "Enter text."),
        ("priority", "urgnet", "urgnet is not one of the options."),
        ("priority", ["urgent"], "Choose one option only."),
        ("person_languages", ["en", "fr", "ar"], "Too many entries: at most 2."),
        ("person_languages", ["en", "en"], "The same answer is listed twice."),
        ("person_languages", "en", "Expected a list of answers."),
        ("person_nationality", "XX", "XX is not a known country code."),
        ("person_nationality", "EU", "EU is not a known country code."),
        ("notice_language", "klingon", "klingon is not a known language code."),
        ("has_guardian", "yes", "Answer yes or no."),
        ("indicators", ["GEN-07", "SEX-01"], "SEX-01 is not an indicator of the checklist."),
        ("indicators", ["GEN-99"], "GEN-99 is not an indicator of the checklist."),
        ("travel_document", {"type": "visa", "number": "A1"}, "visa is not one of the options."),
        ("travel_document", {"type": "passport", "colour": "red"}, "colour is not a part of this answer."),
        ("travel_document", {"type": "passport", "country": "ZZ"}, "ZZ is not a known country code."),
        ("travel_document", "A1234567", "The answer does not have the expected parts."),
        ("consent", {"given": "yes"}, "Say whether consent was given."),
        (
            "consent",
            {"given": True, "recipients": ["ngo"]},
            "Record who gave consent and who may receive the data.",
        ),
        (
            "consent",
            {"given": True, "recipients": ["press"], "given_by": "person"},
            "press is not one of the options.",
        ),
    ],
)
def test_each_type_refuses_a_malformed_answer(minimal: FormSpec, field: str, value: Any, error: str) -> None:
    found = _errors(_interview(minimal, **{field: value}))
    assert list(found) == [field]
    assert found[field].startswith(error)


def test_a_date_bound_is_written_in_each_language(minimal: FormSpec) -> None:
    [problem] = _interview(minimal, incident_date="1999-12-31", person_dob=None).problems()
    assert problem.text("en") == "The date must be on or after January 1, 2000."
    assert "1 janvier 2000" in problem.text("fr")
    assert "1 يناير 2000" in problem.text("ar")


def test_group_entries_are_validated_one_by_one_with_their_own_conditions(minimal: FormSpec) -> None:
    persons = [
        {"role": "companion"},
        {"role": "guardian"},
        {"role": "uncle", "name": {"text": "X", "lang": "fr"}},
        "not a map",
    ]
    found = _errors(_interview(minimal, persons=persons))
    assert found == {
        "persons": "Too many entries: at most 3.",
        "persons[1].name": "This answer is required.",
        "persons[2].role": "uncle is not one of the options.",
        "persons[3]": "Each entry of this list must be a set of answers.",
    }


def test_a_cross_field_check_is_an_error_beside_its_field(minimal: FormSpec) -> None:
    interview = _interview(minimal, person_dob="2027-01-01")
    [problem] = interview.problems()
    assert (problem.field_id, problem.level, problem.step_id, problem.check_id) == (
        "person_dob",
        "error",
        "person",
        "dob_before_incident",
    )
    assert problem.text("fr") == "La date de naissance doit précéder la date de l'incident."
    assert not interview.step_complete("person") and interview.step_complete("incident")


def test_a_check_does_not_fire_on_missing_answers(minimal: FormSpec) -> None:
    assert _errors(_interview(minimal, person_dob=None, person_age_estimate=30)) == {}


def test_a_warning_does_not_block_the_step(minimal: FormSpec) -> None:
    document = {"type": "passport", "number": "A1", "country": "NG", "expiry": "2025-01-01"}
    interview = _interview(minimal, travel_document=document)
    [problem] = interview.problems()
    assert problem.level == "warning" and problem.field_id == "travel_document"
    assert interview.step_complete("person")


def test_built_in_messages_come_in_three_languages(minimal: FormSpec) -> None:
    [problem] = _interview(minimal, sequence=10_000).problems()
    assert problem.text("en") == "Enter a number of at most 9,999."
    assert problem.text("fr") != problem.text("en") and "9" in problem.text("fr")
    assert problem.text("ar") not in (problem.text("fr"), problem.text("en"))


def test_answers_the_form_does_not_ask_are_a_warning(minimal: FormSpec) -> None:
    problems = _interview(minimal, shoe_size=42).problems()
    assert [(p.field_id, p.level) for p in problems] == [("shoe_size", "warning")]


def test_an_empty_interview_lists_the_required_answers_of_the_shown_steps(minimal: FormSpec) -> None:
    interview = Interview(minimal)
    assert set(_errors(interview)) == {"unit_code", "sequence", "incident_date", "priority", "person_name"}
    assert set(_errors(interview, "person")) == {"person_name"}
    assert [s.id for s in interview.visible_steps()] == ["incident", "person"]
    assert not interview.step_complete("incident")


def test_set_and_get_store_json_and_update_conditions(minimal: FormSpec) -> None:
    interview = Interview(minimal)
    interview.set("person_name", FreeText.typed("أمينة", "fr"))
    interview.set("person_dob", date(2010, 3, 12))
    interview.set("incident_date", date(2026, 11, 28))
    assert interview.get("person_name") == {"text": "أمينة", "lang": "ar"}
    assert interview.get("person_dob") == "2010-03-12"
    assert interview.is_visible("has_guardian")
    assert [s.id for s in interview.visible_steps()][-1] == "findings"
    interview.set("person_name", FreeText("  ", "fr"))
    assert interview.get("person_name") is None
    assert interview.answers.answers["person_dob"] == "2010-03-12"


def test_problem_where_names_the_place_in_the_answers_file() -> None:
    message = {"en": "x"}
    assert Problem("persons", "error", message, item=2, sub_id="name").where == "persons[2].name"
    assert Problem("priority", "error", message).where == "priority"
