"""The PDF writer: a ``Document`` laid out on A4 with reportlab, in Amiri, Arabic right to left.

Parallel: one table per section, one column per language (``visual_columns``: Arabic at the right),
one table row per aligned item (a paragraph, a key–value row, a checklist item, a signature) so the
languages stay level. Sequential: each language from a new page with its own header. Single: one
language. Long text is cut into pieces that each fit in one table row, and rows split across pages.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from itertools import zip_longest
from typing import Any

from thbdesk.core.docgen import labels
from thbdesk.core.docgen.fonts import REGULAR, check_coverage, register
from thbdesk.core.docgen.model import (
    Checklist,
    Document,
    Heading,
    KeyValueTable,
    Layout,
    Node,
    Paragraph,
    Section,
    SignatureBlock,
    check_layout,
    plain,
    visual_columns,
)
from thbdesk.core.docgen.pdf_parts import (
    SIZE,
    Bookmark,
    CheckBoxItem,
    PartMarker,
    SignLine,
    inline_pieces,
    is_rtl,
    text_pieces,
)

Cell = list[Any]  # the flowables of one table cell
Item = list[Cell]  # one aligned item, as one or more table rows (long text continues below)

MARGIN = 42.0
FOOTER_Y = 22.0
_GAP = 6.0  # cell padding


def render_pdf(doc: Document, layout: Layout) -> bytes:
    """The PDF bytes of ``doc`` in ``layout``; raises ``LayoutError`` or ``GlyphMissingError``."""
    check_layout(layout, doc.langs)
    check_coverage(doc)
    register()
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Frame, PageTemplate
    from reportlab.platypus.doctemplate import BaseDocTemplate

    buffer = io.BytesIO()
    meta = doc.metadata
    template = BaseDocTemplate(
        buffer,
        pagesize=A4,
        title=meta.title,
        author=meta.author,
        subject=meta.subject,
        creator="thbdesk",
        lang=meta.language,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 12.0,
    )
    frame = Frame(template.leftMargin, template.bottomMargin, template.width, template.height, id="body")
    template.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    story = _story(doc, layout, template.width)
    template.build(story, canvasmaker=_footer_canvas(doc, layout))
    return buffer.getvalue()


def _story(doc: Document, layout: Layout, width: float) -> list[Any]:
    if layout == "parallel":
        return [PartMarker(doc.langs[0]), *_parallel(doc, width)]
    from reportlab.platypus import PageBreak

    story: list[Any] = []
    for index, lang in enumerate(doc.langs):
        if index:
            story.append(PageBreak())
        story.extend([PartMarker(lang), *_part(doc, lang, width, nested=len(doc.langs) > 1)])
    return story


# --- parallel ---------------------------------------------------------------------------------


def _parallel(doc: Document, width: float) -> Iterator[Any]:
    columns = visual_columns(doc.langs)
    col = width / len(columns)
    inner = col - 2 * _GAP
    yield _table([[_header_cell(doc, lang, inner) for lang in columns]], [col] * len(columns), grid=False)
    for number, section in enumerate(doc.sections):
        yield Bookmark(f"s{number}", section.title.get(doc.langs[0], section.id), 0)
        rows: list[list[Cell]] = [[_section_title(section, lang, inner) for lang in columns]]
        for block in section.blocks:
            items = [_items(block.nodes[lang], lang, inner) for lang in columns]
            for aligned in zip_longest(*items, fillvalue=[[]]):
                rows.extend([list(row) for row in zip_longest(*aligned, fillvalue=[])])
        yield _table(rows, [col] * len(columns), grid=True)


def _items(node: Node, lang: str, width: float) -> list[Item]:
    """The aligned items of one node in one language, in order."""
    return _ITEMS[type(node)](node, lang, width)


def _heading_items(node: Heading, lang: str, width: float) -> list[Item]:
    size = SIZE + (2.0 if node.level <= 1 else 1.0)
    return [[[piece] for piece in inline_pieces(node.runs, lang, width, bold=True, size=size)]]


def _paragraph_items(node: Paragraph, lang: str, width: float) -> list[Item]:
    return [[[piece] for piece in inline_pieces(node.runs, lang, width)]]


def _table_items(node: KeyValueTable, lang: str, width: float) -> list[Item]:
    """Label above value: a parallel column is too narrow to put them side by side."""
    items = []
    for row in node.rows:
        pieces = [piece for line in row.value for piece in inline_pieces(line, lang, width)]
        label = inline_pieces(row.label, lang, width, bold=True)
        items.append([[*label, pieces[0]], *([piece] for piece in pieces[1:])])
    return items


def _checklist_items(node: Checklist, lang: str, width: float) -> list[Item]:
    inner = width - CheckBoxItem.BOX - CheckBoxItem.GAP
    items = []
    for entry in node.items:
        pieces = inline_pieces(entry.runs, lang, inner)
        boxed = CheckBoxItem(entry.checked, pieces[0], is_rtl(lang))
        items.append([[boxed], *([_indented(piece, inner, is_rtl(lang))] for piece in pieces[1:])])
    return items


def _signature_items(node: SignatureBlock, lang: str, width: float) -> list[Item]:
    from reportlab.platypus import Spacer

    name_word, sign_word, date_word = labels.signature_words(lang)
    items: list[Item] = []
    for signature in node.signatures:
        cell: Cell = [Spacer(1, 6)] if items else []
        cell.extend(inline_pieces(signature.role, lang, width, bold=True))
        if signature.name:
            cell.extend(inline_pieces(signature.name, lang, width))
        else:
            cell.append(SignLine(name_word, is_rtl(lang)))
        cell.extend([SignLine(sign_word, is_rtl(lang)), SignLine(date_word, is_rtl(lang))])
        items.append([cell])
    return items


_ITEMS: dict[type, Callable[[Any, str, float], list[Item]]] = {
    Heading: _heading_items,
    Paragraph: _paragraph_items,
    KeyValueTable: _table_items,
    Checklist: _checklist_items,
    SignatureBlock: _signature_items,
}


def _section_title(section: Section, lang: str, width: float) -> Cell:
    return text_pieces(section.title.get(lang, section.id), lang, width, bold=True, size=SIZE + 2)


def _header_cell(doc: Document, lang: str, width: float) -> Cell:
    """The kingdom (unless the builder put it first already, as the DOCX writer also checks), the
    header lines, then the title, centred."""
    header = doc.headers.get(lang)
    lines = header.lines if header else ()
    kingdom = labels.KINGDOM[lang]
    cell: Cell = []
    if not lines or plain(lines[0]).strip() != kingdom:
        cell.extend(text_pieces(kingdom, lang, width, bold=True, centred=True))
    for index, line in enumerate(lines):
        cell.extend(inline_pieces(line, lang, width, bold=index == 0 or None, centred=True))
    cell.extend(text_pieces(doc.title.get(lang, ""), lang, width, bold=True, size=SIZE + 4, centred=True))
    return cell


def _table(rows: list[list[Cell]], widths: list[float], grid: bool) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), _GAP),
        ("RIGHTPADDING", (0, 0), (-1, -1), _GAP),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if grid:
        commands += [
            ("LINEBEFORE", (1, 0), (-1, -1), 0.4, colors.grey),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
        ]
    # With grid (a section), the title row repeats on the next page and is never left alone at the bottom.
    return Table(
        rows, colWidths=widths, style=TableStyle(commands), spaceBefore=4, spaceAfter=8, repeatRows=int(grid)
    )


# --- sequential and single ---------------------------------------------------------------------


def _part(doc: Document, lang: str, width: float, nested: bool) -> Iterator[Any]:
    """One language's part, from its header to its signatures."""
    from reportlab.platypus import Spacer

    level = 1 if nested else 0
    if nested:
        yield Bookmark(f"p-{lang}", doc.title.get(lang, lang), 0)
    yield from _header_cell(doc, lang, width)
    yield Spacer(1, 8)
    for number, section in enumerate(doc.sections):
        yield Bookmark(f"{lang}-s{number}", section.title.get(lang, section.id), level)
        yield from _section_title(section, lang, width)
        for block in section.blocks:
            yield from _flow(block.nodes[lang], lang, width)
        yield Spacer(1, 10)


