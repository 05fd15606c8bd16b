"""What a user can get wrong with the library commands: every case exits 2 with a message in the
--ui-lang language, never "unexpected error"; names never drive the terminal."""

from __future__ import annotations

import errno
import json
import os
import time
from pathlib import Path

import pytest

from thbdesk.cli import main
from thbdesk.core.legal import catalogue

from .core.legal.store_helpers import publication

UNEXPECTED = "unexpected"


def official(capsys: pytest.CaptureFixture[str]) -> list[dict]:
    assert main(["texts", "--json"]) == 0
    return [r for r in json.loads(capsys.readouterr().out) if r["source"] == "official"]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    assert UNEXPECTED not in captured.err.lower() and "inattendue" not in captured.err
    return code, captured.out, captured.err


def test_a_missing_path_and_a_folder_are_refused_in_french(tmp_path: Path, capsys) -> None:
    code, _out, err = run(capsys, "--ui-lang", "fr", "import", str(tmp_path / "absent.pdf"))
    assert code == 2 and "absent.pdf" in err and "introuvable" in err
    code, _out, err = run(capsys, "--ui-lang", "fr", "import", str(tmp_path))
    assert code == 2 and "dossier" in err


def test_a_fifo_and_a_device_are_refused_at_once(tmp_path: Path, capsys) -> None:
    fifo = tmp_path / "tube"
    os.mkfifo(fifo)
    started = time.monotonic()
    for target in (str(fifo), "/dev/zero"):
        code, _out, err = run(capsys, "--ui-lang", "en", "import", target)
        assert code == 2 and "not an ordinary file" in err
    assert time.monotonic() - started < 2


def test_an_unreadable_file_is_bad_input(tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    source = publication(tmp_path, 1)
    real_open = Path.open

    def denied(self: Path, *args, **kwargs):
        if self == source:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", denied)
    code, _out, err = run(capsys, "--ui-lang", "en", "import", str(source))
    assert code == 2 and "cannot be read" in err


def test_a_full_disk_and_a_read_only_folder_are_bad_input(tmp_path: Path, capsys, monkeypatch) -> None:
    def full(source: Path, target: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(catalogue, "copy_private", full)
    code, _out, err = run(capsys, "--ui-lang", "fr", "import", str(publication(tmp_path, 1)))
    assert code == 2 and "disque est plein" in err

    def read_only(path: Path) -> Path:
        raise OSError(errno.EROFS, "Read-only file system", str(path))

    monkeypatch.setattr(catalogue, "private_dir", read_only)
    code, _out, err = run(capsys, "--ui-lang", "en", "import", str(publication(tmp_path, 2)))
    assert code == 2 and "read-only" in err
    code, out, err = run(capsys, "--ui-lang", "en", "texts")
    assert code == 0 and "27-14" in out and "bundled texts are still available" in err


def test_several_files_go_on_past_a_bad_one_and_report_each(tmp_path: Path, capsys) -> None:
    good = [publication(tmp_path, n) for n in (1, 2)]
    bad = tmp_path / "vide.txt"
    bad.write_text("", encoding="utf-8")
    code, out, err = run(capsys, "--ui-lang", "en", "import", str(good[0]), str(bad), str(good[1]))
    assert code == 2
    assert [line.split(":")[0] for line in out.splitlines()] == ["publication-1.txt", "publication-2.txt"]
    assert "vide.txt" in err and "Files not imported: 1 of 3." in err
    assert len(official(capsys)) == 2
    code, out, _err = run(capsys, "--ui-lang", "en", "import", str(good[0]), str(good[1]))
    assert code == 0 and out.count("already in the library") == 2


def test_remove_refuses_an_empty_short_or_ambiguous_id(tmp_path: Path, capsys) -> None:
    run(capsys, "import", str(publication(tmp_path, 1)))
    text_id = official(capsys)[0]["id"]
    for bad, words in (("", "at least 4"), ("abc", "at least 4"), ("zzzz", "Unknown text")):
        code, _out, err = run(capsys, "--ui-lang", "en", "remove", bad)
        assert code == 2 and words in err
    assert len(official(capsys)) == 1, 'remove "" removed a text before'
    code, out, _err = run(capsys, "--ui-lang", "en", "remove", text_id[:4])
    assert code == 0 and "publication-1.txt was removed" in out
    assert official(capsys) == []


@pytest.mark.parametrize("limit", [str(10**12), "-1", "0"])
def test_a_limit_out_of_range_is_bad_input(capsys, limit: str) -> None:
    code, _out, err = run(capsys, "--ui-lang", "fr", "search", "448-5", "--limit", limit)
    assert code == 2 and "1000" in err


def test_control_characters_in_a_file_name_are_escaped(tmp_path: Path, capsys) -> None:
    hostile = tmp_path / "loi\x1b[2J\rfausse.txt"
    hostile.write_bytes(publication(tmp_path, 1).read_bytes())
    code, out, err = run(capsys, "--ui-lang", "en", "import", str(hostile))
    assert code == 0 and "loi\\x1b[2J\\rfausse.txt" in out
    code, out, _err = run(capsys, "texts")
    assert "\\x1b[2J" in out
    missing = tmp_path / "absent\x1b]0;pwned\x07.txt"
    code, out, err = run(capsys, "--ui-lang", "en", "import", str(missing))
    for text in (out, err):
        assert "\x1b" not in text and "\r" not in text and "\x07" not in text


def test_progress_is_printed_as_plain_lines_when_stderr_is_a_log(tmp_path: Path, capsys) -> None:
    code, _out, err = run(capsys, "--ui-lang", "en", "import", str(publication(tmp_path, 1)))
    lines = [line for line in err.splitlines() if "publication-1.txt" in line]
    assert code == 0 and "\r" not in err
    assert len(lines) >= 3 and lines[0].rstrip().endswith("0% publication-1.txt")
    assert lines[-1].startswith("[########################] 100%")


def test_a_damaged_catalogue_never_breaks_search_or_the_listing(tmp_path: Path, capsys, thbdesk_home) -> None:
    run(capsys, "import", str(publication(tmp_path, 1)))
    db = thbdesk_home / "data" / "library" / catalogue.DB_FILE
    db.write_bytes(b"\x00garbage" * 512)
    code, out, err = run(capsys, "--ui-lang", "en", "search", "448-5", "--json")
    assert code == 0 and json.loads(out) and "was damaged" in err
    code, out, err = run(capsys, "--ui-lang", "en", "texts")
    assert code == 0 and "publication-1.txt" in out, "rebuilt from the text's folder"


@pytest.mark.parametrize(
    "damage",
    ["deep", "folder", "binary", "types", "huge"],
)
def test_damaged_settings_are_set_aside_and_told_in_the_ui_language(
    thbdesk_home: Path, capsys, damage: str
) -> None:
    path = thbdesk_home / "config" / "settings.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    if damage == "deep":
        path.write_text("[" * 100_000 + "]" * 100_000)
    elif damage == "folder":
        path.mkdir()
    elif damage == "binary":
        path.write_bytes(bytes(range(256)) * 8)
    elif damage == "types":
        path.write_text('{"version": 1, "language": ["fr"], "document_languages": "ar"}')
    else:
        path.write_text('{"version": 1, "officer": {"name": "' + "x" * (2 << 20) + '"}}')
    code, out, err = run(capsys, "--ui-lang", "fr", "texts")
    assert code == 0 and "27-14" in out
    assert "Votre fichier de paramètres" in err and "settings.json.bak" in err
    assert not path.exists() and (path.parent / "settings.json.bak").exists()
