"""The document tree as a DOCX (python-docx plus ``_oxml`` for right to left).

Layouts: ``parallel`` is one table with a column per language (``visual_columns``: Arabic at the
right) and one row per block, or per row of a block, so a field stays level across languages;
``sequential`` gives each language its own Word section from a new page, with its footer in that
language; ``single`` is one such section. Word lays out and numbers the pages: the footer holds
``PAGE`` and ``NUMPAGES`` fields inside the localised "page X of Y".
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime

import docx
from docx.enum.section import WD_SECTION
from docx.shared import Mm

from thbdesk.core.docgen import _docx_nodes as nodes
from thbdesk.core.docgen import _oxml as ox
from thbdesk.core.docgen import labels
from thbdesk.core.docgen.model import (
    Block,
    Checklist,
    Document,
    KeyValueTable,
    Layout,
    Node,
    Paragraph,
    SignatureBlock,
    check_layout,
    clean_text,
    plain,
    visual_columns,
)
from thbdesk.core.i18n import is_rtl

MARGIN_MM = {"parallel": 15, "sequential": 20, "single": 20}
A4_MM = (210, 297)
_CORE_LIMIT = 255  # python-docx refuses longer core properties
_PAGE_FIELDS = {"{page}": "PAGE", "{pages}": "NUMPAGES"}


def render_docx(doc: Document, layout: Layout) -> bytes:
    """The DOCX bytes of ``doc`` in ``layout``; every word comes from the tree or ``labels``."""
    check_layout(layout, doc.langs)
    word = docx.Document()
    _set_styles(word, doc.langs)
    _set_properties(word, doc)
    if layout == "parallel":
        _setup_section(word.sections[0], doc, doc.langs[0], MARGIN_MM[layout])
        table = _parallel_table(doc, _text_width(MARGIN_MM[layout]))
        end = ox.paragraph([], rtl=is_rtl(doc.langs[0]))  # Word expects a body to end on a paragraph
        _body_append(word, [table, end])
    else:
        for index, lang in enumerate(doc.langs):
            section = word.sections[0] if index == 0 else word.add_section(WD_SECTION.NEW_PAGE)
            _setup_section(section, doc, lang, MARGIN_MM[layout])
            _body_append(word, list(_language_part(doc, lang, _text_width(MARGIN_MM[layout]))))
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


# --- document-wide settings ------------------------------------------------------------------


def _set_properties(word: docx.document.Document, doc: Document) -> None:
    props = word.core_properties
    meta = doc.metadata
    props.title = clean_text(meta.title)[:_CORE_LIMIT]
    props.author = clean_text(meta.author)[:_CORE_LIMIT]
    props.subject = clean_text(meta.subject)[:_CORE_LIMIT]
    props.language = clean_text(meta.language)[:_CORE_LIMIT]
    props.comments = ""
    props.last_modified_by = props.author
    props.revision = 1
    props.created = props.modified = datetime.now(UTC).replace(microsecond=0)  # the template says 2013


def _set_styles(word: docx.document.Document, langs: Sequence[str]) -> None:
    """Explicit fonts in every style (theme fonts would win over a run's ``w:ascii``), Arabic as
    the complex-script language, and tighter spacing than the template's."""
    root = word.styles.element
    for fonts in root.iter(ox.qn("w:rFonts")):
        fonts.attrib.clear()
        for slot in ("ascii", "hAnsi", "eastAsia"):
            fonts.set(ox.qn(f"w:{slot}"), ox.LATIN_FONT)
        fonts.set(ox.qn("w:cs"), ox.ARABIC_FONT)
    latin = next((lang for lang in langs if lang != "ar"), "fr")
    for lang_el in root.iter(ox.qn("w:lang")):
        lang_el.attrib.clear()
        lang_el.set(ox.qn("w:val"), ox.LANG_TAGS[latin])
        lang_el.set(ox.qn("w:bidi"), ox.LANG_TAGS["ar"])
    for spacing in root.find(ox.qn("w:docDefaults")).iter(ox.qn("w:spacing")):
        spacing.set(ox.qn("w:after"), "60")
        spacing.set(ox.qn("w:line"), "252")
    for spacing in root.xpath('w:style[starts-with(@w:styleId, "Heading")]/w:pPr/w:spacing'):
        spacing.set(ox.qn("w:before"), "200")  # the template's 24 pt before a title wastes the narrow columns
        spacing.set(ox.qn("w:after"), "80")


def _text_width(margin_mm: int) -> int:
    return round((A4_MM[0] - 2 * margin_mm) * nodes.TWIPS_PER_MM)


def _setup_section(section: docx.section.Section, doc: Document, lang: str, margin_mm: int) -> None:
    """A4, the margins, the direction of the section, and its own footer in ``lang``."""
    section.page_width, section.page_height = Mm(A4_MM[0]), Mm(A4_MM[1])
    section.left_margin = section.right_margin = Mm(margin_mm)
    section.top_margin = section.bottom_margin = Mm(margin_mm)
    section.header_distance = section.footer_distance = Mm(8)
    sectpr = section._sectPr
    bidi = sectpr.find(ox.qn("w:bidi"))
    if is_rtl(lang):
        ox.set_section_bidi(sectpr)
    elif bidi is not None:
        sectpr.remove(bidi)  # cloned from an Arabic section before it
    footer = section.footer
    footer.is_linked_to_previous = False
    holder = footer._element
    for child in list(holder):
        holder.remove(child)
    holder.extend(_footer_paragraphs(doc, lang))


def _footer_paragraphs(doc: Document, lang: str) -> list[ox.Element]:
    text = nodes.text_paragraph(
        labels.footer_text(doc.footer, lang), lang, size=nodes.SMALL_PT, align="center"
    )
    return [text, page_paragraph(lang)]


def page_paragraph(lang: str) -> ox.Element:
    """``labels.page_label``'s template in ``lang`` with Word fields where the numbers go."""
    rtl = is_rtl(lang)
    runs: list[ox.Element] = []
    for piece in re.split(r"(\{page\}|\{pages\})", labels.page_template(lang)):
        if piece in _PAGE_FIELDS:
            runs += ox.field(_PAGE_FIELDS[piece], size=nodes.SMALL_PT)
        elif piece:
            runs += ox.text_runs(piece, lang=lang, base_rtl=rtl, size=nodes.SMALL_PT)
    return ox.paragraph(runs, rtl=rtl, align="center")


def _body_append(word: docx.document.Document, elements: Sequence[ox.Element]) -> None:
    """Before the body's last ``w:sectPr`` (the current section's properties)."""
    anchor = word.element.body.sectPr
    for element in elements:
        anchor.addprevious(element)


# --- the first-page header -------------------------------------------------------------------


def header_elements(doc: Document, lang: str) -> list[ox.Element]:
    """The kingdom, the authority, unit and reference lines, then the title, centred."""
    lines = doc.headers[lang].lines if lang in doc.headers else ()
    kingdom = labels.KINGDOM[lang]
    elements = []
    if not lines or plain(lines[0]).strip() != kingdom:
        elements.append(nodes.text_paragraph(kingdom, lang, bold=True, size=12, align="center"))
    for index, line in enumerate(lines):
        elements.append(nodes.inline_paragraph(line, lang, bold=index == 0, align="center"))
    title = nodes.text_paragraph(
        doc.title.get(lang, ""), lang, bold=True, size=16, style="Title", align="center"
    )
    return [*elements, title]


# --- single and sequential -------------------------------------------------------------------


def _language_part(doc: Document, lang: str, width: int) -> Iterator[ox.Element]:
    yield from header_elements(doc, lang)
    for section in doc.sections:
        yield nodes.text_paragraph(
            section.title.get(lang, ""), lang, bold=True, size=nodes.HEADING_PT[1], style="Heading1"
        )
        for block in section.blocks:
            yield from nodes.node_elements(block.nodes[lang], width)


# --- parallel --------------------------------------------------------------------------------


def _parallel_table(doc: Document, width: int) -> ox.Element:
    """Columns left to right in ``visual_columns`` order. The table itself is left to right (no
    ``bidiVisual``, which would draw the first cell at the right and so reverse the columns); each
    Arabic cell's paragraphs are right to left."""
    doc.check_aligned()  # a builder bug, not the user's: better a plain error than a shifted row
    columns = visual_columns(doc.langs)
    widths = [width // len(columns)] * len(columns)
    tbl = ox.table(widths, rtl=False, borders="columns")
    ox.row(tbl, [header_elements(doc, lang) for lang in columns], widths, cant_split=True)
    for section in doc.sections:
        titles = [
            [_section_heading(section.title.get(lang, ""), lang, lang == doc.langs[0])] for lang in columns
        ]
        ox.row(tbl, titles, widths, cant_split=True)
        for block in section.blocks:
            for cells in _block_rows(block, columns):
                ox.row(tbl, cells, widths, cant_split=_short(block.nodes[columns[0]]))
    return tbl


def _section_heading(title: str, lang: str, outline: bool) -> ox.Element:
    """One navigation-pane entry per section: the first language's title; the others look alike."""
    p = nodes.text_paragraph(title, lang, bold=True, size=nodes.HEADING_PT[1], style="Heading1")
    if not outline:
        ox.set_outline_level(p, 9)
    return p


def _block_rows(block: Block, columns: Sequence[str]) -> Iterator[list[list[ox.Element]]]:
    """A table, checklist or signature block gives one row per entry, so each entry stays level
    with its translations; anything else is one row."""
    first = block.nodes[columns[0]]
    for index in range(_entries(first)):
        yield [_entry(block.nodes[lang], index) for lang in columns]


def _entries(node: Node) -> int:
    if isinstance(node, KeyValueTable):
        return len(node.rows)
    if isinstance(node, Checklist):
        return len(node.items)
    if isinstance(node, SignatureBlock):
        return len(node.signatures)
    return 1


def _entry(node: Node, index: int) -> list[ox.Element]:
    if isinstance(node, KeyValueTable):
        return nodes.key_value_stacked(node.rows[index], node.lang)
    if isinstance(node, Checklist):
        return [nodes.check_item(node.items[index], node.lang)]
    if isinstance(node, SignatureBlock):
        return nodes.signature(node.signatures[index], node.lang)
    return list(nodes.node_elements(node, 0))


def _short(node: Node) -> bool:
    """Rows that must not break across pages: everything but free paragraphs, which may be long."""
    return not isinstance(node, Paragraph)
