"""Right-to-left text for reportlab: every bidi workaround of the PDF writer lives here.

reportlab lays out RTL paragraphs only when a module named ``rlbidi`` is importable (it is not
published on PyPI). ``install()`` registers a small compatible one, built on the pure-Python steps
of python-bidi 0.6 (the Rust ``get_display`` does not mirror brackets), before reportlab's text
module is imported. Arabic letters are reshaped into their joined presentation forms first:
reportlab draws one glyph per character and does no shaping of its own.

>>> direction("الفصل 448-1"), direction("article 448-1"), direction("448-1")
('rtl', 'ltr', 'neutral')
>>> log2vis("(أ) ب", "RTL")
'ب (أ)'
"""

from __future__ import annotations

import sys
import types
import unicodedata
from functools import lru_cache
from typing import Any, Literal

import arabic_reshaper
from arabic_reshaper.ligatures import LIGATURES
from bidi import algorithm as _uba
from bidi.mirror import MIRRORED

Direction = Literal["rtl", "ltr", "neutral"]

# Only the lam-alef ligatures are mandatory in Arabic script; the word ligatures (ﷲ …) would put
# glyphs in the file that do not read back as the letters typed.
_LIGATURES = {name: name.startswith("ARABIC LIGATURE LAM WITH ALEF") for name, _ in LIGATURES}
_RESHAPER = arabic_reshaper.ArabicReshaper(
    configuration={"delete_harakat": False, "support_ligatures": True, **_LIGATURES}
)
_LEVELS = {"RTL": 1, "LTR": 0}


def reshape(text: str) -> str:
    """Arabic letters in their joined forms (still in logical order); other text unchanged."""
    return _RESHAPER.reshape(text) if has_arabic(text) else text


def has_arabic(text: str) -> bool:
    return any(unicodedata.bidirectional(char) == "AL" for char in text)


def direction(text: str) -> Direction:
    """The direction of the strong characters of ``text``: ``neutral`` when it has none (digits,
    punctuation) or both (a mixed run, which the check compares word by word)."""
    kinds = {unicodedata.bidirectional(char) for char in text}
    rtl, ltr = bool(kinds & {"R", "AL"}), "L" in kinds
    if rtl and not ltr:
        return "rtl"
    if ltr and not rtl:
        return "ltr"
    return "neutral"


def is_mixed(text: str) -> bool:
    """Both strong directions, or Arabic with digits: pypdf returns such lines partly in visual order."""
    kinds = {unicodedata.bidirectional(char) for char in text}
    return bool(kinds & {"R", "AL"}) and bool(kinds & {"L", "EN", "AN"})


def log2vis(
    text: str,
    base_direction: str | None = "RTL",
    clean: bool = True,
    positions_V_to_L: list[int] | None = None,
    **_: Any,
) -> str:
    """``rlbidi.log2vis``: the visual order of one paragraph, brackets mirrored; fills
    ``positions_V_to_L`` with the logical index of each visual character (reportlab sorts the
    words of each wrapped line with it)."""
    storage: dict[str, Any] = _uba.get_empty_storage()
    level = _LEVELS.get((base_direction or "").upper())
    storage["base_level"] = _uba.get_base_level(text) if level is None else level
    storage["base_dir"] = ("L", "R")[storage["base_level"]]
    _uba.get_embedding_levels(text, storage)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index
    _uba.explicit_embed_and_overrides(storage)
    _uba.resolve_weak_types(storage, False)
    _uba.resolve_neutral_types(storage, False)
    _uba.resolve_implicit_levels(storage, False)
    _uba.reorder_resolved_levels(storage, False)
    _uba.apply_mirroring(storage, False)
    # Harakat stay before their letter, as reversal leaves them: without OpenType positioning
    # Amiri draws a mark to the right of the pen, so drawn first it lands on the letter after it.
    chars = storage["chars"]
    if positions_V_to_L is not None:
        positions_V_to_L[:] = [char["index"] for char in chars]
    return "".join(char["ch"] for char in chars)


