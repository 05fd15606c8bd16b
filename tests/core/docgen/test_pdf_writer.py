"""The PDF writer, read back: text, metadata, bookmarks, footers, and each layout's pages."""

from __future__ import annotations

import dataclasses
import io
import re

import pytest
from pypdf import PdfReader

from thbdesk.core.docgen import labels
from thbdesk.core.docgen.model import PageHeader, Run
from thbdesk.core.docgen.pdf_check import check_pdf, extract_text
from thbdesk.core.docgen.pdf_writer import render_pdf
from thbdesk.core.errors import LayoutError

from .trees import DATE, NAME_AR, NARRATIVE_FR, PASSPORT, REFERENCE, referral


@pytest.fixture(scope="module")
def parallel() -> bytes:
    return render_pdf(referral(), "parallel")


def flat(text: str) -> str:
    return " ".join(text.split())


def test_arabic_answers_come_back_in_logical_order(parallel: bytes) -> None:
    text = flat(extract_text(parallel))
    assert NAME_AR in text
    # pure-Arabic stretches of the narrative, across wrapped lines (joined forms folded back by NFKC)
    assert "وصلت المعنية بالأمر إلى الميناء برفقة شخص" in text
    assert "لكنها أجبرت على العمل دون أجر لمدة ثلاثة أشهر" in text


def test_french_and_english_answers_come_back_as_typed(parallel: bytes) -> None:
    text = flat(extract_text(parallel))
    assert DATE["fr"] in text and DATE["en"] in text and PASSPORT in text
    assert flat(NARRATIVE_FR) in text


def test_metadata_and_language(parallel: bytes) -> None:
    reader = PdfReader(io.BytesIO(parallel))
    meta = reader.metadata
    assert meta is not None
    assert (meta.title, meta.author, meta.subject) == ("إحالة ضحية محتملة", "فرقة الحدود – طنجة", REFERENCE)
    assert reader.trailer["/Root"]["/Lang"] == "ar-MA"


def test_one_bookmark_per_section_in_the_first_language(parallel: bytes) -> None:
    reader = PdfReader(io.BytesIO(parallel))
    titles = [entry.title for entry in reader.outline]
    assert titles == ["هوية الشخص", "الوقائع", "الحاجيات الفورية", "التوقيعات"]


def test_sequential_bookmarks_one_part_per_language_with_its_sections() -> None:
    reader = PdfReader(io.BytesIO(render_pdf(referral(("fr", "en")), "sequential")))
    outline = reader.outline
    assert [entry.title for entry in outline if not isinstance(entry, list)] == [
        "Orientation d'une victime présumée",
        "Referral of a presumed victim",
    ]
    assert [entry.title for entry in outline[1]] == [
        "Identité de la personne",
        "Les faits",
        "Besoins immédiats",
        "Signatures",
    ]


def test_every_page_has_the_footer_and_page_x_of_y() -> None:
    data = render_pdf(referral(("fr", "ar", "en"), narrative=NARRATIVE_FR * 12), "parallel")
    pages = PdfReader(io.BytesIO(data)).pages
    assert len(pages) >= 3
    footer = labels.footer_text(referral().footer, "fr")
    for number, page in enumerate(pages, start=1):
        text = page.extract_text()
        assert labels.page_label("fr", number, len(pages)) in text
        assert footer in text


def test_sequential_each_language_starts_a_page_with_its_own_header() -> None:
    data = render_pdf(referral(("en", "fr")), "sequential")
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]
    starts = [index for index, text in enumerate(pages) if text.lstrip().startswith(("Kingdom", "Royaume"))]
    assert len(starts) == 2 and starts[0] == 0
    assert pages[0].lstrip().startswith("Kingdom of Morocco")
    assert pages[starts[1]].lstrip().startswith("Royaume du Maroc")
    assert "Référence: TNG-2026-0042" in pages[starts[1]]
    assert labels.page_label("fr", starts[1] + 1, len(pages)) in pages[starts[1]]
    assert all("Royaume" not in text for text in pages[: starts[1]])


def test_single_layout_holds_only_its_language() -> None:
    text = extract_text(render_pdf(referral(("fr",)), "single"))
    assert "Royaume du Maroc" in text and "Kingdom" not in text
    assert NAME_AR in text  # an Arabic name in the French part stays Arabic, in logical order


@pytest.mark.parametrize(("layout", "langs"), [("single", ("ar", "fr")), ("parallel", ("fr",))])
def test_a_layout_the_languages_cannot_fill_is_refused(layout: str, langs: tuple[str, ...]) -> None:
    with pytest.raises(LayoutError):
        render_pdf(referral(langs), layout)  # type: ignore[arg-type]


def test_bidi_controls_in_an_answer_change_nothing_on_the_page() -> None:
    plain = render_pdf(referral(("ar", "fr"), name="Amina Saidi علي"), "parallel")
    spiked = render_pdf(
        referral(("ar", "fr"), name="\u202eAmina\u2066 Saidi\u202c\u200f علي\u2069\u061c"), "parallel"
    )
    assert _drawn(spiked) == _drawn(plain)


def _drawn(data: bytes) -> list[tuple[str, float, float]]:
    from .pdfpages import chars

    return [(char["text"], round(char["x0"], 1), round(char["top"], 1)) for _, char, _ in chars(data)]


def test_a_huge_answer_flows_over_pages_without_crashing() -> None:
    words = " ".join(f"mot{index}" for index in range(1800))  # ~10,000 characters
    doc = referral(("ar", "fr", "en"), narrative=words)
    data = render_pdf(doc, "parallel")
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 4
    text = flat(extract_text(data))
    assert "mot0 mot1 mot2" in text and "mot1798 mot1799" in text
    check_pdf(doc, data, "huge.pdf")


@pytest.mark.parametrize("layout", ["parallel", "sequential"])
def test_a_word_without_spaces_longer_than_a_page_is_cut_not_lost(layout: str) -> None:
    url = "https://example.org/" + "".join(f"{index:04d}" for index in range(2500))
    doc = referral(("ar", "fr"), narrative=url)
    data = render_pdf(doc, layout)  # type: ignore[arg-type]
    text = re.sub(r"\s+", "", extract_text(data))
    assert "https://example.org/000000010002" in text and "24972498" in text
    check_pdf(doc, data, "long.pdf")


@pytest.mark.parametrize("kingdom_in_header", [False, True])
def test_the_kingdom_heads_each_language_once(kingdom_in_header: bool) -> None:
    doc = referral(("fr", "en"))
    if kingdom_in_header:  # as the builder makes it
        headers = {
            lang: PageHeader(lang, ((Run(labels.KINGDOM[lang], lang),), *header.lines))
            for lang, header in doc.headers.items()
        }
        doc = dataclasses.replace(doc, headers=headers)
    text = extract_text(render_pdf(doc, "parallel"))
    assert text.count("Royaume du Maroc") == 1 and text.count("Kingdom of Morocco") == 1
