"""Countries and languages for the country and language fields: codes stored, names in ar/fr/en.

Names come from Babel's CLDR data, so they follow the standard spellings in each language. The
answers store only the code (``NG``, ``ff``), which reads in every language.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from babel import Locale

from thbdesk.core.i18n import LANGUAGES
from thbdesk.core.search.normalize import fold_latin, normalize_arabic

# CLDR territories that are not ISO 3166-1 countries: unknown (ZZ), groupings (EU, EZ, UN, QO),
# pseudo-locales (XA, XB) and the codes ISO only reserves (Ascension, Clipperton, Diego Garcia,
# Ceuta and Melilla, Canary Islands, Tristan da Cunha). XK (Kosovo) stays: its passports use it.
_NOT_COUNTRIES = frozenset(
    {"ZZ", "EU", "EZ", "UN", "QO", "XA", "XB", "AC", "CP", "CQ", "DG", "EA", "IC", "TA"}
)

# Languages met at Morocco's borders that CLDR lacks or names in only some of our languages.
_EXTRA_LANGUAGES: dict[str, dict[str, str]] = {
    "ber": {"ar": "الأمازيغية", "fr": "berbère (amazighe)", "en": "Berber (Amazigh)"},
    "rif": {"ar": "تاريفيت (الريفية)", "fr": "rifain", "en": "Riffian"},
}


@dataclass(frozen=True)
class Entry:
    code: str
    names: dict[str, str]

    def name(self, lang: str) -> str:
        return self.names.get(lang) or self.names.get("en") or self.code


def sort_key(name: str, lang: str) -> str:
    """Alphabetical order a reader expects: Arabic without hamza/alef variants nor the article ال
    (lists of countries are read by the name, as in ``المغرب`` under م), Latin without accents.

    >>> sorted(["Égypte", "Espagne", "Érythrée"], key=lambda n: sort_key(n, "fr"))
    ['Égypte', 'Érythrée', 'Espagne']
    >>> sort_key("إسبانيا", "ar") == sort_key("اسبانيا", "ar"), sort_key("المغرب", "ar")
    (True, 'مغرب')
    """
    if lang != "ar":
        return fold_latin(name)
    key = normalize_arabic(name)
    return key[2:] if key.startswith("ال") and len(key) > 3 else key


def _names(attribute: str, code: str) -> dict[str, str]:
    found = {}
    for lang in LANGUAGES:
        name = getattr(Locale.parse(lang), attribute).get(code)
        if name:
            found[lang] = name
    return found


def _codes(attribute: str) -> list[str]:
    return [str(code) for code in getattr(Locale.parse("en"), attribute)]


@cache
def countries() -> dict[str, Entry]:
    """ISO 3166-1 alpha-2 code -> names; regions and groupings left out."""
    codes = sorted(
        code
        for code in _codes("territories")
        if len(code) == 2 and code.isalpha() and code.isupper() and code not in _NOT_COUNTRIES
    )
    return {code: Entry(code, _names("territories", code)) for code in codes}


@cache
def languages() -> dict[str, Entry]:
    """Language code -> names; regional variants (``en_GB``) left out, field languages added."""
    codes = sorted(code for code in _codes("languages") if code.isalpha() and code.islower())
    found = {code: Entry(code, _names("languages", code)) for code in codes}
    for code, names in _EXTRA_LANGUAGES.items():
        found[code] = Entry(code, {**names, **(found[code].names if code in found else {})})
    return found


def sorted_entries(catalog: dict[str, Entry], lang: str) -> list[Entry]:
    """The entries as a picker shows them: by name in ``lang``."""
    return sorted(catalog.values(), key=lambda e: sort_key(e.name(lang), lang))


def country_name(code: object, lang: str) -> str | None:
    entry = countries().get(code) if isinstance(code, str) else None
    return entry.name(lang) if entry else None


def language_name(code: object, lang: str) -> str | None:
    entry = languages().get(code) if isinstance(code, str) else None
    return entry.name(lang) if entry else None
