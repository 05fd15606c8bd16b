"""Hypothesis: whatever an answers file holds, build_document gives an aligned tree without bidi controls."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.core.forms.test_engine_fuzz import json_values
from thbdesk.core.docgen.build import build_document
from thbdesk.core.docgen.model import BIDI_CONTROLS
from thbdesk.core.forms.answers import Answers
from thbdesk.core.forms.loader import get_form, load_form

from .conftest import FORM_IDS, FORMS_DATA, all_text

SPECS = {form_id: get_form(form_id) for form_id in FORM_IDS}
SPECS["minimal"] = load_form(FORMS_DATA / "minimal.yaml")
nasty_text = st.text(
    alphabet=st.sampled_from([*BIDI_CONTROLS, "{", "}", "\n", "a", "ب", "\u0651", "😀", "\x00"])
)
values = st.one_of(
    json_values,
    nasty_text,
    st.fixed_dictionaries({"text": nasty_text, "lang": st.sampled_from(["ar", "fr", "xx"])}),
)


@st.composite
def form_answers(draw: st.DrawFn) -> tuple[str, Answers]:
    form_id = draw(st.sampled_from(sorted(SPECS)))
    spec = SPECS[form_id]
    ids = [f.id for _, f in spec.fields()]
    chosen: dict[str, Any] = draw(st.dictionaries(st.sampled_from([*ids, "unknown"]), values, max_size=12))
    return form_id, Answers(spec.id, spec.version, chosen)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(form_answers(), st.permutations(["ar", "fr", "en"]), st.integers(min_value=1, max_value=3))
@example(("incident-report", Answers("incident-report", 1, {"notified_bodies": [""]})), ["fr"], 1)
@example(("incident-report", Answers("incident-report", 1, {"notified_bodies": ["\u202e "]})), ["ar"], 1)
def test_random_answers_never_crash_the_builder(
    case: tuple[str, Answers], order: list[str], size: int
) -> None:
    form_id, answers = case
    doc = build_document(SPECS[form_id], answers, tuple(order[:size]))
    doc.check_aligned()
    for lang in doc.langs:
        text = all_text(doc, lang)
        assert not set(text) & BIDI_CONTROLS and "\x00" not in text
        assert all(run.text.strip() for run in doc.answer_runs(lang))  # an answer is never an empty run
