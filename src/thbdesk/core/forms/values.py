"""Answers as the expression language sees them, and as files store them.

Files hold JSON (ISO dates, free-text maps); expressions compare dates and numbers. ``typed`` turns
a stored value into what conditions use (anything malformed becomes ``None``, never an error);
``stored`` turns what the wizard hands over (``FreeText``, ``date``) back into JSON.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from thbdesk.core.forms.answers import FreeText
from thbdesk.core.forms.model import FREE_TEXT_TYPES, Field

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?$")


def parse_date(value: object) -> date | None:
    """A strict ``YYYY-MM-DD`` date, or ``None``.

    >>> parse_date("2026-02-28"), parse_date("2026-02-30"), parse_date("20260228")
    (datetime.date(2026, 2, 28), None, None)
    """
    if not isinstance(value, str) or not _DATE.match(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def parse_datetime(value: object) -> datetime | None:
    """An ISO date and time with at least the minutes, or ``None``."""
    if not isinstance(value, str) or not _DATETIME.match(value):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def is_empty(value: object) -> bool:
    """Unanswered: nothing, blank text, an empty list or map, free text without text."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, Mapping) and "text" in value and isinstance(value.get("text"), str):
        return not value["text"].strip()
    return isinstance(value, list | dict) and not value


def is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value == value  # not NaN


def typed(field: Field, value: object) -> object:
    """The value a condition sees for ``field``; malformed or empty answers are ``None``."""
    if is_empty(value):
        return None
    kind = field.type
    if kind in FREE_TEXT_TYPES:
        text = FreeText.from_value(value)
        return text.text if text else None
    if kind == "number":
        return value if is_number(value) else None
    if kind == "date":
        return parse_date(value)
    if kind == "datetime":
        return parse_datetime(value)
    if kind == "yesno":
        return value if isinstance(value, bool) else None
    if kind in ("choice", "country", "language"):
        return value if isinstance(value, str) else None
    if kind in ("multichoice", "indicators"):
        return [v for v in value if isinstance(v, str)] if isinstance(value, list) else None
    if kind == "group":
        return [_typed_item(field, item) for item in value] if isinstance(value, list) else None
    if kind in ("travel_document", "consent"):
        return _typed_parts(value)
    return None


def _typed_item(group: Field, item: object) -> dict[str, object]:
    if not isinstance(item, Mapping):
        return {}
    return {sub.id: typed(sub, item.get(sub.id)) for sub in group.fields}


def _typed_parts(value: object) -> dict[str, object] | None:
    if not isinstance(value, Mapping):
        return None
    parts: dict[str, object] = {}
    for key, part in value.items():
        parts[str(key)] = parse_date(part) if key in ("expiry", "date") else part
    return parts


def stored(value: object) -> Any:
    """JSON for what the wizard hands over: free text as a map, dates as ISO text, times to the minute.

    >>> stored({"when": datetime(2026, 11, 30, 14, 5, 31), "name": FreeText("Amina", "fr")})
    {'when': '2026-11-30T14:05', 'name': {'text': 'Amina', 'lang': 'fr'}}
    """
    if isinstance(value, FreeText):
        return value.to_json()
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): stored(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [stored(v) for v in value]
    return value
