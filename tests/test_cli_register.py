"""The register from the shell: init, list, audit verify, stats, backup, restore, and ``generate`` recording
what it wrote. Every user mistake is exit 2 with a message in the chosen language, and changes nothing."""

from __future__ import annotations

import csv
import errno
import io
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from thbdesk.cli import main
from thbdesk.core.forms.answers import Answers
from thbdesk.core.paths import bundled_dir
from thbdesk.core.register import backup as backup_module
from thbdesk.core.register import db
from thbdesk.core.register.keys import KeyFile
from thbdesk.core.register.store import DocumentRecord, Register, register_dir

PASS = "a long enough passphrase"
EXAMPLE = bundled_dir("forms") / "examples" / "referral.json"


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "pass.txt"
    path.write_text(PASS + "\n", encoding="utf-8")
    path.chmod(0o600)
    return path


@pytest.fixture
def no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Like a script or cron: stdin is not a terminal."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))


@contextmanager
def _raw() -> Iterator[db.sqlite.Connection]:
    """The database opened with the right key but around the register: what an insider could do."""
    key = KeyFile.read(register_dir())
    assert key is not None
    conn = db.connect(register_dir() / "register.sqlite3", key.key_for(PASS) or b"")
    try:
        yield conn
    finally:
        conn.close()


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--ui-lang", "fr", *args])
    captured = capsys.readouterr()
    assert "unexpected" not in captured.err.lower() and "inattendue" not in captured.err.lower()
    return code, captured.out, captured.err


