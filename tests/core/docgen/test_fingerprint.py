"""The footer's fingerprint identifies what was answered, not when or how the file was written."""

from __future__ import annotations

import json
import re

from thbdesk.core.docgen.fingerprint import canonical_answers, fingerprint
from thbdesk.core.forms.answers import Answers

from .conftest import example


def test_key_order_and_save_time_do_not_change_the_fingerprint() -> None:
    answers = example("referral")
    shuffled = Answers(
        answers.form,
        answers.form_version,
        dict(reversed(list(answers.answers.items()))),
        "2030-01-01T00:00:00+00:00",
    )
    assert fingerprint(shuffled) == fingerprint(answers)
    assert re.fullmatch(r"[0-9a-f]{16}", fingerprint(answers))


def test_any_change_of_an_answer_the_form_or_its_version_changes_it() -> None:
    answers = example("referral")
    base = fingerprint(answers)
    assert fingerprint(example("referral", priority="normal")) != base
    assert fingerprint(example("referral", person_aliases={"text": "M.", "lang": "fr"})) != base
    assert fingerprint(Answers(answers.form, 2, answers.answers)) != base
    assert fingerprint(Answers("other", 1, answers.answers)) != base


def test_the_canonical_form_is_compact_sorted_utf8_without_the_save_time() -> None:
    data = canonical_answers(
        Answers("referral", 1, {"b": "é", "a": {"y": 1, "x": "{"}}, "2026-11-30T10:00:00+00:00")
    )
    assert data == '{"answers":{"a":{"x":"{","y":1},"b":"é"},"form":"referral","form_version":1}'.encode()
    assert "saved_at" not in json.loads(data)
