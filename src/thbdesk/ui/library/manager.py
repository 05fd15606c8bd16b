"""The imported official texts: what is there, and removing what should not be."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from thbdesk.core.i18n import _
from thbdesk.core.legal.library import Library


class ImportedTextsDialog(QDialog):
    def __init__(
        self, library: Library, on_changed: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importedTextsDialog")
        self.setWindowTitle(_("Imported texts"))
        self.resize(760, 380)
        self.library, self.on_changed = library, on_changed
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("importedTable")
        self.table.setHorizontalHeaderLabels(
            [_("File"), _("Text"), _("Language"), _("Articles"), _("Matched"), _("Imported on")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.remove_button = QPushButton(_("Remove…"))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.remove_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        texts = self.library.texts()
        self.table.setRowCount(len(texts))
        for row, text in enumerate(texts):
            values = (
                text.filename,
                text.instrument,
                text.lang,
                str(text.article_count),
                str(len(text.aligned)),
                text.imported_at[:10],
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(256, text.id)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.remove_button.setEnabled(bool(texts))

    def remove_selected(self, confirm: bool = True) -> bool:
        item = self.table.item(self.table.currentRow(), 0)
        if item is None:
            return False
        question = _("Remove {name} and its articles from the library?").format(name=item.text())
        if (
            confirm
            and QMessageBox.question(self, _("Imported texts"), question) != QMessageBox.StandardButton.Yes
        ):
            return False
        self.library.remove(item.data(256))
        self.refresh()
        self.on_changed()
        return True
