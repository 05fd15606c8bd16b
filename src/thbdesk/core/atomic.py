"""Atomic file writes: a crash mid-write leaves the old file or the new one, never half of each.

Files are created 0600 (``mkstemp``'s mode): they may hold imported text or personal data.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_bytes_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def write_text_atomic(path: Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


def copy_private(source: Path, target: Path) -> None:
    """Copy ``source`` to a new 0600 file ``target`` and flush it to disk."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(target, flags, 0o600)
    with os.fdopen(fd, "wb") as out, source.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            out.write(block)
        out.flush()
        os.fsync(out.fileno())


def fsync_dir(directory: Path) -> None:
    """Persist the rename itself; not possible on Windows, where os.replace is already durable enough."""
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