@pytest.fixture
def initialised(secret: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    code, out, _err = _run(capsys, "register", "init", "--passphrase-file", str(secret))
    assert code == 0 and str(register_dir()) in out
    return secret


def _prompts(monkeypatch: pytest.MonkeyPatch, *answers: str) -> list[str]:
    asked: list[str] = []
    replies = iter(answers)

    def fake_getpass(prompt: str = "") -> str:
        asked.append(prompt)
        return next(replies)

    monkeypatch.setattr("getpass.getpass", fake_getpass)
    return asked


# --- init ------------------------------------------------------------------------------------------


def test_init_at_the_prompt_asks_twice(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    asked = _prompts(monkeypatch, PASS, PASS)
    code, _out, _err = _run(capsys, "register", "init")
    assert code == 0 and len(asked) == 2
    assert Register.exists()


@pytest.mark.parametrize(
    ("replies", "expected"), [((PASS, PASS + "x"), "différent"), (("short", "short"), "10")]
)
def test_init_refuses_a_mismatch_or_a_short_passphrase(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    replies: tuple[str, str],
    expected: str,
) -> None:
    _prompts(monkeypatch, *replies)
    code, _out, err = _run(capsys, "register", "init")
    assert code == 2 and expected in err
    assert not Register.exists()


def test_init_twice_is_refused_before_any_prompt(
    initialised: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    asked = _prompts(monkeypatch)
    code, _out, err = _run(capsys, "register", "init")
    assert code == 2 and asked == [] and str(register_dir()) in err


def test_passphrase_file_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("\n")
    for path in (empty, tmp_path / "missing.txt", tmp_path):
        code, _out, err = _run(capsys, "register", "init", "--passphrase-file", str(path))
        assert code == 2 and str(path) in err
    loose = tmp_path / "loose.txt"
    loose.write_text(PASS + "\r\n")
    loose.chmod(0o644)
    code, _out, err = _run(capsys, "register", "init", "--passphrase-file", str(loose))
    assert code == 0 and "chmod 600" in err
    Register.open(PASS).close()  # the line end was not part of the passphrase


# --- list, wrong passphrase, no register -----------------------------------------------------------


def test_list_without_a_register_says_how_to_create_one(
    secret: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = _run(capsys, "register", "list", "--passphrase-file", str(secret))
    assert code == 2 and "thbdesk register init" in err


@pytest.mark.parametrize("limit", ["0", "-5", "100001"])
def test_list_refuses_a_limit_out_of_range(
    initialised: Path, capsys: pytest.CaptureFixture[str], limit: str
) -> None:
    code, out, err = _run(capsys, "register", "list", "--limit", limit, "--passphrase-file", str(initialised))
    assert code == 2 and out == "" and "100000" in err


def test_a_wrong_passphrase_is_exit_2(
    initialised: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase at all")
    wrong.chmod(0o600)
    code, _out, err = _run(capsys, "register", "list", "--passphrase-file", str(wrong))
    assert code == 2 and err.strip()


def _generate(capsys: pytest.CaptureFixture[str], out: Path, *extra: str) -> tuple[int, str, str]:
    args = ["generate", "referral", "--answers", str(EXAMPLE), "--out", str(out), "--format", "docx"]
    return _run(capsys, *args, *extra)


def test_generate_records_the_documents_as_an_export(
    initialised: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = _generate(capsys, tmp_path / "out", "--passphrase-file", str(initialised))
    assert code == 0
    (written,) = out.splitlines()
    code, out, _err = _run(capsys, "register", "list", "--json", "--passphrase-file", str(initialised))
    assert code == 0
    (row,) = json.loads(out)
    assert row["form"] == "referral" and row["formats"] == ["docx"] and row["status"]
    assert row["exported_to"] == [str(Path(written).resolve())]
    assert "files" not in row and len(out) < 5000  # rows, never the documents' bytes
    register = Register.open(PASS)
    try:
        (doc,) = register.documents()
        assert register.document_file(doc.id, "docx") == Path(written).read_bytes()
    finally:
        register.close()
    with _raw() as conn:
        actions = [row[0] for row in conn.execute("SELECT action FROM audit ORDER BY id")]
    assert actions.index("generate") < actions.index("export")


def test_generate_without_a_passphrase_writes_the_files_and_says_the_register_was_not_updated(
    initialised: Path, tmp_path: Path, no_terminal: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _generate(capsys, tmp_path / "out")
    assert code == 0 and Path(out.strip()).is_file()
    assert "--passphrase-file" in err
    register = Register.open(PASS)
    try:
        assert register.documents() == []
    finally:
        register.close()


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_generate_at_a_terminal_asks_for_the_passphrase(
    initialised: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", _Terminal(""))
    asked = _prompts(monkeypatch, PASS)
    code, _out, _err = _generate(capsys, tmp_path / "out")
    assert code == 0 and len(asked) == 1
    assert [
        row["form"]
        for row in json.loads(
            _run(capsys, "register", "list", "--json", "--passphrase-file", str(initialised))[1]
        )
    ] == ["referral"]


def test_generate_with_a_wrong_passphrase_writes_nothing(
    initialised: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase at all")
    wrong.chmod(0o600)
    code, _out, _err = _generate(capsys, tmp_path / "out", "--passphrase-file", str(wrong))
    assert code == 2 and not (tmp_path / "out").exists()


def test_generate_without_a_register_is_unchanged(
    tmp_path: Path, no_terminal: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _generate(capsys, tmp_path / "out")
    assert code == 0 and Path(out.strip()).is_file() and err == ""
    assert not Register.exists()


# --- audit verify ----------------------------------------------------------------------------------


@pytest.fixture
def audited(initialised: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A register with a few audit rows: create, generate, export, and a listing."""
    assert _generate(capsys, tmp_path / "out", "--passphrase-file", str(initialised))[0] == 0
    return initialised


def test_audit_verify_an_intact_log(audited: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with _raw() as conn:
        count = conn.execute("SELECT count(*) FROM audit").fetchone()[0]
    code, out, _err = _run(capsys, "audit", "verify", "--passphrase-file", str(audited))
    assert code == 0 and f": {count} " in out and count >= 3


@pytest.mark.parametrize(
    ("sql", "reason"),
    [
        ("UPDATE audit SET target = 'doc:999' WHERE id = 2", "modifiée"),
        ("DELETE FROM audit WHERE id = 2", "supprimée"),
    ],
)
def test_audit_verify_names_an_edited_or_deleted_row(
    audited: Path, capsys: pytest.CaptureFixture[str], sql: str, reason: str
) -> None:
    with _raw() as conn:
        conn.execute(sql)
    code, out, err = _run(capsys, "audit", "verify", "--passphrase-file", str(audited))
    assert code == 2 and out == ""
    assert " 2" in err and reason in err


# --- stats -----------------------------------------------------------------------------------------


def test_stats_writes_a_suppressed_csv_and_never_replaces_a_file(
    audited: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "stats.csv"
    code, printed, _err = _run(capsys, "stats", "--out", str(out), "--passphrase-file", str(audited))
    assert code == 0 and printed.strip() == str(out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["dimension", "value", "count"]
    assert rows[1] == ["total", "all", "<5"]  # one document: every count is hidden
    assert all(row[2] == "<5" for row in rows[1:])
    code, _out, err = _run(capsys, "stats", "--out", str(out), "--passphrase-file", str(audited))
    assert code == 2 and str(out) in err and out.read_bytes() == data


# --- backup / restore ------------------------------------------------------------------------------


def _list_refs(secret: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    code, out, _err = _run(capsys, "register", "list", "--json", "--passphrase-file", str(secret))
    assert code == 0
    return [row["reference"] for row in json.loads(out)]


def test_backup_then_restore_brings_back_the_register(
    audited: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "save.thbbackup"
    code, out, _err = _run(capsys, "backup", str(archive), "--passphrase-file", str(audited))
    assert code == 0 and out.strip() == str(archive) and archive.is_file()
    assert _run(capsys, "backup", str(archive), "--passphrase-file", str(audited))[0] == 2
    assert _generate(capsys, tmp_path / "out2", "--passphrase-file", str(audited))[0] == 0
    assert len(_list_refs(audited, capsys)) == 2

    code, out, _err = _run(capsys, "restore", str(archive), "--passphrase-file", str(audited))
    assert code == 0 and "before-restore" in out
    assert len(_list_refs(audited, capsys)) == 1
    assert _run(capsys, "audit", "verify", "--passphrase-file", str(audited))[0] == 0


def test_restore_refuses_a_damaged_archive_in_the_chosen_language(
    audited: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "save.thbbackup"
    assert _run(capsys, "backup", str(archive), "--passphrase-file", str(audited))[0] == 0
    truncated = tmp_path / "cut.thbbackup"
    truncated.write_bytes(archive.read_bytes()[:-100])
    before = (register_dir() / "register.sqlite3").read_bytes()
    code, _out, err = _run(capsys, "restore", str(truncated), "--passphrase-file", str(audited))
    assert code == 2 and "cut.thbbackup" in err and "incomplète" in err and "Rien" in err
    assert (register_dir() / "register.sqlite3").read_bytes() == before


# --- automatic backups -----------------------------------------------------------------------------


def test_the_first_command_of_the_day_makes_the_automatic_backup(
    audited: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (made,) = backup_module.automatic_backups(register_dir())  # by the generate of the fixture
    assert made.name.startswith("register-") and made.suffix == ".thbbackup"
    assert _run(capsys, "register", "list", "--passphrase-file", str(audited))[0] == 0
    assert backup_module.automatic_backups(register_dir()) == [made]


def test_a_full_disk_during_the_automatic_backup_is_a_warning_only(
    initialised: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup_module, "_write_archive", full)
    code, _out, err = _run(capsys, "register", "list", "--passphrase-file", str(initialised))
    assert code == 0 and "sauvegarde automatique" in err
    assert backup_module.automatic_backups(register_dir()) == []
    leftovers = [p.name for p in (register_dir() / "backups").iterdir()]
    assert leftovers == []


# --- statistics of a fixture register (acceptance) -------------------------------------------------


def _case(index: int, unit: str, nationality: str, purposes: list[str]) -> DocumentRecord:
    answers = {
        "incident_date": f"2026-0{1 + index % 2}-15",
        "unit_code": unit,
        "person_nationality": nationality,
        "person_sex": "female" if index % 3 else "male",
        "person_dob": "2001-05-02",
        "person_name": f"Person {index}",
        "qual_purposes": purposes,
    }
    return DocumentRecord(
        reference=f"{unit}-2026-{index:04d}",
        form="referral",
        form_version=1,
        langs=("ar",),
        layout="single",
        fingerprint=f"{index:08x}",
        author="Officer",
        files={"pdf": b"%PDF"},
        person_names=(f"Person {index}",),
        answers=Answers("referral", 1, answers),
    )


def test_stats_of_a_fixture_register_has_no_small_cell_and_no_formula(
    secret: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = Register.create(PASS, kdf_n=2**10)
    cases = [_case(i, "TNG1", "NG", ["sexual_exploitation"]) for i in range(30)]
    cases += [_case(30 + i, "-cmd", "+SN", ["@begging", "forced_labour"]) for i in range(3)]
    cases += [_case(40 + i, "NDR2", "CM", ["forced_labour"]) for i in range(8)]
    for case in cases:
        register.add_document(case)
    register.close()
    out = tmp_path / "stats.csv"
    code, _out, _err = _run(capsys, "stats", "--out", str(out), "--passphrase-file", str(secret))
    assert code == 0
    text = out.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))[1:]
    assert ["total", "all", "41"] in rows and ["border_post", "TNG1", "30"] in rows
    assert all(row[2] == "<5" or int(row[2]) >= 5 for row in rows)
    assert not any(field.startswith(("=", "+", "-", "@")) for row in rows for field in row)
    assert ["border_post", "'-cmd", "<5"] in rows  # a code that passed the register's check
    assert "Person" not in text and "TNG1-2026" not in text  # no name, no reference
