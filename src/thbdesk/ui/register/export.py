"""Writing register documents to a folder the user chose: each file whole, none replaced."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from thbdesk.core.atomic import write_new_atomic
from thbdesk.ui.register.access import DocumentRow, Register

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass
class ExportResult:
    written: list[Path] = field(default_factory=list)
    existing: list[Path] = field(default_factory=list)  # left as they were: never replaced silently


def file_name(row: DocumentRow, fmt: str) -> str:
    """``TNG1-2026-0042-referral-12.pdf``: the reference first so the files of a case sort together."""
    head = _UNSAFE.sub("_", row.reference).strip("_")[:60]
    parts = [head, row.form, str(row.id)] if head else [row.form, str(row.id)]
    return "-".join(parts) + f".{fmt}"


def export_documents(register: Register, rows: list[DocumentRow], folder: Path) -> ExportResult:
    """Write every format of each row; the register records what each export wrote."""
    result = ExportResult()
    for row in rows:
        written: list[str] = []
        for fmt in row.formats:
            path = folder / file_name(row, fmt)
            if path.exists() or path.is_symlink():
                result.existing.append(path)
                continue
            try:
                write_new_atomic(path, register.document_file(row.id, fmt))
            except FileExistsError:
                result.existing.append(path)
                continue
            written.append(str(path))
            result.written.append(path)
        if written:
            register.record_export(row.id, written)
    return result
