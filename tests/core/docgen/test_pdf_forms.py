"""The bundled forms, built from their example answers, written as PDF in every layout and read back."""

from __future__ import annotations

import pytest

from thbdesk.core.docgen.build import build_document
from thbdesk.core.docgen.model import Layout
from thbdesk.core.docgen.pdf_check import check_pdf
from thbdesk.core.docgen.pdf_writer import render_pdf
from thbdesk.core.forms.loader import get_form

from .conftest import FORM_IDS, WRITER_CASES, example


@pytest.mark.parametrize("form_id", FORM_IDS)
@pytest.mark.parametrize(("layout", "langs"), WRITER_CASES)
def test_each_form_in_each_layout_passes_the_check(
    form_id: str, layout: Layout, langs: tuple[str, ...]
) -> None:
    doc = build_document(get_form(form_id), example(form_id), langs)
    data = render_pdf(doc, layout)
    check_pdf(doc, data, f"{form_id}.pdf")
