"""The DOCX of the trilingual referral in each layout, read back with python-docx."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime

import docx
import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as WordParagraph

from tests.core.docgen import docx_trees as trees
from thbdesk.core.docgen import labels
from thbdesk.core.docgen.docx_check import check_docx, paragraph_texts
from thbdesk.core.docgen.docx_writer import render_docx
from thbdesk.core.docgen.model import Layout
from thbdesk.core.errors import LayoutError

CASES: list[tuple[Layout, tuple[str, ...]]] = [
    ("parallel", ("ar", "fr", "en")),
    ("parallel", ("fr", "ar")),
    ("parallel", ("en", "fr")),
    ("sequential", ("ar", "fr", "en")),
    ("sequential", ("en", "ar")),
    ("single", ("ar",)),
    ("single", ("fr",)),
    ("single", ("en",)),
]


def part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name).decode("utf-8")


@pytest.mark.parametrize(("layout", "langs"), CASES)
def test_each_layout_reopens_and_holds_every_answer(layout: Layout, langs: tuple[str, ...]) -> None:
    doc = trees.referral(langs)
    data = render_docx(doc, layout)
    check_docx(doc, data, "referral.docx")
    text = "\n".join(paragraph_texts(data, "referral.docx"))
    for lang in langs:
        assert labels.KINGDOM[lang] in text
        assert trees.TITLE[lang] in text
        assert trees.DATE[lang] in text
    assert trees.PASSPORT in text and trees.NAME_AR in text


def test_parallel_columns_run_left_to_right_with_arabic_at_the_right_edge() -> None:
    data = render_docx(trees.referral(("ar", "fr", "en")), "parallel")
    table = docx.Document(io.BytesIO(data)).tables[0]
    assert "bidiVisual" not in part(data, "word/document.xml").split("<w:tr")[0]
    for row in table.rows[2:]:  # below the header and title rows
        first = [cell.paragraphs[0] for cell in row.cells]
        assert [p._p.pPr.find(qn("w:bidi")) is not None for p in first] == [False, False, True]
    identity = [cell.text for cell in table.rows[1].cells]
    assert identity == [trees.LABELS["identity"][lang] for lang in ("fr", "en", "ar")]


def test_parallel_keeps_each_field_level_with_its_translations() -> None:
    data = render_docx(trees.referral(("fr", "ar")), "parallel")
    table = docx.Document(io.BytesIO(data)).tables[0]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    passport = next(row for row in rows if trees.LABELS["passport"]["fr"] in row[0])
    assert trees.LABELS["passport"]["ar"] in passport[1]
    assert trees.PASSPORT in passport[0] and trees.PASSPORT in passport[1]


def test_parallel_has_one_navigation_entry_per_section() -> None:
    doc = trees.referral(("ar", "fr", "en"))
    xml = part(render_docx(doc, "parallel"), "word/document.xml")
    paragraphs = re.findall(r"<w:p>.*?</w:p>", xml)
    outlined = [p for p in paragraphs if 'w:val="Heading1"' in p and "outlineLvl" not in p]
    assert len(outlined) == len(doc.sections)
    assert all("<w:bidi/>" in p for p in outlined)  # the first language chosen, Arabic


def test_sequential_starts_each_language_on_a_new_page_with_its_own_footer() -> None:
    doc = trees.referral(("ar", "fr", "en"))
    data = render_docx(doc, "sequential")
    word = docx.Document(io.BytesIO(data))
    assert len(word.sections) == 3
    assert [s.start_type.name for s in word.sections[1:]] == ["NEW_PAGE", "NEW_PAGE"]
    sect_xml = [s._sectPr.xml for s in word.sections]
    assert ["<w:bidi/>" in x for x in sect_xml] == [True, False, False]
    footers = ["\n".join(p.text for p in s.footer.paragraphs) for s in word.sections]
    for lang, footer in zip(("ar", "fr", "en"), footers, strict=True):
        assert labels.footer_text(doc.footer, lang) in footer
        assert not any(s.footer.is_linked_to_previous for s in word.sections)
    # each part starts with its own header, right after the section break
    body = [WordParagraph(p, None) for p in word.element.body.iter(qn("w:p"))]
    breaks = [i for i, p in enumerate(body) if p._p.pPr is not None and p._p.pPr.sectPr is not None]
    assert [body[i + 1].text for i in breaks] == [labels.KINGDOM["fr"], labels.KINGDOM["en"]]


@pytest.mark.parametrize(
    ("lang", "before", "between", "after"),
    [
        ("ar", "الصفحة ", " من ", ""),
        ("fr", "Page ", " sur ", ""),
        ("en", "Page ", " of ", ""),
    ],
)
def test_footer_holds_a_localised_page_x_of_y_with_fields(
    lang: str, before: str, between: str, after: str
) -> None:
    data = render_docx(trees.referral((lang,)), "single")
    footer = part(data, "word/footer1.xml")
    assert re.findall(r"<w:instrText[^>]*> (\w+) </w:instrText>", footer) == ["PAGE", "NUMPAGES"]
    page = docx.Document(io.BytesIO(data)).sections[0].footer.paragraphs[1]
    assert page.text == f"{before}1{between}1{after}"  # the fields' placeholders, updated by Word
    assert ("<w:bidi/>" in footer) == (lang == "ar")


def test_core_properties_come_from_the_metadata() -> None:
    doc = trees.referral(("fr", "ar"))
    before = datetime.now(UTC).replace(microsecond=0)
    props = docx.Document(io.BytesIO(render_docx(doc, "parallel"))).core_properties
    assert props.created is not None and props.created.replace(tzinfo=UTC) >= before
    assert (props.title, props.author, props.subject, props.language) == (
        trees.TITLE["fr"],
        "Police des frontières",
        trees.REFERENCE,
        "fr-MA",
    )


def test_headings_use_real_heading_styles() -> None:
    data = render_docx(trees.referral(("en",)), "single")
    word = docx.Document(io.BytesIO(data))
    styled = [(p.style.name, p.text) for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert ("Heading 1", "Identity of the person") in styled
    assert ("Heading 2", "The person's account") in styled  # a sub-heading (level 2), under its section
    assert [text for name, text in styled if name == "Heading 1"] == [
        trees.LABELS[k]["en"] for k, _ in trees.SECTIONS
    ]


@pytest.mark.parametrize("layout", ["parallel", "sequential"])
def test_bidi_controls_typed_in_answers_are_gone_from_the_file(layout: Layout) -> None:
    sneaky = "\u202eAB\u2066123\u2069\u200f456\u061c\u202a"
    doc = trees.with_answer(trees.referral(("ar", "fr")), sneaky)
    data = render_docx(doc, layout)
    check_docx(doc, data, "x.docx")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.endswith(".xml"):
                text = archive.read(name).decode("utf-8")
                assert not set(text) & set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"), (
                    name
                )
                # the writer's own marks only frame whole runs; the RLM typed inside the answer is gone
                assert "AB123456" in text or name != "word/document.xml"
    assert "AB123456" in "\n".join(paragraph_texts(data, "x.docx"))


def test_no_rtl_paragraph_is_right_aligned_anywhere() -> None:
    data = render_docx(trees.referral(("ar", "fr", "en")), "sequential")
    for name in ("word/document.xml", "word/footer1.xml", "word/styles.xml"):
        assert 'w:jc w:val="right"' not in part(data, name)


def test_styles_use_explicit_fonts_not_theme_fonts() -> None:
    """A theme font in a style would win over the run's Latin font in Word."""
    styles = part(render_docx(trees.referral(("ar",)), "single"), "word/styles.xml")
    assert "Theme=" not in re.sub(r"<w:latentStyles.*?</w:latentStyles>", "", styles, flags=re.S).replace(
        "themeColor", ""
    )
    assert '<w:lang w:val="fr-MA" w:bidi="ar-MA"/>' in styles


def test_a_layout_the_languages_cannot_fill_is_refused() -> None:
    with pytest.raises(LayoutError):
        render_docx(trees.referral(("ar", "fr")), "single")
    with pytest.raises(LayoutError):
        render_docx(trees.referral(("ar",)), "parallel")
