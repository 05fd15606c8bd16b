"""The record of one generation, shared by the window and ``thbdesk generate``."""

from __future__ import annotations

from pathlib import Path

from thbdesk.core.forms.answers import read_answers
from thbdesk.core.forms.loader import get_form
from thbdesk.core.paths import bundled_dir
from thbdesk.core.register.records import generation_record

EXAMPLE = bundled_dir("forms") / "examples" / "referral.json"


def _written(tmp_path: Path) -> list[Path]:
    pdf, docx = tmp_path / "a.pdf", tmp_path / "a.docx"
    pdf.write_bytes(b"%PDF-1.7 x")
    docx.write_bytes(b"PK x")
    return [pdf, docx]


def test_the_record_names_the_documents_author_reference_files_and_people(tmp_path: Path) -> None:
    answers = read_answers(EXAMPLE)
    record = generation_record(
        get_form("referral"), answers, ("fr", "ar"), "parallel", _written(tmp_path), fallback_author="Profile"
    )
    assert record.reference == "TNG2-2026-0017"
    assert record.author == "Nadia Ouazzani, officier de paix, cellule d'accueil"  # as the PDF's metadata
    assert record.files == {"pdf": b"%PDF-1.7 x", "docx": b"PK x"}
    assert record.exported_to == tuple(str(p.resolve()) for p in _written(tmp_path))
    assert "Mariama D." in record.person_names


def test_without_an_answered_author_the_officer_profile_signs(tmp_path: Path) -> None:
    answers = read_answers(EXAMPLE)
    values = {k: v for k, v in answers.answers.items() if k not in ("referring_officer", "referring_unit")}
    unsigned = type(answers)(answers.form, answers.form_version, values)
    record = generation_record(
        get_form("referral"), unsigned, ("ar",), "single", _written(tmp_path), fallback_author="Profile"
    )
    assert record.author == "Profile"
