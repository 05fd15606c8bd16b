"""The pieces the PDF writer lays out: text paragraphs in either direction, check boxes, signature
lines, bookmarks, and the cutting of long text into pieces no taller than a page.

Every piece is given the width it will occupy, so no word can be wider than its column: words
longer than the width are cut (the check after writing compares text without spaces, so the cut
does not hide an answer).
"""

from __future__ import annotations

import unicodedata
from functools import cache
from xml.sax.saxutils import escape

from thbdesk.core.docgen import bidi

bidi.install()  # before reportlab's text module is first imported, so it finds the rlbidi shim

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: E402
from reportlab.platypus import Flowable  # noqa: E402
from reportlab.platypus import Paragraph as RLParagraph  # noqa: E402

from thbdesk.core.docgen.fonts import BOLD, REGULAR, drawable, register  # noqa: E402
from thbdesk.core.docgen.model import Inline  # noqa: E402

SIZE = 10.0
LEADING = 15.0  # Amiri's marks reach far above and below the line
MAX_PIECE = 320.0  # the tallest piece of text in one table row, well under a page
_CUT = 0.98  # a little room for rounding in reportlab's line fitting


def is_rtl(lang: str) -> bool:
    return lang == "ar"


@cache
def style(lang: str, bold: bool = False, size: float = SIZE, centred: bool = False) -> ParagraphStyle:
    register()
    align = TA_CENTER if centred else TA_RIGHT if is_rtl(lang) else TA_LEFT
    return ParagraphStyle(
        f"thb-{lang}-{bold}-{size}-{centred}",
        fontName=BOLD if bold else REGULAR,
        fontSize=size,
        leading=size * LEADING / SIZE,
        alignment=align,
        # reportlab runs the bidi algorithm only in these modes: LTR too, for Arabic names in French.
        wordWrap="RTL" if is_rtl(lang) else "LTR",
        splitLongWords=0,
        hyphenationLang="",
        embeddedHyphenation=0,
        uriWasteReduce=0,
    )


def inline_text(inline: Inline) -> str:
    return "".join(run.text for run in inline)


def is_bold(inline: Inline) -> bool:
    """reportlab lays out RTL text only in single-font paragraphs: bold when every run is bold."""
    runs = [run for run in inline if run.text.strip()]
    return bool(runs) and all(run.bold for run in runs)


def printable(text: str) -> str:
    """What is drawn: invisible format characters left out, unusual spaces as plain spaces, joined
    Arabic letters (still in logical order; reportlab's bidi pass orders them)."""
    out = []
    for char in text:
        category = unicodedata.category(char)
        if category == "Cf":
            continue
        if category == "Zs" and not drawable_space(char):
            char = " "
        out.append(char)
    return bidi.reshape("".join(out))


def drawable_space(char: str) -> bool:
    return char == " " or (drawable(char) and char != "\u3000")


def cut_long_words(text: str, font: str, size: float, width: float) -> str:
    """Cut every word wider than ``width`` into pieces that fit (URLs, 10,000 letters typed without a
    space): reportlab's own cutting loses the bidi order of the pieces."""
    limit = width * _CUT
    words = text.split(" ")
    if all(stringWidth(word, font, size) <= limit for word in words):
        return text
    return " ".join(_cut(word, font, size, limit) for word in words)


def _cut(word: str, font: str, size: float, limit: float) -> str:
    pieces: list[str] = []
    current: list[str] = []
    used = 0.0
    for char in word:
        advance = stringWidth(char, font, size)
        if current and used + advance > limit:
            pieces.append("".join(current))
            current, used = [], 0.0
        current.append(char)
        used += advance
    pieces.append("".join(current))
    return " ".join(pieces)


def text_pieces(
    text: str, lang: str, width: float, bold: bool = False, size: float = SIZE, centred: bool = False
) -> list[Flowable]:
    """``text`` as paragraphs of at most ``MAX_PIECE`` points each, so a table row never grows
    taller than a page (reportlab cannot split a row)."""
    return _pieces(printable(text), lang, width, bold, size, centred)


