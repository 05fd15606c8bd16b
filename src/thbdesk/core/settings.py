"""User settings: a versioned JSON file in the user config dir, written atomically.

A file that cannot be read is never silently overwritten: it is moved aside to ``*.bak`` and the
caller receives the defaults together with a ``SettingsCorruptError`` to show the user.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from thbdesk.core.atomic import write_text_atomic
from thbdesk.core.errors import SettingsCorruptError, SettingsWriteError
from thbdesk.core.i18n import DEFAULT_LANGUAGE, LANGUAGES
from thbdesk.core.paths import config_dir

SETTINGS_VERSION = 1
SETTINGS_FILE = "settings.json"


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

    def with_language(self, lang: str) -> Settings:
        return replace(self, language=lang)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["document_languages"] = list(self.document_languages)
        return {"version": SETTINGS_VERSION, **data}

    @classmethod
    def from_json(cls, data: Any) -> Settings:
        """Build settings from parsed JSON; raise ``ValueError`` on anything malformed."""
        if not isinstance(data, dict) or data.get("version") != SETTINGS_VERSION:
            raise ValueError("unknown settings version")
        language = data.get("language", DEFAULT_LANGUAGE)
        doc_langs = tuple(data.get("document_languages", ("ar", "fr")))
        if language not in LANGUAGES or not doc_langs or any(x not in LANGUAGES for x in doc_langs):
            raise ValueError("invalid language")
        officer = data.get("officer", {})
        if not isinstance(officer, dict) or any(not isinstance(v, str) for v in officer.values()):
            raise ValueError("invalid officer profile")
        fields = {k: officer[k] for k in ("name", "rank", "unit", "phone") if k in officer}
        return cls(language=language, document_languages=doc_langs, officer=OfficerProfile(**fields))


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILE


def load_settings(path: Path | None = None) -> tuple[Settings, SettingsCorruptError | None]:
    """Return the saved settings, or defaults plus the error to report when the file was unusable."""
    path = path or settings_path()
    if not path.exists():
        return Settings(), None
    try:
        return Settings.from_json(json.loads(path.read_text(encoding="utf-8"))), None
    except (ValueError, TypeError, UnicodeDecodeError) as exc:
        backup = _move_aside(path)
        return Settings(), SettingsCorruptError(details=type(exc).__name__, backup=str(backup))


def save_settings(settings: Settings, path: Path | None = None) -> None:
    path = path or settings_path()
    try:
        write_text_atomic(path, json.dumps(settings.to_json(), ensure_ascii=False, indent=2) + "\n")
    except OSError as exc:
        raise SettingsWriteError(details=exc.strerror or "", path=str(path)) from exc


def _move_aside(path: Path) -> Path:
    backup = path.with_name(path.name + ".bak")
    counter = 1
    while backup.exists():
        backup = path.with_name(f"{path.name}.{counter}.bak")
        counter += 1
    path.replace(backup)
    return backup
