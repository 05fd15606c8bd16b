"""Read a written DOCX back with python-docx and make sure every answer is in it.

Word stores text in logical order, so each answer must appear as it is in the tree, inside one
paragraph of its own language's part (tables included), and the answers of one language in the
order of the tree. A miss names the row label where the answer belongs, never the answer (it may be a name).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

import docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

from thbdesk.core.docgen import _oxml as ox
from thbdesk.core.docgen.model import (
    Checklist,
    Document,
    Heading,
    Inline,
    KeyValueTable,
    Node,
    Paragraph,
    Run,
    SignatureBlock,
    plain,
    visual_columns,
)
from thbdesk.core.errors import DocumentCheckError


def check_docx(doc: Document, data: bytes, name: str) -> None:
    """Raise ``DocumentCheckError`` unless every answer of every language is found in its own part
    of ``data`` (its column of the parallel table, its section in the sequential layout)."""
    body = _open(data, name, doc).element.body
    parts = _parts(body, doc.langs)
    missing: list[str] = []
    for lang in doc.langs:
        missing += _missing(parts.get(lang, []), _answers(doc, lang))
    if missing:
        raise DocumentCheckError(name=name, count=len(missing), where=missing[0])


def paragraph_texts(data: bytes, name: str) -> list[str]:
    """The text of every paragraph of the body, in document order (table cells included)."""
    return _texts(_open(data, name, None).element.body)


def _open(data: bytes, name: str, doc: Document | None) -> DocxDocument:
    """The DOCX, or a check error counting every answer as missing (python-docx cannot read it)."""
    try:
        return docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        count = sum(1 for lang in doc.langs for _ in doc.answer_runs(lang)) if doc else 1
        raise DocumentCheckError(
            f"{type(error).__name__}: {error}", name=name, count=count, where=name
        ) from error


def _texts(element: Any) -> list[str]:
    return [_logical(p.text) for p in element.iter(qn("w:p"))]


def _logical(text: str) -> str:
    """The paragraph as the tree had it: without the direction marks the writer adds (``isolate``)."""
    return text.replace(ox.LRM, "").replace(ox.RLM, "")


def _parts(body: Any, langs: tuple[str, ...]) -> dict[str, list[str]]:
    """The paragraph texts of each language: one section each (sequential, single), or one column
    of the parallel table, whose cells run left to right in ``visual_columns`` order."""
    breaks = [p for p in body.iter(qn("w:p")) if p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None]
    if len(breaks) + 1 == len(langs):
        parts: dict[str, list[str]] = {lang: [] for lang in langs}
        index = 0
        for p in body.iter(qn("w:p")):
            parts[langs[index]].append(_logical(p.text))
            index += p in breaks
        return parts
    columns = visual_columns(langs)
    parts = {lang: [] for lang in langs}
    for table in body.findall(qn("w:tbl")):
        for row in table.findall(qn("w:tr")):
            cells = row.findall(qn("w:tc"))
            if len(cells) == len(columns):
                for lang, cell in zip(columns, cells, strict=True):
                    parts[lang] += _texts(cell)
    return parts


def _missing(texts: list[str], answers: Iterator[tuple[str, Run]]) -> list[str]:
    """Where each answer not found lies; the search moves forward only, so order counts too."""
    missing = []
    index, offset = 0, 0
    for where, run in answers:
        found = _find(texts, run.text, index, offset)
        if found is None:
            missing.append(where)
        else:
            index, offset = found
    return missing


def _find(texts: list[str], needle: str, index: int, offset: int) -> tuple[int, int] | None:
    for position in range(index, len(texts)):
        start = texts[position].find(needle, offset if position == index else 0)
        if start >= 0:
            return position, start + len(needle)
    return None


def _answers(doc: Document, lang: str) -> Iterator[tuple[str, Run]]:
    """Each answer run of ``lang`` with the label of its place: the row label, or the section title."""
    for section in doc.sections:
        title = section.title.get(lang, section.id)
        for block in section.blocks:
            for where, inline in _places(block.nodes[lang], title):
                yield from ((where, run) for run in inline if run.answer)


def _places(node: Node, title: str) -> Iterator[tuple[str, Inline]]:
    if isinstance(node, KeyValueTable):
        for row in node.rows:
            label = plain(row.label) or title
            yield label, row.label
            yield from ((label, line) for line in row.value)
    elif isinstance(node, Checklist):
        yield from ((title, item.runs) for item in node.items)
    elif isinstance(node, SignatureBlock):
        for sign in node.signatures:
            yield plain(sign.role) or title, sign.role
            yield plain(sign.role) or title, sign.name
    elif isinstance(node, Heading | Paragraph):
        yield title, node.runs
