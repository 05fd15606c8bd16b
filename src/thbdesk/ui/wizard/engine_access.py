"""The few engine questions the wizard asks beyond the Interview's own methods, in one place."""

from __future__ import annotations

from typing import Any

from thbdesk.core.forms.model import Field
from thbdesk.ui.wizard.inputs import tr


def is_required(interview: Any, field: Field) -> bool:
    """Whether the field asks for an answer now (``required: "is_minor"`` follows the answers)."""
    if isinstance(field.required, bool):
        return field.required
    return field.required.test(interview.environment())


def plain_answers(interview: Any) -> dict[str, Any]:
    """The answers as the JSON file holds them (codes, ISO dates), as ``qualify`` takes them."""
    return dict(interview.answers.answers)


def problem_text(problem: Any, group: Field | None) -> str:
    """The message in the UI language; inside a group, which entry and which of its fields."""
    text = tr(problem.message)
    if group is None or problem.item is None:
        return text
    sub = group.item_field(problem.sub_id) if problem.sub_id else None
    where = f"{problem.item + 1}" + (f" · {tr(sub.label)}" if sub else "")
    return f"{where}: {text}"


def display(field: Field, value: Any, lang: str) -> str:
    from thbdesk.core.forms.render import display_value

    return display_value(field, value, lang)
