"""Names from outside (file names, titles) made safe to print on a terminal.

A file name may hold escape sequences (``\\x1b[2J`` clears the screen) or a carriage return that
overwrites the line before it; bidi overrides can disguise an extension. They are shown escaped.
"""

from __future__ import annotations

import unicodedata

_BIDI_OVERRIDES = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def printable(text: str) -> str:
    """``text`` with control characters and bidi overrides written as escapes.

    >>> printable("loi\\x1b[2J.pdf"), printable("a\\rb"), printable("قانون 27-14")
    ('loi\\\\x1b[2J.pdf', 'a\\\\rb', 'قانون 27-14')
    """
    if text.isprintable():
        return text
    return "".join(_escape(char) for char in text)


def _escape(char: str) -> str:
    if char in _BIDI_OVERRIDES or unicodedata.category(char) in ("Cc", "Cs"):
        escaped = char.encode("unicode_escape").decode("ascii")
        return escaped if escaped != char else f"\\u{ord(char):04x}"
    return char
