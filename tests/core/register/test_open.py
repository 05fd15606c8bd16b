"""Creating, unlocking and refusing: the register's front door."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from thbdesk.core.errors import (
    PassphraseTooShortError,
    RegisterCorruptError,
    RegisterExistsError,
    RegisterLockedError,
    RegisterMissingError,
    UnlockTooSoonError,
    WrongPassphraseError,
)
from thbdesk.core.register import keys
from thbdesk.core.register.store import Register

from .conftest import PASSPHRASE, TEST_KDF_N, answers


def test_created_register_reopens_with_its_passphrase_and_keeps_drafts(folder: Path) -> None:
    reg = Register.create(PASSPHRASE, folder, kdf_n=TEST_KDF_N)
    reg.drafts().save("referral-a", answers())
    reg.close()
    assert Register.exists(folder)
    again = Register.open(PASSPHRASE, folder)
    assert again.drafts().load("referral-a").answers["person_sex"] == "female"
    assert again.schema_version() >= 1
    again.close()


def test_files_are_private_and_the_key_file_holds_no_secret(register: Register, folder: Path) -> None:
    register.drafts().save("referral-a", answers())
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for path in folder.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    data = json.loads((folder / keys.KEY_FILE).read_text())
    assert PASSPHRASE not in json.dumps(data)
    assert set(data) == {"format", "kdf", "salt", "n", "r", "p", "check"}


def test_product_default_scrypt_cost_is_2_to_the_15(folder: Path) -> None:
    Register.create(PASSPHRASE, folder).close()
    assert json.loads((folder / keys.KEY_FILE).read_text())["n"] == 2**15


def test_create_refuses_an_existing_register_and_a_short_passphrase(register: Register, folder: Path) -> None:
    with pytest.raises(RegisterExistsError):
        Register.create(PASSPHRASE, folder, kdf_n=TEST_KDF_N)
    with pytest.raises(PassphraseTooShortError):
        Register.create("short", folder.parent / "other", kdf_n=TEST_KDF_N)


def test_open_without_register_says_how_to_create_one(folder: Path) -> None:
    with pytest.raises(RegisterMissingError) as caught:
        Register.open(PASSPHRASE, folder)
    assert "register init" in caught.value.user_message("en")
    assert not Register.exists(folder)


def test_wrong_passphrase_waits_longer_each_time_and_survives_a_restart(
    register: Register, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    register.close()
    clock = [1_000_000.0]
    monkeypatch.setattr(keys.time, "time", lambda: clock[0])
    waits = []
    for _ in range(8):
        with pytest.raises(WrongPassphraseError) as caught:
            Register.open("not the passphrase", folder)
        assert type(caught.value) is WrongPassphraseError
        waits.append(caught.value.fields["wait"])
        # A try during the wait is refused without even checking the passphrase.
        with pytest.raises(UnlockTooSoonError):
            Register.open(PASSPHRASE, folder)
        clock[0] += 61
    assert waits == [1, 2, 4, 8, 16, 32, 60, 60]
    # The count is on disk: what a restarted app reads.
    assert json.loads((folder / keys.ATTEMPTS_FILE).read_text())["failures"] == 8
    clock[0] -= 61
    assert Register.wait_before_next_attempt(folder) == pytest.approx(60)
    clock[0] += 61
    Register.open(PASSPHRASE, folder).close()
    assert Register.wait_before_next_attempt(folder) == 0
    with pytest.raises(WrongPassphraseError) as caught:
        Register.open("not the passphrase", folder)
    assert caught.value.fields["wait"] == 1


def test_wrong_passphrase_message_is_translated(register: Register, folder: Path) -> None:
    register.close()
    with pytest.raises(WrongPassphraseError) as caught:
        Register.open("not the passphrase", folder)
    assert "1" in caught.value.user_message("ar")
    assert "incorrecte" in caught.value.user_message("fr")


def test_a_file_that_is_not_a_database_is_set_aside(folder: Path) -> None:
    Register.create(PASSPHRASE, folder, kdf_n=TEST_KDF_N).close()
    db = folder / "register.sqlite3"
    db.write_bytes(os.urandom(8192))
    with pytest.raises(RegisterCorruptError) as caught:
        Register.open(PASSPHRASE, folder)
    kept = Path(caught.value.fields["backup"])
    assert kept.name.startswith("register.sqlite3.damaged-") and kept.is_file()
    assert not Register.exists(folder)
    # Not mistaken for a wrong passphrase: no wait was imposed.
    assert Register.wait_before_next_attempt(folder) == 0
    Register.create(PASSPHRASE, folder, kdf_n=TEST_KDF_N).close()


def test_a_damaged_page_is_set_aside(folder: Path) -> None:
    reg = Register.create(PASSPHRASE, folder, kdf_n=TEST_KDF_N)
    reg.drafts().save("referral-a", answers())
    reg.close()
    db = folder / "register.sqlite3"
    data = bytearray(db.read_bytes())
    data[0:4096] = os.urandom(4096)  # the first page: SQLCipher's check fails
    db.write_bytes(bytes(data))
    with pytest.raises(RegisterCorruptError):
        Register.open(PASSPHRASE, folder)
    assert any(p.name.startswith("register.sqlite3.damaged-") for p in folder.iterdir())


def test_a_closed_register_is_locked(register: Register) -> None:
    register.close()
    with pytest.raises(RegisterLockedError):
        register.drafts().list()
    with pytest.raises(RegisterLockedError):
        register.documents()


def test_a_page_damaged_mid_session_sets_the_register_aside(folder: Path) -> None:
    reg = Register.create(PASSPHRASE, folder, kdf_n=TEST_KDF_N)
    for i in range(40):
        reg.drafts().save(f"referral-{i}", answers(narrative={"text": "نص " * 2000, "lang": "ar"}))
    reg.close()
    db = folder / "register.sqlite3"
    data = bytearray(db.read_bytes())
    middle = len(data) // 4096 // 2 * 4096
    data[middle : middle + 4096] = os.urandom(4096)
    db.write_bytes(bytes(data))
    reg = Register.open(PASSPHRASE, folder)  # the first page is sound: the damage is found later
    with pytest.raises(RegisterCorruptError) as caught:
        for i in range(40):
            reg.drafts().load(f"referral-{i}")
        reg.integrity_ok()
    assert Path(caught.value.fields["backup"]).is_file()
    assert not Register.exists(folder)
    with pytest.raises(RegisterLockedError):
        reg.drafts().list()
