"""The GUI's only door to the register core: opening it, and what a generated document records."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from thbdesk.core.docgen.fingerprint import fingerprint
from thbdesk.core.forms.answers import Answers
from thbdesk.core.forms.engine import Interview
from thbdesk.core.forms.model import FormSpec
from thbdesk.core.register.store import (
    DocStatus,
    DocumentFilter,
    DocumentRecord,
    DocumentRow,
    Register,
)

__all__ = ["DocStatus", "DocumentFilter", "DocumentRecord", "DocumentRow", "Register"]

MIN_PASSPHRASE = 10


def exists(folder: Path | None = None) -> bool:
    return Register.exists(folder)


def wait_before_next_attempt(folder: Path | None = None) -> float:
    return Register.wait_before_next_attempt(folder)


def create(passphrase: str, folder: Path | None = None) -> Register:
    return Register.create(passphrase, folder)


def open_register(passphrase: str, folder: Path | None = None) -> Register:
    return Register.open(passphrase, folder)


def latest_backup(folder: Path | None = None) -> Path | None:
    """The newest automatic backup, when the backup module is installed and one was made."""
    try:
        from thbdesk.core.register import backup
    except ImportError:
        return None
    base = folder if folder is not None else _register_dir()
    found = sorted((base / "backups").glob("*")) if (base / "backups").is_dir() else []
    files = [p for p in found if p.is_file()]
    return max(files, key=lambda p: p.stat().st_mtime) if files and hasattr(backup, "restore") else None


def restore(backup_file: Path, passphrase: str, folder: Path | None = None) -> None:
    from thbdesk.core.register import backup

    backup.restore(backup_file, passphrase, folder if folder is not None else _register_dir())


def _register_dir() -> Path:
    from thbdesk.core.register import store

    finder = getattr(store, "register_dir", None)
    if finder is not None:
        return Path(finder())
    from thbdesk.core.paths import user_dir_path

    return user_dir_path("data") / "register"


def record_for(
    spec: FormSpec,
    answers: Answers,
    langs: tuple[str, ...],
    layout: str,
    paths: Iterable[Path],
    author: str,
    draft_id: str | None,
) -> DocumentRecord:
    """What the register keeps of one generation: the files' bytes, and where they were exported."""
    written = list(paths)
    reference = Interview(spec, answers).computed().get("reference")
    return DocumentRecord(
        reference=str(reference or ""),
        form=spec.id,
        form_version=spec.version,
        langs=tuple(langs),
        layout=layout,
        fingerprint=fingerprint(answers),
        author=author,
        files={path.suffix.lstrip("."): path.read_bytes() for path in written},
        exported_to=tuple(str(path) for path in written),
        person_names=tuple(_names(answers.answers)),
        draft_id=draft_id,
    )


def _names(value: Any, key: str = "") -> Iterable[str]:
    """Every answer to a field whose id names a person's name, however deep in groups."""
    if isinstance(value, dict):
        if "text" in value and isinstance(value["text"], str):
            if key.endswith("name") and value["text"].strip():
                yield value["text"].strip()
            return
        for child_key, child in value.items():
            yield from _names(child, str(child_key))
    elif isinstance(value, list):
        for item in value:
            yield from _names(item, key)
    elif isinstance(value, str) and key.endswith("name") and value.strip():
        yield value.strip()
