"""HTML publications (saved web pages of official portals) as plain text.

Only what a reader sees is kept: scripts, styles, templates and comments are dropped, block
elements end lines, and entities are decoded. The charset comes from the BOM or a <meta>
declaration; undeclared or wrongly declared pages are decoded like plain text files.
"""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser

from thbdesk.core.errors import CorruptDocumentError
from thbdesk.core.legal.importers.model import ExtractedText
from thbdesk.core.legal.importers.text import bom_encoding, decode_text, is_readable

_HIDDEN = frozenset({"script", "style", "noscript", "template", "title"})
_BLOCK_TAGS = (
    "address article aside blockquote br caption dd div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead "
    "tr ul"
)
_BLOCKS = frozenset(_BLOCK_TAGS.split())
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([-\w:.]+)", re.IGNORECASE)
_HTML_SIGNS = re.compile(rb"<(?:!doctype\s+html|html|head|body|p|div|meta|table|br|h[1-6])\b", re.I)
# Browsers read these labels as Windows-1252; so do the pages that declare them.
_WESTERN_LABELS = frozenset({"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"})
_SPACES = re.compile(r"[ \t\r\n\f\u00a0]+")


def looks_like_html(data: bytes) -> bool:
    """Markup near the start, also when the bytes are UTF-16 (NULs removed)."""
    return bool(_HTML_SIGNS.search(data[:4096].replace(b"\x00", b"")))


def extract_html(data: bytes, name: str) -> ExtractedText:
    markup, encoding = decode_html(data, name)
    return ExtractedText(text=html_to_text(markup, name), format="html", encoding=encoding)


def decode_html(data: bytes, name: str) -> tuple[str, str]:
    declared = None if bom_encoding(data) else _declared_charset(data)
    if declared:
        try:
            markup = data.decode(declared)
        except UnicodeDecodeError:
            pass
        else:
            if is_readable(markup):
                return markup.replace("\r\n", "\n"), declared
    return decode_text(data, name)


def html_to_text(markup: str, name: str = "") -> str:
    """The visible text, one line per block.

    >>> html_to_text("<p>Article&nbsp;1</p><script>x()</script><p>L&#8217;État</p>")
    'Article 1\\nL’État'
    """
    collector = _TextCollector()
    try:
        collector.feed(markup)
        collector.close()
    except AssertionError as exc:  # the stdlib parser still asserts on some broken declarations
        raise CorruptDocumentError(details=str(exc), name=name, kind="HTML") from exc
    return _tidy("".join(collector.parts))


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    label = match.group(1).decode("ascii", errors="ignore").lower()
    if label in _WESTERN_LABELS:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _tidy(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0
        self._pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._enter(tag, 1)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        self._enter(tag, -1)

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        self.parts.append(data if self._pre else _SPACES.sub(" ", data))

    def _enter(self, tag: str, step: int) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden + step)
        elif tag == "pre":
            self._pre = max(0, self._pre + step)
        if tag in _BLOCKS and not self._hidden:
            self.parts.append("\n")
