"""Hypothesis: whatever the answers hold (any types, garbage), qualify() gives findings and never raises."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from thbdesk.core.forms.qualify import qualify

FIELDS = [
    "qual_acts", "qual_means", "qual_purposes", "person_dob", "person_age_estimate", "incident_date",
    "qual_crossing", "qual_consent_to_crossing", "qual_paid_for_crossing", "qual_circumstances", "indicators",
]  # fmt: skip
CODES = [
    "transport",
    "deception",
    "begging",
    "none_observed",
    "unknown",
    "armed",
    "CHD-01",
    "torture_barbarity",
]

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=40)
    | st.sampled_from([*CODES, "2010-02-30", "2010-03-12", "12/03/2010", "9999-12-31", "0001-01-01"])
    | st.dates()
    | st.datetimes()
    | st.binary(max_size=10)
)
values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=5)
        | st.tuples(children, children)
        | st.dictionaries(st.text(max_size=5), children, max_size=3)
        | st.frozensets(st.sampled_from(CODES))
    ),
    max_leaves=12,
)
answers = st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=10), values, max_size=12)


@settings(max_examples=300, deadline=None)
@given(answers=answers, on_date=st.none() | st.dates())
def test_random_answers_never_crash_qualify(answers: dict[str, object], on_date: date | None) -> None:
    q = qualify(answers, on_date=on_date)
    assert q.outcome in {"trafficking", "smuggling", "both", "insufficient", "neither"}
    assert [e.element for e in q.elements] == ["act", "means", "purpose"]
    json.dumps(q.to_json(), ensure_ascii=False)  # JSON-serialisable, whatever came in
    for lang in ("ar", "fr", "en"):
        assert q.describe(lang)


@settings(max_examples=50, deadline=None)
@given(value=values)
def test_an_answers_object_that_is_not_a_mapping_is_read_as_empty(value: object) -> None:
    assert qualify(value).outcome == "insufficient"  # type: ignore[arg-type]
