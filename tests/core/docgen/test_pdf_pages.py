"""Looking at the parallel referral: joined Arabic read right to left, mirrored brackets, correct
digits, intact French and English columns, and no character outside its column or the page."""

from __future__ import annotations

import io
import unicodedata

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from thbdesk.core.docgen.fonts import register
from thbdesk.core.docgen.model import visual_columns
from thbdesk.core.docgen.pdf_writer import MARGIN, render_pdf

from .pdfpages import Word, chars, ink_columns, render, widest_gap, words
from .trees import LANGS, NARRATIVE_AR, NARRATIVE_EN, NARRATIVE_FR, PHONE, referral

SCALE = 3.0
COLUMN = (A4[0] - 2 * MARGIN) / 3


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return render_pdf(referral(), "parallel")


@pytest.fixture(scope="module")
def all_words(pdf: bytes) -> list[Word]:
    return words(pdf)


def column_of(word: Word) -> str:
    return visual_columns(LANGS)[int((word.x0 - MARGIN) // COLUMN)]


def in_column(found: list[Word], lang: str) -> list[Word]:
    return [word for word in found if column_of(word) == lang]


def gap_inside(data: bytes, word: Word) -> int:
    image = render(data, word.page, SCALE)
    return widest_gap(ink_columns(image, (word.x0, word.top, word.x1, word.top + 14), SCALE))


def test_arabic_letters_are_joined(pdf: bytes, all_words: list[Word]) -> None:
    (name,) = in_column([word for word in all_words if word.text == "بنعلي"], "ar")
    assert gap_inside(pdf, name) <= 1  # one connected stroke: ب ن ع ل ي all join


def test_the_joining_test_sees_unjoined_letters() -> None:
    """The same word drawn from isolated forms leaves blank columns between its letters."""
    names = ("BEH", "NOON", "AIN", "LAM", "YEH")
    isolated = "".join(unicodedata.lookup(f"ARABIC LETTER {name} ISOLATED FORM") for name in names)
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.setFont(register()[0], 10)
    canvas.drawString(100, 700, isolated[::-1])
    canvas.save()
    data = buffer.getvalue()
    assert gap_inside(data, words(data)[0]) >= 3


def test_arabic_words_run_right_to_left(all_words: list[Word]) -> None:
    arabic = in_column([word for word in all_words if word.page == 0], "ar")
    first = NARRATIVE_AR.split()[:6]  # the narrative's first line
    line = [next(word for word in arabic if word.text == text) for text in first]
    assert len({word.top for word in line}) == 1
    assert [word.x0 for word in line] == sorted((word.x0 for word in line), reverse=True)


def test_brackets_are_mirrored_around_the_arabic_words(all_words: list[Word]) -> None:
    arabic = in_column(all_words, "ar")
    opening = next(word for word in arabic if "براتب" in word.text)
    closing = next(word for word in arabic if "شهري" in word.text)
    # logical "(براتب شهري)": the opening bracket drawn at the right end, facing the text: ")"
    assert opening.text == ")براتب" and closing.text == "شهري("
    assert closing.x1 < opening.x0


def test_digits_of_an_arabic_date_are_in_order(pdf: bytes, all_words: list[Word]) -> None:
    arabic = in_column(all_words, "ar")
    day, month, year = (next(word for word in arabic if word.text == text) for text in ("3", "غشت", "2026"))
    assert year.x1 < month.x0 < month.x1 < day.x0  # read from the right: 3 غشت 2026
    digits = [
        char
        for _, char, _ in chars(pdf)
        if year.x0 - 0.1 <= char["x0"] and char["x1"] <= year.x1 + 0.1 and char["top"] == year.top
    ]
    assert "".join(char["text"] for char in sorted(digits, key=lambda c: c["x0"])) == "2026"


def test_a_french_phone_number_keeps_its_order_in_the_arabic_column(all_words: list[Word]) -> None:
    """Without an embedding, the bidi algorithm reverses its groups: "(poste 214) 00 00 00 539 212+"."""
    arabic = in_column(all_words, "ar")
    plus = next(word for word in arabic if word.text == "+212")
    line = sorted(
        (word for word in arabic if word.top == plus.top and word.x0 >= plus.x0), key=lambda w: w.x0
    )
    assert " ".join(word.text for word in line).startswith(PHONE)


@pytest.mark.parametrize(("lang", "narrative"), [("fr", NARRATIVE_FR), ("en", NARRATIVE_EN)])
def test_latin_columns_read_intact(all_words: list[Word], lang: str, narrative: str) -> None:
    column = in_column(all_words, lang)
    reading = [word.text for word in sorted(column, key=lambda word: (word.page, word.top, word.x0))]
    assert " ".join(narrative.split()) in " ".join(reading)


@pytest.mark.parametrize(
    "doc",
    [
        referral(),
        referral(narrative=" ".join(["الكلمة"] * 900 + ["https://example.org/" + "x" * 3000])),
        referral(name="أ" * 400),
    ],
    ids=["referral", "long-narrative-and-url", "long-arabic-word"],
)
def test_no_character_leaves_its_column_or_the_page(doc: object) -> None:
    data = render_pdf(doc, "parallel")  # type: ignore[arg-type]
    bounds = [MARGIN + COLUMN * index for index in range(4)]
    drawn = chars(data)
    assert drawn
    for page, char, width in drawn:
        assert char["x0"] >= MARGIN - 0.5 and char["x1"] <= width - MARGIN + 0.5, (page, char["text"])
        if char["top"] > 120:  # below the page header's, each character sits in one column
            assert not any(char["x0"] < edge - 0.5 and char["x1"] > edge + 0.5 for edge in bounds)
        assert char["top"] >= 0 and char["bottom"] <= A4[1]
