"""Signs that an import went wrong although every step succeeded, as warnings for the user.

A publication whose headings were missed still "imports": one article swallows the rest. These
checks look at the result the way a careful reader would:
- few article numbers match the bundled provisions of the chosen text;
- an article number comes twice (in the law's own text, or twice among the quoted ones);
- one article is far longer than the others: more than 5 times the median and over 2,000
  characters. A missed heading merges at least two articles, so the ratio to the median is the
  signal (the real Law 27-14's first article swallowed 8,500 characters against a median of a
  few hundred); the floor keeps short texts quiet, where 5 times a median of 150 characters is
  an ordinary article.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from thbdesk.core.i18n import _
from thbdesk.core.legal.splitter import is_quoted

if TYPE_CHECKING:
    from thbdesk.core.legal.library import ImportedArticle

MIN_MATCHED_SHARE = 0.5
LONG_FACTOR = 5
LONG_FLOOR = 2000
_SHOWN = 5  # repeated numbers named in the warning


def import_warnings(
    articles: Sequence[ImportedArticle], aligned: Sequence[str], instrument: str, known: bool
) -> tuple[str, ...]:
    """Translated warnings, in the order a user should read them; empty when all looks right."""
    checks = (_matching(articles, aligned, instrument, known), _repeats(articles), _too_long(articles))
    return tuple(warning for warning in checks if warning)


def _matching(
    articles: Sequence[ImportedArticle], aligned: Sequence[str], instrument: str, known: bool
) -> str:
    numbers = {a.number for a in articles if a.number}
    if not numbers:
        return ""
    if not known:  # its quoted articles may still belong to a bundled code
        if aligned:
            return ""
        return _(
            "No bundled text matches {instrument}: its articles can be searched but are linked to no summary."
        ).format(instrument=instrument)
    if len(aligned) >= MIN_MATCHED_SHARE * len(numbers):
        return ""
    return _(
        "Only {matched} of {count} article numbers match provisions of {instrument}. "
        "Check that this is the right text, or give it with --instrument."
    ).format(matched=len(aligned), count=len(numbers), instrument=instrument)


def _repeats(articles: Sequence[ImportedArticle]) -> str:
    counts = Counter((a.number, is_quoted(a.heading)) for a in articles if a.number)
    repeated = list(dict.fromkeys(number for (number, _quoted), count in counts.items() if count > 1))
    if not repeated:
        return ""
    return _(
        "Some article numbers appear more than once ({numbers}): headings may have been misread."
    ).format(numbers=", ".join(repeated[:_SHOWN]) + (", …" if len(repeated) > _SHOWN else ""))


def _too_long(articles: Sequence[ImportedArticle]) -> str:
    if len(articles) < 3:
        return ""
    lengths = [len(a.text) for a in articles]
    median = statistics.median(lengths)
    longest = max(range(len(articles)), key=lengths.__getitem__)
    if lengths[longest] <= max(LONG_FACTOR * median, LONG_FLOOR):
        return ""
    article = articles[longest]
    return _(
        "Article {number} is {length} characters long, far longer than the others: "
        "the headings of other articles inside it may have been missed."
    ).format(number=article.number or article.heading[:40], length=lengths[longest])
