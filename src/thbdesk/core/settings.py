"""User settings: a versioned JSON file in the user config dir, written atomically.

A file that cannot be read is never silently overwritten: it is moved aside to ``*.bak`` and the
caller receives the defaults together with a ``SettingsCorruptError`` to show the user. Any damage
counts: bad JSON, wrong types, nesting deep enough to exhaust the parser, a folder or an unreadable
file in its place. The problem is kept for the process, so the CLI and the window it opens both tell it.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from thbdesk.core.atomic import write_text_atomic
from thbdesk.core.errors import SettingsCorruptError, SettingsUnreadableError, SettingsWriteError
from thbdesk.core.i18n import DEFAULT_LANGUAGE, LANGUAGES
from thbdesk.core.paths import config_dir, user_dir_path

SETTINGS_VERSION = 1
SETTINGS_FILE = "settings.json"
MAX_SETTINGS_BYTES = 1 << 20
MAX_LOCK_MINUTES = 24 * 60  # a few hundred bytes in practice; anything huge is damage
_moved_aside: dict[Path, SettingsCorruptError | SettingsUnreadableError] = {}


@dataclass(frozen=True)
class OfficerProfile:
    """The officer who signs documents; pre-fills the forms of later interviews."""

    name: str = ""
    rank: str = ""
    unit: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Settings:
    language: str = DEFAULT_LANGUAGE
    document_languages: tuple[str, ...] = ("ar", "fr")
    officer: OfficerProfile = field(default_factory=OfficerProfile)
    document_folder: str = ""  # where documents were last written; empty: the user's Documents folder
    lock_after_minutes: int = 10  # the register locks after this long without input; 0: never

    def with_language(self, lang: str) -> Settings:
        return replace(self, language=lang)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["document_languages"] = list(self.document_languages)
        return {"version": SETTINGS_VERSION, **data}

    @classmethod
    def from_json(cls, data: Any) -> Settings:
        """Build settings from parsed JSON; raise ``ValueError`` on anything malformed."""
        if not isinstance(data, dict) or type(data.get("version")) is not int:
            raise ValueError("no settings version")
        if data["version"] != SETTINGS_VERSION:
            raise ValueError("unknown settings version")
        language = data.get("language", DEFAULT_LANGUAGE)
        raw_langs = data.get("document_languages", ["ar", "fr"])
        if not isinstance(language, str) or not isinstance(raw_langs, list):
            raise ValueError("invalid language")
        doc_langs = tuple(raw_langs)
        if language not in LANGUAGES or not doc_langs or any(x not in LANGUAGES for x in doc_langs):
            raise ValueError("invalid language")
        officer = data.get("officer", {})
        if not isinstance(officer, dict) or any(not isinstance(v, str) for v in officer.values()):
            raise ValueError("invalid officer profile")
        fields = {k: officer[k] for k in ("name", "rank", "unit", "phone") if k in officer}
        folder = data.get("document_folder", "")
        if not isinstance(folder, str):
            raise ValueError("invalid document folder")
        lock = data.get("lock_after_minutes", 10)
        if type(lock) is not int or not 0 <= lock <= MAX_LOCK_MINUTES:
            raise ValueError("invalid lock time")
        return cls(
            language=language,
            document_languages=doc_langs,
            officer=OfficerProfile(**fields),
            document_folder=folder,
            lock_after_minutes=lock,
        )


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILE


def load_settings(
    path: Path | None = None,
) -> tuple[Settings, SettingsCorruptError | SettingsUnreadableError | None]:
    """Return the saved settings, or defaults plus the error to report when the file was unusable."""
    path = path or user_dir_path("config") / SETTINGS_FILE  # reading must not need a writable profile
    if not os.path.lexists(path):
        return Settings(), _moved_aside.get(path)
    try:
        return Settings.from_json(json.loads(_read(path))), None
    except (ValueError, TypeError, RecursionError, MemoryError, OSError) as exc:
        problem = _set_aside(path, type(exc).__name__)
        _moved_aside[path] = problem
        return Settings(), problem


def save_settings(settings: Settings, path: Path | None = None) -> None:
    path = path or settings_path()
    try:
        write_text_atomic(path, json.dumps(settings.to_json(), ensure_ascii=False, indent=2) + "\n")
    except OSError as exc:
        raise SettingsWriteError(details=exc.strerror or "", path=str(path)) from exc
    _moved_aside.pop(path, None)


def _read(path: Path) -> str:
    with path.open("rb") as handle:  # a folder or an unreadable file raises OSError here
        data = handle.read(MAX_SETTINGS_BYTES + 1)
    if len(data) > MAX_SETTINGS_BYTES:
        raise ValueError("settings file too large")
    return data.decode("utf-8")


def _set_aside(path: Path, reason: str) -> SettingsCorruptError | SettingsUnreadableError:
    try:
        backup = _move_aside(path)
    except OSError as exc:  # a read-only config folder: use defaults, leave the file alone
        return SettingsUnreadableError(details=f"{reason}; {exc}", path=str(path))
    return SettingsCorruptError(details=reason, backup=str(backup))


def _move_aside(path: Path) -> Path:
    backup = path.with_name(path.name + ".bak")
    counter = 1
    while os.path.lexists(backup):
        backup = path.with_name(f"{path.name}.{counter}.bak")
        counter += 1
    path.replace(backup)
    return backup
