"""The exact WordprocessingML of right-to-left paragraphs, runs and tables (Word is strict about
element order, and ``jc=right`` on an RTL paragraph would put it at the left edge)."""

from __future__ import annotations

import doctest
import re

import pytest
from lxml import etree

from thbdesk.core.docgen import _docx_nodes as nodes
from thbdesk.core.docgen import _oxml as ox
from thbdesk.core.docgen.model import KeyValue, KeyValueTable, Run

W_NS = ' xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
AR_RPR = (
    '<w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Amiri" w:hint="cs"/>'
    '<w:sz w:val="21"/><w:szCs w:val="21"/><w:rtl/><w:lang w:bidi="ar-MA"/></w:rPr>'
)
LATIN_RPR = (
    '<w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Amiri"/>'
    '<w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="{tag}"/></w:rPr>'
)


def xml(element: ox.Element) -> str:
    return etree.tostring(element, encoding="unicode").replace(W_NS, "")


@pytest.mark.parametrize(
    ("text", "base_rtl", "expected"),
    [
        ("الفصل 1-448 من القانون", True, [("الفصل 1-448 من القانون", True)]),
        ("AB1234567", True, [("AB1234567", False)]),
        ("12/03/2008", True, [("12/03/2008", False)]),
        ("—", True, [("—", True)]),
        ("—", False, [("—", False)]),
        ("Aminata (أمينة) Diallo", False, [("Aminata ", False), ("(أمينة) ", True), ("Diallo", False)]),
        ("رقم ١٢٣", False, [("رقم ١٢٣", True)]),
        ("٤٤٨", False, [("٤٤٨", True)]),
        ("", True, []),
    ],
)
def test_a_run_is_cut_where_its_script_changes(
    text: str, base_rtl: bool, expected: list[tuple[str, bool]]
) -> None:
    assert ox.segments(text, base_rtl) == expected
    assert "".join(piece for piece, _ in ox.segments(text, base_rtl)) == text


def test_arabic_paragraph_with_a_passport_number_inside() -> None:
    """The number sits between left-to-right marks: the Arabic paragraph cannot reorder its pieces."""
    runs = (Run("رقم الجواز ", "ar"), Run("AB1234567", "ar", answer=True), Run(" (مؤقت)", "ar"))
    assert xml(nodes.inline_paragraph(runs, "ar")) == (
        "<w:p><w:pPr><w:bidi/></w:pPr>"
        f'<w:r>{AR_RPR}<w:t xml:space="preserve">رقم الجواز </w:t></w:r>'
        f"<w:r>{LATIN_RPR.format(tag='fr-MA')}<w:t>\u200eAB1234567\u200e</w:t></w:r>"
        f'<w:r>{AR_RPR}<w:t xml:space="preserve"> (مؤقت)</w:t></w:r></w:p>'
    )


def test_arabic_name_inside_a_french_paragraph_is_right_to_left() -> None:
    """Between right-to-left marks, so a French paragraph cannot reorder the pieces of the name."""
    runs = (Run("Nom : ", "fr"), Run("فاطمة", "ar", answer=True))
    assert xml(nodes.inline_paragraph(runs, "fr")) == (
        "<w:p><w:pPr/>"
        f'<w:r>{LATIN_RPR.format(tag="fr-MA")}<w:t xml:space="preserve">Nom : </w:t></w:r>'
        f"<w:r>{AR_RPR}<w:t>\u200fفاطمة\u200f</w:t></w:r></w:p>"
    )


def test_bold_arabic_heading_keeps_pPr_children_in_schema_order_and_never_jc_right() -> None:
    p = nodes.text_paragraph("هوية الشخص", "ar", bold=True, size=14, style="Heading1", align="center")
    ox.set_outline_level(p, 9)
    assert xml(p) == (
        '<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:bidi/><w:jc w:val="center"/>'
        '<w:outlineLvl w:val="9"/></w:pPr>'
        '<w:r><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Amiri" w:hint="cs"/><w:b/><w:bCs/>'
        '<w:sz w:val="28"/><w:szCs w:val="28"/><w:rtl/><w:lang w:bidi="ar-MA"/></w:rPr>'
        "<w:t>هوية الشخص</w:t></w:r></w:p>"
    )


def test_bidi_goes_before_spacing_and_jc_in_an_existing_paragraph() -> None:
    p = ox.paragraph([], rtl=False, style="Normal", align="center")
    ppr = p.find(ox.qn("w:pPr"))
    ppr.insert_element_before(ox.el("w:spacing", after="0"), "w:jc")
    ox.set_bidi(p)
    ox.set_bidi(p)  # idempotent
    assert (
        xml(ppr)
        == '<w:pPr><w:pStyle w:val="Normal"/><w:bidi/><w:spacing w:after="0"/><w:jc w:val="center"/></w:pPr>'
    )


def test_arabic_key_value_table_is_bidi_visual_with_the_label_first() -> None:
    table = KeyValueTable("ar", (KeyValue((Run("الاسم", "ar"),), ((Run("فاطمة", "ar", answer=True),),)),))
    tbl = xml(nodes.key_value_table(table, 10000))
    grid = "".join(
        f'<w:{edge} w:val="single" w:sz="4" w:color="808080"/>'
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    assert tbl.startswith(
        '<w:tbl><w:tblPr><w:bidiVisual/><w:tblW w:w="10000" w:type="dxa"/>'
        f'<w:tblBorders>{grid}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>'
        '<w:tblGrid><w:gridCol w:w="3500"/><w:gridCol w:w="6500"/></w:tblGrid>'
        '<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="3500" w:type="dxa"/></w:tcPr>'
        "<w:p><w:pPr><w:bidi/></w:pPr>"
    )
    cells = re.findall(r"<w:t>([^<]*)</w:t>", tbl)
    assert cells == ["الاسم", "فاطمة"]  # logical order: the label cell first, drawn at the right


def test_latin_table_has_no_bidi_visual() -> None:
    table = KeyValueTable("fr", (KeyValue((Run("Nom", "fr"),), ((Run("Aminata", "fr"),),)),))
    assert "bidiVisual" not in xml(nodes.key_value_table(table, 10000))


def test_page_field_is_a_complete_complex_field_with_latin_digits() -> None:
    runs = "".join(xml(r) for r in ox.field("NUMPAGES", size=8))
    assert re.findall(r'fldCharType="(\w+)"|<w:instrText[^>]*>([^<]*)<', runs) == [
        ("begin", ""),
        ("", " NUMPAGES "),
        ("separate", ""),
        ("end", ""),
    ]
    assert "<w:rtl/>" not in runs


def test_checklist_box_comes_first_in_a_symbol_font() -> None:
    from thbdesk.core.docgen.model import CheckItem

    p = xml(nodes.check_item(CheckItem(True, (Run("جواز محجوز", "ar", answer=True),)), "ar"))
    assert p.startswith(
        "<w:p><w:pPr><w:bidi/></w:pPr><w:r><w:rPr>"
        '<w:rFonts w:ascii="Segoe UI Symbol" w:hAnsi="Segoe UI Symbol" '
        'w:eastAsia="Segoe UI Symbol" w:cs="Segoe UI Symbol"/><w:sz w:val="21"/><w:szCs w:val="21"/>'
        '<w:lang w:val="en-US"/></w:rPr><w:t xml:space="preserve">☒ </w:t></w:r>'
    )
    assert "جواز محجوز" in p


def test_doctests_of_the_xml_layer() -> None:
    result = doctest.testmod(ox)
    assert result.attempted > 0 and result.failed == 0
