"""What every importer returns: the publication's text and how it was read."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExtractedText:
    text: str
    format: str  # "pdf" | "docx" | "html" | "txt"
    encoding: str | None = None
    pages: int | None = None
    repaired_lines: int = 0
