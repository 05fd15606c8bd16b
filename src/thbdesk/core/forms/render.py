"""Answers in words: codes become the reader's language, free text stays as it was typed.

The review page, ``thbdesk validate`` and the documents show answers through ``display_value``;
the language is always given explicitly (a document may be French while the UI is Arabic).

>>> from thbdesk.core.forms.model import Field
>>> from thbdesk.core.legal.model import Tri
>>> day = Field("d", "date", Tri("", "", ""))
>>> display_value(day, "2026-08-03", "ar"), display_value(day, "2026-08-03", "fr")
('3 غشت 2026', '3 août 2026')
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache

from thbdesk.core.forms import catalogs
from thbdesk.core.forms.answers import FreeText
from thbdesk.core.forms.model import Choice, Field
from thbdesk.core.forms.values import is_empty, is_number, parse_date, parse_datetime
from thbdesk.core.i18n import N_, format_date, format_number, is_rtl, isolate_ltr, translate

YES, NO = N_("Yes"), N_("No")


def list_separator(lang: str) -> str:
    return "، " if lang == "ar" else ", "


def _ltr(text: str, lang: str) -> str:
    """Codes and numbers keep their order inside Arabic text."""
    return isolate_ltr(text) if is_rtl(lang) else text


def _label(options: tuple[Choice, ...], code: object, lang: str) -> str:
    choice = next((c for c in options if c.code == code), None)
    return choice.label.get(lang) if choice else str(code)


@cache
def _indicator_headings() -> dict[str, Mapping[str, str]]:
    from thbdesk.core.legal.loader import bundled_corpus

    instrument = bundled_corpus().instrument("indicators")
    found: dict[str, Mapping[str, str]] = {}
    for provision in instrument.provisions if instrument else ():
        if provision.heading:
            heading = provision.heading
            found[provision.number] = {lang: heading.get(lang) for lang in ("ar", "fr", "en")}
    return found


def indicator_heading(code: str, lang: str) -> str:
    """``GEN-07`` with its heading in ``lang``, as a checklist line reads."""
    heading = _indicator_headings().get(code, {}).get(lang)
    return f"{_ltr(code, lang)} {heading}" if heading else code


def format_datetime(value: object, lang: str) -> str:
    moment = parse_datetime(value)
    if moment is None:
        return str(value)
    return f"{format_date(moment, lang)} {_ltr(f'{moment:%H:%M}', lang)}"


def display_value(field: Field, value: object, lang: str) -> str:
    """The answer to ``field`` as a reader of ``lang`` sees it; ``""`` when unanswered."""
    if is_empty(value):
        return ""
    shower = _SHOWERS.get(field.type)
    try:
        return shower(field, value, lang) if shower else str(value)
    except (TypeError, ValueError, AttributeError, ArithmeticError):  # malformed: shown, never fatal
        return str(value)


def _free_text(field: Field, value: object, lang: str) -> str:
    text = FreeText.from_value(value)
    return text.in_lang(lang) if text else str(value)


def _number(field: Field, value: object, lang: str) -> str:
    return format_number(value, lang) if is_number(value) else str(value)  # type: ignore[arg-type]


def _date(field: Field, value: object, lang: str) -> str:
    day = parse_date(value)
    return format_date(day, lang) if day else str(value)


def _codes(value: object) -> list[object]:
    return value if isinstance(value, list) else [value]


def _multichoice(field: Field, value: object, lang: str) -> str:
    return list_separator(lang).join(_label(field.choices, code, lang) for code in _codes(value))


def _yesno(field: Field, value: object, lang: str) -> str:
    if isinstance(value, bool):
        return translate(YES if value else NO, lang)
    return str(value)


def _country(field: Field, value: object, lang: str) -> str:
    return catalogs.country_name(value, lang) or str(value)


def _language(field: Field, value: object, lang: str) -> str:
    return catalogs.language_name(value, lang) or str(value)


def _indicators(field: Field, value: object, lang: str) -> str:
    return "\n".join(indicator_heading(str(code), lang) for code in _codes(value))


def _travel_document(field: Field, value: object, lang: str) -> str:
    if not isinstance(value, Mapping):
        return str(value)
    parts = []
    if not is_empty(value.get("type")):
        parts.append(_label(field.choices, value["type"], lang))
    if not is_empty(value.get("number")):
        parts.append(_ltr(str(value["number"]), lang))
    if not is_empty(value.get("country")):
        parts.append(_country(field, value["country"], lang))
    if not is_empty(value.get("expiry")):
        expiry = _date(field, value["expiry"], lang)
        parts.append(translate(N_("valid until {date}"), lang).format(date=expiry))
    return list_separator(lang).join(parts)


def _consent(field: Field, value: object, lang: str) -> str:
    if not isinstance(value, Mapping):
        return str(value)
    lines = [
        translate(N_("Consent given: {answer}"), lang).format(answer=_yesno(field, value.get("given"), lang))
    ]
    pieces = (
        (N_("Data shared: {items}"), "shared_data"),
        (N_("Shared with: {items}"), "recipients"),
        (N_("Given by: {items}"), "given_by"),
    )
    for template, part in pieces:
        if not is_empty(value.get(part)):
            options = field.consent.get(part, ())
            items = list_separator(lang).join(_label(options, c, lang) for c in _codes(value[part]))
            lines.append(translate(template, lang).format(items=items))
    if not is_empty(value.get("date")):
        lines.append(translate(N_("Date: {date}"), lang).format(date=_date(field, value["date"], lang)))
    return "\n".join(lines)


def _group(field: Field, value: object, lang: str) -> str:
    entries = []
    for index, item in enumerate(_codes(value), start=1):
        if not isinstance(item, Mapping):
            continue
        shown = [
            f"{sub.label.get(lang)}: {display_value(sub, item.get(sub.id), lang)}"
            for sub in field.fields
            if not is_empty(item.get(sub.id))
        ]
        entries.append(f"{_ltr(str(index), lang)}. {list_separator(lang).join(shown)}")
    return "\n".join(entries)


_SHOWERS: dict[str, Callable[[Field, object, str], str]] = {
    "text": _free_text,
    "multiline": _free_text,
    "number": _number,
    "date": _date,
    "datetime": lambda field, value, lang: format_datetime(value, lang),
    "choice": lambda field, value, lang: _label(field.choices, value, lang),
    "multichoice": _multichoice,
    "yesno": _yesno,
    "country": _country,
    "language": _language,
    "travel_document": _travel_document,
    "indicators": _indicators,
    "consent": _consent,
    "group": _group,
}
