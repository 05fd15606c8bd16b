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
import unicodedata
from collections.abc import Iterator

from thbdesk.core.docgen.bidi import direction, fold_mirrors, is_mixed
from thbdesk.core.docgen.model import Document, Inline, KeyValueTable, Run, inlines
from thbdesk.core.errors import DocumentCheckError

_MIN_STRETCH = 12  # a row's part of a long answer is a few lines: far longer than this


def check_pdf(doc: Document, data: bytes, name: str) -> None:
    """Raise ``DocumentCheckError`` naming the row of the first answer not found in ``data``
    (its label or section title, never the answer)."""
    raw = extract_text(data)
    text, symbols = _core(raw), fold_mirrors("".join(raw.split()))
    missing = [where for where, lang, run in _answers(doc) if not _found(run.text, lang, text, symbols)]
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


def _visible(text: str) -> str:
    """Without invisible format characters (soft hyphen, joiners): the writer does not draw them."""
    return "".join(char for char in text if unicodedata.category(char) != "Cf")


def _pieces(text: str) -> list[str]:
    """Runs of characters of one bidi class (Arabic letters, other letters, digits), reduced to
    their letters and digits: the parts of a mixed run whose inner order survives extraction (an
    Arabic part may come back reversed). Other characters stand alone or break runs."""
    pieces, current, kind = [], "", ""
    for char in text:
        if _foreign_mark(char):  # the marked letter stands alone: pypdf cuts the word around it
            pieces.extend([current[:-1], current[-1:] + char])
            current, kind = "", "break"
            continue
        new_kind = _kind(char, kind)
        if new_kind != kind or new_kind == "alone":
            pieces.append(current)
            current = ""
        current, kind = current + char, new_kind
    pieces.append(current)
    return [core for core in map(_core, pieces) if core]


def _foreign_mark(char: str) -> bool:
    """A combining mark from another script on an Arabic letter (a Latin accent): pypdf breaks the
    Arabic word around it, so the letters on either side are compared apart."""
    return unicodedata.category(char) == "Mn" and not unicodedata.name(char, "").startswith("ARABIC")


def _kind(char: str, previous: str) -> str:
    bidi_class = unicodedata.bidirectional(char)
    if bidi_class == "NSM":
        return previous
    if bidi_class in ("EN", "AN"):
        return "digit"
    if bidi_class in ("R", "AL", "L"):
        return bidi_class.replace("AL", "R")
    return "alone" if unicodedata.category(char)[0] in "LN" else "break"


def _found(answer: str, lang: str, text: str, symbols: str) -> bool:
    answer = unicodedata.normalize("NFKC", answer)  # as the extracted text: accents composed
    core = _core(answer)
    if not core:  # only punctuation or symbols: compare them as drawn, brackets either way
        drawn = fold_mirrors("".join(_visible(unicodedata.normalize("NFKC", answer)).split()))
        return not drawn or drawn in symbols or drawn[::-1] in symbols
    # Only a run of the part's own direction keeps its order whole (digits and letters after a
    # neutral character reorder in an Arabic line: "0-A" shows as "A-0").
    numbers_in_arabic = lang == "ar" and any(unicodedata.category(char)[0] == "N" for char in core)
    foreign_marks = any(_foreign_mark(char) for char in answer)
    own_direction = direction(answer) == ("rtl" if lang == "ar" else "ltr")
    if numbers_in_arabic or foreign_marks or is_mixed(answer) or not own_direction:
        return all(_in_order(piece, text) or _in_order(piece[::-1], text) for piece in _pieces(answer))
    # pypdf leaves a short Arabic run drawn in a left-to-right line in visual order
    return _in_order(core, text) or (direction(answer) == "rtl" and _in_order(core[::-1], text))


def _in_order(core: str, text: str) -> bool:
    """``core`` found as one or more stretches of ``text``, in order, each at least ``_MIN_STRETCH``
    long (or the whole rest): in the parallel layout a long answer continues in the next table
    row, after the other columns' part of the row; on a new page, after the footer. Each stretch
    starts at the earliest match, so repeated words cannot make it skip a page."""
    position = 0
    while core:
        start = text.find(core[:_MIN_STRETCH], position)
        if start < 0:
            return False
        length = _common_prefix(core, text, start)
        position, core = start + length, core[length:]
    return True


def _common_prefix(core: str, text: str, start: int) -> int:
    low, high = 0, len(core)
    while low < high:
        middle = (low + high + 1) // 2
        if text.startswith(core[:middle], start):
            low = middle
        else:
            high = middle - 1
    return low


def _answers(doc: Document) -> Iterator[tuple[str, str, Run]]:
    """Each answer run with where it is: its row label, else its section title."""
    for lang in doc.langs:
        for section in doc.sections:
            title = section.title.get(lang, section.id)
            for block in section.blocks:
                node = block.nodes[lang]
                if isinstance(node, KeyValueTable):
                    for row in node.rows:
                        where = _plain(row.label) or title
                        yield from ((where, lang, run) for line in row.value for run in line if run.answer)
                else:
                    for inline in inlines(node):
                        yield from ((title, lang, run) for run in inline if run.answer)


def _plain(inline: Inline) -> str:
    return "".join(run.text for run in inline).strip()
