"""Reading a publication from disk safely: only regular files, never more than a limit.

The type is checked with ``stat`` before anything opens the path, and again on the open
descriptor (the path may be swapped in between). Opening with ``O_NONBLOCK`` means a FIFO
that appears at the last moment cannot block the open itself.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from thbdesk.core.errors import EmptyFileError, FileTooLargeError, ImportFailedError, NotARegularFileError

_MEGABYTE = 1024 * 1024
_BLOCK = 1 << 20


def ensure_regular_file(path: Path) -> os.stat_result:
    """The file's status; raises a typed error for a folder, device, pipe or unreadable path."""
    try:
        status = os.stat(path)
    except OSError as exc:
        raise ImportFailedError(details=exc.strerror or str(exc), name=path.name) from exc
    if not stat.S_ISREG(status.st_mode):
        raise NotARegularFileError(name=path.name)
    return status


def read_regular_file(path: Path, max_bytes: int) -> bytes:
    """The whole file, refusing anything that is not a regular file or is over ``max_bytes``."""
    status = ensure_regular_file(path)
    if status.st_size > max_bytes:
        raise too_large(path, status.st_size, max_bytes)
    try:
        data = _read_descriptor(path, max_bytes)
    except OSError as exc:
        raise ImportFailedError(details=exc.strerror or str(exc), name=path.name) from exc
    if len(data) > max_bytes:  # the file grew while we looked
        raise too_large(path, len(data), max_bytes)
    if not data.strip():
        raise EmptyFileError(name=path.name)
    return data


def _read_descriptor(path: Path, max_bytes: int) -> bytes:
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise NotARegularFileError(name=path.name)
        chunks: list[bytes] = []
        total = 0
        while total <= max_bytes and (chunk := handle.read(_BLOCK)):
            chunks.append(chunk)
            total += len(chunk)
    return b"".join(chunks)


def too_large(path: Path, size: int, limit: int) -> FileTooLargeError:
    return FileTooLargeError(name=path.name, size_mb=megabytes(size), limit_mb=megabytes(limit))


def megabytes(size: int) -> str:
    """One decimal, dropped when zero; sizes under 0.1 MB (test limits) keep six.

    >>> megabytes(150 * 1024 * 1024), megabytes(1536 * 1024), megabytes(100)
    ('150', '1.5', '0.000095')
    """
    value = size / _MEGABYTE
    if value >= 0.1:
        return f"{value:.1f}".removesuffix(".0")
    return f"{value:.6f}".rstrip("0").removesuffix(".")
