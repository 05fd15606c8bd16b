"""The outline of the visible steps, each marked complete, current or with errors; click to jump.

The marks are drawn, not typed: the bundled fonts have no check mark, and a machine without
system fonts would show an empty box instead.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from thbdesk.core.i18n import _

STEP_ROLE = Qt.ItemDataRole.UserRole
STATE_ROLE = Qt.ItemDataRole.UserRole + 1
REVIEW = "__review__"
_SIZE = 16


@cache
def mark_icon(state: str) -> QIcon:
    """complete: a green tick; current: a blue dot; errors: a red disc with a bar; todo: a grey ring."""
    pixmap = QPixmap(_SIZE, _SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if state == "complete":
        path = QPainterPath(QPointF(3, 8.5))
        path.lineTo(6.5, 12)
        path.lineTo(13, 4)
        pen = QPen(QColor("#1e7b34"), 2.4)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawPath(path)
    elif state == "errors":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#b3261e"))
        painter.drawEllipse(QRectF(1, 1, 14, 14))
        painter.setBrush(QColor("white"))
        painter.drawRect(QRectF(7, 3.5, 2, 6))
        painter.drawRect(QRectF(7, 11, 2, 2))
    elif state == "current":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#1a56a8"))
        painter.drawEllipse(QRectF(4, 4, 8, 8))
    else:
        painter.setPen(QPen(QColor("#9a9a9a"), 1.5))
        painter.drawEllipse(QRectF(4, 4, 8, 8))
    painter.end()
    return QIcon(pixmap)


def _state_name(state: str) -> str:
    names = {
        "complete": _("complete"),
        "current": _("current step"),
        "errors": _("needs attention"),
        "todo": _("not yet answered"),
    }
    return names[state]


class StepOutline(QListWidget):
    step_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepOutline")
        self.setWordWrap(True)
        self.setSpacing(1)
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)

    def show_steps(self, steps: list[tuple[str, str, str]], review_title: str) -> None:
        """(step id, title, state) for each visible step, then the review page."""
        self.blockSignals(True)
        self.clear()
        for step_id, title, state in steps:
            self._add(step_id, title, state)
        self._add(REVIEW, review_title, "todo")
        self.blockSignals(False)

    def _add(self, step_id: str, title: str, state: str) -> None:
        item = QListWidgetItem(mark_icon(state), title)
        item.setData(STEP_ROLE, step_id)
        item.setData(STATE_ROLE, state)
        item.setToolTip(_state_name(state))
        item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, _state_name(state))
        if state == "current":
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        self.addItem(item)

    def states(self) -> dict[str, str]:
        return {
            self.item(row).data(STEP_ROLE): self.item(row).data(STATE_ROLE) for row in range(self.count())
        }

    def select(self, step_id: str) -> None:
        for row in range(self.count()):
            if self.item(row).data(STEP_ROLE) == step_id:
                self.blockSignals(True)
                self.setCurrentRow(row)
                self.blockSignals(False)

    def _clicked(self, item: QListWidgetItem) -> None:
        self.step_chosen.emit(item.data(STEP_ROLE))
