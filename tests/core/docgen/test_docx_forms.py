"""The bundled forms, built from their example answers, written as DOCX in every layout and read back."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile

import docx
import pytest

from thbdesk.core.docgen.build import build_document
from thbdesk.core.docgen.docx_check import check_docx, paragraph_texts
from thbdesk.core.docgen.docx_writer import render_docx
from thbdesk.core.docgen.model import Layout, plain
from thbdesk.core.forms.loader import get_form

from .conftest import FORM_IDS, WRITER_CASES, example


@pytest.mark.parametrize("form_id", FORM_IDS)
@pytest.mark.parametrize(("layout", "langs"), WRITER_CASES)
def test_each_form_in_each_layout_passes_the_check(
    form_id: str, layout: Layout, langs: tuple[str, ...]
) -> None:
    doc = build_document(get_form(form_id), example(form_id), langs)
    data = render_docx(doc, layout)
    check_docx(doc, data, f"{form_id}.docx")
    text = "\n".join(paragraph_texts(data, "x"))
    for lang in langs:
        answers = [run.text for run in doc.answer_runs(lang) if run.text.strip()]
        assert answers and all(answer in text for answer in answers)
        assert all(plain(line) in text for line in doc.headers[lang].lines)


def test_the_parallel_referral_has_one_navigation_entry_per_section() -> None:
    doc = build_document(get_form("referral"), example("referral"), ("ar", "fr", "en"))
    word = docx.Document(io.BytesIO(render_docx(doc, "parallel")))
    body = word.element.body
    outlined = [
        p
        for p in body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p")
        if p.style == "Heading1" and "outlineLvl" not in p.xml
    ]
    assert len(outlined) == len(doc.sections)


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_every_run_takes_its_direction_from_its_script(form_id: str) -> None:
    """No Arabic letter in a left-to-right run, no Latin letter in a right-to-left one."""
    doc = build_document(get_form(form_id), example(form_id), ("ar", "fr", "en"))
    xml = zipfile.ZipFile(io.BytesIO(render_docx(doc, "parallel"))).read("word/document.xml").decode()
    runs = re.findall(r"<w:r>(.*?)</w:r>", xml)
    assert len(runs) > 200
    for run in runs:
        text = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", run))
        kinds = {unicodedata.bidirectional(char) for char in text}
        if "<w:rtl/>" in run:
            assert "L" not in kinds, text
            assert 'w:cs="Amiri" w:hint="cs"' in run
        else:
            assert not kinds & {"R", "AL", "AN"}, text
