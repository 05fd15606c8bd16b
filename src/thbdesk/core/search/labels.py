"""How a hit is named in a list: which text and which article, or which kind, and its status.

*Loi 27-14 · Article 448-10*, *Glossaire*, *Indicateur BRD-06*: a liaison officer must see at a
glance whether a hit is the law itself or a word that explains it. Display strings: Arabic numbers
keep their left-to-right isolates here (``SearchHit.to_json`` is the plain-text contract).
"""

from __future__ import annotations

from thbdesk.core.i18n import N_, translate
from thbdesk.core.legal.display import provision_title
from thbdesk.core.legal.model import Corpus
from thbdesk.core.search.types import SearchHit

SEPARATOR = " · "
_GLOSSARY = N_("Glossary")
_INDICATOR = N_("Indicator {number}")
_IMPORTED = N_("Imported text")
_STATUS = {
    "verified": N_("verified summary"),
    "unverified": N_("unverified summary"),
    "missing": N_("no summary yet"),
    "official": N_("official text"),
}


def hit_label(hit: SearchHit, corpus: Corpus, lang: str) -> str:
    """The kind and name of a hit in ``lang``.

    >>> from thbdesk.core.legal.loader import bundled_corpus
    >>> corpus = bundled_corpus()
    >>> hit = SearchHit("27-14:448-10", "27-14", "448-10", "", "fr", "law", "", "", 1, "summary", "verified")
    >>> hit_label(hit, corpus, "fr")
    'Loi 27-14 · Article 448-10'
    """
    if hit.kind == "glossary":
        return translate(_GLOSSARY, lang)
    if hit.kind == "indicators":
        return translate(_INDICATOR, lang).format(number=hit.number)
    instrument = corpus.instrument(hit.instrument)
    if instrument is None:
        return translate(_IMPORTED, lang) + (f"{SEPARATOR}{hit.number}" if hit.number else "")
    if instrument.provision(hit.number) is None:  # an imported article no bundled provision matches
        name = instrument.short_title.get(lang)
        return f"{name}{SEPARATOR}{hit.title}" if hit.title else name
    return provision_label(corpus, f"{instrument.id}:{hit.number}", lang)


def status_badge(status: str, lang: str) -> str:
    """The status of what a hit shows, in a few words.

    >>> status_badge("unverified", "en")
    'unverified summary'
    """
    return translate(_STATUS.get(status, status), lang)


def provision_label(corpus: Corpus, key: str, lang: str) -> str:
    """``Loi 27-14 · Article 448-1`` for a provision key such as ``27-14:448-1``."""
    instrument_id, _sep, number = key.partition(":")
    instrument = corpus.instrument(instrument_id)
    provision = instrument.provision(number) if instrument else None
    if instrument is None or provision is None:
        return key
    if instrument.kind == "indicators":
        return translate(_INDICATOR, lang).format(number=number)
    return f"{instrument.short_title.get(lang)}{SEPARATOR}{provision_title(provision, instrument, lang)}"
