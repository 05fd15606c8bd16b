"""One translation layer for the GUI, the CLI and the documents.

Messages use English msgids. The UI language and a document's language are independent:
``_()`` follows the UI language, ``translate(msg, lang)`` serves renderers that take their
languages explicitly. Catalogues are read from the committed ``.po`` files (compiled in memory
when no fresh ``.mo`` sits beside them), so a source checkout runs without a build step.
"""

from __future__ import annotations

import io
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Final

from babel.dates import format_date as _babel_format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations

from thbdesk.core.paths import bundled_dir

DOMAIN: Final = "thbdesk"
LANGUAGES: Final = ("ar", "fr", "en")
DEFAULT_LANGUAGE: Final = "ar"
_BABEL_LOCALES: Final = {"ar": "ar_MA", "fr": "fr_MA", "en": "en"}
_NATIVE_NAMES: Final = {"ar": "العربية", "fr": "Français", "en": "English"}
_RTL: Final = frozenset({"ar"})

LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"

_current = DEFAULT_LANGUAGE


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    return lang


def set_language(lang: str) -> None:
    """Switch the UI language for every later ``_()`` call."""
    global _current
    _current = check_language(lang)


def current_language() -> str:
    return _current


def is_rtl(lang: str) -> bool:
    """Whether ``lang`` is written right to left.

    >>> is_rtl("ar"), is_rtl("fr")
    (True, False)
    """
    return lang in _RTL


def native_name(lang: str) -> str:
    """The language's name written in itself, as shown in the language menu."""
    return _NATIVE_NAMES[check_language(lang)]


def babel_locale(lang: str) -> str:
    return _BABEL_LOCALES[check_language(lang)]


def catalog_path(lang: str) -> Path:
    return bundled_dir("translations") / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(lang: str) -> NullTranslations:
    """The catalogue for ``lang``; English msgids need no catalogue but one may exist."""
    po_path = catalog_path(check_language(lang))
    if not po_path.exists():
        return NullTranslations()
    mo_path = po_path.with_suffix(".mo")
    if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
        with mo_path.open("rb") as handle:
            return Translations(handle, domain=DOMAIN)
    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale=babel_locale(lang))
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


def translate(message: str, lang: str) -> str:
    return translations(lang).gettext(message)


def translate_plural(singular: str, plural: str, n: int, lang: str) -> str:
    return translations(lang).ngettext(singular, plural, n)


def _(message: str) -> str:
    """Translate into the current UI language."""
    return translate(message, _current)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it now (import-time constants)."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular/plural pair for extraction; translate later with ``translate_plural``."""
    return singular, plural


def ngettext(singular: str, plural: str, n: int) -> str:
    return translate_plural(singular, plural, n, _current)


def isolate_ltr(text: str) -> str:
    """Wrap a left-to-right island (article number, date, phone) so RTL text cannot reorder it.

    >>> isolate_ltr("448-7") == "\\u2066448-7\\u2069"
    True
    """
    return f"{LRI}{text}{PDI}"


def format_date(value: date | datetime, lang: str, width: str = "long") -> str:
    """Locale date; Arabic uses Moroccan month names.

    >>> format_date(date(2016, 8, 25), "ar")
    '25 غشت 2016'
    >>> format_date(date(2016, 8, 25), "fr")
    '25 août 2016'
    """
    return _babel_format_date(value, format=width, locale=babel_locale(lang))


def format_number(value: float | int, lang: str) -> str:
    """Locale grouping: Arabic (Morocco) uses dots, French a narrow no-break space.

    >>> format_number(500000, "ar"), format_number(500000, "en")
    ('500.000', '500,000')
    """
    return format_decimal(value, locale=babel_locale(lang))
