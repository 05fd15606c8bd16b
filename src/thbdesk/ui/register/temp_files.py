"""Documents opened from the register: decrypted into a private temporary folder, removed later.

The folder is 0700 and each file 0600, so another account on the PC cannot read them; they are
removed when the register locks and when the application closes (an external viewer may still
hold one open until then, which is why they are not removed at once).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")
PREFIX = "thbdesk-open-"


def sweep_leftovers() -> int:
    """Remove the folders a crashed session left behind: they hold decrypted documents."""
    removed = 0
    for folder in Path(tempfile.gettempdir()).glob(f"{PREFIX}*"):
        if folder.is_dir() and not folder.is_symlink() and folder.stat().st_uid == os.getuid():
            shutil.rmtree(folder, ignore_errors=True)
            removed += 1
    return removed


class PrivateFiles:
    def __init__(self) -> None:
        self.folder: Path | None = None

    def write(self, name: str, data: bytes) -> Path:
        """A new private file holding ``data``; a name already used gets a numbered variant."""
        if self.folder is None or not self.folder.is_dir():
            self.folder = Path(tempfile.mkdtemp(prefix=PREFIX))  # mkdtemp makes it 0700
        safe = _UNSAFE.sub("_", name).strip("._") or "document"
        path, counter = self.folder / safe, 1
        while path.exists():
            path = self.folder / f"{counter}-{safe}"
            counter += 1
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        return path

    def clear(self) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None
