"""Each node of the document tree as WordprocessingML elements, in the node's own direction.

Shared by the three layouts: a full-width part (single, sequential) and a column of the parallel
table set the same paragraphs; only key–value rows and signatures change shape in a narrow column.
"""

from __future__ import annotations

from collections.abc import Iterator

from thbdesk.core.docgen import _oxml as ox
from thbdesk.core.docgen import labels
from thbdesk.core.docgen.model import (
    CheckItem,
    Checklist,
    Heading,
    Inline,
    KeyValue,
    KeyValueTable,
    Node,
    Paragraph,
    Run,
    Signature,
    SignatureBlock,
    clean_text,
)
from thbdesk.core.i18n import is_rtl

BODY_PT = 10.5
SMALL_PT = 8
HEADING_PT = {1: 14.0, 2: 12.0, 3: 11.0}
LINE = "_" * 24  # where the signer writes
TWIPS_PER_MM = 1440 / 25.4


def inline_paragraph(
    runs: Inline,
    lang: str,
    *,
    bold: bool = False,
    size: float = BODY_PT,
    style: str | None = None,
    align: str | None = None,
) -> ox.Element:
    """One line of the tree; each run keeps its own language and takes its direction from its script."""
    rtl = is_rtl(lang)
    elements = [
        piece
        for run in runs
        for piece in ox.text_runs(
            ox.isolate(run.text, rtl), lang=run.lang, base_rtl=rtl, bold=bold or run.bold, size=size
        )
    ]
    return ox.paragraph(elements, rtl=rtl, style=style, align=align)


def text_paragraph(
    text: str,
    lang: str,
    *,
    bold: bool = False,
    size: float = BODY_PT,
    style: str | None = None,
    align: str | None = None,
) -> ox.Element:
    """A paragraph of fixed words (titles, labels): cleaned like an answer, since a title may hold one."""
    rtl = is_rtl(lang)
    runs = ox.text_runs(clean_text(text), lang=lang, base_rtl=rtl, bold=bold, size=size)
    return ox.paragraph(runs, rtl=rtl, style=style, align=align)


def heading(runs: Inline, lang: str, level: int, *, outline: bool = True) -> ox.Element:
    """A real Heading style, so Word's navigation pane lists it; ``outline=False`` keeps the look
    without the entry (the same title in the other parallel columns)."""
    p = inline_paragraph(runs, lang, bold=True, size=HEADING_PT.get(level, BODY_PT), style=f"Heading{level}")
    if not outline:
        ox.set_outline_level(p, 9)
    return p


def check_item(item: CheckItem, lang: str) -> ox.Element:
    """The box first: at the start edge in either direction (right in Arabic)."""
    p = inline_paragraph(item.runs, lang)
    box = ox.run(
        labels.check_mark(item.checked) + " ", rtl=False, lang="en", size=BODY_PT, font=ox.SYMBOL_FONT
    )
    p.find(ox.qn("w:pPr")).addnext(box)
    return p


def key_value_cells(row: KeyValue, lang: str) -> tuple[list[ox.Element], list[ox.Element]]:
    label = [inline_paragraph(row.label, lang, bold=True)]
    return label, [inline_paragraph(line, lang) for line in row.value]


def key_value_stacked(row: KeyValue, lang: str) -> list[ox.Element]:
    """A narrow parallel column: the value under its label."""
    label, value = key_value_cells(row, lang)
    return label + value


def signature(sign: Signature, lang: str) -> list[ox.Element]:
    """Role, then the name (or a line for it), a line to sign and a line for the date."""
    name_word, sign_word, date_word = labels.signature_words(lang)
    name = sign.name or (Run(LINE, lang),)
    return [
        inline_paragraph(sign.role, lang, bold=True),
        inline_paragraph((Run(f"{name_word}: ", lang), *name), lang),
        text_paragraph(f"{sign_word}: {LINE}", lang),
        text_paragraph(f"{date_word}: {LINE}", lang),
    ]


def node_elements(node: Node, width_twips: int) -> Iterator[ox.Element]:
    """A node at full width (single and sequential layouts)."""
    lang = node.lang
    if isinstance(node, Heading):
        yield heading(node.runs, lang, min(max(node.level, 2), 9))  # level 1 is the section title
    elif isinstance(node, Paragraph):
        yield inline_paragraph(node.runs, lang)
    elif isinstance(node, Checklist):
        yield from (check_item(item, lang) for item in node.items)
    elif isinstance(node, KeyValueTable) and node.rows:
        yield key_value_table(node, width_twips)
        yield ox.paragraph([], rtl=is_rtl(lang))  # Word merges two adjacent tables into one
    elif isinstance(node, SignatureBlock) and node.signatures:
        yield signature_table(node, width_twips)
        yield ox.paragraph([], rtl=is_rtl(lang))


def key_value_table(node: KeyValueTable, width_twips: int) -> ox.Element:
    """Label | value, the label at the start edge (``bidiVisual`` puts it at the right in Arabic)."""
    widths = (width_twips * 35 // 100, width_twips - width_twips * 35 // 100)
    tbl = ox.table(widths, rtl=is_rtl(node.lang), borders="grid")
    for row in node.rows:
        ox.row(tbl, key_value_cells(row, node.lang), widths, cant_split=True)
    return tbl


def signature_table(node: SignatureBlock, width_twips: int, per_row: int = 3) -> ox.Element:
    """Signatures side by side, at most ``per_row`` a row, the first at the start edge."""
    count = min(per_row, max(1, len(node.signatures)))
    widths = [width_twips // count] * count
    tbl = ox.table(widths, rtl=is_rtl(node.lang))
    for start in range(0, len(node.signatures), count):
        chunk = [signature(sign, node.lang) for sign in node.signatures[start : start + count]]
        ox.row(tbl, chunk + [[] for _ in range(count - len(chunk))], widths, cant_split=True)
    return tbl
