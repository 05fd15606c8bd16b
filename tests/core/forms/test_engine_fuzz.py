"""Hypothesis: whatever an answers file holds, validation, computed values, steps and display never crash."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thbdesk.core.forms.answers import Answers
from thbdesk.core.forms.engine import Interview
from thbdesk.core.forms.loader import load_form
from thbdesk.core.forms.render import display_value

from .conftest import FORMS_DATA

SPEC = load_form(FORMS_DATA / "minimal.yaml")
FIELD_IDS = [f.id for _, f in SPEC.fields()]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["2026-11-30", "2026-02-30", "2010-03-12T10:00", "urgent", "NG", "GEN-07", "ar", ""]),
)
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.sampled_from(["text", "lang", "type", "expiry", "given", "role", "name", "x"]),
            inner,
            max_size=4,
        ),
    ),
    max_leaves=12,
)
answers = st.dictionaries(st.sampled_from([*FIELD_IDS, "unknown"]), json_values, max_size=len(FIELD_IDS))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers)
def test_random_answers_never_crash_the_interview(values: dict[str, Any]) -> None:
    interview = Interview(SPEC, Answers("minimal", 2, values))
    problems = interview.problems()
    assert all(p.level in ("error", "warning") and p.text("ar") for p in problems)
    interview.computed()
    for step in interview.visible_steps():
        interview.step_complete(step.id)
        interview.next_step(step.id)
        interview.previous_step(step.id)
        for field in interview.visible_fields(step.id):
            for lang in ("ar", "fr", "en"):
                assert isinstance(display_value(field, values.get(field.id), lang), str)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(FIELD_IDS), json_values), max_size=10))
def test_setting_random_values_one_by_one_never_crashes(changes: list[tuple[str, Any]]) -> None:
    interview = Interview(SPEC)
    for field_id, value in changes:
        interview.set(field_id, value)
        interview.problems(interview.spec.step_of(field_id).id)  # type: ignore[union-attr]
    text = interview.answers.to_json()
    assert Answers.from_json(text).to_json() == text  # what is kept survives a save and a reload
