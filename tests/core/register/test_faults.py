"""A full disk or a read-only register: a clear typed error, the stored drafts intact, and the
answers in memory untouched so the wizard can save them again later."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

import pytest

from thbdesk.core.errors import DiskFullError, ReadOnlyStorageError, WrongPassphraseError
from thbdesk.core.register import drafts as drafts_module
from thbdesk.core.register import keys
from thbdesk.core.register.store import Register

from .conftest import PASSPHRASE, TEST_KDF_N, answers


def _stored_and_intact(register: Register, expected_sex: str) -> None:
    assert register.drafts().load("referral-1").answers["person_sex"] == expected_sex
    assert register.integrity_ok()
    assert register.verify_audit() == []


@pytest.mark.parametrize(
    ("code", "error"), [(errno.ENOSPC, DiskFullError), (errno.EROFS, ReadOnlyStorageError)]
)
def test_an_oserror_midway_through_a_save_rolls_it_back(
    register: Register, monkeypatch: pytest.MonkeyPatch, code: int, error: type[Exception]
) -> None:
    register.drafts().save("referral-1", answers())
    real_put = drafts_module.put

    def failing_put(*args: Any, **kwargs: Any) -> None:
        real_put(*args, **kwargs)  # the rows are written, then the disk fails before the commit
        raise OSError(code, "injected")

    monkeypatch.setattr(drafts_module, "put", failing_put)
    edited = answers(person_sex="male")
    with pytest.raises(error) as caught:
        register.drafts().save("referral-1", edited)
    assert "register" in caught.value.user_message("en")
    assert edited.answers["person_sex"] == "male"
    monkeypatch.setattr(drafts_module, "put", real_put)
    _stored_and_intact(register, "female")
    register.drafts().save("referral-1", edited)  # space freed: the same answers save
    _stored_and_intact(register, "male")


def test_sqlite_running_out_of_pages_is_a_full_disk(register: Register) -> None:
    register.drafts().save("referral-1", answers())
    conn = register._reading()
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 1}")
    big = answers(person_sex="male", narrative={"text": "نص " * 40_000, "lang": "ar"})
    with pytest.raises(DiskFullError):
        register.drafts().save("referral-1", big)
    conn.execute("PRAGMA max_page_count = 1073741823")
    _stored_and_intact(register, "female")


def test_a_read_only_register_is_refused_clearly(register: Register) -> None:
    register.drafts().save("referral-1", answers())
    register._reading().execute("PRAGMA query_only = 1")
    with pytest.raises(ReadOnlyStorageError):
        register.drafts().save("referral-1", answers(person_sex="male"))
    register._reading().execute("PRAGMA query_only = 0")
    _stored_and_intact(register, "female")


def test_create_on_a_full_disk_leaves_no_half_register(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(path: Path, text: str) -> None:
        raise OSError(errno.ENOSPC, "injected", str(path))

    monkeypatch.setattr(keys, "write_text_atomic", full)
    with pytest.raises(DiskFullError):
        Register.create(PASSPHRASE, folder, kdf_n=TEST_KDF_N)
    assert not Register.exists(folder)


def test_wrong_passphrase_in_a_read_only_folder_is_still_a_wrong_passphrase(
    register: Register, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    register.close()

    def read_only(path: Path, text: str) -> None:
        raise OSError(errno.EROFS, "injected", str(path))

    monkeypatch.setattr(keys, "write_text_atomic", read_only)
    with pytest.raises(WrongPassphraseError):
        Register.open("not the passphrase", folder)
