"""Marking a document final or cancelled; a cancellation must say why (the audit trail keeps it)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from thbdesk.core.i18n import _


class StatusDialog(QDialog):
    def __init__(self, status: str, reference: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusDialog")
        self.status = status
        self.setWindowTitle(_("Mark as final") if status == "final" else _("Cancel the document"))
        question = (
            _("Mark document {reference} as final?")
            if status == "final"
            else _("Cancel document {reference}? It stays in the register, marked cancelled.")
        )
        self.question = QLabel(question.format(reference=f"\u2066{reference}\u2069"))
        self.question.setWordWrap(True)
        self.reason_label = QLabel(
            _("Reason (required)") if status == "cancelled" else _("Reason or remark (optional)")
        )
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("statusReason")
        self.reason.textChanged.connect(self._update)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        for widget in (self.question, self.reason_label, self.reason, self.buttons):
            column.addWidget(widget)
        self._update()

    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()

    def _update(self) -> None:
        ok = self.status != "cancelled" or bool(self.reason_text())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
