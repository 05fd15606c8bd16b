"""Publications in the layouts seen in real official texts, written in our own words for the tests
(tests/data/publications/), and builders that lay them out as a printer would."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from .samples import _stored, register_amiri

FOLDER = Path(__file__).parents[2] / "data" / "publications"
BO_FR = FOLDER / "bo-loi-27-14-fr.txt"
BO_AR = FOLDER / "bo-loi-27-14-ar.txt"
PORTAL = FOLDER / "portail-loi-27-14.html"

_LAM_ALEF = {"لا": "ال", "لأ": "أل", "لإ": "إل", "لآ": "آل"}


def fixture_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def swap_lam_alef(text: str) -> str:
    """What a producer mapping the lam-alef ligature the wrong way round gives back."""
    for right, swapped in _LAM_ALEF.items():
        text = text.replace(right, swapped)
    return text


def make_paged_pdf(
    body: list[str],
    *,
    lines_per_page: int,
    header: Callable[[int], list[str]],
    footer: Callable[[int], list[str]],
) -> bytes:
    """A PDF whose pages carry running header lines above and footer lines below the body."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    font = register_amiri()
    chunks = [body[i : i + lines_per_page] for i in range(0, len(body), lines_per_page)]
    for number, chunk in enumerate(chunks, 1):
        page.setFont(font, 10)
        for row, line in enumerate([*header(number), *chunk]):
            page.drawRightString(555, 800 - 16 * row, _stored(line, "visual"))
        for row, line in enumerate(reversed(footer(number))):
            page.drawRightString(555, 40 + 16 * row, _stored(line, "visual"))
        page.showPage()
    page.save()
    return buffer.getvalue()
