"""The GUI's only door to the register core: opening it, and what a generated document records."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from thbdesk.core.forms.answers import Answers
from thbdesk.core.forms.model import FormSpec
from thbdesk.core.register import backup
from thbdesk.core.register.records import generation_record
from thbdesk.core.register.store import (
    MIN_PASSPHRASE,
    DocStatus,
    DocumentFilter,
    DocumentRecord,
    DocumentRow,
    Register,
    register_dir,
)

__all__ = ["MIN_PASSPHRASE", "DocStatus", "DocumentFilter", "DocumentRecord", "DocumentRow", "Register"]


def exists(folder: Path | None = None) -> bool:
    return Register.exists(folder)


def wait_before_next_attempt(folder: Path | None = None) -> float:
    return Register.wait_before_next_attempt(folder)


def create(passphrase: str, folder: Path | None = None) -> Register:
    return Register.create(passphrase, folder)


def open_register(passphrase: str, folder: Path | None = None) -> Register:
    return Register.open(passphrase, folder)


def latest_backup(folder: Path | None = None) -> Path | None:
    """The newest automatic backup of the register, if one was made."""
    found = backup.automatic_backups(folder or register_dir())
    return found[-1] if found else None


def restore(backup_file: Path, passphrase: str, folder: Path | None = None) -> None:
    backup.restore(backup_file, passphrase, folder or register_dir())


def daily_backup(register: Register) -> Path | None:
    """The day's automatic backup (once a day, the last few kept): the GUI's users need one too."""
    return backup.auto_backup(register)


def record_for(
    spec: FormSpec,
    answers: Answers,
    langs: tuple[str, ...],
    layout: str,
    paths: Iterable[Path],
    author: str,
    draft_id: str | None,
) -> DocumentRecord:
    """What the register keeps of one generation (the same record as ``thbdesk generate``)."""
    return generation_record(spec, answers, langs, layout, paths, fallback_author=author, draft_id=draft_id)
