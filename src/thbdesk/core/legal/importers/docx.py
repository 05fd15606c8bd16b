"""Word publications: body paragraphs and table cells, in document order.

Headers and footers are left out: they repeat on every page and carry no article text.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator

from docx import Document
from docx.document import Document as DocumentObject
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from thbdesk.core.errors import CorruptDocumentError
from thbdesk.core.legal.importers.model import ExtractedText

_REPORT_EVERY = 200  # blocks between two progress reports (each may cancel the import)


def extract_docx(
    data: bytes, name: str, on_progress: Callable[[int, int], None] | None = None
) -> ExtractedText:
    """``on_progress(done, total)`` counts body blocks; it may raise to cancel."""
    report = on_progress or (lambda done, total: None)
    document = _open(data, name)
    blocks = list(document.iter_inner_content())
    report(0, len(blocks))
    lines: list[str] = []
    for index, block in enumerate(blocks, 1):
        lines += _block_lines(block)
        if index % _REPORT_EVERY == 0 or index == len(blocks):
            report(index, len(blocks))
    return ExtractedText(text="\n".join(lines), format="docx")


def _open(data: bytes, name: str) -> DocumentObject:
    try:
        return Document(io.BytesIO(data))
    # A damaged package fails deep inside zipfile, lxml or python-docx with many exception types.
    except Exception as exc:
        raise CorruptDocumentError(details=repr(exc), name=name, kind="DOCX") from exc


def _block_lines(block: Paragraph | Table) -> Iterator[str]:
    if isinstance(block, Paragraph):
        yield block.text
    else:
        for cell in _cells(block):
            for inner in cell.iter_inner_content():
                yield from _block_lines(inner)


def _cells(table: Table) -> Iterator[_Cell]:
    """Each cell once, row by row: a merged cell is reported once per row it spans."""
    seen: set[object] = set()  # the XML elements themselves: keeping them alive keeps them unique
    for row in table.rows:
        for cell in row.cells:
            if cell._tc not in seen:
                seen.add(cell._tc)
                yield cell