def _flow(node: Node, lang: str, width: float) -> Iterator[Any]:
    if isinstance(node, KeyValueTable):
        yield _key_value_table(node, lang, width)
        return
    for item in _items(node, lang, width):
        for cell in item:
            yield from cell


def _key_value_table(node: KeyValueTable, lang: str, width: float) -> Any:
    """Label | value on a full-width page (value | label for Arabic, so the label starts the line)."""
    label_w, value_w = width * 0.34, width * 0.66
    rows: list[list[Cell]] = []
    for row in node.rows:
        label = inline_pieces(row.label, lang, label_w - 2 * _GAP, bold=True)
        pieces = [piece for line in row.value for piece in inline_pieces(line, lang, value_w - 2 * _GAP)]
        for index, piece in enumerate(pieces):
            rows.append([label if index == 0 else [], [piece]])
    if is_rtl(lang):
        return _table([row[::-1] for row in rows], [value_w, label_w], grid=False)
    return _table(rows, [label_w, value_w], grid=False)


def _indented(piece: Any, inner: float, rtl: bool) -> Any:
    """A continuation piece of a checklist item, aligned with the text after the box."""
    from reportlab.platypus import Table

    offset = CheckBoxItem.BOX + CheckBoxItem.GAP
    widths = [inner, offset] if rtl else [offset, inner]
    table = Table([[[piece], []] if rtl else [[], [piece]]], colWidths=widths)
    table.setStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
    return table


# --- footer and page numbers -------------------------------------------------------------------


def _footer_canvas(doc: Document, layout: Layout) -> type:
    """A canvas that keeps every page until the end, then draws each footer with the page count."""
    from reportlab.pdfgen.canvas import Canvas

    from thbdesk.core.docgen import bidi

    default_lang = doc.langs[0]

    class FooterCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.thb_lang = default_lang
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                lang = default_lang if layout == "parallel" else state["thb_lang"]
                self._footer(lang, number, total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _footer(self, lang: str, page: int, pages: int) -> None:
            rtl = is_rtl(lang)
            left_x, right_x = MARGIN, self._pagesize[0] - MARGIN
            text = bidi.visual(labels.footer_text(doc.footer, lang), rtl)
            number = bidi.visual(labels.page_label(lang, page, pages), rtl)
            self.setFont(REGULAR, SIZE - 2)
            self.setLineWidth(0.4)
            self.line(left_x, FOOTER_Y + 11, right_x, FOOTER_Y + 11)
            if rtl:
                self.drawRightString(right_x, FOOTER_Y, text)
                self.drawString(left_x, FOOTER_Y, number)
            else:
                self.drawString(left_x, FOOTER_Y, text)
                self.drawRightString(right_x, FOOTER_Y, number)

    return FooterCanvas
