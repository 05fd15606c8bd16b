"""The WordprocessingML python-docx has no API for: right-to-left paragraphs, runs and tables.

Word needs four things to set Arabic right: ``w:bidi`` on the paragraph (its base direction),
``w:rtl`` on each right-to-left run, a complex-script font and size (``w:rFonts w:cs``, ``w:szCs``,
``w:bCs``), and the complex-script language (``w:lang w:bidi``). Text is given in logical order and
never reshaped: Word shapes and reorders it. An RTL paragraph is never ``jc=right``: under ``w:bidi``
Word reads ``right`` as "end", which is the left edge.

Elements are built directly (no python-docx proxies): the writer makes thousands of runs and the
proxies cost more than the XML.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from copy import deepcopy
from functools import lru_cache
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn as qn  # re-exported for the writer

Element = Any  # lxml elements of python-docx's oxml classes (its stubs type them loosely)

LATIN_FONT = "Arial"  # on every Windows/macOS PC; Liberation Sans stands in on Linux, same metrics
ARABIC_FONT = "Amiri"  # the face the PDF uses too (bundled in thbdesk/fonts)
SYMBOL_FONT = "Segoe UI Symbol"  # Windows' face with ☐ ☒; other systems fall back to a symbol face
LANG_TAGS = {"ar": "ar-MA", "fr": "fr-MA", "en": "en-US"}
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
LATIN_DEFAULT = "fr-MA"  # Latin text inside an Arabic run (a passport number) is proofed as French

_PPR_AFTER_BIDI = (
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
_PPR_AFTER_OUTLINE = ("w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
_TBLPR_AFTER_BIDI = (
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
    "w:tblPrChange",
)
_TBLPR_AFTER_BORDERS = _TBLPR_AFTER_BIDI[7:]
_SECTPR_AFTER_BIDI = ("w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")


def el(tag: str, parent: Element | None = None, **attrs: str) -> Element:
    """A ``w:`` element with ``w:`` attributes (``el("w:jc", val="center")``), appended to ``parent``."""
    element = OxmlElement(tag, {qn(f"w:{name}"): value for name, value in attrs.items()})
    if parent is not None:
        parent.append(element)
    return element


# --- direction of text -----------------------------------------------------------------------


LRM, RLM = "\u200e", "\u200f"


def _strong(char: str) -> bool | None:
    """True for a right-to-left letter, False for a left-to-right one, None for digits and neutrals."""
    kind = unicodedata.bidirectional(char)
    if kind in ("R", "AL"):
        return True
    return False if kind == "L" else None


def segments(text: str, base_rtl: bool) -> list[tuple[str, bool]]:
    """``text`` cut where its letters change script, each piece with its direction (``rtl``).

    Digits and punctuation stay with the letters before them (``الفصل 1-448`` is one right-to-left
    piece, as the Unicode algorithm reads it); a piece with no letter at all takes the paragraph's
    direction unless it holds digits, which stay left to right (a date, a passport number).

    >>> segments("Fatima الإدريسي", base_rtl=False)
    [('Fatima ', False), ('الإدريسي', True)]
    >>> segments("البصمة 3f9a", base_rtl=True)
    [('البصمة ', True), ('3f9a', False)]
    >>> segments("AB1234567", base_rtl=True), segments("—", base_rtl=True)
    ([('AB1234567', False)], [('—', True)])
    """
    pieces: list[tuple[str, bool | None]] = []
    start, current = 0, None
    for index, char in enumerate(text):
        strong = _strong(char)
        if strong is None or strong == current:
            continue
        if current is not None:
            cut = _word_start(text, start, index)
            pieces.append((text[start:cut], current))
            start = cut
        current = strong
    pieces.append((text[start:], current))
    return [(piece, _direction(piece, rtl, base_rtl)) for piece, rtl in pieces if piece]


def isolate(text: str, base_rtl: bool) -> str:
    """``text`` between two marks of its own direction when it runs against the paragraph's.

    Without them the paragraph's direction reorders the pieces of an answer: a French phone number
    ``+212 539 00 00 00 (poste 214)`` in an Arabic cell showed as ``(poste 214) 00 00 00 539 212+``.
    The marks are strong characters every Word and LibreOffice version knows (unlike isolates), and
    they are invisible.

    >>> isolate("+212 5 (poste 2)", base_rtl=True) == LRM + "+212 5 (poste 2)" + LRM
    True
    >>> isolate("مريم (16)", base_rtl=False) == RLM + "مريم (16)" + RLM, isolate("TNG2", base_rtl=False)
    (True, 'TNG2')
    """
    first = next((strong for strong in map(_strong, text) if strong is not None), None)
    if first is None or first == base_rtl:
        return text
    mark = RLM if first else LRM
    return f"{mark}{text}{mark}"


def _word_start(text: str, start: int, index: int) -> int:
    """Digits and brackets glued to the letter that starts a new piece go with it (``3f9a``, ``(أمينة``)."""
    while index > start and not text[index - 1].isspace() and _strong(text[index - 1]) is None:
        index -= 1
    return index


def _direction(piece: str, rtl: bool | None, base_rtl: bool) -> bool:
    if rtl is not None:
        return rtl
    if any(unicodedata.bidirectional(char) == "AN" for char in piece):
        return True  # Arabic-Indic digits belong to the Arabic font and direction
    return base_rtl and not any(char.isdigit() for char in piece)


# --- runs ------------------------------------------------------------------------------------


def run(
    text: str, *, rtl: bool, lang: str, bold: bool = False, size: float | None = None, font: str | None = None
) -> Element:
    """``<w:r>`` with the run properties Word needs for ``text`` in that direction.

    Both the Latin and the complex-script slots get the bold flag and the size, so a run looks the
    same whichever slot Word picks for a character.
    """
    r = el("w:r")
    lang_tag = LANG_TAGS.get(lang, LATIN_DEFAULT) if lang != "ar" else LATIN_DEFAULT
    r.append(deepcopy(_run_properties(rtl, lang_tag, bold, size, font)))
    t = el("w:t", r)
    t.text = text
    if text[:1].isspace() or text[-1:].isspace() or "  " in text:
        t.set(_XML_SPACE, "preserve")  # else Word may drop or merge these spaces
    return r


@lru_cache(maxsize=256)
def _run_properties(rtl: bool, lang_tag: str, bold: bool, size: float | None, font: str | None) -> Element:
    """One ``w:rPr`` per kind of run, copied into each run (building each anew costs twice as much)."""
    rpr = el("w:rPr")
    latin = font or LATIN_FONT
    if rtl:
        el("w:rFonts", rpr, ascii=latin, hAnsi=latin, cs=font or ARABIC_FONT, hint="cs")
    elif font:
        el("w:rFonts", rpr, ascii=font, hAnsi=font, eastAsia=font, cs=font)
    else:
        el("w:rFonts", rpr, ascii=latin, hAnsi=latin, cs=ARABIC_FONT)
    if bold:
        el("w:b", rpr)
        el("w:bCs", rpr)
    if size is not None:
        half_points = str(round(size * 2))
        el("w:sz", rpr, val=half_points)
        el("w:szCs", rpr, val=half_points)
    if rtl:
        el("w:rtl", rpr)
        el("w:lang", rpr, bidi=LANG_TAGS["ar"])
    else:
        el("w:lang", rpr, val=lang_tag)
    return rpr


def text_runs(
    text: str, *, lang: str, base_rtl: bool, bold: bool = False, size: float | None = None
) -> list[Element]:
    """The runs of one piece of text, cut by script (see ``segments``)."""
    return [run(piece, rtl=rtl, lang=lang, bold=bold, size=size) for piece, rtl in segments(text, base_rtl)]


def field(instruction: str, *, size: float | None, placeholder: str = "1") -> list[Element]:
    """A complex field (``PAGE``, ``NUMPAGES``) Word updates when it lays the pages out; digits
    stay left to right and Latin in every language."""
    begin, instr, separate, shown, end = (run("", rtl=False, lang="en", size=size) for _ in range(5))
    for r in (begin, instr, separate, end):
        r.remove(r.find(qn("w:t")))
    el("w:fldChar", begin, fldCharType="begin")
    text = el("w:instrText", instr)
    text.text = f" {instruction} "
    text.set(_XML_SPACE, "preserve")
    el("w:fldChar", separate, fldCharType="separate")
    shown.find(qn("w:t")).text = placeholder
    el("w:fldChar", end, fldCharType="end")
    return [begin, instr, separate, shown, end]


# --- paragraphs ------------------------------------------------------------------------------


def paragraph(
    runs: Iterable[Element], *, rtl: bool, style: str | None = None, align: str | None = None
) -> Element:
    """``<w:p>`` in its base direction; ``align`` is ``center`` or ``None`` (the start edge)."""
    p = el("w:p")
    ppr = el("w:pPr", p)
    if style:
        el("w:pStyle", ppr, val=style)
    if rtl:
        el("w:bidi", ppr)
    if align:
        el("w:jc", ppr, val=align)
    p.extend(runs)
    return p


def set_bidi(p: Element) -> None:
    """Make an existing paragraph right to left, ``w:bidi`` in its schema place."""
    ppr = p.get_or_add_pPr()
    if ppr.find(qn("w:bidi")) is None:
        ppr.insert_element_before(el("w:bidi"), *_PPR_AFTER_BIDI)


def set_outline_level(p: Element, level: int) -> None:
    """``9`` keeps a heading's look but out of the navigation pane (the other parallel columns)."""
    ppr = p.find(qn("w:pPr"))
    ppr.insert_element_before(el("w:outlineLvl", val=str(level)), *_PPR_AFTER_OUTLINE)


# --- tables ----------------------------------------------------------------------------------


def table(
    widths_twips: Sequence[int], *, rtl: bool, borders: str = "none", style: str | None = None
) -> Element:
    """``<w:tbl>`` with fixed column widths. ``rtl`` adds ``w:bidiVisual``: the first cell of each
    row is drawn at the right edge. ``borders``: ``none``, ``grid`` or ``columns`` (vertical lines
    between columns only)."""
    tbl = el("w:tbl")
    tblpr = el("w:tblPr", tbl)
    if style:
        el("w:tblStyle", tblpr, val=style)
    if rtl:
        el("w:bidiVisual", tblpr)
    el("w:tblW", tblpr, w=str(sum(widths_twips)), type="dxa")
    _borders(tblpr, borders)
    el("w:tblLayout", tblpr, type="fixed")
    grid = el("w:tblGrid", tbl)
    for width in widths_twips:
        el("w:gridCol", grid, w=str(width))
    return tbl


def _borders(tblpr: Element, borders: str) -> None:
    box = el("w:tblBorders")
    lines = {"grid": ("top", "left", "bottom", "right", "insideH", "insideV"), "columns": ("insideV",)}
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        drawn = edge in lines.get(borders, ())
        el(
            f"w:{edge}",
            box,
            val="single" if drawn else "nil",
            **({"sz": "4", "color": "808080"} if drawn else {}),
        )
    tblpr.insert_element_before(box, *_TBLPR_AFTER_BORDERS)


def row(
    tbl: Element, cells: Sequence[Sequence[Element]], widths_twips: Sequence[int], *, cant_split: bool = False
) -> Element:
    """Append ``<w:tr>``: one cell per entry, each holding its block elements (a cell needs at
    least one paragraph, so an empty one gets an empty paragraph)."""
    tr = el("w:tr", tbl)
    if cant_split:
        el("w:cantSplit", el("w:trPr", tr))
    for content, width in zip(cells, widths_twips, strict=True):
        tc = el("w:tc", tr)
        el("w:tcW", el("w:tcPr", tc), w=str(width), type="dxa")
        tc.extend(content or [el("w:p")])
    return tr


def set_section_bidi(sectpr: Element) -> None:
    """An Arabic section: page numbers and columns run right to left too."""
    if sectpr.find(qn("w:bidi")) is None:
        sectpr.insert_element_before(el("w:bidi"), *_SECTPR_AFTER_BIDI)
