"""Backups: an archive that needs the passphrase, and a restore that changes nothing until all is checked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from thbdesk.core.errors import (
    BackupInvalidError,
    OutputExistsError,
    RegisterLockedError,
    RegisterNewerError,
    WrongPassphraseError,
)
from thbdesk.core.register import db
from thbdesk.core.register.backup import auto_backup, automatic_backups, backup, restore
from thbdesk.core.register.keys import KeyFile
from thbdesk.core.register.store import DocumentRecord, Register

PASS = "correct horse battery"
NAME = "Zineb Amrani"


def _record(reference: str) -> DocumentRecord:
    return DocumentRecord(
        reference=reference,
        form="referral",
        form_version=1,
        langs=("ar", "fr"),
        layout="parallel",
        fingerprint="ab12cd34",
        author="Officer",
        files={"pdf": b"%PDF-1.7 " + reference.encode()},
        person_names=(NAME,),
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "register"


@pytest.fixture
def register(folder: Path) -> Register:
    reg = Register.create(PASS, folder, kdf_n=2**10)
    reg.add_document(_record("TNG1-2026-0001"))
    return reg


def _references(folder: Path) -> list[str]:
    reg = Register.open(PASS, folder)
    try:
        return [row.reference for row in reg.documents()]
    finally:
        reg.close()


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def test_good_restore_brings_the_data_back_and_keeps_the_old_database(
    register: Register, folder: Path, tmp_path: Path
) -> None:
    archive = backup(register, tmp_path / "monday.thbbackup")
    register.add_document(_record("TNG1-2026-0002"))
    register.close()
    assert sorted(_references(folder)) == ["TNG1-2026-0001", "TNG1-2026-0002"]

    kept = restore(archive, PASS, folder)

    assert _references(folder) == ["TNG1-2026-0001"]
    assert kept is not None and kept.name.startswith("register.sqlite3.before-restore-")
    assert kept.parent == folder
    earlier = tmp_path / "earlier"  # the set-aside copy still opens, with its own key file
    earlier.mkdir()
    os.replace(kept, earlier / "register.sqlite3")
    stamp = kept.name.removeprefix("register.sqlite3.before-restore-")
    os.replace(folder / f"register.key.json.before-restore-{stamp}", earlier / "register.key.json")
    assert len(_references(earlier)) == 2


def test_archive_holds_no_plaintext_name(register: Register, tmp_path: Path) -> None:
    archive = backup(register, tmp_path / "b.thbbackup")
    data = archive.read_bytes()
    assert NAME.encode("utf-8") not in data and NAME.encode("utf-16-le") not in data
    assert oct(archive.stat().st_mode & 0o777) == oct(0o600)


def test_backup_never_replaces_a_file(register: Register, tmp_path: Path) -> None:
    out = tmp_path / "b.thbbackup"
    out.write_bytes(b"precious")
    with pytest.raises(OutputExistsError):
        backup(register, out)
    assert out.read_bytes() == b"precious"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".thbdesk-")] == []


def _rewrite(archive: Path, target: Path, change: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(archive) as src, zipfile.ZipFile(target, "w") as dst:
        for name in src.namelist():
            dst.writestr(name, change.get(name, src.read(name)))
    return target


def _invalid_cases(archive: Path, tmp_path: Path) -> dict[str, Path]:
    data = archive.read_bytes()
    truncated = tmp_path / "truncated.thbbackup"
    truncated.write_bytes(data[: len(data) // 2])
    with zipfile.ZipFile(archive) as zf:
        database = bytearray(zf.read("register.sqlite3"))
    database[5000] ^= 0xFF
    manifest = {"format": "thbdesk-register-backup", "version": 1, "files": {}}
    return {
        "truncated": truncated,
        "tampered": _rewrite(archive, tmp_path / "tampered.thbbackup", {"register.sqlite3": bytes(database)}),
        "manifest": _rewrite(
            archive, tmp_path / "manifest.thbbackup", {"manifest.json": json.dumps(manifest).encode()}
        ),
        "not a zip": _write(tmp_path / "notes.thbbackup", b"hello"),
        "folder": _mkdir(tmp_path / "a-folder"),
    }


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path


def test_a_damaged_archive_is_refused_and_nothing_is_replaced(
    register: Register, folder: Path, tmp_path: Path
) -> None:
    archive = backup(register, tmp_path / "b.thbbackup")
    register.add_document(_record("TNG1-2026-0002"))
    register.close()
    before = _snapshot(folder)
    for case, path in _invalid_cases(archive, tmp_path).items():
        with pytest.raises(BackupInvalidError):
            restore(path, PASS, folder)
        assert _snapshot(folder) == before, case
    assert len(_references(folder)) == 2


def test_a_wrong_passphrase_is_refused_and_nothing_is_replaced(
    register: Register, folder: Path, tmp_path: Path
) -> None:
    archive = backup(register, tmp_path / "b.thbbackup")
    register.close()
    before = _snapshot(folder)
    with pytest.raises(WrongPassphraseError):
        restore(archive, "not the passphrase", folder)
    assert _snapshot(folder) == before


def _edit_database(archive: Path, sql: str, params: tuple[object, ...], tmp_path: Path) -> Path:
    """A backup whose database was changed with the right key (an insider, or a newer thbdesk)."""
    work = tmp_path / "edit"
    work.mkdir()
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(work)
    key = KeyFile.read(work)
    assert key is not None
    conn = db.connect(work / "register.sqlite3", key.key_for(PASS) or b"")
    conn.execute(sql, params)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    from thbdesk.core.register.backup import _write_archive

    out = tmp_path / "edited.thbbackup"
    os.remove(work / "manifest.json")
    _write_archive(out, work / "register.sqlite3", work / "register.key.json")
    return out


def test_a_key_file_asking_for_huge_memory_is_refused(
    register: Register, folder: Path, tmp_path: Path
) -> None:
    archive = backup(register, tmp_path / "b.thbbackup")
    register.close()
    work = tmp_path / "edit"
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(work)
    key = json.loads((work / "register.key.json").read_text())
    (work / "register.key.json").write_text(json.dumps({**key, "n": 2**20, "r": 1024}))
    from thbdesk.core.register.backup import _write_archive

    crafted = tmp_path / "crafted.thbbackup"
    _write_archive(crafted, work / "register.sqlite3", work / "register.key.json")
    before = _snapshot(folder)
    with pytest.raises(BackupInvalidError):
        restore(crafted, PASS, folder)
    assert _snapshot(folder) == before


def test_a_newer_schema_is_refused(register: Register, folder: Path, tmp_path: Path) -> None:
    archive = backup(register, tmp_path / "b.thbbackup")
    register.close()
    newer = _edit_database(archive, "UPDATE schema_version SET version = ?", (999,), tmp_path)
    before = _snapshot(folder)
    with pytest.raises(RegisterNewerError):
        restore(newer, PASS, folder)
    assert _snapshot(folder) == before


def test_an_edited_audit_log_is_refused(register: Register, folder: Path, tmp_path: Path) -> None:
    archive = backup(register, tmp_path / "b.thbbackup")
    register.close()
    edited = _edit_database(archive, "UPDATE audit SET target = ? WHERE id = 1", ("someone else",), tmp_path)
    before = _snapshot(folder)
    with pytest.raises(BackupInvalidError) as caught:
        restore(edited, PASS, folder)
    assert "audit" in caught.value.user_message("en")
    assert "سجل تدقيقه" in caught.value.user_message("ar")
    assert _snapshot(folder) == before


_HOLDER = """
import sys, time
from pathlib import Path
from thbdesk.core.register.store import Register
register = Register.open(sys.argv[1], Path(sys.argv[2]))
register.documents()
print("ready", flush=True)
time.sleep(60)
"""


def test_a_register_open_in_another_process_is_not_replaced(
    register: Register, folder: Path, tmp_path: Path
) -> None:
    archive = backup(register, tmp_path / "b.thbbackup")
    register.close()
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, PASS, str(folder)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        before = _snapshot(folder)
        with pytest.raises(RegisterLockedError):
            restore(archive, PASS, folder)
        assert _snapshot(folder) == before
    finally:
        holder.kill()
        holder.wait()
    assert restore(archive, PASS, folder) is not None  # once the other window is closed


def test_restore_into_an_empty_folder_creates_the_register(register: Register, tmp_path: Path) -> None:
    archive = backup(register, tmp_path / "b.thbbackup")
    register.close()
    fresh = tmp_path / "new-machine"
    assert restore(archive, PASS, fresh) is None
    assert _references(fresh) == ["TNG1-2026-0001"]


def test_auto_backup_once_a_day_keeping_the_newest(register: Register, folder: Path) -> None:
    start = datetime(2026, 3, 1, 9)
    for day in range(5):
        assert auto_backup(register, keep=3, now=start + timedelta(days=day)) is not None
    assert auto_backup(register, keep=3, now=start + timedelta(days=4, hours=5)) is None
    names = [p.name for p in automatic_backups(folder)]
    assert names == [f"register-2026-03-0{d}.thbbackup" for d in (3, 4, 5)]
    register.close()
    restore(automatic_backups(folder)[-1], PASS, folder)
    assert _references(folder) == ["TNG1-2026-0001"]


@pytest.mark.parametrize("moves_before_the_kill", [0, 1, 2, 3, 4])
def test_a_restore_killed_between_its_moves_is_finished_at_the_next_opening(
    register: Register,
    folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    moves_before_the_kill: int,
) -> None:
    """Each file is moved with os.replace; a kill after any of them must not leave the officer with no
    register, or with a key that does not open the database. Move 0 is the journal's own: killed
    there, the restore never began and the register is the one in use, whole."""
    from thbdesk.core.register import swap

    archive = tmp_path / "saved.thbbackup"
    backup(register, archive)
    register.add_document(_record("TNG1-2026-0002"))  # only in the register, not in the backup
    register.close()

    class Killed(BaseException):
        pass

    real_replace = swap.os.replace
    calls = {"n": 0}

    def replace_then_die(src: object, dst: object) -> None:
        if calls["n"] == moves_before_the_kill:
            raise Killed
        calls["n"] += 1
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(swap.os, "replace", replace_then_die)
    with pytest.raises(Killed):
        restore(archive, PASS, folder)
    monkeypatch.setattr(swap.os, "replace", real_replace)

    assert Register.exists(folder)
    assert not (folder / swap.JOURNAL).exists()
    assert not [p for p in folder.iterdir() if p.name.startswith(swap.STAGING_PREFIX)]
    kept = list(folder.glob("register.sqlite3.before-restore-*"))
    if moves_before_the_kill == 0:
        assert _references(folder) == ["TNG1-2026-0002", "TNG1-2026-0001"] and not kept
    else:
        assert _references(folder) == ["TNG1-2026-0001"]  # the backup's content, whole
        assert any(p.name.endswith(tuple("0123456789")) for p in kept)  # the old database, set aside
