"""The few engine questions the wizard asks beyond the Interview's own methods, in one place."""

from __future__ import annotations

from typing import Any

from thbdesk.core.forms.model import Field


def is_required(interview: Any, field: Field) -> bool:
    return bool(interview.is_required(field.id))


def plain_answers(interview: Any) -> dict[str, Any]:
    """The answers as the JSON file holds them (codes, ISO dates), as ``qualify`` takes them."""
    return dict(interview.answers.to_json()["answers"])


def display(field: Field, value: Any, lang: str) -> str:
    from thbdesk.core.forms.render import display_value

    return display_value(field, value, lang)
