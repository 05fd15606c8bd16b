"""Each input follows the direction of what is typed in it, not the direction of the UI.

An Arabic name in a French UI reads right to left; a passport number in the Arabic UI reads left to
right. The first strong character decides, as the Unicode bidi algorithm does for a paragraph.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget

_RTL_CLASSES = frozenset({"R", "AL"})


def first_strong(text: str) -> str | None:
    """``"rtl"``, ``"ltr"`` or None (digits, punctuation or nothing yet)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in _RTL_CLASSES:
            return "rtl"
        if kind == "L":
            return "ltr"
    return None


def direction_of(text: str) -> Qt.LayoutDirection:
    """The text's own direction; empty or neutral text takes the application's direction."""
    strong = first_strong(text)
    if strong == "rtl":
        return Qt.LayoutDirection.RightToLeft
    if strong == "ltr":
        return Qt.LayoutDirection.LeftToRight
    return QApplication.layoutDirection()


def apply_direction(widget: QWidget, text: str) -> None:
    direction = direction_of(text)
    if widget.layoutDirection() != direction:
        widget.setLayoutDirection(direction)
    if isinstance(widget, QLineEdit):
        widget.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    elif isinstance(widget, QPlainTextEdit):
        option = widget.document().defaultTextOption()
        option.setTextDirection(direction)
        widget.document().setDefaultTextOption(option)


def follow_direction(widget: QLineEdit | QPlainTextEdit) -> None:
    """Keep the widget's direction in step with its text as the user types."""
    if isinstance(widget, QLineEdit):
        widget.textChanged.connect(lambda text: apply_direction(widget, text))
        apply_direction(widget, widget.text())
    elif isinstance(widget, QPlainTextEdit):
        widget.textChanged.connect(lambda: apply_direction(widget, widget.toPlainText()))
        apply_direction(widget, widget.toPlainText())
