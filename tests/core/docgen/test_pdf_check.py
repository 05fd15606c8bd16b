"""The check after writing passes on what the writer made and fails when an answer is missing;
random answers give a PDF that opens and passes, or a clear typed error."""

from __future__ import annotations

import io
import os

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from thbdesk.core.docgen.model import LAYOUTS, Layout
from thbdesk.core.docgen.pdf_check import check_pdf
from thbdesk.core.docgen.pdf_writer import render_pdf
from thbdesk.core.errors import DocumentCheckError, GlyphMissingError

from .trees import referral

LAYOUT_LANGS: dict[str, tuple[str, ...]] = {
    "parallel": ("ar", "fr", "en"),
    "sequential": ("fr", "ar"),
    "single": ("ar",),
}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_check_passes_on_each_layout(layout: Layout) -> None:
    doc = referral(LAYOUT_LANGS[layout])
    check_pdf(doc, render_pdf(doc, layout), "referral.pdf")


@pytest.mark.parametrize(
    ("changed", "where"),
    [
        ({"name": "سعيد الإدريسي"}, "الاسم الكامل"),
        ({"passport": "ZX7654321"}, "رقم جواز السفر"),
        ({"date": "17 ماي 2025"}, "تاريخ المقابلة"),
        ({"narrative": "نص آخر تماما لا يوجد في الملف"}, "الوقائع"),
    ],
)
def test_the_check_fails_when_an_answer_is_not_in_the_file(changed: dict[str, str], where: str) -> None:
    written = render_pdf(referral(), "parallel")
    expected = referral(**changed)
    with pytest.raises(DocumentCheckError) as caught:
        check_pdf(expected, written, "referral.pdf")
    assert caught.value.fields["where"] == where
    assert caught.value.fields["name"] == "referral.pdf"
    for value in changed.values():
        assert value not in str(caught.value)


def test_the_count_covers_every_language_part() -> None:
    written = render_pdf(referral(("fr", "en")), "parallel")
    with pytest.raises(DocumentCheckError) as caught:
        check_pdf(referral(("fr", "en"), passport="QQ0000001"), written, "x.pdf")
    assert caught.value.fields["count"] == 2
    assert caught.value.fields["where"] == "Numéro de passeport"


def test_a_truncated_narrative_is_caught() -> None:
    doc = referral(("ar", "fr"))
    short = referral(("ar", "fr"), narrative=doc.sections[1].blocks[1].nodes["fr"].runs[0].text[:-40])
    with pytest.raises(DocumentCheckError):
        check_pdf(doc, render_pdf(short, "parallel"), "x.pdf")


_ODD = st.sampled_from(
    [
        "\u202e", "\u202b", "\u2066", "\u2069", "\u200e", "\u200f", "\u061c",  # bidi controls
        "\u0301", "\u064e", "\u0651", "\u0670",  # combining marks
        "🙂", "漢", "\u00ad", "\u200d", "\u3000", "\n", "\t", "&", "<b>", "(", ")", "[",
    ]
)  # fmt: skip
_DRAWABLE_MOSTLY = st.text(st.characters(max_codepoint=0x6FF, exclude_categories=("Cs",)), max_size=30)
_TEXT = st.lists(
    st.one_of(
        st.text(max_size=12), _DRAWABLE_MOSTLY, _ODD, st.sampled_from(["علي", "Tanger", "448-1", "2026"])
    )
)
_HUGE = st.builds(
    lambda word, count: " ".join([word] * count), st.sampled_from(["مرحبا", "mot", "x1"]), st.just(2000)
)


@settings(
    max_examples=int(os.environ.get("THB_EXAMPLES", "30")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    name=_TEXT.map("".join),
    narrative=st.one_of(_TEXT.map("".join), _HUGE),
    layout=st.sampled_from(LAYOUTS),
)
# Cases Hypothesis found (each once broke the writer or the check):
@example(name=":C 0", narrative="", layout="single")
@example(name='0"1', narrative="", layout="single")
@example(name="", narrative="¼ؠ", layout="single")
@example(name="ؠءؠ̀", narrative="", layout="parallel")
@example(name="", narrative="Ì", layout="single")
@example(name="", narrative="\xad", layout="parallel")
@example(name="", narrative=")", layout="single")
@example(name="&ؠء", narrative="", layout="parallel")
def test_random_answers_give_a_readable_checked_pdf_or_a_typed_error(
    name: str, narrative: str, layout: Layout
) -> None:
    doc = referral(LAYOUT_LANGS[layout], name=name, narrative=narrative)
    try:
        data = render_pdf(doc, layout)
    except GlyphMissingError as error:
        assert error.fields["codepoint"].startswith("U+")
        return
    assert len(PdfReader(io.BytesIO(data)).pages) >= 1
    check_pdf(doc, data, "random.pdf")
