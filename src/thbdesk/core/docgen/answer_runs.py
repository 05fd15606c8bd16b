"""Answers as runs of the document: printed lines in one language's part, each marked as an answer.

Codes, dates and countries read in the part's language (``render.display_value``); free text stays
as typed, in its own language, followed by ``(written in …)`` unless the answers hold a translation
for the part. An unanswered value prints ``—``.

>>> from thbdesk.core.forms.model import Field
>>> from thbdesk.core.legal.model import Tri
>>> name = Field("name", "text", Tri("", "", ""))
>>> [plain(line) for line in value_lines(name, {"text": "أمينة", "lang": "ar"}, "fr")]
['أمينة (rédigé en arabe)']
>>> [plain(line) for line in value_lines(name, None, "en")]
['—']
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from thbdesk.core.docgen.labels import written_in
from thbdesk.core.docgen.model import PLACEHOLDER, Inline, Run, clean_text, plain
from thbdesk.core.forms.answers import FreeText
from thbdesk.core.forms.model import FREE_TEXT_TYPES, Field
from thbdesk.core.forms.render import NO, YES, display_value, format_datetime, list_separator
from thbdesk.core.forms.values import is_empty, is_number
from thbdesk.core.i18n import format_date, format_number, translate

__all__ = ["computed_runs", "flatten", "placeholder", "plain", "value_lines"]


def placeholder(lang: str) -> Inline:
    return (Run(PLACEHOLDER, lang),)


def _lines(text: str) -> list[str]:
    """Printable, non-blank lines (a value of only bidi controls or spaces counts as unanswered)."""
    return [line for line in (clean_text(part).strip() for part in text.split("\n")) if line]


def value_lines(field: Field, value: object, lang: str, *, mark: bool = True) -> tuple[Inline, ...]:
    """The answer to ``field`` as printed lines in ``lang``'s part; ``(—,)`` when unanswered.

    A text field with a ``pattern`` holds a code (a unit, a seal number): it reads the same in
    every language and gets no ``(written in …)``; neither does anything when ``mark`` is false.
    """
    if is_empty(value):
        return (placeholder(lang),)
    if field.type in FREE_TEXT_TYPES:
        text = FreeText.from_value(value)
        if text is not None and field.validation.pattern:
            text = FreeText(text.text, lang)
        if text is not None:
            return _free_text(text, lang, mark=mark) or (placeholder(lang),)
    lines = _lines(display_value(field, value, lang))
    return tuple((Run(line, lang, answer=True),) for line in lines) or (placeholder(lang),)


def _free_text(text: FreeText, lang: str, *, mark: bool) -> tuple[Inline, ...]:
    translated = _lines(text.translations.get(lang) or "")
    if translated:
        return tuple((Run(line, lang, answer=True),) for line in translated)
    lines = _lines(text.text)
    if not lines or text.lang == lang or not mark:
        return tuple((Run(line, text.lang, answer=True),) for line in lines)
    found: list[Inline] = [(Run(line, text.lang, answer=True),) for line in lines]
    found[-1] = (*found[-1], Run(" " + written_in(text.lang, lang), lang))
    return tuple(found)


def flatten(lines: Iterable[Inline], lang: str) -> Inline:
    """Several lines on one line (a value inside a sentence), separated as lists are in ``lang``."""
    runs: list[Run] = []
    for line in lines:
        if runs:
            runs.append(Run(list_separator(lang), lang))
        runs.extend(line)
    return tuple(runs)


def computed_text(value: object, lang: str) -> str:
    """A computed value (a reference, an age, a yes/no) in ``lang``; ``""`` when it has none."""
    if value is None or value == "" or (isinstance(value, float) and not is_number(value)):
        return ""
    if isinstance(value, bool):
        return translate(YES if value else NO, lang)
    if isinstance(value, datetime):
        return format_datetime(value.isoformat(timespec="minutes"), lang)
    if isinstance(value, date):
        return format_date(value, lang)
    if is_number(value):
        return format_number(value, lang)  # type: ignore[arg-type]
    return str(value)


def computed_runs(value: object, lang: str) -> Inline:
    lines = _lines(computed_text(value, lang))
    return flatten(((Run(line, lang, answer=True),) for line in lines), lang) or placeholder(lang)


def first_text(runs: Inline) -> str:
    """The answer text of ``runs`` without the marks (for metadata such as the author)."""
    return plain(tuple(run for run in runs if run.answer)).strip()
