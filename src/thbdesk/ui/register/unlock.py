"""Choosing the register's passphrase at first run, and unlocking it afterwards.

Opening runs on the GUI thread: deriving the key takes a fraction of a second, and the dialog
must not be answered twice meanwhile. After a wrong passphrase the button stays disabled for the
wait the core imposes (it grows with each failure and survives a restart), with a countdown.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from time import monotonic

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from thbdesk.core.errors import ThbError, WrongPassphraseError
from thbdesk.core.i18n import _, ngettext
from thbdesk.ui.register import access
from thbdesk.ui.register.access import Register

Opener = Callable[[str], Register]


class PassphraseDialog(QDialog):
    """``create`` asks twice and explains; ``unlock`` asks once and enforces the wait."""

    opened = Signal(object)  # the Register
    failed = Signal(object)  # a ThbError other than a wrong passphrase (a damaged database…)

    def __init__(
        self,
        mode: str,
        folder: Path | None = None,
        opener: Opener | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("createRegisterDialog" if mode == "create" else "unlockDialog")
        self.mode, self.folder = mode, folder
        self._opener = opener
        self.passphrase = self._field("passphrase")
        self.repeat = self._field("passphraseRepeat")
        self.repeat.setVisible(mode == "create")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("unlockMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.ok_button = QPushButton()
        self.ok_button.setObjectName("unlockButton")
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.submit)
        self.later_button = QPushButton()
        self.later_button.setObjectName("unlockLater")
        self.later_button.clicked.connect(self.reject)
        self.countdown = QTimer(self)
        self.countdown.setInterval(250)
        self.countdown.timeout.connect(self._tick)
        self._wait_until = 0.0
        self._failure_text = ""
        self._build_layout()
        self.setMinimumWidth(520)  # the explanation must be read, not squeezed into a column
        self.retranslate()
        if mode == "unlock":
            self._start_wait(access.wait_before_next_attempt(folder))
        self._update()

    def _field(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.textChanged.connect(self._update)
        return edit

    def _build_layout(self) -> None:
        self.form = QFormLayout()
        self.passphrase_label, self.repeat_label = QLabel(), QLabel()
        self.form.addRow(self.passphrase_label, self.passphrase)
        self.form.addRow(self.repeat_label, self.repeat)
        self.repeat_label.setVisible(self.mode == "create")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.later_button)
        buttons.addWidget(self.ok_button)
        column = QVBoxLayout(self)
        column.addWidget(self.intro)
        column.addLayout(self.form)
        column.addWidget(self.message)
        column.addLayout(buttons)

    def retranslate(self) -> None:
        creating = self.mode == "create"
        self.setWindowTitle(_("Protect the register") if creating else _("Unlock the register"))
        self.intro.setText(
            _(
                "The register keeps drafts and documents with victims' personal data, encrypted on this "
                "computer. Choose a passphrase of at least {n} characters. Write it down and keep it safe: "
                "if it is lost, nobody can open the register, not even an administrator."
            ).format(n=access.MIN_PASSPHRASE)
            if creating
            else _(
                "Forms and the register hold personal data. Enter the register's passphrase. "
                "The legal library works without it."
            )
        )
        self.passphrase_label.setText(_("Passphrase"))
        self.repeat_label.setText(_("Repeat the passphrase"))
        self.ok_button.setText(_("Create the register") if creating else _("Unlock"))
        self.later_button.setText(_("Not now"))
        self._update()

    # ---- state ---------------------------------------------------------------------------------
    def problem(self) -> str:
        """Why the passphrase cannot be submitted yet; empty when it can."""
        text = self.passphrase.text()
        if self.mode == "create":
            if len(text) < access.MIN_PASSPHRASE:
                return _("At least {n} characters.").format(n=access.MIN_PASSPHRASE)
            if self.repeat.text() != text:
                return _("The two passphrases differ.")
        return "" if text else " "

    def remaining(self) -> int:
        """Whole seconds before another attempt is allowed."""
        return max(0, math.ceil(self._wait_until - monotonic()))

    def _start_wait(self, seconds: float) -> None:
        if seconds > 0:
            self._wait_until = monotonic() + seconds
            self.countdown.start()

    def _tick(self) -> None:
        if self.remaining() <= 0:
            self.countdown.stop()
        self._update()

    def _update(self) -> None:
        waiting = self.remaining()
        problem = self.problem()
        self.ok_button.setEnabled(not problem and not waiting)
        if waiting:
            self.message.setText(
                self._failure_text
                + ngettext(
                    "You can try again in {n} second.", "You can try again in {n} seconds.", waiting
                ).format(n=waiting)
            )
        elif self.mode == "create" and self.passphrase.text():
            self.message.setText(problem.strip())
        else:
            self.message.setText(self._failure_text.strip())

    # ---- submitting ----------------------------------------------------------------------------
    def submit(self) -> Register | None:
        """Create or open the register; None when it failed (the dialog says why)."""
        if self.problem() or self.remaining():
            return None
        text = self.passphrase.text()
        try:
            register = self._open(text)
        except ThbError as error:
            return self._refused(error)
        self.passphrase.clear()
        self.repeat.clear()
        self.opened.emit(register)
        self.accept()
        return register

    def _open(self, text: str) -> Register:
        if self._opener is not None:
            return self._opener(text)
        if self.mode == "create":
            return access.create(text, self.folder)
        return access.open_register(text, self.folder)

    def _refused(self, error: ThbError) -> None:
        if not isinstance(error, WrongPassphraseError):
            self.failed.emit(error)
            self.reject()
            return None
        self.passphrase.clear()
        self._failure_text = _("This passphrase does not open the register.") + " "
        self._start_wait(access.wait_before_next_attempt(self.folder))
        self._update()
        self.passphrase.setFocus()
        return None
