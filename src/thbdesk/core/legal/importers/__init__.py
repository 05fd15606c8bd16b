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

from thbdesk.core.errors import EmptyFileError, UnsupportedFormatError
from thbdesk.core.legal.importers.archive import check_archive
from thbdesk.core.legal.importers.files import ensure_regular_file, read_regular_file
from thbdesk.core.legal.importers.html import looks_like_html
from thbdesk.core.legal.importers.model import ExtractedText
from thbdesk.core.legal.importers.text import looks_binary

__all__ = ["ExtractedText", "ensure_regular_file", "extract_text", "sniff_format"]

Extractor = Callable[[bytes, str, Callable[[int, int], None]], ExtractedText]
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

    ``on_page(done, total)`` follows the work in the format's own steps (pages of a PDF,
    blocks of a DOCX, chunks of an HTML page or a text file); it may raise to cancel.
    """
    data = read_regular_file(path, max_bytes)
    kind = sniff_format(data, path.suffix)
    if kind is None:
        raise UnsupportedFormatError(name=path.name)
    if kind == "docx":
        check_archive(data, path.name)
    extracted = _extractor(kind)(data, path.name, on_page or _ignore)
    if not extracted.text.strip():
        raise EmptyFileError(name=path.name)
    return extracted


def _ignore(done: int, total: int) -> None:
    return None


def _extractor(kind: str) -> Extractor:
    module_name, function = _EXTRACTORS[kind]
    module = importlib.import_module(f"{__name__}.{module_name}")
    extract: Extractor = getattr(module, function)
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
