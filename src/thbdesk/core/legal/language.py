"""Which of Arabic, French or English a legal text is written in.

Script decides Arabic; between French and English, the commonest short words of each decide,
since law texts share most of their long words (article, section, convention, protection).
"""

from __future__ import annotations

import re

_ARABIC_LETTER = re.compile(
    "[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]"
)
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
_WORD = re.compile("[a-z\u00e0-\u00ff\u0153]+(?:['\u2019][a-z\u00e0-\u00ff]*)?")
_FRENCH_WORDS = (
    "le la les des du de et est dans pour un une que qui sur au aux par ne pas sont il elle ce "
    "cette ou son sa ses leur"
)
_ENGLISH_WORDS = (
    "the of and to in is for which that be by are or with this shall an any its it on as his her their from"
)
_FRENCH = frozenset(_FRENCH_WORDS.split())
_ENGLISH = frozenset(_ENGLISH_WORDS.split())
_ELISIONS = ("l'", "d'", "qu'", "l\u2019", "d\u2019", "qu\u2019")


def detect_language(text: str, *, default: str = "fr") -> str:
    """The language code, "ar", "fr" or "en"; ``default`` when the text gives no evidence.

    >>> detect_language("يعاقب بالسجن كل من استغل هشاشة شخص آخر.")
    'ar'
    >>> detect_language("La peine est doublée lorsque la victime est mineure.")
    'fr'
    >>> detect_language("The penalty is doubled when the victim is a minor.")
    'en'
    >>> detect_language("Article 5", default="en"), detect_language("123")
    ('en', 'fr')
    """
    arabic = len(_ARABIC_LETTER.findall(text))
    latin = len(_LATIN_LETTER.findall(text))
    if arabic == latin == 0:
        return default
    if arabic >= latin:
        return "ar"
    return _french_or_english(text, "fr" if default == "ar" else default)


def _french_or_english(text: str, default: str) -> str:
    french = english = 0
    for word in _WORD.findall(text.lower()):
        french += word in _FRENCH or word.startswith(_ELISIONS)
        english += word in _ENGLISH
    if french == english:
        return default
    return "fr" if french > english else "en"
