"""Drafts of interviews, autosaved so a crash loses nothing.

``DraftStore`` is what the wizard needs; the register issue will give an encrypted store with the
same methods. Until then ``FileDraftStore`` keeps one JSON file per draft in the user data dir
(``drafts/``, 0700; files 0600, written atomically). Nothing from the answers is ever logged: the
listing carries the form, the time and the id, never a name or a date of birth.
"""

from __future__ import annotations

import builtins
import logging
import re
import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from thbdesk.core.atomic import write_text_atomic
from thbdesk.core.errors import AnswersError, DraftDamagedNotice, DraftNotFoundError, ThbError
from thbdesk.core.forms.answers import Answers
from thbdesk.core.paths import private_dir, user_dir_path

_log = logging.getLogger(__name__)
_DRAFT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$")


@dataclass(frozen=True)
class DraftInfo:
    """What a draft list shows: no answer content."""

    id: str
    form: str
    form_version: int
    saved_at: str


class DraftStore(Protocol):
    def save(self, draft_id: str, answers: Answers) -> Answers: ...

    def load(self, draft_id: str) -> Answers: ...

    def list(self) -> list[DraftInfo]: ...

    def delete(self, draft_id: str) -> None: ...

    def take_notices(self) -> builtins.list[ThbError]: ...


def new_draft_id(form_id: str) -> str:
    """``referral-20261130-101500-3fa9c1``: sortable, unique, and free of personal data."""
    return f"{form_id}-{datetime.now():%Y%m%d-%H%M%S}-{secrets.token_hex(3)}"


def drafts_dir() -> Path:
    return user_dir_path("data") / "drafts"


class FileDraftStore:
    """One ``<id>.json`` per draft; a damaged file is renamed ``*.damaged-<time>`` and reported."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or drafts_dir()
        self._notices: list[ThbError] = []

    def _path(self, draft_id: str) -> Path:
        if not _DRAFT_ID.match(draft_id):
            raise DraftNotFoundError(draft=draft_id[:80])
        return self.folder / f"{draft_id}.json"

    def save(self, draft_id: str, answers: Answers) -> Answers:
        """Write the draft with the time of saving; returns what was written."""
        path = self._path(draft_id)
        private_dir(self.folder)
        saved = answers.saved_now()
        write_text_atomic(path, saved.to_json())
        return saved

    def load(self, draft_id: str) -> Answers:
        path = self._path(draft_id)
        if not path.is_file():
            raise DraftNotFoundError(draft=draft_id)
        answers = self._read(path)
        if answers is None:
            raise self._notices.pop()
        return answers

    def _read(self, path: Path) -> Answers | None:
        try:
            return Answers.from_json(path.read_text(encoding="utf-8"), path.name)
        except (AnswersError, UnicodeDecodeError, OSError):
            self._set_aside(path)
            return None

    def _set_aside(self, path: Path) -> None:
        backup = path.with_name(f"{path.name}.damaged-{datetime.now():%Y%m%dT%H%M%S%f}")
        try:
            path.rename(backup)
        except OSError:
            backup = path
        _log.warning("a damaged draft file was set aside as %s", backup.name)  # the name only
        self._notices.append(DraftDamagedNotice(backup=str(backup)))

    def list(self) -> list[DraftInfo]:
        """Every readable draft, newest first; damaged files are set aside (see ``take_notices``)."""
        if not self.folder.is_dir():
            return []
        found = []
        for path in sorted(self.folder.glob("*.json")):
            answers = self._read(path) if _DRAFT_ID.match(path.stem) else None
            if answers is not None:
                found.append(DraftInfo(path.stem, answers.form, answers.form_version, answers.saved_at))
        return sorted(found, key=lambda d: (d.saved_at, d.id), reverse=True)

    def delete(self, draft_id: str) -> None:
        self._path(draft_id).unlink(missing_ok=True)

    def take_notices(self) -> builtins.list[ThbError]:
        """What was repaired since the last call, for the UI or the CLI to tell the user."""
        notices, self._notices = self._notices, []
        return notices
