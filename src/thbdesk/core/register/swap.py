"""Putting a checked backup in place of the register, in steps that a crash cannot leave half done.

A restore moves several files (the old database with its ``-wal``/``-shm`` and key file aside, then
the checked key file and database in). Before the first move it writes ``restore.pending.json``,
naming the folder that holds the checked copy; every step can be repeated. So if thbdesk is killed
between two moves, the next opening of the register finishes the swap instead of finding no register,
or a key that does not match its database.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from datetime import datetime
from pathlib import Path

from thbdesk.core.atomic import fsync_dir, write_text_atomic
from thbdesk.core.register.db import DB_FILE
from thbdesk.core.register.keys import KEY_FILE

JOURNAL = "restore.pending.json"
STAGING_PREFIX = ".thbdesk-"
_STAGING_NAME = re.compile(r"^\.thbdesk-[A-Za-z0-9_]{1,64}$")


def swap_in(staging: Path, folder: Path) -> Path | None:
    """Replace the register in ``folder`` by the files in ``staging``; returns where the previous
    database was kept (``register.sqlite3.before-restore-<time>``), or None if there was none."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    write_text_atomic(folder / JOURNAL, json.dumps({"staging": staging.name, "stamp": stamp}))
    kept = _moves(staging, folder, stamp)
    _forget(folder)
    return kept


def pending(folder: Path, staging: Path) -> bool:
    """Whether a swap from ``staging`` was started and not finished (its files are still needed)."""
    try:
        return bool(json.loads((folder / JOURNAL).read_text("utf-8")).get("staging") == staging.name)
    except (OSError, ValueError, AttributeError):
        return False


def finish_interrupted(folder: Path) -> bool:
    """Complete a restore that was stopped between its moves; True if there was one."""
    try:
        journal = json.loads((folder / JOURNAL).read_text("utf-8"))
        name, stamp = str(journal["staging"]), str(journal["stamp"])
    except FileNotFoundError:
        return False
    except (OSError, ValueError, KeyError, TypeError):
        _forget(folder)  # written atomically, so unreadable means not ours: nothing to finish
        return False
    staging = folder / name
    if _STAGING_NAME.match(name) and re.fullmatch(r"\d{8}-\d{6}", stamp) and staging.is_dir():
        _moves(staging, folder, stamp)
        shutil.rmtree(staging, ignore_errors=True)
    _forget(folder)
    return True


def _moves(staging: Path, folder: Path, stamp: str) -> Path | None:
    """Each move happens only if its source is still there, so running this again after a crash
    picks up where it stopped. The database goes last, with its companions set aside first so no
    old ``-wal`` page is ever applied to the new database."""
    kept = None
    if (staging / DB_FILE).exists():
        for companion in (f"{DB_FILE}-wal", f"{DB_FILE}-shm"):
            _set_aside(
                folder / companion, folder / f"{DB_FILE}.before-restore-{stamp}{companion[len(DB_FILE) :]}"
            )
    if (staging / KEY_FILE).exists():
        _set_aside(folder / KEY_FILE, folder / f"{KEY_FILE}.before-restore-{stamp}")
        os.replace(staging / KEY_FILE, folder / KEY_FILE)
    if (staging / DB_FILE).exists():
        aside = folder / f"{DB_FILE}.before-restore-{stamp}"
        kept = aside if _set_aside(folder / DB_FILE, aside) else None
        os.replace(staging / DB_FILE, folder / DB_FILE)
    fsync_dir(folder)
    return kept


def _set_aside(current: Path, aside: Path) -> bool:
    if not current.exists():
        return False
    os.replace(current, aside)
    return True


def _forget(folder: Path) -> None:
    (folder / JOURNAL).unlink(missing_ok=True)
    fsync_dir(folder)
