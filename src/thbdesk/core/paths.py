"""Where thbdesk finds its bundled data and keeps the user's files.

``THBDESK_HOME`` puts every user directory under one folder: tests use it so they never touch a
real profile, and a portable install can use it to live on a USB key.
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


def _user_dir(kind: str) -> Path:
    home = os.environ.get("THBDESK_HOME")
    if home:
        path = Path(home) / kind
    else:
        dirs = PlatformDirs(APP_NAME, appauthor=False)
        path = Path(getattr(dirs, f"user_{kind}_dir"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    return _user_dir("config")


def data_dir() -> Path:
    return _user_dir("data")


def cache_dir() -> Path:
    return _user_dir("cache")


def log_dir() -> Path:
    return _user_dir("log")
