"""``thbdesk qualify FORM ANSWERS.json [--json]`` as a supervisor runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from thbdesk.cli import main
from thbdesk.core.legal.loader import bundled_corpus

MINOR_REFERRAL = {
    "format": 1,
    "form": "referral",
    "form_version": 1,
    "saved_at": "2026-11-30T10:00:00+00:00",
    "answers": {
        "person_dob": "2010-03-12",
        "incident_date": "2026-11-20",
        "qual_acts": ["transport", "harbour"],
        "qual_means": [],
        "qual_purposes": ["begging"],
        "qual_crossing": True,
        "qual_consent_to_crossing": True,
        "qual_paid_for_crossing": True,
        "qual_circumstances": ["several_offenders", "transnational"],
        "narrative": {"text": "…", "lang": "ar"},
    },
}


def answers_file(tmp_path: Path, content: object, name: str = "answers.json") -> Path:
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return path


def test_json_output_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["qualify", "referral", str(answers_file(tmp_path, MINOR_REFERRAL)), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {
        "form", "decision_support", "age", "elements", "aggravations",
        "basic_penalty", "distinction", "statuses",
    }  # fmt: skip
    assert data["form"] == "referral" and data["decision_support"] is True
    assert data["age"] == {"status": "minor", "years": 16, "basis": "dob", "disputed": False}
    assert [(e["element"], e["status"]) for e in data["elements"]] == [
        ("act", "met"),
        ("means", "not_required"),
        ("purpose", "met"),
    ]
    assert [(a["circumstance"], a["tier"], a["provision"]) for a in data["aggravations"]] == [
        ("several_offenders", "1", "27-14:448-3"),
        ("minor", "2", "27-14:448-4"),
        ("transnational", "3", "27-14:448-5"),
    ]
    fine = data["aggravations"][2]["penalties"][1]
    corpus_fine = bundled_corpus().resolve("27-14:448-5", "").penalties[1]
    assert (fine["kind"], fine["min"], fine["max"]) == ("fine", corpus_fine.min, corpus_fine.max)
    assert data["distinction"]["outcome"] == "both"
    assert "02-03:52" in {p for r in data["distinction"]["reasons"] for p in r["provisions"]}


def test_plain_output_in_french(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--ui-lang", "fr", "qualify", "referral", str(answers_file(tmp_path, MINOR_REFERRAL))]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == lines[-1] and "procureur" in lines[0]  # the disclaimer opens and closes the output
    assert "  Moyens : non requis (mineur)" in lines
    assert any(line.startswith("  Palier 2 — Loi 27-14 · Article 448-4, cas 1") for line in lines)
    assert "Réclusion de 20 à 30 ans" in out and "Loi 02-03 · Article 52" in out
    assert "\u2066" not in out  # display isolates are for widgets, not terminals


def test_plain_output_in_arabic_names_articles_the_arabic_way(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--ui-lang", "ar", "qualify", "referral", str(answers_file(tmp_path, MINOR_REFERRAL))]) == 0
    out = capsys.readouterr().out
    assert "الفصل 4-448" in out and "المادة 52" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "is not valid JSON: the problem is at line 1, column 2"),
        ([1, 2], "is not a thbdesk answers file"),
        ({"format": 2, "form": "referral", "form_version": 1, "answers": {}}, "(format)"),
        ({"format": 1, "form": "referral", "form_version": 1, "answers": [1]}, "(answers)"),
        (
            {"format": 1, "form": "incident-report", "form_version": 1, "answers": {}},
            "holds answers for the form incident-report, not for referral",
        ),
    ],
)
def test_bad_answers_exit_2_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: object, message: str
) -> None:
    path = answers_file(tmp_path, content)
    assert main(["--ui-lang", "en", "qualify", "referral", str(path)]) == 2
    captured = capsys.readouterr()
    assert message in captured.err and not captured.out


def test_non_utf8_answers_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes(b'{"format": 1, "form": "referral", "form_version": 1, "answers": {"x": "\xe9"}}')
    assert main(["--ui-lang", "en", "qualify", "referral", str(path)]) == 2
    assert "not UTF-8 text" in capsys.readouterr().err


def test_missing_file_and_folder_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--ui-lang", "fr", "qualify", "referral", str(tmp_path / "absent.json")]) == 2
    assert "introuvable" in capsys.readouterr().err
    assert main(["--ui-lang", "en", "qualify", "referral", str(tmp_path)]) == 2
    assert "cannot be read" in capsys.readouterr().err


def test_a_form_without_qualification_questions_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = answers_file(tmp_path, {**MINOR_REFERRAL, "form": "notice-of-rights"})
    assert main(["--ui-lang", "en", "qualify", "notice-of-rights", str(path)]) == 2
    assert "Use one of: incident-report, referral" in capsys.readouterr().err


def test_garbage_answer_values_still_give_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = {
        "format": 1,
        "form": "incident-report",
        "form_version": 1,
        "answers": {"qual_acts": "yes", "person_dob": 12, "qual_crossing": "maybe"},
    }
    assert main(["qualify", "incident-report", str(answers_file(tmp_path, content)), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["distinction"]["outcome"] == "insufficient"
