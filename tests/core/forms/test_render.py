"""Codes become words in each language; free text is shown as typed; nothing malformed breaks the page."""

from __future__ import annotations

import json
from typing import Any

import pytest

from thbdesk.core.forms.model import FormSpec
from thbdesk.core.forms.render import display_value, indicator_heading
from thbdesk.core.i18n import isolate_ltr

from .conftest import FORMS_DATA


def _answers() -> dict[str, Any]:
    return json.loads((FORMS_DATA / "minimal-answers.json").read_text(encoding="utf-8"))["answers"]


def _show(spec: FormSpec, field_id: str, lang: str, value: Any = None) -> str:
    field = spec.field(field_id)
    assert field is not None
    return display_value(field, _answers()[field_id] if value is None else value, lang)


@pytest.mark.parametrize(
    ("field_id", "lang", "expected"),
    [
        ("priority", "ar", "مستعجل"),
        ("priority", "fr", "Urgent"),
        ("incident_date", "ar", "28 نونبر 2026"),
        ("incident_date", "fr", "28 novembre 2026"),
        ("incident_date", "en", "November 28, 2026"),
        ("seen_at", "fr", "28 novembre 2026 06:40"),
        ("seen_at", "ar", "28 نونبر 2026 " + isolate_ltr("06:40")),
        ("person_nationality", "ar", "نيجيريا"),
        ("person_nationality", "fr", "Nigeria"),
        ("notice_language", "en", "Yoruba"),
        ("notice_language", "ar", "اليوروبا"),
        ("person_languages", "ar", "الإنجليزية، الفرنسية"),
        ("person_languages", "en", "English, French"),
        ("has_guardian", "fr", "Non"),
        ("has_guardian", "ar", "لا"),
        ("sequence", "en", "42"),
        ("person_name", "ar", "أمينة"),
        ("person_name", "fr", "Amina"),
        ("unit_code", "ar", "TNG-PORT"),
    ],
)
def test_codes_read_in_each_language(minimal: FormSpec, field_id: str, lang: str, expected: str) -> None:
    assert _show(minimal, field_id, lang) == expected


def test_free_text_without_a_translation_is_shown_as_typed(minimal: FormSpec) -> None:
    assert _show(minimal, "person_name", "en", {"text": "أمينة", "lang": "ar"}) == "أمينة"


def test_indicators_show_their_headings_from_the_corpus(minimal: FormSpec) -> None:
    lines = _show(minimal, "indicators", "en").splitlines()
    assert len(lines) == 3 and lines[0].startswith("GEN-07 ") and len(lines[0]) > len("GEN-07 ") + 5
    assert indicator_heading("GEN-01", "fr") == "GEN-01 Se sent dans l'impossibilité de partir"
    assert indicator_heading("GEN-01", "ar") == isolate_ltr("GEN-01") + " يشعر بأنه لا يستطيع المغادرة"


def test_travel_document_consent_and_group_read_as_sentences(minimal: FormSpec) -> None:
    assert (
        _show(minimal, "travel_document", "fr")
        == "Passeport, A1234567, Nigeria, valide jusqu'au 1 janvier 2028"
    )
    assert _show(minimal, "travel_document", "ar").startswith("جواز سفر، " + isolate_ltr("A1234567"))
    consent = _show(minimal, "consent", "en").splitlines()
    assert consent == [
        "Consent given: Yes",
        "Data shared: Identity",
        "Shared with: Prosecutor, NGO",
        "Given by: The person",
        "Date: November 28, 2026",
    ]
    assert _show(minimal, "persons", "fr") == "1. Rôle: Accompagnant, Nom: Jean Dupont"


@pytest.mark.parametrize(
    ("field_id", "value"),
    [
        ("priority", "urgnet"),
        ("incident_date", "not a date"),
        ("persons", "x"),
        ("consent", [1]),
        ("travel_document", 3),
        ("has_guardian", "maybe"),
        ("sequence", "many"),
        ("indicators", [None, 5]),
    ],
)
def test_a_malformed_answer_is_shown_rather_than_breaking_the_page(
    minimal: FormSpec, field_id: str, value: Any
) -> None:
    assert isinstance(_show(minimal, field_id, "ar", value), str)


def test_unanswered_is_blank(minimal: FormSpec) -> None:
    field = minimal.field("priority")
    assert field is not None and display_value(field, None, "fr") == ""
