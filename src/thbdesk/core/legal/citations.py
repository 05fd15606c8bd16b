"""Citations to paste into a report or a request, in Arabic, French or English.

The Penal Code articles added by Law 27-14 are cited as articles of the Code "as supplemented by"
that law; articles of other texts as articles of that text. Arabic writes law numbers with a dot
(27.14) and code article numbers with the sub-numbers first (7-448, 1-5-82).
"""

from __future__ import annotations

from thbdesk.core.i18n import N_, translate
from thbdesk.core.legal.display import number_as_written
from thbdesk.core.legal.model import Instrument, Provision

_PENAL_CODE = N_("Article {number} of the Penal Code, as supplemented by Law No. {law}")
_CRIMINAL_PROCEDURE = N_("Article {number} of the Code of Criminal Procedure (Law No. {law})")
_ARTICLE_OF = {
    "law": N_("Article {number} of Law No. {law}"),
    "decree": N_("Decree No. {law}, article {number}"),
}
_PROVISION_OF = N_("{title}, {label} {number}")


def _official_number(instrument: Instrument, lang: str) -> str:
    return instrument.id.replace("-", ".") if lang == "ar" else instrument.id


def citation(provision: Provision, instrument: Instrument, lang: str) -> str:
    """>>> from thbdesk.core.legal.loader import bundled_corpus
    >>> law = bundled_corpus().instrument("27-14")
    >>> citation(law.provision("448-7"), law, "fr")
    'Article 448-7 du Code pénal, tel que complété par la loi n° 27-14'
    >>> citation(law.provision("448-7"), law, "ar")
    'الفصل 7-448 من مجموعة القانون الجنائي كما تم تتميمها بالقانون رقم 27.14'
    >>> cpp = bundled_corpus().instrument("22-01")
    >>> citation(cpp.provision("82-5-1"), cpp, "ar")
    'المادة 1-5-82 من قانون المسطرة الجنائية (القانون رقم 22.01)'
    >>> citation(cpp.provision("82-5-1"), cpp, "en")
    'Article 82-5-1 of the Code of Criminal Procedure (Law No. 22-01)'
    >>> citation(law.provision("7"), law, "ar")
    'المادة 7 من القانون رقم 27.14'
    """
    number = number_as_written(provision, instrument, lang)
    law = _official_number(instrument, lang)
    if not provision.placed:
        return (
            f"{instrument.short_title.get(lang)} — {provision.heading.get(lang) if provision.heading else ''}"
        )
    if instrument.code == "penal-code" and "-" in provision.number:
        return translate(_PENAL_CODE, lang).format(number=number, law=law)
    if instrument.code == "criminal-procedure-code":
        return translate(_CRIMINAL_PROCEDURE, lang).format(number=number, law=law)
    if instrument.official_numbering and instrument.kind in _ARTICLE_OF:
        return translate(_ARTICLE_OF[instrument.kind], lang).format(number=number, law=law)
    return translate(_PROVISION_OF, lang).format(
        title=instrument.title.get(lang), label=provision.label.get(lang), number=number
    )
