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


def shown_value(interview: Any, field: Field) -> Any:
    """The answer as the review shows it: a group's entries without the fields their conditions hide."""
    value = interview.get(field.id)
    if field.type != "group" or not isinstance(value, list):
        return value
    entries = []
    for index, entry in enumerate(value):
        if isinstance(entry, dict):
            shown = {f.id for f in interview.visible_item_fields(field.id, index)}
            entry = {key: part for key, part in entry.items() if key in shown}
        entries.append(entry)
    return entries


def display(field: Field, value: Any, lang: str) -> str:
    """The answer in words; free text as typed, then each translation on its own ``(fr) …`` line."""
    from thbdesk.core.forms.answers import FreeText
    from thbdesk.core.forms.render import display_value

    if field.type in ("text", "multiline"):
        text = FreeText.from_value(value, lang)
        if text is not None and text.translations:
            others = [f"({code}) {t}" for code, t in text.translations.items() if code != text.lang and t]
            return "\n".join([text.text, *others])
    return display_value(field, value, lang)
