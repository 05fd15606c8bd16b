"""HTML publications (saved web pages of official portals) as plain text.

Only the page's main content is kept (see main_content.py): scripts, styles, menus, breadcrumbs,
sidebars, footers and lists of links are dropped, block elements end lines, entities are
decoded. The charset comes from the BOM or a <meta> declaration; undeclared or wrongly
declared pages are decoded like plain text files.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable

from thbdesk.core.errors import CorruptDocumentError
from thbdesk.core.legal.importers.main_content import MainContentCollector
from thbdesk.core.legal.importers.model import ExtractedText
from thbdesk.core.legal.importers.text import bom_encoding, decode_text, is_readable

_CHUNK = 16 * 1024  # characters parsed between two progress reports (each may cancel)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([-\w:.]+)", re.IGNORECASE)
_HTML_SIGNS = re.compile(rb"<(?:!doctype\s+html|html|head|body|p|div|meta|table|br|h[1-6])\b", re.I)
# Browsers read these labels as Windows-1252; so do the pages that declare them.
_WESTERN_LABELS = frozenset({"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"})
_SPACES = re.compile(r"[ \t\r\n\f\u00a0]+")


def looks_like_html(data: bytes) -> bool:
    """Markup near the start, also when the bytes are UTF-16 (NULs removed)."""
    return bool(_HTML_SIGNS.search(data[:4096].replace(b"\x00", b"")))


def extract_html(
    data: bytes, name: str, on_progress: Callable[[int, int], None] | None = None
) -> ExtractedText:
    """``on_progress(done, total)`` counts chunks of markup parsed; it may raise to cancel."""
    markup, encoding = decode_html(data, name)
    return ExtractedText(text=html_to_text(markup, name, on_progress), format="html", encoding=encoding)


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


def html_to_text(markup: str, name: str = "", on_progress: Callable[[int, int], None] | None = None) -> str:
    """The visible text of the page's main content, one line per block.

    >>> html_to_text("<p>Article&nbsp;1</p><script>x()</script><p>L&#8217;État</p>")
    'Article 1\\nL’État'
    >>> html_to_text("<nav><a href='/'>Accueil</a></nav><main><p>Article 2</p></main><footer>©</footer>")
    'Article 2'
    """
    collector = MainContentCollector()
    chunks = range(0, len(markup), _CHUNK) or range(1)
    try:
        for done, start in enumerate(chunks, 1):
            collector.feed(markup[start : start + _CHUNK])
            if on_progress is not None:
                on_progress(done, len(chunks))
        collector.close()
    except AssertionError as exc:  # the stdlib parser still asserts on some broken declarations
        raise CorruptDocumentError(details=str(exc), name=name, kind="HTML") from exc
    return _tidy(collector.text())


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
