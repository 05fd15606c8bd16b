"""Limits on what a DOCX (a ZIP archive) unpacks to, checked before any part is decompressed.

A 750 KB file can declare gigabytes of XML; python-docx would load every part into memory.
The sizes in the central directory can be trusted as an upper bound: zipfile never returns
more bytes than a member declares (it stops there and fails the CRC check instead).
"""

from __future__ import annotations

import io
import zipfile

from thbdesk.core.errors import ArchiveTooLargeError
from thbdesk.core.legal.importers.files import megabytes

# A long law as DOCX, pictures included, unpacks to a few MB in a few dozen parts.
MAX_UNPACKED = 150 * 1024 * 1024
MAX_PARTS = 2000


def check_archive(
    data: bytes, name: str, *, max_unpacked: int = MAX_UNPACKED, max_parts: int = MAX_PARTS
) -> None:
    """Raise ArchiveTooLargeError when the archive declares too much content or too many parts.

    Damaged archives pass: the reader reports them as damaged with its own error.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            members = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    unpacked = sum(member.file_size for member in members)
    if unpacked > max_unpacked or len(members) > max_parts:
        raise ArchiveTooLargeError(
            name=name,
            size_mb=megabytes(unpacked),
            parts=len(members),
            limit_mb=megabytes(max_unpacked),
            limit_parts=max_parts,
        )
