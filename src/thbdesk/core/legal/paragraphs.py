"""Paragraphs of an article read from a PDF, whose lines end wherever the page was full.

A PDF keeps the printed line breaks. To read the official wording as a text, lines are joined
back into paragraphs, and a new paragraph starts where the print shows one: after a blank line,
after a line ending a sentence or announcing a list (`.` `:` `;` `؛` `؟`), after a line much
shorter than the others (the last line of a paragraph), and before a list item, a numbered
clause, a quoted paragraph or a heading. A word cut by a hyphen at the end of a line is joined.
"""

from __future__ import annotations

import re
import statistics

from thbdesk.core.legal.splitter import is_heading_line, is_title_line

_ENDS_PARAGRAPH = re.compile(r"[.!?؟:;؛…][\s»”\"')\]]*$")
_ITEM = re.compile(
    r"\s*(?:[-–—•·*▪]\s"
    r"|\(?[0-9\u0660-\u0669]{1,3}\s?(?:[).°-]|er\b|ère\b)"
    r"|\(?[a-zA-Z]\)|[a-zA-Z]\.\s"
    r"|\(?[\u0623\u0628\u062c\u062f\u0647\u0648\u0632\u062d\u0637\u064a]\s?[)-]"
    r"|[«\"“])"
)
_CUT_WORD = re.compile(r"[^\W\d_]-$")
_SHORT = 0.6  # of the usual line length: a line this short ends its paragraph
_MIN_LINES = 3  # fewer lines tell nothing about the usual length
_WRAP_SLACK = 1.25  # a wrapped text has no line much longer than its usual full line
_PRINTED_WIDTH = 130  # characters: printed lines are shorter, typed paragraphs soon longer


def official_paragraphs(text: str, format: str) -> list[str]:
    """The paragraphs of an imported article, as its publication laid them out.

    PDF lines are always joined. A text file is joined only when it looks wrapped (copied
    from a PDF): no line longer than a printed one, nor much longer than its usual line.
    DOCX and HTML lines are paragraphs.

    >>> official_paragraphs("Une ligne imprimée coupée au milieu d'une\\nphrase.", "txt")
    ["Une ligne imprimée coupée au milieu d'une phrase."]
    >>> official_paragraphs("Un alinéa saisi d'un bloc. " * 6 + "\\nSuite", "txt")[1]
    'Suite'

    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if format == "pdf" or (format == "txt" and _looks_wrapped(lines)):
        return join_lines(text)
    return lines


def _looks_wrapped(lines: list[str]) -> bool:
    longest = max(map(len, lines), default=0)
    usual = _usual_length(lines)
    return longest <= _PRINTED_WIDTH and (not usual or longest <= _WRAP_SLACK * usual)


def join_lines(text: str) -> list[str]:
    """The paragraphs of a text with hard line breaks.

    >>> join_lines("Est puni quiconque recrute une\\npersonne aux fins d'exploi-\\ntation.\\n"
    ...            "La peine est doublée :\\n1° si la victime est mineure ;\\n2° si l'auteur est armé.")
    ["Est puni quiconque recrute une personne aux fins d'exploitation.", 'La peine est doublée :', \
'1° si la victime est mineure ;', "2° si l'auteur est armé."]
    >>> join_lines("يعاقب بالسجن كل من استغل\\nهشاشة شخص آخر.\\nالفصل 2-448\\nتضاعف العقوبة.")
    ['يعاقب بالسجن كل من استغل هشاشة شخص آخر.', 'الفصل 2-448', 'تضاعف العقوبة.']
    """
    lines = [line.strip() for line in text.splitlines()]
    usual = _usual_length(lines)
    paragraphs: list[str] = []
    current = ""
    for index, line in enumerate(lines):
        if not line:
            current = _flush(paragraphs, current)
            continue
        current = _join(current, line) if current else line
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if _ends_here(line, following, usual):
            current = _flush(paragraphs, current)
    _flush(paragraphs, current)
    return paragraphs


def _usual_length(lines: list[str]) -> float:
    """The length of a full line: the upper quartile, since most lines of a page are full."""
    lengths = [len(line) for line in lines if line]
    if len(lengths) < _MIN_LINES:
        return 0.0
    return statistics.quantiles(lengths, n=4)[2]


def _ends_here(line: str, following: str, usual: float) -> bool:
    if not following or is_title_line(line) or is_heading_line(following):
        return True
    if _ENDS_PARAGRAPH.search(line) or _ITEM.match(following):
        return True
    return len(line) < _SHORT * usual


def _join(current: str, line: str) -> str:
    if _CUT_WORD.search(current) and line[:1].islower():
        return current[:-1] + line
    return f"{current} {line}"


def _flush(paragraphs: list[str], current: str) -> str:
    if current:
        paragraphs.append(current)
    return ""
