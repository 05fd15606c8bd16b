"""``thbdesk forms``, ``form-schema`` and ``validate``: listing, structure for scripts, every problem."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from thbdesk.cli import main
from thbdesk.core.paths import bundled_dir

DATA = Path(__file__).parent / "data" / "forms"
MINIMAL = str(DATA / "minimal.yaml")
EXAMPLES = [(p.stem, p) for p in sorted((bundled_dir("forms") / "examples").glob("*.json"))]


def test_forms_lists_the_bundled_forms_in_the_ui_language(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--ui-lang", "fr", "forms", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert all(set(r) == {"id", "version", "title", "steps"} for r in rows)
    assert all(isinstance(r["version"], int) and r["steps"] >= 1 for r in rows)
    assert main(["--ui-lang", "fr", "forms"]) == 0
    out = capsys.readouterr()
    assert all(r["id"] in out.out and r["title"] in out.out for r in rows)


def test_form_schema_gives_steps_fields_codes_and_labels(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["form-schema", MINIMAL, "--json"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert [s["id"] for s in schema["steps"]] == ["incident", "person", "findings"]
    fields = {f["id"]: f for s in schema["steps"] for f in s["fields"]}
    assert fields["priority"]["choices"][0] == {
        "code": "urgent",
        "label": {"ar": "مستعجل", "fr": "Urgent", "en": "Urgent"},
    }
    assert fields["unit_code"]["required"] is True and fields["seen_at"]["required"] is False
    assert fields["has_guardian"]["required"] == "is_minor"
    assert [f["id"] for f in fields["persons"]["fields"]] == ["role", "name"]
    assert (
        "GEN-01" in fields["indicators"]["indicators"] and "SEX-01" not in fields["indicators"]["indicators"]
    )
    assert schema["steps"][0]["provisions"] == ["27-14:448-1", "02-03:52"]


def test_validate_accepts_complete_answers(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--ui-lang", "en", "validate", MINIMAL, str(DATA / "minimal-answers.json")]) == 0
    assert capsys.readouterr().out == "No problem found: the answers are complete.\n"


@pytest.mark.parametrize(("form", "path"), EXAMPLES or [(MINIMAL, DATA / "minimal-answers.json")])
def test_validate_passes_on_every_shipped_example(form: str, path: Path) -> None:
    assert main(["validate", form, str(path)]) == 0


def test_validate_lists_every_problem_one_per_line_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--ui-lang", "en", "validate", MINIMAL, str(DATA / "minimal-broken-answers.json")])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out.splitlines() == [
        "unit_code: This answer is not written in the expected form.",
        "sequence: This answer is required.",
        "incident_date: Enter a real date, written YYYY-MM-DD.",
        "urgent_reason: This answer is required.",
        "person_nationality: EU is not a known country code.",
        "persons[0].name: This answer is required.",
        "indicators: SEX-01 is not an indicator of the checklist.",
        "consent: Record who gave consent and who may receive the data.",
        "shoe_size: warning: This answer is not a question of this form; it is ignored.",
    ]
    assert "Errors: 8. Warnings: 1." in captured.err


def test_validate_speaks_the_ui_language_and_gives_json(capsys: pytest.CaptureFixture[str]) -> None:
    broken = str(DATA / "minimal-broken-answers.json")
    assert main(["--ui-lang", "ar", "validate", MINIMAL, broken]) == 2
    assert "sequence: هذا الجواب إلزامي." in capsys.readouterr().out.splitlines()
    assert main(["--ui-lang", "fr", "validate", MINIMAL, broken, "--json"]) == 2
    problems = json.loads(capsys.readouterr().out)
    assert {
        "field": "persons",
        "where": "persons[0].name",
        "level": "error",
        "step": "person",
        "check": None,
        "message": "Cette réponse est obligatoire.",
    } in problems
    assert [p["level"] for p in problems].count("warning") == 1


def test_a_cross_field_check_appears_once_the_dates_are_valid(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads((DATA / "minimal-answers.json").read_text(encoding="utf-8"))
    data["answers"]["person_dob"] = "2027-01-01"
    data["answers"]["travel_document"]["expiry"] = "2026-01-01"
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["--ui-lang", "en", "validate", MINIMAL, str(path)]) == 2
    assert capsys.readouterr().out.splitlines() == [
        "person_dob: The date of birth must come before the date of the incident.",
        "travel_document: warning: The travel document had expired on the day of the incident.",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["validate", "no-such-form", "x.json"], "Unknown form no-such-form"),
        (["validate", MINIMAL, "missing.json"], "missing.json was not found"),
        (["form-schema", "no-such-form"], "Unknown form no-such-form"),
    ],
)
def test_unknown_forms_and_missing_files_are_bad_input(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--ui-lang", "en", *args]) == 2
    assert message in capsys.readouterr().err


def test_bad_json_and_a_broken_form_are_bad_input_with_their_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": 1,\n "form": }', encoding="utf-8")
    assert main(["--ui-lang", "en", "validate", MINIMAL, str(bad)]) == 2
    assert "bad.json is not valid JSON: the problem is at line 2, column 10." in capsys.readouterr().err
    assert main(["--ui-lang", "en", "form-schema", str(DATA / "broken-several.yaml")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("The form file broken-several.yaml has 12 problem(s).")
    assert "broken-several.yaml:27: steps[0].fields[3].show_if: unknown name 'ag'" in "\n".join(err)
    assert len(err) == 13


def test_answers_for_another_form_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads((DATA / "minimal-answers.json").read_text(encoding="utf-8"))
    data["form"] = "referral"
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["--ui-lang", "en", "validate", MINIMAL, str(path)]) == 2
    assert "holds answers for the form referral, not for minimal" in capsys.readouterr().err
