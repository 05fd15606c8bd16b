"""Arabic PDF lines come back in logical order whichever order the producer stored the glyphs in.

What pypdf returns, measured on PDFs drawn with reportlab and Amiri (the finding behind pdf.py):
- glyphs stored in VISUAL order (reshaped, then bidi.algorithm.get_display(base_dir="R"), which is
  what our PDF writer does): pure Arabic lines come back logical after NFKC, but mixed lines come
  back with their runs in visual order: "الفصل 1-448" -> "448-1 الفصل", a final period first;
- glyphs stored in LOGICAL order (the reshaped string drawn as is): every Arabic run comes back
  reversed ("الفصل 1-448" -> "لصفلا1-448"), because pypdf reverses right-to-left runs on the
  assumption that glyphs are stored visually.
"""

from __future__ import annotations

import io
import random
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from thbdesk.core.legal.importers.pdf import arabic_score, repair_pages, visual_to_logical

from .samples import AR_LAW, AR_MIXED_LINES, FR_LAW, make_pdf


def pypdf_lines(pdf: bytes) -> list[str]:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return [line.strip() for line in unicodedata.normalize("NFKC", text).splitlines()]


def repaired(pdf: bytes) -> tuple[list[str], int]:
    return repair_pages(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_what_pypdf_returns_for_each_glyph_order() -> None:
    lines = ["لا عقوبة إلا بنص.", "الفصل 1-448", "الباب الأول: أحكام تمهيدية"]
    visual = pypdf_lines(make_pdf(lines, stored="visual"))
    logical = pypdf_lines(make_pdf(lines, stored="logical"))
    assert visual[:3] == [".لا عقوبة إلا بنص", "448-1 الفصل", "الباب الأول: أحكام تمهيدية"]
    assert logical[:3] == [".صنب لاإ ةبوقع لا", "لصفلا1-448", "ةيديهمت ماكحأ :لولأا بابلا"]


@pytest.mark.parametrize("stored", ["visual", "logical"])
@pytest.mark.parametrize("lines_per_page", [1, 3, 7, 40])
def test_every_line_is_repaired_exactly(stored, lines_per_page) -> None:
    lines = AR_MIXED_LINES + AR_LAW.splitlines()
    random.Random(lines_per_page).shuffle(lines)
    pdf = make_pdf(lines, stored=stored, lines_per_page=lines_per_page)
    out, count = repaired(pdf)
    assert [line for line in out if line] == lines
    raw = [line for line in pypdf_lines(pdf) if line]
    assert count == sum(a != b for a, b in zip(raw, lines, strict=True))


def test_latin_lines_are_left_alone() -> None:
    lines = FR_LAW.splitlines()
    out, count = repaired(make_pdf(lines, stored="logical"))
    assert (out, count) == (lines, 0)


@pytest.mark.parametrize(
    ("visual", "logical"),
    [
        ("448-1 لصفلا", "الفصل 1-448"),
        ("٤٤٨-٣ لصفلا", "الفصل ٣-٤٤٨"),
        (".2016 سطسغأ 25 يف", "في 25 أغسطس 2016."),
        ("(ةيناثلا ةداملا رظنا) مهرد 500.000", "500.000 درهم (انظر المادة الثانية)"),
        ("اضيأ Article 5 ىلع", "على Article 5 أيضا"),
        ("14-448 ىلإ 1-448 نم", "من 448-1 إلى 448-14"),
        ("ةلمج", "جملة"),
        ("", ""),
    ],
)
def test_visual_to_logical(visual, logical) -> None:
    assert visual_to_logical(visual) == logical


@pytest.mark.parametrize(
    "line",
    [
        "يعاقب بالسجن من سنة إلى خمس سنوات كل من استغل هشاشة شخص آخر.",
        "الباب الثاني: العقوبات",
        "تسهر السلطات المختصة على تقديم المساعدة الطبية والنفسية للضحايا.",
    ],
)
def test_reversed_lines_score_below_logical_ones(line) -> None:
    assert arabic_score(line) > 0 > arabic_score(line[::-1])


arabic_like = st.text(
    alphabet=st.sampled_from(list("الفصل مادة١٢٣ 0123456789-.,:()[]«»،؛ ABC\u200f\ufefb\ufe8d"))
)


@settings(max_examples=200)
@given(st.lists(st.one_of(st.text(), arabic_like), max_size=4))
def test_repair_never_fails_and_keeps_one_output_line_per_line(pages) -> None:
    lines, count = repair_pages(pages)
    assert len(lines) == sum(len(page.rstrip("\n").split("\n")) for page in pages)
    assert 0 <= count <= len(lines)
