"""The check after writing: read the PDF back and find every answer in it.

pypdf returns right-to-left text in logical order after NFKC (the joined forms fold back into
letters), but wrapped lines, cut words, mirrored brackets and the visual order of digits inside
Arabic lines make exact comparison fragile. So both sides are reduced to their letters and digits:
a run of one direction must appear as that sequence, in order (in long stretches: a long answer in
the parallel layout is interleaved with the other columns row by row); a run that mixes directions
is compared piece by piece (each same-direction word part, in either order for Arabic pieces).
Harakat are not compared (their order around the letter varies in extraction).

>>> _core("Numéro : AB-12 (x)")
'NuméroAB12x'
>>> _pieces("الفصل 448-1")
['الفصل', '448', '1']
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterator

from thbdesk.core.docgen.bidi import is_mixed
from thbdesk.core.docgen.model import Document, Inline, KeyValueTable, Run, inlines
from thbdesk.core.errors import DocumentCheckError

_MIN_STRETCH = 12  # a row's part of a long answer is a few lines: far longer than this
_PIECE = re.compile(r"[^\W\d_]+|\d+")


def check_pdf(doc: Document, data: bytes, name: str) -> None:
    """Raise ``DocumentCheckError`` naming the row of the first answer not found in ``data``
    (its label or section title, never the answer)."""
    raw = extract_text(data)
    text, symbols = _core(raw), "".join(raw.split())
    missing = [where for where, run in _answers(doc) if not _found(run.text, text, symbols)]
    if missing:
        raise DocumentCheckError(name=name, count=len(missing), where=missing[0])


def extract_text(data: bytes) -> str:
    """All the text of the PDF, NFKC-normalised (Arabic presentation forms back to letters)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return unicodedata.normalize("NFKC", "\n".join(page.extract_text() or "" for page in reader.pages))


def _core(text: str) -> str:
    """Letters and digits only, NFKC: what must survive layout unchanged and in order."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(char for char in text if unicodedata.category(char)[0] in "LN")


def _pieces(text: str) -> list[str]:
    """Runs of letters or of digits: the parts of a mixed run whose inner order is stable."""
    return _PIECE.findall(_core_with_breaks(text))


def _core_with_breaks(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return "".join(char if unicodedata.category(char)[0] in "LN" else " " for char in text)


def _found(answer: str, text: str, symbols: str) -> bool:
    if not is_mixed(answer):
        core = _core(answer)
        if not core:  # only punctuation or symbols: compare them as drawn, in either order
            drawn = "".join(unicodedata.normalize("NFKC", answer).split())
            return not drawn or drawn in symbols or drawn[::-1] in symbols
        return _in_order(core, text)
    return all(piece in text or piece[::-1] in text for piece in _pieces(answer) if piece)


def _in_order(core: str, text: str) -> bool:
    """``core`` found as one or more stretches of ``text``, in order, each at least ``_MIN_STRETCH``
    long: in the parallel layout a long answer continues in the next table row, after the other
    columns' part of the row."""
    position = 0
    while core:
        length = _longest_prefix(core, text, position)
        if length < min(len(core), _MIN_STRETCH):
            return False
        position = text.find(core[:length], position) + length
        core = core[length:]
    return True


def _longest_prefix(core: str, text: str, position: int) -> int:
    low, high = 0, len(core)
    while low < high:
        middle = (low + high + 1) // 2
        if text.find(core[:middle], position) >= 0:
            low = middle
        else:
            high = middle - 1
    return low


def _answers(doc: Document) -> Iterator[tuple[str, Run]]:
    """Each answer run with where it is: its row label, else its section title."""
    for lang in doc.langs:
        for section in doc.sections:
            title = section.title.get(lang, section.id)
            for block in section.blocks:
                node = block.nodes[lang]
                if isinstance(node, KeyValueTable):
                    for row in node.rows:
                        where = _plain(row.label) or title
                        yield from ((where, run) for line in row.value for run in line if run.answer)
                else:
                    for inline in inlines(node):
                        yield from ((title, run) for run in inline if run.answer)


def _plain(inline: Inline) -> str:
    return "".join(run.text for run in inline).strip()
