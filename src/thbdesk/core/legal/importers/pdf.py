"""The text layer of a PDF, with Arabic lines put back in logical order.

pypdf assumes glyphs are stored left to right as they appear on the page: it reverses each run of
right-to-left characters and keeps the runs in stored order. Two kinds of producers defeat that.
Those that store glyphs in visual order (the usual case, and our own PDF writer) give pure Arabic
lines right, but lines mixing Arabic with digits or Latin come back with their runs in visual
order (`448-1 الفصل`, a trailing period first). Those that store glyphs in logical order come
back with every Arabic word reversed (`لصفلا`). So each Arabic line is read three ways: as pypdf
gave it, with pypdf's run reversal undone (the stored order, read as logical text), and that
stored order read as visual text through a small inverse bidi pass. The reading that looks most
like logical Arabic wins; ties go to the reading that wins on the page, then in the document.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cache

from pypdf import PasswordType, PdfReader

from thbdesk.core.errors import (
    CorruptDocumentError,
    EmptyFileError,
    EncryptedPdfError,
    NeedsOcrError,
    ThbError,
)
from thbdesk.core.legal.importers.furniture import drop_furniture
from thbdesk.core.legal.importers.lam_alef import bundled_vocabulary, repair_lam_alef
from thbdesk.core.legal.importers.model import ExtractedText

# pypdf's own character classes (pypdf/_utils.py, unchanged from 4.x to 6.x): undoing its run
# reversal needs exactly its notion of neutral and right-to-left, not Unicode's.
_PYPDF_NEUTRAL = (
    ("\x00", "\x2f"),
    ("\x3a", "\x40"),
    ("\u0660", "\u066d"),
    ("\u06f0", "\u06f9"),
    ("\u2000", "\u206f"),
    ("\u20a0", "\u21ff"),
)
_PYPDF_RTL = (("\u0590", "\u08ff"), ("\ufb1d", "\ufdff"), ("\ufe70", "\ufeff"))

_ARABIC_LETTER = "\u0621-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f"
_ARABIC_WORD = re.compile(f"[{_ARABIC_LETTER}]+")
_HAS_ARABIC = re.compile(f"[{_ARABIC_LETTER}\ufb50-\ufdff\ufe70-\ufefc]")
_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")
_MIRRORED = str.maketrans("()[]{}<>«»", ")(][}{><»«")
_NUMBER_ISLAND = re.compile("[EA]+(?:C[EA]+)*")
_LATIN_ISLAND = re.compile("[LE](?:[^R]*[LE])?")
_NO_RTL_STRETCH = re.compile("[^R]+")
_MAX_GAP_OPTIONS = 6
_MAX_GAPS = 12

_KEYWORD = "(?:الفصل|المادة|الفصول|المواد|رقم)"
_DIGIT = "[0-9\u0660-\u0669\u06f0-\u06f9]"
_AR = f"[{_ARABIC_LETTER}]"
# Traits of logical Arabic lines, and of lines whose runs or punctuation sit in visual order.
# "الفصل 1-448. -": a heading's number keeps its period; a line that seems to lose it moved it.
_HEADING_NUMBER = f"(?:الفصل|المادة)\\s*{_DIGIT}+(?:-{_DIGIT}+)*"
_GOOD_LAYOUT = tuple(
    map(re.compile, (r"[.:؛!؟]$", f"{_KEYWORD}\\s*{_DIGIT}", f"{_HEADING_NUMBER}\\.\\s*[-–]\\s"))
)
_BAD_LAYOUT = tuple(
    map(
        re.compile,
        (
            r"^[.:؛،!؟]",
            r"[-(]$",
            f"[)\\]]{_AR}|{_AR}[(\\[]",
            f"{_DIGIT}\\s*(?:الفصل|المادة)",
            f"[0-9A-Za-z]{_AR}|{_AR}[0-9A-Za-z]",
            r" [.:،؛!؟]",
            r"[:;،؛]\S",
            f"[-–]{_AR}|{_AR}[-–]",
            r"[.:؛،!؟]{2}",
            r"\s\s",
            f"{_HEADING_NUMBER}\\s+[-–]\\s.*[.:؛!؟]$",
        ),
    )
)
_PREFERENCE = {"visual": 2, "pypdf": 1, "logical": 0}

Pieces = list[tuple[str, str]]
Readings = dict[str, tuple[int, str]]


def extract_pdf(data: bytes, name: str, on_page: Callable[[int, int], None] | None = None) -> ExtractedText:
    """``on_page(done, total)`` is told after each page; it may raise to stop (a cancelled import)."""
    reader = _open(data, name)
    raw_pages = _page_texts(reader, name, on_page)
    if not raw_pages:
        raise EmptyFileError(details="the PDF has no pages", name=name)
    if not any(page.strip() for page in raw_pages):
        raise NeedsOcrError(name=name)
    pages, repaired = repair_page_lines(raw_pages)
    pages, _dropped = drop_furniture(pages)
    text, _swapped = repair_lam_alef("\n".join(line for page in pages for line in page), bundled_vocabulary)
    return ExtractedText(text=text, format="pdf", pages=len(raw_pages), repaired_lines=repaired)


def repair_pages(raw_pages: Iterable[str]) -> tuple[list[str], int]:
    """NFKC lines in logical order, and how many differ from what pypdf returned."""
    pages, repaired = repair_page_lines(raw_pages)
    return [line for page in pages for line in page], repaired


def repair_page_lines(raw_pages: Iterable[str]) -> tuple[list[list[str]], int]:
    """``repair_pages``, page by page (page furniture is found by comparing pages)."""
    pages = [_page_readings(raw) for raw in raw_pages]
    document_totals = sum((_totals(page) for page in pages), Counter[str]())
    result: list[list[str]] = []
    repaired = 0
    for page in pages:
        page_totals = _totals(page)
        lines = [
            _choose(readings, page_totals, document_totals) if readings else raw for raw, readings in page
        ]
        repaired += sum(line != raw for line, (raw, _) in zip(lines, page, strict=True))
        result.append(lines)
    return result, repaired


def _open(data: bytes, name: str) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data))
        encrypted = reader.is_encrypted
    # pypdf reports malformed files with many unrelated exception types.
    except Exception as exc:
        raise CorruptDocumentError(details=repr(exc), name=name, kind="PDF") from exc
    if encrypted:
        _decrypt_with_empty_password(reader, name)
    return reader


def _decrypt_with_empty_password(reader: PdfReader, name: str) -> None:
    """Protected PDFs that open without a password are read; others are refused."""
    try:
        result = reader.decrypt("")
    except Exception as exc:  # e.g. AES without the optional cryptography package
        raise EncryptedPdfError(details=repr(exc), name=name) from exc
    if result == PasswordType.NOT_DECRYPTED:
        raise EncryptedPdfError(name=name)


def _page_texts(reader: PdfReader, name: str, on_page: Callable[[int, int], None] | None) -> list[str]:
    texts: list[str] = []
    try:
        pages = reader.pages
        for page in pages:
            texts.append(page.extract_text())
            if on_page is not None:
                on_page(len(texts), len(pages))
    except ThbError:
        raise
    except Exception as exc:
        raise CorruptDocumentError(details=repr(exc), name=name, kind="PDF") from exc
    return texts


def _page_readings(raw_page: str) -> list[tuple[str, Readings | None]]:
    """Each line as pypdf gave it (NFKC, stripped), with its candidate readings if Arabic."""
    rtl = False  # pypdf's direction state runs on from line to line and restarts on each page
    result: list[tuple[str, Readings | None]] = []
    for line in raw_page.rstrip("\n").split("\n"):
        plain = _nfkc(line).strip()
        result.append((plain, _readings(line, rtl) if _HAS_ARABIC.search(line) else None))
        rtl = _direction_after(line, rtl)
    return result


def _readings(line: str, rtl: bool) -> Readings:
    """pypdf adds spaces of its own at line edges: each reading is tried with and without."""
    edges = (line, line.strip(), f" {line.lstrip()}")
    variants = [_runs(text, rtl) for text in dict.fromkeys(edges)]
    pypdf = _nfkc(line).strip()
    return {
        "pypdf": (arabic_score(pypdf), pypdf),
        "logical": _best_of(variants, _identity),
        "visual": _best_of(variants, visual_to_logical),
    }


def _best_of(variants: list[Pieces], read: Callable[[str], str]) -> tuple[int, str]:
    return max((_best_reading(pieces, read) for pieces in variants), key=lambda scored: scored[0])


def _totals(page: list[tuple[str, Readings | None]]) -> Counter[str]:
    totals = Counter[str]()
    for _, readings in page:
        for kind, (score, _) in (readings or {}).items():
            totals[kind] += score
    return totals


def _choose(readings: Readings, page: Counter[str], document: Counter[str]) -> str:
    def rank(kind: str) -> tuple[int, int, int, int]:
        return readings[kind][0], page[kind], document[kind], _PREFERENCE[kind]

    return readings[max(readings, key=rank)][1]


@cache
def _pypdf_direction(char: str) -> str:
    if any(low <= char <= high for low, high in _PYPDF_NEUTRAL):
        return "N"
    return "R" if any(low <= char <= high for low, high in _PYPDF_RTL) else "L"


def _direction_after(line: str, rtl: bool) -> bool:
    strong = [kind for kind in map(_pypdf_direction, line) if kind != "N"]
    return strong[-1] == "R" if strong else rtl


def _runs(line: str, rtl: bool) -> Pieces:
    """pypdf's direction runs of one output line, in stored order.

    A right-to-left run ends where the next left-to-right character starts. Before a
    right-to-left run, the neutrals after the last left-to-right character are a gap ("G"):
    pypdf appended some of them to the left-to-right run and reversed the rest into the
    right-to-left run, and the output no longer says where the cut was.
    """
    kinds = [_pypdf_direction(char) for char in line]
    pieces: Pieces = []
    start = 0
    while start < len(line):
        stop = _next_kind(kinds, start, "L" if rtl else "R")
        if rtl:
            pieces.append(("R", line[start:stop]))
        else:
            gap = _gap_start(kinds, start, stop)
            pieces += [("L", line[start:gap]), ("G", line[gap:stop])]
        start, rtl = stop, not rtl
    return pieces


def _next_kind(kinds: list[str], start: int, wanted: str) -> int:
    return next((i for i in range(start, len(kinds)) if kinds[i] == wanted), len(kinds))


def _gap_start(kinds: list[str], start: int, stop: int) -> int:
    if stop == len(kinds):
        return stop
    gap = stop
    while gap > start and kinds[gap - 1] == "N":
        gap -= 1
    return gap


def _stored_order(pieces: Pieces, cuts: list[int]) -> str:
    """The glyphs in stored order, given where each gap was cut."""
    out: list[str] = []
    carry = ""
    next_cut = iter(cuts)
    for kind, text in pieces:
        if kind == "G":
            cut = next(next_cut)
            out.append(text[:cut])
            carry = text[cut:]
        elif kind == "R":
            out.append((carry + text)[::-1])
            carry = ""
        else:
            out.append(text)
    return "".join(out)


def _best_reading(pieces: Pieces, read: Callable[[str], str]) -> tuple[int, str]:
    """The best-scoring reading over the gap cuts, improving one gap at a time."""
    gaps = [text for kind, text in pieces if kind == "G"]
    cuts = [_default_cut(gap) for gap in gaps]
    best = _scored(read(_stored_order(pieces, cuts)))
    if len(gaps) > _MAX_GAPS:
        return best
    for index, gap in enumerate(gaps):
        for cut in _cut_options(gap):
            if cut == cuts[index]:
                continue
            trial = [*cuts[:index], cut, *cuts[index + 1 :]]
            scored = _scored(read(_stored_order(pieces, trial)))
            if scored[0] > best[0]:
                best, cuts = scored, trial
    return best


def _default_cut(gap: str) -> int:
    """Usually one space ended the left-to-right run; the rest trailed the Arabic run."""
    return next((i + 1 for i, char in enumerate(gap) if char.isspace()), len(gap))


def _cut_options(gap: str) -> list[int]:
    if len(gap) <= _MAX_GAP_OPTIONS:
        return list(range(len(gap) + 1))
    spaces = [i for i, char in enumerate(gap) if char.isspace()]
    return sorted({0, len(gap), *spaces, *(i + 1 for i in spaces)})


def _scored(text: str) -> tuple[int, str]:
    line = _nfkc(text).strip()
    return arabic_score(line), line


def _identity(text: str) -> str:
    return text


def visual_to_logical(visual: str) -> str:
    """Read a right-to-left line stored in visual order (an inverse of the bidi algorithm).

    The line is reversed and brackets mirrored; runs that bidi lays out left to right inside
    Arabic (Latin words with their digits, numbers split at "-" as bidi splits them) are put
    back in their own order.

    >>> visual_to_logical("448-1 لصفلا")
    'الفصل 1-448'
    >>> visual_to_logical(".(Article 5 ىلإ رظنا)")
    '(انظر إلى Article 5).'
    """
    backwards = visual[::-1]
    chars = list(backwards.translate(_MIRRORED))
    for start, stop in _ltr_islands(backwards):
        chars[start:stop] = backwards[start:stop][::-1]
    return "".join(chars)


def _ltr_islands(text: str) -> list[tuple[int, int]]:
    classes = "".join(map(_bidi_class, text))
    islands: list[tuple[int, int]] = []
    for stretch in _NO_RTL_STRETCH.finditer(classes):
        pattern = _LATIN_ISLAND if "L" in stretch.group() else _NUMBER_ISLAND
        islands += [match.span() for match in pattern.finditer(classes, *stretch.span())]
    return islands


@cache
def _bidi_class(char: str) -> str:
    """R (Arabic), L (other letters), E (digits), A (Arabic digits), C (separators), N."""
    if "\u0660" <= char <= "\u0669" or "\u06f0" <= char <= "\u06f9":
        return "A"
    if char.isdecimal():
        return "E"
    if char in ".,:/\u060c":
        return "C"
    if char.isalpha() or unicodedata.category(char) == "Mn":
        return "R" if _pypdf_direction(char) == "R" else "L"
    return "N"


def arabic_score(line: str) -> int:
    """How much a line looks like logical Arabic: positive for logical, negative for reversed.

    >>> arabic_score("تضاعف العقوبة إذا كانت الضحية قاصرا.") > 0
    True
    >>> arabic_score(".ارصاق ةيحضلا تناك اذإ ةبوقعلا فعاضت") < 0
    True
    """
    text = _MARKS.sub("", line).strip()
    words = sum(map(_word_score, _ARABIC_WORD.findall(text)))
    good = sum(len(pattern.findall(text)) for pattern in _GOOD_LAYOUT)
    bad = sum(len(pattern.findall(text)) for pattern in _BAD_LAYOUT)
    return words + good - bad - _unbalanced_brackets(text)


def _word_score(word: str) -> int:
    """Letters with a fixed place in the word: ال opens, ة/ى/ها close, إ/آ/أ open."""
    score = 0
    if len(word) >= 4:
        score += word.startswith("ال") - word.endswith("لا")
        score += word.endswith("ها") - word.startswith("اه")
    if len(word) >= 2:
        score += (word[-1] in "ةى") - any(char in "ةى" for char in word[:-1])
        score += (word[0] in "أإآ") - (word[-1] in "إآ")
    return score


def _unbalanced_brackets(text: str) -> int:
    depth = unmatched = 0
    for char in text:
        if char in "([":
            depth += 1
        elif char in ")]":
            unmatched += depth == 0
            depth = max(0, depth - 1)
    return unmatched + depth


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)