def word_list(words: list[str], direction: str = "RTL", clean: bool = True, wx: bool = False) -> list[Any]:
    """Replaces reportlab's ``bidiWordList``, which gives each logical word the visual word that
    holds its first character: when punctuation moves to the other side of a word ("0:C" in an
    Arabic line) two words get the same text and one is lost. Here each word keeps exactly its own
    characters, in visual order, and sorts by the visual position of the first of them."""
    if (direction or "").upper() not in _LEVELS:
        return words
    # reportlab wraps each table cell several times while it fits rows on pages: same words each time
    return list(_word_list(tuple(words), direction.upper(), clean, wx))


@lru_cache(maxsize=4096)
def _word_list(words: tuple[str, ...], direction: str, clean: bool, wx: bool) -> tuple[Any, ...]:
    from reportlab.pdfgen.textobject import BidiStr

    positions: list[int] = []
    shown = log2vis(" ".join(words), direction, clean, positions)
    visual_at = {logical: index for index, logical in enumerate(positions)}
    out: list[Any] = []
    start = 0
    for number, word in enumerate(words):
        places = sorted(visual_at[i] for i in range(start, start + len(word)) if i in visual_at)
        start += len(word) + 1
        key = places[0] if places else len(shown) + number
        out.append(key if wx else BidiStr("".join(shown[i] for i in places), key, number))
    return tuple(out)


def embed(text: str, run_lang: str, part_rtl: bool) -> str:
    """``text`` (already printable) inside a directional embedding when it goes against its part:
    a French phone number in an Arabic line keeps its order ("+212 539 00 00 00 (poste 214)", not
    its groups reversed). Embeddings, not isolates: python-bidi 0.6 knows only the former. The
    controls are added here, after the tree removed any typed ones, and never reach the page."""
    kind = direction(text)
    rtl = kind == "rtl" if kind != "neutral" else run_lang == "ar"
    if not text.strip() or rtl == part_rtl:
        return text
    return ("\u202b" if rtl else "\u202a") + text + "\u202c"


def fold_mirrors(text: str) -> str:
    """Each mirrored pair as one character (``(`` for ``)``): a bracket read back from an Arabic
    line is the mirror of the one typed.

    >>> fold_mirrors("(a) [b]") == fold_mirrors(")a( ]b[")
    True
    """
    return "".join(min(char, MIRRORED.get(char, char)) for char in text)


def visual(text: str, rtl: bool) -> str:
    """One line ready for ``canvas.drawString``: reshaped, then in visual order."""
    return log2vis(reshape(text), "RTL" if rtl else "LTR")


# What reportlab 5's modules import by name from pdfgen.textobject (paragraph.py defines its own BidiList).
_COPIED_NAMES = {
    "reportlab.pdfgen.canvas": ("bidiShapedText",),
    "reportlab.graphics.renderPM": ("bidiShapedText",),
    "reportlab.platypus.paragraph": (
        "rtlSupport",
        "bidiText",
        "bidiWordList",
        "isBidiStr",
        "bidiStrWrap",
        "isBidiList",
        "bidiListWrap",
        "BidiIndex",
        "bidiFragWord",
        "innerBidiStrWrap",
    ),
}


def install() -> None:
    """Make ``import rlbidi`` find this module's ``log2vis``. Must run before reportlab's
    ``pdfgen.textobject`` is imported; if it was imported already without RTL support, refuse
    loudly rather than print Arabic backwards."""
    if "rlbidi" not in sys.modules:
        module = types.ModuleType("rlbidi", "thbdesk's rlbidi-compatible shim (python-bidi)")
        module.log2vis = log2vis  # type: ignore[attr-defined]
        sys.modules["rlbidi"] = module
    textobject = sys.modules.get("reportlab.pdfgen.textobject")
    if textobject is not None and not getattr(textobject, "rtlSupport", False):
        _enable_late(textobject)
    from reportlab.platypus import paragraph

    paragraph.bidiWordList = word_list


def _enable_late(textobject: types.ModuleType) -> None:
    """reportlab was imported first (a test helper drew a PDF earlier): reload its text module and
    the paragraph module that copied names from it, so they pick the shim up."""
    import importlib

    importlib.reload(textobject)
    for name, attrs in _COPIED_NAMES.items():
        module = sys.modules.get(name)
        for attr in attrs if module is not None else ():
            setattr(module, attr, getattr(textobject, attr))
    if not getattr(textobject, "rtlSupport", False):  # pragma: no cover - reportlab changed
        raise RuntimeError("reportlab did not accept the rlbidi shim")
