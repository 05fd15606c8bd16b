"""The Library area: search and browse on the leading side, the open provision beside them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QVBoxLayout, QWidget

from thbdesk.core.i18n import _
from thbdesk.core.legal.library import Library
from thbdesk.core.legal.model import Corpus
from thbdesk.core.search.searcher import LegalSearch
from thbdesk.ui.library.import_dialog import ImportDialog
from thbdesk.ui.library.manager import ImportedTextsDialog
from thbdesk.ui.library.reader import ReaderView
from thbdesk.ui.library.search_panel import SearchPanel
from thbdesk.ui.tasks import TaskRunner

IMPORT_FILTER = "*.pdf *.docx *.html *.htm *.txt"


class LibraryView(QWidget):
    def __init__(self, corpus: Corpus, library: Library, search: LegalSearch, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("libraryView")
        self.corpus, self.library, self.search = corpus, library, search
        self.runner = TaskRunner(self)
        self.reader = ReaderView(corpus, library)
        self.search_panel = SearchPanel(search, corpus, self.runner)
        self.reader.side_tabs.insertTab(0, self.search_panel, "")
        self.reader.side_tabs.setCurrentIndex(0)
        self.search_panel.open_requested.connect(self.reader.open_provision)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.reader)
        self.retranslate()

    def retranslate(self) -> None:
        self.reader.retranslate()
        self.reader.side_tabs.setTabText(self.reader.side_tabs.indexOf(self.search_panel), _("Search"))
        self.search_panel.retranslate()

    def focus_search(self) -> None:
        self.reader.side_tabs.setCurrentWidget(self.search_panel)
        self.search_panel.search_box.setFocus()
        self.search_panel.search_box.selectAll()

    def choose_and_import(self) -> ImportDialog | None:
        publications = _("Publications")
        names, _filter = QFileDialog.getOpenFileNames(
            self, _("Import official texts"), str(Path.home()), f"{publications} ({IMPORT_FILTER})"
        )
        return self.import_files([Path(n) for n in names]) if names else None

    def import_files(self, paths: list[Path]) -> ImportDialog:
        dialog = ImportDialog(paths, self.library, self.runner, self.library_changed, self)
        dialog.open()
        dialog.start()
        return dialog

    def manage_imports(self) -> ImportedTextsDialog:
        dialog = ImportedTextsDialog(self.library, self.library_changed, self)
        dialog.open()
        return dialog

    def library_changed(self) -> None:
        """Index the change in the background, then show it where the user is looking."""
        self.runner.run(self.search.refresh, lambda _none: self._after_refresh())

    def _after_refresh(self) -> None:
        self.reader.reload()
        if self.search_panel.search_box.text().strip():
            self.search_panel.start_search()
