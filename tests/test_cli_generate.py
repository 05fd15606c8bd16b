"""``thbdesk generate``: the paths it wrote on stdout, every user mistake an exit 2 with a message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from thbdesk.cli import main
from thbdesk.core.paths import bundled_dir

EXAMPLES = sorted((bundled_dir("forms") / "examples").glob("*.json"))


@pytest.mark.parametrize("layout", ["parallel", "sequential", "single"])
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_in_every_layout_gives_checked_pdf_and_docx(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], example: Path, layout: str
) -> None:
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    langs = "ar" if layout == "single" else "ar,fr,en"
    args = ["generate", example.stem, "--answers", str(example), "--out", str(out)]
    assert main([*args, "--layout", layout, "--langs", langs]) == 0
    printed = [Path(line) for line in capsys.readouterr().out.splitlines()]
    assert [p.suffix for p in printed] == [".pdf", ".docx"]
    assert all(p.parent == out and p.stat().st_size > 1000 for p in printed)
    assert sorted(out.iterdir()) == sorted(printed)


def test_format_and_languages_are_honoured(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    example = bundled_dir("forms") / "examples" / "referral.json"
    args = ["generate", "referral", "--answers", str(example), "--out", str(out / "new" / "dir")]
    assert main([*args, "--format", "docx", "--langs", "fr,ar"]) == 0
    (written,) = capsys.readouterr().out.splitlines()
    assert written.endswith("-referral-parallel-fr-ar.docx") and Path(written).is_file()


def _run(out: Path, capsys: pytest.CaptureFixture[str], *extra: str, answers: Path | None = None) -> str:
    example = answers or bundled_dir("forms") / "examples" / "referral.json"
    code = main(
        ["--ui-lang", "fr", "generate", "referral", "--answers", str(example), "--out", str(out), *extra]
    )
    captured = capsys.readouterr()
    assert code == 2, captured
    assert captured.out == "" and "unexpected" not in captured.err.lower()
    return captured.err


def test_user_mistakes_exit_2_in_the_chosen_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    assert "odt" in _run(out, capsys, "--format", "odt")
    assert "de" in _run(out, capsys, "--langs", "ar,de")
    assert "single" in _run(out, capsys, "--layout", "single", "--langs", "ar,fr")
    wrong = bundled_dir("forms") / "examples" / "notice-of-rights.json"
    assert "notice-of-rights" in _run(out, capsys, answers=wrong)
    assert "missing.json" in _run(out, capsys, answers=out / "missing.json")
    assert list(out.iterdir()) == []


def test_an_existing_file_is_kept_unless_forced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    example = bundled_dir("forms") / "examples" / "referral.json"
    args = ["generate", "referral", "--answers", str(example), "--out", str(out), "--format", "pdf"]
    assert main(args) == 0
    (path,) = capsys.readouterr().out.splitlines()
    Path(path).write_bytes(b"signed")
    err = _run(out, capsys, "--format", "pdf")
    assert "existe déjà" in err and Path(path).read_bytes() == b"signed"
    assert main([*args, "--force"]) == 0
    assert Path(path).read_bytes()[:5] == b"%PDF-"


def test_incomplete_answers_still_print_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    example = json.loads((bundled_dir("forms") / "examples" / "referral.json").read_text("utf-8"))
    del example["answers"]["priority"]
    partial = out / "partial.json"
    partial.write_text(json.dumps(example), "utf-8")
    out = out / "out"
    code = main(["--ui-lang", "en", "generate", "referral", "--answers", str(partial), "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 0 and "thbdesk validate" in captured.err
    assert len(captured.out.splitlines()) == 2
