"""What an area holding personal data shows while the register is locked: nothing of the data."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from thbdesk.core.i18n import _


class LockGate(QStackedWidget):
    def __init__(self, content: QWidget, unlock: Callable[[], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockGate")
        self.content = content
        self.locked_page = QWidget()
        self.locked_page.setObjectName("lockedPage")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.unlock_button = QPushButton()
        self.unlock_button.setObjectName("gateUnlock")
        self.unlock_button.clicked.connect(lambda: unlock())
        column = QVBoxLayout(self.locked_page)
        column.addStretch(1)
        column.addWidget(self.message)
        column.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignCenter)
        column.addStretch(2)
        self.addWidget(self.locked_page)
        self.addWidget(content)
        self.set_locked(True)
        self.retranslate()

    def set_locked(self, locked: bool) -> None:
        self.setCurrentWidget(self.locked_page if locked else self.content)

    def is_locked(self) -> bool:
        return self.currentWidget() is self.locked_page

    def retranslate(self) -> None:
        self.message.setText(
            _("The register is locked. Forms and the register hold personal data: unlock it to use them.")
        )
        self.unlock_button.setText(_("Unlock…"))
        retranslate = getattr(self.content, "retranslate", None)
        if retranslate is not None:
            retranslate()
