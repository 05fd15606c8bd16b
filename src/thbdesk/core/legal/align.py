"""Match the articles of an imported publication to bundled provisions, across instruments.

A law often inserts articles into codes: Law 27-14 puts 448-1 … 448-14 into the Penal Code and
82-5-1 into the Code of Criminal Procedure. Those inserted (quoted) articles belong to the code's
provisions, not to the law's own numbering. An imported text keeps its alignment as strings:
a plain number (``"448-1"``) for a provision of the text's own instrument, and a full key
(``"22-01:82-5-1"``) for one of another instrument. Old libraries hold only plain numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from thbdesk.core.i18n import LANGUAGES
from thbdesk.core.legal.splitter import is_quoted

if TYPE_CHECKING:
    from thbdesk.core.legal.library import ImportedArticle, ImportedText
    from thbdesk.core.legal.model import Corpus, Instrument


def align(articles: Sequence[ImportedArticle], instrument_id: str, corpus: Corpus) -> tuple[str, ...]:
    """The aligned entries of an import, in the order the articles come, each once."""
    own = corpus.instrument(instrument_id)
    found: list[str] = []
    host = ""  # the law's own article that quotes the ones after it ("… the Code is amended: «…")
    for article in articles:
        quoted = is_quoted(article.heading)
        if not quoted:
            host = article.text
        entry = _entry(article.number, quoted, own, host, corpus) if article.number else None
        if entry is not None:
            found.append(entry)
    return tuple(dict.fromkeys(found))


def _entry(number: str, quoted: bool, own: Instrument | None, host: str, corpus: Corpus) -> str | None:
    if own is not None and _has(own, number):
        return number
    if not quoted:
        return None
    others = [i for i in corpus.instruments if i is not own and i.official_numbering and _has(i, number)]
    named = [i for i in others if _named_in(i, host)]
    if len(named) == 1:
        return f"{named[0].id}:{number}"
    # A code's inserted number (82-5-1, 448-3) is distinctive; a plain "4" needs its code named.
    if len(others) == 1 and "-" in number:
        return f"{others[0].id}:{number}"
    return None


def _has(instrument: Instrument, number: str) -> bool:
    return any(p.number == number and p.placed for p in instrument.provisions)


def _named_in(instrument: Instrument, text: str) -> bool:
    """The host article names the code: by its official number or one of its titles."""
    folded = text.casefold()
    number = re.escape(instrument.id).replace(r"\-", r"[.\-]")
    if re.search(rf"(?<![\d.\-]){number}(?![\d.\-])", text):
        return True
    titles = [tri.get(lang) for tri in (instrument.short_title, instrument.title) for lang in LANGUAGES]
    return any(title and title.casefold() in folded for title in titles)


def provision_key(text: ImportedText, article: ImportedArticle) -> str | None:
    """The bundled provision an imported article stands for (``"22-01:82-5-1"``), if aligned.

    An inserted (quoted) article looks first among the other instruments' entries, so that
    "« Article 2" of a quoted code does not take the law's own article 2.
    """
    number = article.number
    if not number:
        return None
    own = number in text.aligned
    foreign = next((e for e in text.aligned if e.endswith(f":{number}") and ":" in e), None)
    if is_quoted(article.heading) and foreign:
        return foreign
    if own:
        return f"{text.instrument}:{number}"
    return None


def mentions(text: ImportedText, instrument: str, number: str) -> bool:
    """Whether the text has something aligned to that provision (a cheap test before reading it)."""
    return (
        text.instrument == instrument and number in text.aligned
    ) or f"{instrument}:{number}" in text.aligned


def unaligned_numbers(numbers: Iterable[str], aligned: Sequence[str]) -> tuple[str, ...]:
    """The article numbers matched to no provision, each once."""
    matched = {entry.rpartition(":")[2] for entry in aligned}
    return tuple(n for n in dict.fromkeys(numbers) if n not in matched)
