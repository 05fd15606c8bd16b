"""Where thbdesk finds its bundled data and keeps the user's files.

``THBDESK_HOME`` puts every user directory under one folder: tests use it so they never touch a
real profile, and a portable install can use it to live on a USB key.

User folders hold imported texts, settings with the officer's name, logs and the search index:
they are created (and tightened if they already exist) with mode 0700.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "thbdesk"
_PACKAGE_DIR = Path(__file__).resolve().parent.parent
DATA_FOLDERS = ("legal_texts", "forms", "translations")


def bundled_dir(name: str) -> Path:
    """Return a bundled data folder: inside the installed wheel, else at the top of the source tree."""
    if name not in DATA_FOLDERS:
        raise ValueError(f"unknown data folder: {name}")
    packaged = _PACKAGE_DIR / "_data" / name
    if packaged.is_dir():
        return packaged
    return _PACKAGE_DIR.parent.parent / name


def fonts_dir() -> Path:
    return _PACKAGE_DIR / "fonts"


PRIVATE_DIR_MODE = 0o700


def user_dir_path(kind: str) -> Path:
    """Where a user folder lives, without creating it (a read-only profile can still be read)."""
    home = os.environ.get("THBDESK_HOME")
    if home:
        return Path(home) / kind
    dirs = PlatformDirs(APP_NAME, appauthor=False)
    return Path(getattr(dirs, f"user_{kind}_dir"))


def private_dir(path: Path) -> Path:
    """Create ``path`` readable by its owner only, and tighten it if it was created looser."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    if os.name == "posix" and path.stat().st_mode & 0o077:
        path.chmod(PRIVATE_DIR_MODE)
    return path


def _user_dir(kind: str) -> Path:
    return private_dir(user_dir_path(kind))


def config_dir() -> Path:
    return _user_dir("config")


def data_dir() -> Path:
    return _user_dir("data")


def cache_dir() -> Path:
    return _user_dir("cache")


def log_dir() -> Path:
    return _user_dir("log")
