"""Is one answer well formed for its field? Messages come back in Arabic, French and English.

Only shapes and limits are checked here; whether a field is shown or required is the engine's
business. Every function accepts any JSON value and never raises.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from thbdesk.core.forms import catalogs
from thbdesk.core.forms.answers import FreeText
from thbdesk.core.forms.expressions import Expression
from thbdesk.core.forms.model import Bound, Choice, Field
from thbdesk.core.forms.references import offered_indicators
from thbdesk.core.forms.values import is_empty, is_number, parse_date, parse_datetime
from thbdesk.core.i18n import LANGUAGES, N_, format_date, format_number, translate

DEFAULT_MAX_LENGTH = {"text": 2_000, "multiline": 20_000}
TRAVEL_DOCUMENT_PARTS = frozenset({"type", "number", "country", "expiry"})
CONSENT_KEYS = frozenset({"given", "shared_data", "recipients", "given_by", "date"})

REQUIRED = N_("This answer is required.")


def message(msgid: str, **fields: object) -> dict[str, str]:
    """``msgid`` in each language, numbers and dates written the way each language writes them."""
    result = {}
    for lang in LANGUAGES:
        values = {k: _shown(v, lang) for k, v in fields.items()}
        result[lang] = translate(msgid, lang).format(**values)
    return result


def _shown(value: object, lang: str) -> str:
    if isinstance(value, datetime):
        return f"{format_date(value, lang)} {value:%H:%M}"
    if isinstance(value, date):
        return format_date(value, lang)
    if is_number(value):
        return format_number(value, lang)  # type: ignore[arg-type]
    return str(value)


@dataclass(frozen=True)
class Issue:
    """One thing wrong with an answer; ``item``/``sub_id`` place it inside a group."""

    message: dict[str, str]
    item: int | None = None
    sub_id: str | None = None


def bound_value(bound: Bound | None, kind: str, env: Mapping[str, object]) -> object:
    if isinstance(bound, Expression):
        return bound.evaluate(env)
    if kind == "date" and isinstance(bound, str):
        return parse_date(bound)
    return bound


def check_value(field: Field, value: object, env: Mapping[str, object]) -> Iterator[Issue]:
    """Issues with a non-empty answer to ``field``."""
    checker = _CHECKERS.get(field.type)
    if checker is not None:
        yield from checker(field, value, env)


def _free_text(field: Field, value: object, env: Mapping[str, object]) -> Iterator[Issue]:
    text = FreeText.from_value(value)
    if text is None:
        yield Issue(message(N_("Enter text.")))
        return
    limit = field.validation.max_length or DEFAULT_MAX_LENGTH.get(field.type, 2_000)
    if len(text.text) > limit:
        yield Issue(message(N_("The text is too long: at most {max} characters."), max=limit))
    elif field.validation.pattern and not re.fullmatch(field.validation.pattern, text.text.strip()):
        yield Issue(message(N_("This answer is not written in the expected form.")))


def _number(field: Field, value: object, env: Mapping[str, object]) -> Iterator[Issue]:
    if not is_number(value):
        yield Issue(message(N_("Enter a number.")))
        return
    yield from _range(field, value, env, "number")


def _range(field: Field, value: object, env: Mapping[str, object], kind: str) -> Iterator[Issue]:
    low = bound_value(field.validation.min, kind, env)
    high = bound_value(field.validation.max, kind, env)
    if _before(value, low):
        text = (
            N_("Enter a number of at least {min}.")
            if kind == "number"
            else N_("The date must be on or after {min}.")
        )
        yield Issue(message(text, min=low))
    if _before(high, value):
        text = (
            N_("Enter a number of at most {max}.")
            if kind == "number"
            else N_("The date must be on or before {max}.")
        )
        yield Issue(message(text, max=high))


def _before(left: object, right: object) -> bool:
    """``left < right`` when both are known and comparable; an unknown bound is not applied."""
    if left is None or right is None or isinstance(left, bool) or isinstance(right, bool):
        return False
    if isinstance(left, datetime) != isinstance(right, datetime):
        left = left.date() if isinstance(left, datetime) else left
        right = right.date() if isinstance(right, datetime) else right
    try:
        return bool(left < right)  # type: ignore[operator]
    except TypeError:
        return False


def _date(field: Field, value: object, env: Mapping[str, object]) -> Iterator[Issue]:
    day = parse_date(value)
    if day is None:
        yield Issue(message(N_("Enter a real date, written YYYY-MM-DD.")))
        return
    yield from _range(field, day, env, "date")


def _datetime(field: Field, value: object, env: Mapping[str, object]) -> Iterator[Issue]:
    moment = parse_datetime(value)
    if moment is None:
        yield Issue(message(N_("Enter a real date and time, written YYYY-MM-DDTHH:MM.")))
        return
    yield from _range(field, moment, env, "date")


def _codes(value: object, options: tuple[Choice, ...]) -> Iterator[Issue]:
    known = {c.code for c in options}
    items = value if isinstance(value, list) else [value]
    for code in items:
        if not isinstance(code, str) or code not in known:
            yield Issue(message(N_("{code} is not one of the options."), code=_short(code)))


def _choice(field: Field, value: object, env: Mapping[str, object]) -> Iterator[Issue]:
    if isinstance(value, list):
        yield Issue(message(N_("Choose one option only.")))
        return
    yield from _codes(value, field.choices)


def _list(field: Field, value: object, known: frozenset[str] | None, unknown: str) -> Iterator[Issue]:
    if not isinstance(value, list):
        yield Issue(message(N_("Expected a list of answers.")))
        return
    for code in value:
        if known is not None and (not isinstance(code, str) or code not in known):
            yield Issue(message(unknown, code=_short(code)))
    if len({repr(v) for v in value}) != len(value):
        yield Issue(message(N_("The same answer is listed twice.")))
    yield from count_issues(field, len(value))


def count_issues(field: Field, count: int) -> Iterator[Issue]:
    low, high = field.validation.min_items, field.validation.max_items
    if low is not None and count < low:
        yield Issue(message(N_("Too few entries: at least {min}."), min=low))
    if high is not None and count > high:
        yield Issue(message(N_("Too many entries: at most {max}."), max=high))


def _multichoice(field: Field, value: object, env: Mapping[str, object]) -> Iterator[Issue]:
    yield from _list(
        field, value, frozenset(c.code for c in field.choices), N_("{code} is not one of the options.")
    )


def _indicators(field: Field, value: object, env: Mapping[str, object]) -> Iterator[Issue]:
    unknown = N_("{code} is not an indicator of the checklist.")
    yield from _list(field, value, frozenset(offered_indicators(field)), unknown)


def _yesno(field: Field, value: object, env: Mapping[str, object]) -> Iterator[Issue]:
    if not isinstance(value, bool):
        yield Issue(message(N_("Answer yes or no.")))


def _country(field: Field, value: object, env: Mapping[str, object]) -> Iterator[Issue]:
    if not isinstance(value, str) or value not in catalogs.countries():
        yield Issue(message(N_("{code} is not a known country code."), code=_short(value)))


def _language(field: Field, value: object, env: Mapping[str, object]) -> Iterator[Issue]:
    if not isinstance(value, str) or value not in catalogs.languages():
        yield Issue(message(N_("{code} is not a known language code."), code=_short(value)))


def _travel_document(field: Field, value: object, env: Mapping[str, object]) -> Iterator[Issue]:
    if not isinstance(value, Mapping):
        yield Issue(message(N_("The answer does not have the expected parts.")))
        return
    yield from _unknown_parts(value, TRAVEL_DOCUMENT_PARTS)
    if not is_empty(value.get("type")):
        yield from _codes(value.get("type"), field.choices)
    number = value.get("number")
    if not is_empty(number):
        if not isinstance(number, str) or len(number) > 40:
            yield Issue(message(N_("Enter the document number as printed on the document.")))
        elif field.validation.pattern and not re.fullmatch(field.validation.pattern, number.strip()):
            yield Issue(message(N_("This answer is not written in the expected form.")))
    if not is_empty(value.get("country")):
        yield from _country(field, value.get("country"), env)
    if not is_empty(value.get("expiry")) and parse_date(value.get("expiry")) is None:
        yield Issue(message(N_("Enter a real date, written YYYY-MM-DD.")))


def _unknown_parts(value: Mapping[object, object], known: frozenset[str]) -> Iterator[Issue]:
    for key in sorted(str(k) for k in value if k not in known):
        yield Issue(message(N_("{part} is not a part of this answer."), part=_short(key)))


def _consent(field: Field, value: object, env: Mapping[str, object]) -> Iterator[Issue]:
    if not isinstance(value, Mapping):
        yield Issue(message(N_("The answer does not have the expected parts.")))
        return
    yield from _unknown_parts(value, CONSENT_KEYS)
    given = value.get("given")
    if not isinstance(given, bool):
        yield Issue(message(N_("Say whether consent was given.")))
    for part in ("shared_data", "recipients"):
        if not is_empty(value.get(part)):
            parts = value.get(part) if isinstance(value.get(part), list) else [value.get(part)]
            yield from _codes(parts, field.consent.get(part, ()))
    if not is_empty(value.get("given_by")):
        yield from _codes(value.get("given_by"), field.consent.get("given_by", ()))
    if given is True and (is_empty(value.get("given_by")) or is_empty(value.get("recipients"))):
        yield Issue(message(N_("Record who gave consent and who may receive the data.")))
    if not is_empty(value.get("date")) and parse_date(value.get("date")) is None:
        yield Issue(message(N_("Enter a real date, written YYYY-MM-DD.")))


def _short(value: object) -> str:
    """A wrong answer quoted in a message, cut so a pasted page cannot flood the screen."""
    text = repr(value) if not isinstance(value, str) else value
    return text if len(text) <= 40 else text[:39] + "…"


_CHECKERS = {
    "text": _free_text,
    "multiline": _free_text,
    "number": _number,
    "date": _date,
    "datetime": _datetime,
    "choice": _choice,
    "multichoice": _multichoice,
    "yesno": _yesno,
    "country": _country,
    "language": _language,
    "travel_document": _travel_document,
    "indicators": _indicators,
    "consent": _consent,
}
