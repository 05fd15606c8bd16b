"""Looking at written PDFs in tests: pages as images (pypdfium2), characters and words with their
positions (pdfplumber). pdfplumber gives an Arabic word's characters in visual order; ``logical``
turns such a word back into the letters typed."""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass
from typing import Any

import pdfplumber
import pypdfium2
from PIL import Image


@dataclass(frozen=True)
class Word:
    text: str  # logical order, NFKC
    x0: float
    x1: float
    top: float
    page: int


def logical(visual_word: str) -> str:
    if any(unicodedata.bidirectional(char) in ("AL", "R") for char in visual_word):
        visual_word = visual_word[::-1]
    return unicodedata.normalize("NFKC", visual_word)


def words(data: bytes) -> list[Word]:
    out = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages):
            for word in page.extract_words(keep_blank_chars=False, use_text_flow=True):
                out.append(Word(logical(word["text"]), word["x0"], word["x1"], word["top"], number))
    return out


def chars(data: bytes) -> list[tuple[int, dict[str, Any], float]]:
    """Every drawn character as (page number, pdfplumber's char, page width)."""
    out = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages):
            out.extend((number, char, float(page.width)) for char in page.chars)
    return out


def render(data: bytes, page: int = 0, scale: float = 2.0) -> Image.Image:
    document = pypdfium2.PdfDocument(data)
    try:
        return document[page].render(scale=scale).to_pil().convert("L")
    finally:
        document.close()


def page_count(data: bytes) -> int:
    document = pypdfium2.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()


def ink_columns(image: Image.Image, box: tuple[float, float, float, float], scale: float) -> list[bool]:
    """For each pixel column of ``box`` (PDF points, top-left origin), whether it holds dark ink."""
    x0, top, x1, bottom = (round(value * scale) for value in box)
    crop = image.crop((x0, top, x1, bottom))
    width, height = crop.size
    pixels = crop.load()
    return [any(pixels[x, y] < 128 for y in range(height)) for x in range(width)]


def widest_gap(columns: list[bool]) -> int:
    """The widest run of blank columns between the first and the last inked one."""
    inked = [index for index, ink in enumerate(columns) if ink]
    if not inked:
        return 0
    gap = widest = 0
    for ink in columns[inked[0] : inked[-1] + 1]:
        gap = 0 if ink else gap + 1
        widest = max(widest, gap)
    return widest
