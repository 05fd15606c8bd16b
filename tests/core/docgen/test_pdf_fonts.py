"""Nothing is silently dropped: a character Amiri cannot draw is refused, named, before drawing."""

from __future__ import annotations

import pytest

from thbdesk.core.docgen.fonts import check_coverage, drawable
from thbdesk.core.docgen.pdf_writer import render_pdf
from thbdesk.core.errors import GlyphMissingError

from .trees import referral


def test_the_referral_is_fully_covered() -> None:
    check_coverage(referral())


@pytest.mark.parametrize("char", ["ب", "ﻻ", "é", "Ç", "(", "[", "/", "-", "–", "«", "»", "٣", "3", "؟", "،"])
def test_amiri_draws_arabic_french_digits_and_punctuation(char: str) -> None:
    assert drawable(char)


def test_an_emoji_in_a_name_names_the_character_and_the_row_not_the_value() -> None:
    doc = referral(name="Amina 🙂 Saidi")
    with pytest.raises(GlyphMissingError) as caught:
        check_coverage(doc)
    error = caught.value
    assert error.fields["char"] == "🙂"
    assert error.fields["codepoint"] == "U+1F642"
    assert error.fields["where"] in ("الاسم الكامل", "Nom complet", "Full name")  # a label, not "Amina…"
    assert "Amina" not in str(error)


def test_chinese_in_the_narrative_is_reported_under_the_section_title() -> None:
    with pytest.raises(GlyphMissingError) as caught:
        check_coverage(referral(narrative="说明 text"))
    assert caught.value.fields["codepoint"] == "U+8BF4"
    assert caught.value.fields["where"] == "الوقائع"


def test_render_pdf_refuses_rather_than_drop_the_character() -> None:
    with pytest.raises(GlyphMissingError):
        render_pdf(referral(langs=("fr", "en"), passport="AB\U0001f600"), "parallel")


@pytest.mark.parametrize(("ui", "label"), [("fr", "Nom complet"), ("ar", "الاسم الكامل")])
def test_the_row_is_named_in_the_users_language(ui: str, label: str) -> None:
    from thbdesk.core.i18n import current_language, set_language

    before = current_language()
    set_language(ui)
    try:
        with pytest.raises(GlyphMissingError) as caught:
            check_coverage(referral(name="Amina 🙂 Saidi"))
    finally:
        set_language(before)
    assert caught.value.fields["where"] == label
