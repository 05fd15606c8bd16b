"""The rlbidi shim and the reshaping the PDF writer relies on."""

from __future__ import annotations

import sys
import unicodedata

import pytest

from thbdesk.core.docgen import bidi


def test_log2vis_reverses_arabic_and_mirrors_brackets() -> None:
    assert bidi.log2vis("(أب) ج", "RTL") == "ج (بأ)"


def test_log2vis_keeps_numbers_and_latin_left_to_right_inside_arabic() -> None:
    # After Arabic letters the digits are Arabic numbers and "-" is not between them (UAX #9 W2, W4):
    # 448-1 shows as 1-448, as in a browser or Word.
    assert bidi.log2vis("الفصل 448-1 جواز AB12 بتاريخ 2026", "RTL") == "2026 خيراتب AB12 زاوج 1-448 لصفلا"


def test_log2vis_reverses_an_arabic_name_inside_a_french_line() -> None:
    assert bidi.log2vis("Nom : علي (x)", "LTR") == "Nom : يلع (x)"


def test_positions_map_each_visual_character_to_its_logical_index() -> None:
    text = "abc دهو 12 x"
    positions: list[int] = []
    shown = bidi.log2vis(text, "LTR", positions_V_to_L=positions)
    assert sorted(positions) == list(range(len(text)))
    assert [bidi.log2vis(text[i], "LTR") for i in positions] == list(shown)


def test_harakat_are_drawn_just_before_their_letter() -> None:
    """Amiri without OpenType positioning draws a mark right of the pen: before its letter, it
    lands on that letter (looked at: مُحَمَّد, بَيْت)."""
    assert bidi.log2vis("بَت", "RTL") == "تَب"


def test_reshape_joins_letters_and_keeps_lam_alef_only() -> None:
    joined = bidi.reshape("بنعلي الله")
    assert all(0xFB50 <= ord(char) <= 0xFEFF for char in joined if char != " ")  # presentation forms
    assert unicodedata.normalize("NFKC", joined) == "بنعلي الله"  # no ﷲ word ligature
    assert "\ufdf2" not in joined
    assert bidi.reshape("Tanger") == "Tanger"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("علي", "rtl"), ("Ali", "ltr"), ("2026-08-03", "neutral"), ("علي Ali", "neutral")],
)
def test_direction_of_a_run(text: str, expected: str) -> None:
    assert bidi.direction(text) == expected


def test_install_gives_reportlab_rtl_support() -> None:
    bidi.install()
    bidi.install()
    from reportlab.pdfgen import textobject
    from reportlab.platypus import paragraph

    assert sys.modules["rlbidi"].log2vis is bidi.log2vis
    assert textobject.rtlSupport and paragraph.rtlSupport
    assert paragraph.bidiWordList(["ab", "جد"], direction="RTL")[1] == "دج"


@pytest.mark.parametrize("text", [":C 0", "المرجع: TNG-2026-0042", "0؞ ؛À 0", "(أ) b: 12 ج"])
def test_every_word_keeps_its_own_characters_in_reportlab_lines(text: str) -> None:
    """reportlab's own word list gave ":C" and "0" the same visual word "0:" (one word lost)."""
    from reportlab.platypus import paragraph

    bidi.install()
    words = text.split(" ")
    shown = paragraph.bidiWordList(words, direction="RTL")
    assert [word.__bidiL__ for word in shown] == list(range(len(words)))
    for logical, visual in zip(words, shown, strict=True):
        assert sorted(bidi.fold_mirrors(visual)) == sorted(bidi.fold_mirrors(logical))


@pytest.mark.parametrize("reportlab_first", [True, False])
def test_arabic_is_laid_out_whichever_is_imported_first(reportlab_first: bool) -> None:
    """A test helper (or the legal library) may have imported reportlab before the PDF writer."""
    import subprocess

    first = "from reportlab.platypus import paragraph\n" if reportlab_first else ""
    script = first + (
        "from thbdesk.core.docgen.pdf_parts import text_pieces\n"
        "from reportlab.platypus import paragraph\n"
        "piece = text_pieces('علي (1)', 'ar', 200)[0]\n"
        "piece.wrap(200, 100)\n"
        "print(paragraph.rtlSupport, piece.blPara.lines[0][1])\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "True ['(1)', 'ﻲﻠﻋ']"
