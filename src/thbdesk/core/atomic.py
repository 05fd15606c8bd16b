"""Atomic file writes: a crash mid-write leaves the old file or the new one, never half of each.

Files are created 0600 (``mkstemp``'s mode): they may hold imported text or personal data.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


def _flushed_temporary(path: Path, data: bytes) -> Path:
    """``data`` in a new private file beside ``path``, flushed to disk, ready to take its name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return Path(tmp_name)


def write_bytes_atomic(path: Path, data: bytes) -> None:
    tmp = _flushed_temporary(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def write_new_atomic(path: Path, data: bytes) -> None:
    """Like ``write_bytes_atomic``, but raise ``FileExistsError`` rather than replace a file, even one
    another process creates meanwhile: the finished file is hard-linked to its name, which fails if
    the name is taken. Where hard links are not supported (FAT USB sticks), fall back to checking
    first, which leaves only a short race."""
    tmp = _flushed_temporary(path, data)
    try:
        _link_or_move(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    fsync_dir(path.parent)


def _link_or_move(tmp: Path, path: Path) -> None:
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:  # no hard links on this file system
        if path.exists() or path.is_symlink():
            raise FileExistsError(errno.EEXIST, "exists", str(path)) from None
        os.replace(tmp, path)


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