def _pieces(shaped: str, lang: str, width: float, bold: bool, size: float, centred: bool) -> list[Flowable]:
    para_style = style(lang, bold, size, centred)
    shaped = cut_long_words(shaped, para_style.fontName, size, width)
    paragraph = RLParagraph(escape(shaped), para_style)
    pieces: list[Flowable] = []
    while True:
        _, height = paragraph.wrap(width, MAX_PIECE * 100)
        if height <= MAX_PIECE:
            return [*pieces, paragraph]
        parts = paragraph.split(width, MAX_PIECE)
        if len(parts) < 2:  # pragma: no cover - reportlab could not split: keep it whole
            return [*pieces, paragraph]
        pieces.append(parts[0])
        paragraph = parts[1]


def inline_pieces(
    inline: Inline,
    lang: str,
    width: float,
    bold: bool | None = None,
    size: float = SIZE,
    centred: bool = False,
) -> list[Flowable]:
    """The runs of one line, each kept in its own direction inside the part's."""
    shaped = "".join(bidi.embed(printable(run.text), run.lang, is_rtl(lang)) for run in inline)
    return _pieces(shaped, lang, width, is_bold(inline) if bold is None else bold, size, centred)


class CheckBoxItem(Flowable):  # type: ignore[misc]
    """A drawn box (ticked or not) at the start of the line, then the text: Amiri has no ☐/☒."""

    BOX = 8.0
    GAP = 6.0

    def __init__(self, checked: bool, text: Flowable, rtl: bool) -> None:
        super().__init__()
        self.checked, self.text, self.rtl = checked, text, rtl

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        indent = self.BOX + self.GAP
        self.width = avail_width
        _, self.height = self.text.wrap(avail_width - indent, avail_height)
        return avail_width, max(self.height, LEADING)

    def draw(self) -> None:
        canvas, box = self.canv, self.BOX
        x = self.width - box if self.rtl else 0.0
        y = self.height - LEADING + 3.0
        canvas.setLineWidth(0.8)
        canvas.rect(x, y, box, box)
        if self.checked:
            canvas.line(x + 1.5, y + 1.5, x + box - 1.5, y + box - 1.5)
            canvas.line(x + 1.5, y + box - 1.5, x + box - 1.5, y + 1.5)
        self.text.drawOn(canvas, 0.0 if self.rtl else box + self.GAP, 0.0)


class SignLine(Flowable):  # type: ignore[misc]
    """``Signature: ________``: the word at the start of the line, a rule to the end, room to sign."""

    HEIGHT = 26.0

    def __init__(self, label: str, rtl: bool) -> None:
        super().__init__()
        self.label, self.rtl = label, rtl

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.HEIGHT

    def draw(self) -> None:
        canvas = self.canv
        text = bidi.visual(printable(self.label) + ":", self.rtl)
        width = stringWidth(text, REGULAR, SIZE)
        canvas.setFont(REGULAR, SIZE)
        canvas.setLineWidth(0.5)
        if self.rtl:
            canvas.drawRightString(self.width, 4.0, text)
            canvas.line(0.0, 3.0, max(0.0, self.width - width - 6.0), 3.0)
        else:
            canvas.drawString(0.0, 4.0, text)
            canvas.line(min(self.width, width + 6.0), 3.0, self.width, 3.0)


class Bookmark(Flowable):  # type: ignore[misc]
    """An outline entry pointing here (zero size)."""

    def __init__(self, key: str, title: str, level: int) -> None:
        super().__init__()
        self.key, self.title, self.level = key, title, level
        self.width = self.height = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=False)


class PartMarker(Flowable):  # type: ignore[misc]
    """Tells the page footer which language the current page belongs to (sequential layout)."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang
        self.width = self.height = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        self.canv.thb_lang = self.lang
