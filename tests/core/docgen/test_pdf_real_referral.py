"""The bundled referral, built from its example answers and laid out in parallel: what the officer
prints. Arabic joined and read right to left, the Moroccan date in order, the French account intact,
nothing off the page."""

from __future__ import annotations

import pytest
from reportlab.lib.pagesizes import A4

from thbdesk.core.docgen.build import build_document
from thbdesk.core.docgen.model import visual_columns
from thbdesk.core.docgen.pdf_writer import MARGIN, render_pdf
from thbdesk.core.forms.answers import read_answers
from thbdesk.core.forms.loader import get_form
from thbdesk.core.paths import bundled_dir

from .pdfpages import Word, chars, ink_columns, render, widest_gap, words

LANGS = ("ar", "fr", "en")
COLUMN = (A4[0] - 2 * MARGIN) / 3
SCALE = 3.0


@pytest.fixture(scope="module")
def pdf() -> bytes:
    answers = read_answers(bundled_dir("forms") / "examples" / "referral.json")
    return render_pdf(build_document(get_form("referral"), answers, LANGS), "parallel")


@pytest.fixture(scope="module")
def column_words(pdf: bytes) -> dict[str, list[Word]]:
    found: dict[str, list[Word]] = {lang: [] for lang in LANGS}
    for word in words(pdf):
        index = int((word.x0 - MARGIN) // COLUMN)
        if 0 <= index < 3:
            found[visual_columns(LANGS)[index]].append(word)
    return found


def _line(found: list[Word], texts: list[str]) -> list[Word]:
    """The words ``texts`` on one printed line (the first line holding the first of them)."""
    for start in (word for word in found if word.text == texts[0]):
        same = [w for w in found if w.page == start.page and abs(w.top - start.top) < 1]
        line = [next((w for w in same if w.text == text), None) for text in texts]
        if all(line):
            return line  # type: ignore[return-value]
    raise AssertionError(f"no line holds {texts}")


def test_an_arabic_answer_reads_right_to_left_with_joined_letters(
    pdf: bytes, column_words: dict[str, list[Word]]
) -> None:
    line = _line(column_words["ar"], ["وكيل", "الملك", "لدى", "المحكمة"])
    assert [w.x0 for w in line] == sorted((w.x0 for w in line), reverse=True)
    word = next(w for w in column_words["ar"] if w.text == "بطنجة")  # ب ط ن ج ة: every letter joins
    image = render(pdf, word.page, SCALE)
    assert widest_gap(ink_columns(image, (word.x0, word.top, word.x1, word.top + 12), SCALE)) <= 1


def test_the_moroccan_date_reads_day_month_year_from_the_right(column_words: dict[str, list[Word]]) -> None:
    day, month, year = _line(column_words["ar"], ["28", "نونبر", "2026"])
    assert year.x1 < month.x0 and month.x1 < day.x0


def test_the_french_account_reads_in_order_in_its_column(column_words: dict[str, list[Word]]) -> None:
    column = sorted(column_words["fr"], key=lambda w: (w.page, w.top, w.x0))
    text = " ".join(w.text for w in column)
    assert "L'enfant a été repérée le 28 novembre 2026 vers 14 h à la gare maritime de Tanger Med" in text
    assert "Referral of a presumed trafficking victim" in " ".join(
        w.text for w in sorted(column_words["en"], key=lambda w: (w.page, w.top, w.x0))
    )


def test_no_character_leaves_its_column_or_the_page(pdf: bytes) -> None:
    for _, char, width in chars(pdf):
        assert char["x0"] >= MARGIN - 1 and char["x1"] <= width - MARGIN + 1, char["text"]
        index = int((char["x0"] - MARGIN) // COLUMN)
        start = MARGIN + index * COLUMN
        assert char["x1"] <= start + COLUMN + 1, char["text"]
