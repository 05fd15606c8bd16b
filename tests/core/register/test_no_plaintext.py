"""Acceptance: after a record with a known name is created, no file under the data, cache or temp
dirs holds that name, in UTF-8 or UTF-16, while the register is open or after it is closed."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from thbdesk.core.register.store import DocumentFilter, Register
from thbdesk.core.register.terms import fold

from .conftest import PASSPHRASE, TEST_KDF_N, answers, record

ARABIC = "زليخة بنت الحسين الوزاني"
LATIN = "Zoulikha Ouazzani"


def _needles() -> list[bytes]:
    words = [ARABIC, LATIN, "الوزاني", "Ouazzani", *fold(ARABIC), *fold(LATIN)]
    return [w.encode(enc) for w in words for enc in ("utf-8", "utf-16-le", "utf-16-be")]


def _leaks(roots: list[Path]) -> list[str]:
    needles = _needles()
    found = []
    for root in roots:
        for path in root.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                found += [f"{path}: {n!r}" for n in needles if n in data]
    return found


@pytest.fixture
def temp_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    temp = tmp_path / "tmp"
    temp.mkdir()
    for var in ("TMPDIR", "SQLITE_TMPDIR"):
        monkeypatch.setenv(var, str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    return temp


def test_no_name_in_clear_anywhere(thbdesk_home: Path, folder: Path, temp_dir: Path) -> None:
    reg = Register.create(PASSPHRASE, folder, kdf_n=TEST_KDF_N)
    store = reg.drafts()
    store.save("referral-1", answers(ARABIC, person_aliases=LATIN))
    pdf = b"%PDF " + ARABIC.encode("utf-16-be") + LATIN.encode()
    docx = b"PK " + ARABIC.encode() + LATIN.encode("utf-16-le")
    doc = reg.add_document(
        record(names=(ARABIC, LATIN), files={"pdf": pdf, "docx": docx}, draft_id="referral-1")
    )
    assert [d.id for d in reg.documents(DocumentFilter(text="وزاني"))] == [doc]
    assert reg.document_file(doc, "docx") == docx
    reg.backup_to(folder / "backups" / "register-test.sqlite3")
    assert (folder / "register.sqlite3-wal").exists()  # the WAL is checked too, not only the main file
    assert _leaks([thbdesk_home, temp_dir]) == []
    reg.close()
    assert _leaks([thbdesk_home, temp_dir]) == []
    # The check itself finds a name written in clear.
    (temp_dir / "leak.txt").write_text(LATIN, encoding="utf-16")
    assert _leaks([thbdesk_home, temp_dir]) != []
