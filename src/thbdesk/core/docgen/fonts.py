"""Amiri for reportlab, and the coverage check that keeps the PDF from dropping characters.

reportlab draws each character with the glyph of one font and silently leaves out what that font
lacks. Amiri covers Arabic, Latin, digits and punctuation, so the whole document is set in it, and
every character is checked against its character map before anything is drawn.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterator
from functools import cache

from thbdesk.core.docgen import bidi
from thbdesk.core.docgen.model import Document, Inline, KeyValueTable, Node, inlines
from thbdesk.core.errors import GlyphMissingError
from thbdesk.core.fonts import BUNDLED_FONTS, DOCUMENT_FAMILY, font_bytes
from thbdesk.core.i18n import current_language

REGULAR = "Amiri"
BOLD = "Amiri-Bold"
# Invisible format characters (joiners, soft hyphen, word joiner…): nothing to draw, the writer
# leaves them out and the check ignores them.
IGNORABLE_CATEGORIES = frozenset({"Cf"})


@cache
def register() -> tuple[str, str]:
    """Register Amiri Regular and Bold once per process; returns the (regular, bold) font names."""
    bidi.install()
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for font in BUNDLED_FONTS:
        if font.family == DOCUMENT_FAMILY:
            name = BOLD if font.style == "Bold" else REGULAR
            pdfmetrics.registerFont(TTFont(name, io.BytesIO(font_bytes(font))))
    for bold in (False, True):
        for italic in (False, True):
            addMapping(REGULAR, int(bold), int(italic), BOLD if bold else REGULAR)
    return REGULAR, BOLD


@cache
def _charmaps() -> tuple[frozenset[int], ...]:
    from reportlab.pdfbase import pdfmetrics

    return tuple(frozenset(pdfmetrics.getFont(name).face.charToGlyph) for name in register())


@cache
def drawable(char: str) -> bool:
    """Whether both Amiri styles have a glyph for ``char`` (or it is invisible anyway)."""
    if unicodedata.category(char) in IGNORABLE_CATEGORIES or char in " \u00a0":
        return True
    return all(ord(char) in charmap for charmap in _charmaps())


def check_coverage(doc: Document) -> None:
    """Raise ``GlyphMissingError`` for the first character Amiri cannot draw, naming the row label
    or section title where it is (never the answer itself: it may be personal data)."""
    for where, text in _texts(doc):
        missing = _first_missing(text)
        if missing is not None:
            raise GlyphMissingError(char=missing, codepoint=f"U+{ord(missing):04X}", where=where)


def _first_missing(text: str) -> str | None:
    for char in text:
        if not drawable(char):
            return char
    # Reshaping turns letters into presentation forms: those must be in the font too.
    for shaped in bidi.reshape(text):
        if not drawable(shaped):
            base = unicodedata.normalize("NFKC", shaped)
            return next((char for char in text if char in base), shaped)
    return None


def _texts(doc: Document) -> Iterator[tuple[str, str]]:
    # An answer is in every part: look in the user's language first, so the error names the row
    # in words the user reads.
    for lang in sorted(doc.langs, key=lambda lang: lang != current_language()):
        yield doc.title[lang], doc.title[lang]
        header = doc.headers.get(lang)
        for line in header.lines if header else ():
            yield doc.title[lang], _plain(line)
        for section in doc.sections:
            title = section.title.get(lang, section.id)
            yield title, title
            for block in section.blocks:
                yield from _node_texts(block.nodes[lang], title)


def _node_texts(node: Node, section_title: str) -> Iterator[tuple[str, str]]:
    if isinstance(node, KeyValueTable):
        for row in node.rows:
            label = _plain(row.label) or section_title
            yield label, label
            yield from ((label, _plain(line)) for line in row.value)
        return
    for inline in inlines(node):
        yield section_title, _plain(inline)


def _plain(inline: Inline) -> str:
    return "".join(run.text for run in inline)
