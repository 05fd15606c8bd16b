"""Text of an official publication (PDF, DOCX, HTML or plain text), ready to split into articles.

The format is read from the content, the file name's extension is only a hint: downloads are
often misnamed. A .pdf or .docx whose content is not a known format is reported as a damaged
file of that kind rather than imported as text (a saved error page, a truncated download).
Nothing is written anywhere; every failure is an ImportFailedError naming the file.
"""

from __future__ import annotations

import importlib
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

from thbdesk.core.errors import (
    EmptyFileError,
    FileTooLargeError,
    ImportFailedError,
    UnsupportedFormatError,
)
from thbdesk.core.legal.importers.html import looks_like_html
from thbdesk.core.legal.importers.model import ExtractedText
from thbdesk.core.legal.importers.text import looks_binary

__all__ = ["ExtractedText", "extract_text", "sniff_format"]

_MEGABYTE = 1024 * 1024
# pypdf and python-docx cost ~150 ms to import: loaded on the first import, not at start-up.
_EXTRACTORS = {
    "pdf": ("pdf", "extract_pdf"),
    "docx": ("docx", "extract_docx"),
    "html": ("html", "extract_html"),
    "txt": ("text", "extract_plain_text"),
}
_CLAIMED_BY_EXTENSION = {".pdf": "pdf", ".docx": "docx"}
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")


def extract_text(
    path: Path, *, max_bytes: int = 100 * 1024 * 1024, on_page: Callable[[int, int], None] | None = None
) -> ExtractedText:
    """The publication's text; raises an ImportFailedError subclass if it cannot be read.

    ``on_page(done, total)`` follows the pages of a PDF, the one format slow enough to need it.
    """
    data = _read(path, max_bytes)
    kind = sniff_format(data, path.suffix)
    if kind is None:
        raise UnsupportedFormatError(name=path.name)
    if kind == "pdf" and on_page is not None:
        from thbdesk.core.legal.importers.pdf import extract_pdf

        extracted = extract_pdf(data, path.name, on_page)
    else:
        extracted = _extractor(kind)(data, path.name)
    if not extracted.text.strip():
        raise EmptyFileError(name=path.name)
    return extracted


def _extractor(kind: str) -> Callable[[bytes, str], ExtractedText]:
    module_name, function = _EXTRACTORS[kind]
    module = importlib.import_module(f"{__name__}.{module_name}")
    extract: Callable[[bytes, str], ExtractedText] = getattr(module, function)
    return extract


def sniff_format(data: bytes, suffix: str = "") -> str | None:
    """The format to read the bytes as ("pdf", "docx", "html" or "txt"), or None if unknown."""
    if b"%PDF" in data[:1024]:
        return "pdf"
    if data.startswith(_ZIP_MAGIC):
        return "docx" if _is_word_package(data) or suffix.lower() == ".docx" else None
    if suffix.lower() in _CLAIMED_BY_EXTENSION:
        return _CLAIMED_BY_EXTENSION[suffix.lower()]
    if looks_binary(data):
        return None
    if looks_like_html(data) or (suffix.lower() in _HTML_SUFFIXES and b"<" in data[:4096]):
        return "html"
    return "txt"


def _is_word_package(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return "word/document.xml" in package.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _read(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise _too_large(path, size, max_bytes)
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFailedError(details=str(exc), name=path.name) from exc
    if len(data) > max_bytes:  # the file grew while we looked
        raise _too_large(path, len(data), max_bytes)
    if not data.strip():
        raise EmptyFileError(name=path.name)
    return data


def _too_large(path: Path, size: int, limit: int) -> FileTooLargeError:
    return FileTooLargeError(name=path.name, size_mb=_megabytes(size), limit_mb=_megabytes(limit))


def _megabytes(size: int) -> str:
    """One decimal, dropped when zero; sizes under 0.1 MB (test limits) keep six.

    >>> _megabytes(150 * 1024 * 1024), _megabytes(1536 * 1024), _megabytes(100)
    ('150', '1.5', '0.000095')
    """
    value = size / _MEGABYTE
    if value >= 0.1:
        return f"{value:.1f}".removesuffix(".0")
    return f"{value:.6f}".rstrip("0").removesuffix(".")
