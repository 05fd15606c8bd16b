"""The written documents: their paths, the PDF's pages (QtPdf), and buttons to open or find them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from thbdesk.core.i18n import LRI, PDI, _, ngettext


def open_url(url: QUrl) -> bool:
    """The desktop opens files and folders (tests replace this)."""
    return QDesktopServices.openUrl(url)


class PreviewPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentPreview")
        self._paths: list[Path] = []
        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pages_label = QLabel()
        self.pages_label.setObjectName("previewPages")
        self.path_list = QListWidget()
        self.path_list.setObjectName("writtenPaths")
        self.path_list.setMaximumHeight(90)
        self.path_list.currentRowChanged.connect(self._selected)
        self.path_list.itemActivated.connect(lambda _item: self.open_file())
        self.open_button = QPushButton()
        self.open_button.setObjectName("openDocument")
        self.open_button.clicked.connect(self.open_file)
        self.folder_button = QPushButton()
        self.folder_button.setObjectName("showInFolder")
        self.folder_button.clicked.connect(self.show_folder)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pages_label, 1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.folder_button)
        self.written_label = QLabel()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.view, 1)
        column.addLayout(buttons)
        column.addWidget(self.written_label)
        column.addWidget(self.path_list)
        self.retranslate()

    def retranslate(self) -> None:
        self.open_button.setText(_("&Open"))
        self.folder_button.setText(_("Show in &folder"))
        self.written_label.setText(_("Files written:"))
        self._update_pages_label()

    def show_files(self, paths: Sequence[Path]) -> None:
        """List the files; the first PDF is previewed, DOCX alone shows the list without pages."""
        self._paths = list(paths)
        self.path_list.clear()
        for path in self._paths:
            item = QListWidgetItem(LRI + str(path) + PDI)  # a path reads left to right in any UI
            item.setToolTip(str(path))
            self.path_list.addItem(item)
        pdf = next((i for i, path in enumerate(self._paths) if path.suffix.lower() == ".pdf"), None)
        self.path_list.setCurrentRow(pdf if pdf is not None else 0)
        if pdf is None:
            self._show_pdf(None)
        self.open_button.setEnabled(bool(self._paths))
        self.folder_button.setEnabled(bool(self._paths))

    def paths(self) -> list[Path]:
        return list(self._paths)

    def current_path(self) -> Path | None:
        row = self.path_list.currentRow()
        return self._paths[row] if 0 <= row < len(self._paths) else None

    def _selected(self, row: int) -> None:
        if 0 <= row < len(self._paths) and self._paths[row].suffix.lower() == ".pdf":
            self._show_pdf(self._paths[row])

    def _show_pdf(self, path: Path | None) -> None:
        self.document.close()
        if path is not None:
            self.document.load(str(path))
        self.view.setVisible(path is not None and self.document.pageCount() > 0)
        self._update_pages_label()

    def _update_pages_label(self) -> None:
        count = self.document.pageCount()
        self.pages_label.setText(ngettext("{count} page", "{count} pages", count).format(count=count))
        self.pages_label.setVisible(count > 0)

    def open_file(self) -> None:
        path = self.current_path()
        if path is not None:
            open_url(QUrl.fromLocalFile(str(path)))

    def show_folder(self) -> None:
        path = self.current_path()
        if path is not None:
            open_url(QUrl.fromLocalFile(str(path.parent)))
