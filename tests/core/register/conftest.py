"""Registers for tests: a cheap scrypt cost (recorded in the key file) keeps each unlock fast."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from thbdesk.core.forms.answers import Answers
from thbdesk.core.register.store import DocumentRecord, Register, register_dir

PASSPHRASE = "sel et menthe 2026"
TEST_KDF_N = 2**10


@pytest.fixture
def folder(thbdesk_home: Path) -> Path:
    return register_dir()


@pytest.fixture
def register(folder: Path) -> Iterator[Register]:
    reg = Register.create(PASSPHRASE, folder, kdf_n=TEST_KDF_N)
    yield reg
    reg.close()


def answers(name: str = "فاطمة الزهراء المرابط", **extra: object) -> Answers:
    values: dict[str, object] = {
        "person_name": {"text": name, "lang": "ar"},
        "person_sex": "female",
        "person_dob": "2009-03-02",
        "person_nationality": "NG",
        "incident_date": "2026-11-20",
        "unit_code": {"text": "TNG2", "lang": "fr"},
        "qual_purposes": ["sexual_exploitation", "forced_labour"],
        "narrative": {"text": "Elle a été recrutée par une voisine.", "lang": "fr"},
    }
    values.update(extra)
    return Answers("referral", 1, values)


def record(reference: str = "TNG2-26-R07", names: tuple[str, ...] = (), **extra: object) -> DocumentRecord:
    fields: dict[str, object] = {
        "reference": reference,
        "form": "referral",
        "form_version": 1,
        "langs": ("ar", "fr"),
        "layout": "parallel",
        "fingerprint": "f" * 16,
        "author": "officer-7",
        "files": {"pdf": b"%PDF-1.7 body", "docx": b"PK docx body"},
        "person_names": names,
    }
    fields.update(extra)
    return DocumentRecord(**fields)  # type: ignore[arg-type]
