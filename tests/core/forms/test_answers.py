"""Answers files: read and written as versioned JSON, clear errors, free text, migration between versions."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from thbdesk.core.errors import (
    AnswersFormatError,
    AnswersNewerError,
    AnswersNotFoundError,
    AnswersSyntaxError,
    AnswersUnreadableError,
    AnswersWrongFormError,
    BadInputError,
)
from thbdesk.core.forms.answers import Answers, FreeText, guess_lang, migrate, read_answers, write_answers
from thbdesk.core.forms.model import FormSpec

from .conftest import FORMS_DATA


def test_an_answers_file_round_trips_through_json(tmp_path: Path) -> None:
    original = read_answers(FORMS_DATA / "minimal-answers.json")
    assert (original.form, original.form_version) == ("minimal", 2)
    target = tmp_path / "copy.json"
    write_answers(target, original)
    assert read_answers(target) == original
    assert json.loads(target.read_text(encoding="utf-8"))["answers"]["person_name"]["text"] == "أمينة"
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o600


def test_a_json_syntax_error_names_the_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{\n  "format": 1,\n  "form": "minimal"\n  "answers": {}\n}\n', encoding="utf-8")
    with pytest.raises(AnswersSyntaxError) as caught:
        read_answers(path)
    assert isinstance(caught.value, BadInputError)  # exit 2 in the CLI
    assert (caught.value.fields["line"], caught.value.fields["column"]) == (4, 3)
    assert "bad.json" in caught.value.user_message("en") and "line 4, column 3" in caught.value.user_message(
        "en"
    )


@pytest.mark.parametrize(
    ("content", "where"),
    [
        ("[]", "top level"),
        ('{"format": 2, "form": "minimal", "form_version": 1, "answers": {}}', "format"),
        ('{"format": 1, "form_version": 1, "answers": {}}', "form"),
        ('{"format": 1, "form": "minimal", "form_version": "1", "answers": {}}', "form_version"),
        ('{"format": 1, "form": "minimal", "form_version": 1, "answers": []}', "answers"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ],
)
def test_a_file_that_is_not_an_answers_file_is_refused(tmp_path: Path, content: str, where: str) -> None:
    path = tmp_path / "other.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(AnswersFormatError) as caught:
        read_answers(path)
    assert caught.value.fields["where"] == where


def test_missing_unreadable_and_folder_paths_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(AnswersNotFoundError):
        read_answers(tmp_path / "nowhere.json")
    with pytest.raises(AnswersUnreadableError):
        read_answers(tmp_path)
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(AnswersUnreadableError):
        read_answers(binary)


@pytest.mark.parametrize(
    ("text", "ui", "lang"),
    [
        ("أمينة بنت محمد", "fr", "ar"),
        ("Amina", "fr", "fr"),
        ("Amina", "en", "en"),
        ("Amina", "ar", "fr"),
        ("A1234567", "en", "en"),
        ("٢٠١٠", "fr", "ar"),
        ("", "en", "en"),
        ("  12 أمينة", "fr", "ar"),
    ],
)
def test_the_language_of_free_text_is_guessed_from_its_script(text: str, ui: str, lang: str) -> None:
    assert guess_lang(text, ui) == lang


def test_free_text_keeps_its_language_and_optional_translations() -> None:
    typed = FreeText.typed("أمينة", "fr")
    assert typed.to_json() == {"text": "أمينة", "lang": "ar"}
    full = FreeText.from_value({"text": "أمينة", "lang": "ar", "translations": {"fr": "Amina"}})
    assert full is not None and full.in_lang("fr") == "Amina" and full.in_lang("en") == "أمينة"
    changed = FreeText.from_value({"text": "Amina", "lang": "en"})
    assert changed is not None and changed.lang == "en"  # a language the person chose is kept
    assert FreeText.from_value("Amina", "en") == FreeText("Amina", "en")
    assert FreeText.from_value({"text": 3}) is None and FreeText.from_value(None) is None


def test_old_answers_are_migrated_to_the_form_version(minimal: FormSpec) -> None:
    old = Answers("minimal", 1, {"birth_date": "2010-03-12", "old_note": "x", "priority": "urgent"})
    new = migrate(old, minimal)
    assert new.form_version == 2
    assert new.answers == {"person_dob": "2010-03-12", "priority": "urgent"}
    current = Answers("minimal", 2, {"birth_date": "kept: no migration applies"})
    assert migrate(current, minimal).answers == current.answers


def test_a_rename_never_overwrites_an_answer_already_there(minimal: FormSpec) -> None:
    old = Answers("minimal", 1, {"birth_date": "2001-01-01", "person_dob": "2010-03-12"})
    assert migrate(old, minimal).answers["person_dob"] == "2010-03-12"


def test_answers_of_another_form_or_a_newer_version_are_refused(minimal: FormSpec) -> None:
    with pytest.raises(AnswersWrongFormError):
        migrate(Answers("referral", 1, {}), minimal)
    with pytest.raises(AnswersNewerError) as caught:
        migrate(Answers("minimal", 3, {}), minimal)
    assert "3" in caught.value.user_message("fr") and "2" in caught.value.user_message("fr")
