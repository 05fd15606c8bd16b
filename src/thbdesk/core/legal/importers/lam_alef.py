"""Repair the lam-alef pair that some PDFs give back swapped (`االتجار` for `الاتجار`).

Arabic fonts draw lam followed by alef as one ligature glyph. Producers that map that glyph to
"lam, alef" and store glyphs in visual order give the two letters back in reverse after the
line is turned to logical order: `الأولى` comes out `األولى`. Only shapes that cannot be right
are repaired: a word (after و ف ب ك) opening with two alefs and a lam, where the article
"ال" was meant, never occurs in Arabic. Inside words the swap is ambiguous (`سالم` is a word,
and so is `سلام`), so it is repaired only in a text that shows the artefact elsewhere, and only
when the repaired word is a known word and the word as read is not.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from functools import cache

from thbdesk.core.paths import bundled_dir

_ALEFS = "اأإآ"
_LETTER = "\u0621-\u064a\u0671-\u06d3"
_SWAPPED_ARTICLE = re.compile(f"(?<![{_LETTER}])([وفبك]?)ا([{_ALEFS}])ل")
_ARABIC_WORD = re.compile(f"[{_LETTER}]+")
# Pairs that may be a swapped lam-alef: not the article "ال" at the start (after one clitic).
_SWAPPED_PAIR = re.compile(f"(?<=..)([{_ALEFS}])ل")
_CLITICS = "وفبكل"
_MAX_PAIRS = 4
MIN_EVIDENCE = 2  # repairs of the sure kind before the text is taken to have the artefact


def repair_lam_alef(text: str, vocabulary: Callable[[], Collection[str]] | None = None) -> tuple[str, int]:
    """The text with swapped lam-alef pairs put back, and how many words were repaired.

    >>> repair_lam_alef("المادة األولى: مكافحة االتجار بالبشر واإلبالغ")
    ('المادة الأولى: مكافحة الاتجار بالبشر والإبالغ', 3)
    >>> repair_lam_alef("قال السالم عليكم، ولا الأولى")  # right text is left alone
    ('قال السالم عليكم، ولا الأولى', 0)
    """
    repaired, sure = _SWAPPED_ARTICLE.subn(r"\1ال\2", text)
    if sure < MIN_EVIDENCE or vocabulary is None:
        return repaired, sure
    known = vocabulary()
    inner = 0

    def fix(match: re.Match[str]) -> str:
        nonlocal inner
        word = match.group()
        candidate = _known_repair(word, known)
        inner += candidate != word
        return candidate

    repaired = _ARABIC_WORD.sub(fix, repaired)
    return repaired, sure + inner


def _known_repair(word: str, known: Collection[str]) -> str:
    """The word with some of its inner pairs swapped back, if that makes a known word."""
    if _is_known(word, known):
        return word
    pairs = [match.start() for match in _SWAPPED_PAIR.finditer(word)][:_MAX_PAIRS]
    for chosen in range(1, 2 ** len(pairs)):
        letters = list(word)
        for bit, start in enumerate(pairs):
            if chosen >> bit & 1:
                letters[start], letters[start + 1] = letters[start + 1], letters[start]
        candidate = "".join(letters)
        if _is_known(candidate, known):
            return candidate
    return word


def _is_known(word: str, known: Collection[str]) -> bool:
    """Known as it is, or after one clitic letter (و ف ب ك ل)."""
    return word in known or (word[:1] in _CLITICS and word[1:] in known)


@cache
def bundled_vocabulary() -> frozenset[str]:
    """Every Arabic word of the bundled legal texts (read from the YAML, no cache is written)."""
    words: set[str] = set()
    for path in sorted(bundled_dir("legal_texts").glob("*.yaml")):
        words.update(_ARABIC_WORD.findall(path.read_text(encoding="utf-8")))
    return frozenset(words)
