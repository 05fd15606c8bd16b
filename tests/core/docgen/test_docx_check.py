"""The check after writing: a DOCX that lost an answer is refused, naming where, never the answer."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.docgen import docx_trees as trees
from thbdesk.core.docgen.docx_check import check_docx, paragraph_texts
from thbdesk.core.docgen.docx_writer import render_docx
from thbdesk.core.docgen.model import Block, Document, Layout, Paragraph, Run, Section
from thbdesk.core.errors import DocumentCheckError, DocumentError


def replace_in_body(data: bytes, old: str, new: str) -> bytes:
    """The same DOCX with ``old`` replaced in document.xml (a writer that lost or mangled a value)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "word/document.xml":
                assert old.encode() in content
                content = content.replace(old.encode(), new.encode())
            target.writestr(item, content)
    return out.getvalue()


def test_a_missing_answer_is_named_by_its_row_label_not_its_value() -> None:
    doc = trees.referral(("fr", "en"))
    data = replace_in_body(render_docx(doc, "parallel"), trees.PASSPORT, "")
    with pytest.raises(DocumentCheckError) as caught:
        check_docx(doc, data, "referral.docx")
    error = caught.value
    assert error.fields == {"name": "referral.docx", "count": 2, "where": "Numéro de passeport"}  # fr and en
    assert trees.PASSPORT not in str(error)


def test_an_arabic_answer_stored_reversed_is_not_found() -> None:
    doc = trees.referral(("ar",))
    data = replace_in_body(render_docx(doc, "single"), trees.NAME_AR, trees.NAME_AR[::-1])
    with pytest.raises(DocumentCheckError, match="الاسم الكامل"):
        check_docx(doc, data, "referral.docx")


def test_answers_out_of_order_are_refused() -> None:
    doc = trees.referral(("en",))
    data = render_docx(doc, "single")
    swapped = replace_in_body(replace_in_body(data, trees.PASSPORT, "@@"), trees.BIRTH["en"], trees.PASSPORT)
    swapped = replace_in_body(swapped, "@@", trees.BIRTH["en"])
    with pytest.raises(DocumentCheckError):
        check_docx(doc, swapped, "referral.docx")


def test_a_complete_file_passes_and_texts_include_table_cells() -> None:
    doc = trees.referral(("ar", "fr", "en"))
    data = render_docx(doc, "parallel")
    check_docx(doc, data, "referral.docx")
    assert trees.PASSPORT in paragraph_texts(data, "referral.docx")


@pytest.mark.parametrize("data", [b"", b"PK\x03\x04 not a zip", b"%PDF-1.7"])
def test_bytes_that_are_not_a_docx_fail_the_check(data: bytes) -> None:
    doc = trees.referral(("fr",))
    with pytest.raises(DocumentCheckError) as caught:
        check_docx(doc, data, "referral.docx")
    assert caught.value.fields["count"] == len(list(doc.answer_runs("fr"))) > 10
    assert caught.value.details  # the reader's own words, for whoever reports it


TEXT = st.text(
    st.characters(codec=None, exclude_categories=()),
    max_size=60,
) | st.sampled_from(
    [
        "\u202eموسى\u202c 123",
        "e\u0301\u0327\u0308" * 30,
        "فاطمة\u200f\u2067AB12\u2069",
        "👩🏽‍⚕️🇲🇦 " * 20,
        "\x00\x01\x0b\x1f\ud800\ufffe",
        "ا" * 10_000,
        "Aminata " * 1250,
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT, layout=st.sampled_from(["parallel", "sequential"]))
def test_any_unicode_answer_gives_a_docx_that_reopens_and_passes(text: str, layout: Layout) -> None:
    doc = trees.with_answer(trees.referral(("ar", "fr")), text)
    try:
        data = render_docx(doc, layout)
    except DocumentError:
        return  # a typed, translated refusal is acceptable; anything else is a bug
    check_docx(doc, data, "fuzz.docx")


@settings(max_examples=30, deadline=None)
@given(title=st.text(max_size=400), reference=st.text(max_size=80))
def test_any_title_or_reference_in_metadata_and_headers_is_written(title: str, reference: str) -> None:
    base = trees.referral(("fr", "ar"))
    doc = Document(
        base.form_id,
        base.form_version,
        base.langs,
        {"fr": title, "ar": title},
        base.headers,
        type(base.footer)(base.footer.fingerprint, base.footer.form_id, 2, reference),
        base.sections,
        type(base.metadata)(title, reference, reference, "fr-MA"),
    )
    check_docx(doc, render_docx(doc, "parallel"), "fuzz.docx")


def _with_answers(doc: Document, texts: dict[str, str]) -> Document:
    block = Block({lang: Paragraph(lang, (Run(texts[lang], lang, answer=True),)) for lang in doc.langs})
    section = Section("extra", {lang: "—" for lang in doc.langs}, (block,))
    return replace(doc, sections=(*doc.sections, section))


@pytest.mark.parametrize("layout", ["parallel", "sequential"])
def test_an_answer_found_only_in_another_languages_part_does_not_count(layout: Layout) -> None:
    base = trees.referral(("ar", "fr"))
    written = _with_answers(base, {"ar": "لا شيء", "fr": "ZX-4242"})
    expected = _with_answers(base, {"ar": "ZX-4242", "fr": "ZX-4242"})
    data = render_docx(written, layout)
    check_docx(written, data, "x.docx")
    with pytest.raises(DocumentCheckError) as caught:
        check_docx(expected, data, "x.docx")
    assert caught.value.fields["count"] == 1
