"""How provisions are named and their penalties worded in each language (UI and documents)."""

from __future__ import annotations

import re

from thbdesk.core.i18n import N_, Nn_, format_number, isolate_ltr, translate, translate_plural
from thbdesk.core.legal.model import Instrument, Penalty, Provision

_CODE_NUMBER = re.compile(r"^\d+(?:-\d+)+$")
_CODES = ("penal-code", "criminal-procedure-code")

_PENALTY_TEXT = {
    "reclusion": N_("Reclusion from {low} to {high}"),
    "imprisonment": N_("Imprisonment from {low} to {high}"),
    "fine": N_("Fine from {low} to {high}"),
}
_LIFE = N_("Life imprisonment")
_QUANTITY = {
    "years": Nn_("{n} year", "{n} years"),
    "months": Nn_("{n} month", "{n} months"),
    "dirhams": Nn_("{n} dirham", "{n} dirhams"),
}


def number_as_written(provision: Provision, instrument: Instrument, lang: str) -> str:
    """Arabic writes a code article's sub-numbers first: ``448-7`` is ``7-448``, ``82-5-1`` is ``1-5-82``.

    Only articles inserted into a code (Penal Code, Code of Criminal Procedure) are reversed; a law's
    own article numbers and thbdesk's section ids stay as they are.

    >>> from thbdesk.core.legal.loader import bundled_corpus
    >>> law = bundled_corpus().instrument("27-14")
    >>> article = law.provision("448-7")
    >>> number_as_written(article, law, "ar"), number_as_written(article, law, "fr")
    ('7-448', '448-7')
    >>> cpp = bundled_corpus().instrument("22-01")
    >>> [number_as_written(cpp.provision(n), cpp, "ar") for n in ("82-5-1", "82-7", "108")]
    ['1-5-82', '7-82', '108']
    >>> migration = bundled_corpus().instrument("02-03")
    >>> number_as_written(migration.provision("52"), migration, "ar")
    '52'
    """
    if lang == "ar" and instrument.code in _CODES and _CODE_NUMBER.match(provision.number):
        return "-".join(reversed(provision.number.split("-")))
    return provision.number


def provision_title(provision: Provision, instrument: Instrument, lang: str) -> str:
    """``الفصل ⁦7-448⁩``, ``Article 448-7``; facts without an article get their heading only."""
    if not provision.placed:
        return provision.heading.get(lang) if provision.heading else provision.number
    number = number_as_written(provision, instrument, lang)
    if lang == "ar":
        number = isolate_ltr(number)
    return f"{provision.label.get(lang)} {number}"


def _bound(value: int, unit: str) -> tuple[int, str]:
    """Whole years read better than months: 36 months is shown as 3 years."""
    if unit == "months" and value >= 12 and value % 12 == 0:
        return value // 12, "years"
    return value, unit


def _quantity(value: int, unit: str, lang: str) -> str:
    singular, plural = _QUANTITY[unit]
    return translate_plural(singular, plural, value, lang).format(n=format_number(value, lang))


def penalty_text(penalty: Penalty, lang: str) -> str:
    """One penalty in words, with Arabic plural agreement from the catalogue.

    >>> penalty_text(Penalty("fine", "verified", 5000, 50000, "dirhams"), "fr")
    'Amende de 5\u202f000 à 50\u202f000 dirhams'
    >>> penalty_text(Penalty("imprisonment", "verified", 6, 36, "months"), "en")
    'Imprisonment from 6 months to 3 years'
    >>> penalty_text(Penalty("reclusion", "verified", 10, 20, "years"), "ar")
    'السجن من 10 إلى 20 سنة'
    """
    if penalty.kind == "life":
        text = translate(_LIFE, lang)
    else:
        low_value, low_unit = _bound(penalty.min or 0, penalty.unit or "years")
        high_value, high_unit = _bound(penalty.max or 0, penalty.unit or "years")
        high = _quantity(high_value, high_unit, lang)
        low = (
            _quantity(low_value, low_unit, lang) if low_unit != high_unit else format_number(low_value, lang)
        )
        text = translate(_PENALTY_TEXT[penalty.kind], lang).format(low=low, high=high)
    if penalty.condition is not None:
        text = f"{text} ({penalty.condition.get(lang)})"
    return text


_KIND_NAME = {
    "reclusion": N_("Reclusion"),
    "imprisonment": N_("Imprisonment"),
    "fine": N_("Fine"),
    "life": N_("Life imprisonment"),
}


def penalty_cells(penalty: Penalty, lang: str) -> tuple[str, str, str]:
    """Kind, minimum and maximum, for a penalty table.

    >>> penalty_cells(Penalty("fine", "verified", 10000, 500000, "dirhams"), "en")
    ('Fine', '10,000 dirhams', '500,000 dirhams')
    >>> penalty_cells(Penalty("life", "unverified"), "fr")
    ('Réclusion perpétuelle', '', '')
    """
    kind = translate(_KIND_NAME[penalty.kind], lang)
    if penalty.kind == "life":
        return kind, "", ""
    unit = penalty.unit or "years"
    low = _quantity(*_bound(penalty.min or 0, unit), lang)
    high = _quantity(*_bound(penalty.max or 0, unit), lang)
    return kind, low, high


STATUS_TEXT = {
    "verified": N_("Unofficial summary of verified facts"),
    "unverified": N_("Unverified: check the official text"),
    "missing": N_("No summary yet: import the official text"),
}


def status_text(status: str, lang: str) -> str:
    return translate(STATUS_TEXT[status], lang)
