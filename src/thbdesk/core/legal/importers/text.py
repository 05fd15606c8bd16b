"""Plain-text publications, whose encoding nobody wrote down.

Moroccan texts circulate as UTF-8, UTF-16 (Notepad's "Unicode"), Windows-1256 (Arabic Windows)
and Latin-1/Windows-1252 (French Windows). Windows-1256 decodes almost any byte string, so the
choice between it and Latin-1 is made on what the bytes look like: Arabic words are runs of
high bytes, French text has isolated accented letters inside ASCII words.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable

from thbdesk.core.errors import UnreadableTextError
from thbdesk.core.legal.importers.model import ExtractedText

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SAMPLE = 8192
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
_MAX_BAD_SHARE = 0.05
_CP1256_ARABIC = frozenset(
    byte for byte in range(0x80, 0x100) if bytes([byte]).decode("cp1256").isalpha()
) - frozenset(b"\xe0\xe2\xe7\xe8\xe9\xea\xeb\xee\xef\xf4\xf9\xfb\xfc")
_ARABIC_RUN = re.compile(b"[" + re.escape(bytes(sorted(_CP1256_ARABIC))) + b"]{2,}")
_ACCENT_IN_WORD = re.compile(rb"(?<=[A-Za-z])[\xc0-\xff]|[\xc0-\xff](?=[A-Za-z])")
_NEWLINES = re.compile(r"\r\n?")


def extract_plain_text(
    data: bytes, name: str, on_progress: Callable[[int, int], None] | None = None
) -> ExtractedText:
    """Decoding is one quick step: ``on_progress`` is told before and after it."""
    if on_progress:
        on_progress(0, 1)
    text, encoding = decode_text(data, name)
    if on_progress:
        on_progress(1, 1)
    return ExtractedText(text=text, format="txt", encoding=encoding)


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """The text and the encoding it was read with; newlines become "\\n".

    >>> decode_text("Loi n° 27-14".encode("cp1252"), "x.txt")
    ('Loi n° 27-14', 'latin-1')
    """
    text, encoding = _decode(data)
    if not is_readable(text):
        raise UnreadableTextError(details=f"decoded as {encoding}", name=name)
    return _NEWLINES.sub("\n", text.removeprefix("\ufeff")), encoding


def bom_encoding(data: bytes) -> str | None:
    return next((encoding for bom, encoding in _BOMS if data.startswith(bom)), None)


def utf16_order(data: bytes) -> str | None:
    """UTF-16 without a BOM shows NULs (Latin) or 0x06 (Arabic) in every other byte."""
    sample = data[:_SAMPLE]
    if len(sample) < 4:
        return None
    even, odd = _high_byte_share(sample[0::2]), _high_byte_share(sample[1::2])
    if odd > 0.6 and even < 0.2:
        return "utf-16-le"
    if even > 0.6 and odd < 0.2:
        return "utf-16-be"
    return None


def looks_binary(data: bytes) -> bool:
    """NULs or many control bytes mean a binary file, unless the bytes are UTF-16/32 text."""
    if bom_encoding(data) or utf16_order(data):
        return False
    sample = data[:_SAMPLE]
    controls = sum(byte < 0x20 and chr(byte) not in _ALLOWED_CONTROLS for byte in sample)
    return b"\x00" in sample or controls > 0.1 * len(sample)


def is_readable(text: str) -> bool:
    """Few control, unassigned or replacement characters: real text, not decoded junk."""
    if not text:
        return True
    bad = sum(_is_junk(char) for char in text)
    return bad <= _MAX_BAD_SHARE * len(text)


def _is_junk(char: str) -> bool:
    if char in _ALLOWED_CONTROLS:
        return False
    return char == "\ufffd" or unicodedata.category(char) in ("Cc", "Cn", "Co", "Cs")


def _high_byte_share(half: bytes) -> float:
    return sum(byte in (0x00, 0x06) for byte in half) / len(half)


def _decode(data: bytes) -> tuple[str, str]:
    encoding = bom_encoding(data) or utf16_order(data)
    if encoding:
        return data.decode(encoding, errors="replace"), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _looks_arabic_cp1256(data):
        return data.decode("cp1256"), "cp1256"
    return _decode_western(data)


def _looks_arabic_cp1256(data: bytes) -> bool:
    """More bytes in Arabic-word runs than accented letters inside Latin words."""
    arabic = sum(len(run) for run in _ARABIC_RUN.findall(data))
    return arabic > len(_ACCENT_IN_WORD.findall(data))


def _decode_western(data: bytes) -> tuple[str, str]:
    if not any(0x80 <= byte < 0xA0 for byte in data):
        return data.decode("latin-1"), "latin-1"
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"
