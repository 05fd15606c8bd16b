"""The shell: a navigation list on the leading side, one area at a time, menus and settings."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from thbdesk.core.errors import ThbError
from thbdesk.core.i18n import LANGUAGES, N_, _, native_name
from thbdesk.core.legal.library import Library
from thbdesk.core.legal.loader import bundled_corpus
from thbdesk.core.search.searcher import LegalSearch
from thbdesk.core.settings import Settings, save_settings
from thbdesk.ui.about_dialog import AboutDialog
from thbdesk.ui.errors import show_error
from thbdesk.ui.language import apply_language
from thbdesk.ui.library.view import LibraryView
from thbdesk.ui.register.controller import RegisterController
from thbdesk.ui.register.locked_store import LockedDraftStore
from thbdesk.ui.settings_dialog import SettingsDialog
from thbdesk.ui.wizard.view import documents_area

AREAS = (
    ("library", N_("Library"), N_("Search and read the legal texts, and import official publications.")),
    ("documents", N_("Documents"), N_("Incident reports, referral forms and notices of rights.")),
    ("register", N_("Register"), N_("Saved drafts, produced documents and their audit trail.")),
)


class AreaPage(QWidget):
    """An area of the window; later capabilities put their views inside it."""

    def __init__(self, key: str, title: str, description: str) -> None:
        super().__init__()
        self.setObjectName(f"area_{key}")
        self._title, self._description = title, description
        self.title_label = QLabel()
        self.title_label.setObjectName("areaTitle")
        self.description_label = QLabel()
        self.description_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.description_label)
        layout.addStretch(1)
        self.retranslate()

    def set_content(self, widget: QWidget) -> None:
        """The capability's view replaces the description of what the area will hold."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        self.description_label.hide()
        layout.takeAt(layout.count() - 1)  # the stretch
        layout.addWidget(widget, 1)
        self.content = widget

    def retranslate(self) -> None:
        self.title_label.setText(f"<h2>{_(self._title)}</h2>")
        self.description_label.setText(_(self._description))
        retranslate = getattr(getattr(self, "content", None), "retranslate", None)
        if retranslate is not None:
            retranslate()


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings, on_settings_changed: Callable[[Settings], None] | None = None):
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings
        self._on_settings_changed = on_settings_changed or save_settings
        self.resize(1100, 720)
        self.nav = QListWidget()
        self.nav.setObjectName("areaNavigation")
        self.nav.setFixedWidth(150)
        self.stack = QStackedWidget()
        self.pages = [AreaPage(key, title, text) for key, title, text in AREAS]
        corpus = bundled_corpus()
        library = Library(corpus)
        self.library_view = LibraryView(corpus, library, LegalSearch(corpus, library))
        self.reader = self.library_view.reader
        self.pages[0].set_content(self.library_view)
        self.wizard = documents_area(
            corpus, self.open_provision, lambda: self.settings, self._store, store=LockedDraftStore()
        )
        self.register_ctl = RegisterController(
            self, self.wizard, lambda: self.settings, self.nav.setCurrentRow
        )
        self.pages[1].set_content(self.register_ctl.documents_gate)
        self.pages[2].set_content(self.register_ctl.register_gate)
        for page in self.pages:
            self.stack.addWidget(page)
            self.nav.addItem("")
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        central = QWidget()
        row = QHBoxLayout(central)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menus()
        # The library first: an unfinished draft is offered once the register is unlocked.
        self.nav.setCurrentRow(0)
        self.retranslate()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.settings_action = QAction(self, shortcut=QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Comma))
        self.settings_action.triggered.connect(self.open_settings)
        self.quit_action = QAction(self, shortcut=QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.import_action = QAction(self, shortcut=QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_I))
        self.import_action.triggered.connect(self.library_view.choose_and_import)
        self.imports_action = QAction(self)
        self.imports_action.triggered.connect(self.library_view.manage_imports)
        self.find_action = QAction(self, shortcut=QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.focus_search)
        self.addAction(self.find_action)
        self.file_menu.addActions([self.import_action, self.imports_action])
        self.file_menu.addSeparator()
        self.lock_action = QAction(self, shortcut=QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_L))
        self.lock_action.triggered.connect(self.register_ctl.lock)
        self.file_menu.addActions([self.lock_action, self.settings_action, self.quit_action])
        self.language_menu = bar.addMenu("")
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for lang in LANGUAGES:
            action = QAction(native_name(lang), self, checkable=True)
            action.setChecked(lang == self.settings.language)
            action.triggered.connect(lambda _checked=False, code=lang: self.set_language(code))
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[lang] = action
        self.help_menu = bar.addMenu("")
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.open_about)
        self.help_menu.addAction(self.about_action)
        for index in range(len(AREAS)):
            area_action = QAction(self, shortcut=QKeySequence(f"Ctrl+{index + 1}"))
            area_action.triggered.connect(lambda _checked=False, row=index: self.nav.setCurrentRow(row))
            self.addAction(area_action)

    def retranslate(self) -> None:
        self.setWindowTitle(_("thbdesk — trafficking in human beings desk"))
        self.file_menu.setTitle(_("&File"))
        self.settings_action.setText(_("&Settings…"))
        self.quit_action.setText(_("&Quit"))
        self.lock_action.setText(_("&Lock the register"))
        self.import_action.setText(_("&Import official texts…"))
        self.imports_action.setText(_("Imported &texts…"))
        self.language_menu.setTitle(_("&Language"))
        self.help_menu.setTitle(_("&Help"))
        self.about_action.setText(_("&About thbdesk"))
        for row, (_key, title, _text) in enumerate(AREAS):
            self.nav.item(row).setText(_(title))
        for page in self.pages:
            page.retranslate()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Let a running search or import finish: its answer must not land on deleted widgets."""
        self.library_view.runner.wait(10_000)
        self.wizard.stop_documents(10_000)
        self.wizard.flush()
        self.register_ctl.shut_down()
        super().closeEvent(event)

    def open_provision(self, key: str) -> bool:
        """A step's provision opens in the library's reader."""
        self.nav.setCurrentRow(0)
        return self.reader.open_provision(key)

    def focus_search(self) -> None:
        self.nav.setCurrentRow(0)
        self.library_view.focus_search()

    def set_language(self, lang: str) -> None:
        """Switch at once: catalogue, Qt strings, mirrored layout; then persist the choice."""
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        apply_language(app, lang)
        self.language_actions[lang].setChecked(True)
        self.retranslate()
        self._store(self.settings.with_language(lang))

    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.settings, self)
        dialog.finished.connect(lambda code: self._settings_closed(dialog, code))
        dialog.open()
        return dialog

    def _settings_closed(self, dialog: SettingsDialog, code: int) -> None:
        if code == QDialog.DialogCode.Accepted:
            self._store(dialog.result_settings())
            self.register_ctl.session.restart_idle()

    def _store(self, settings: Settings) -> None:
        self.settings = settings
        try:
            self._on_settings_changed(settings)
        except ThbError as error:
            show_error(self, error)

    def open_about(self) -> AboutDialog:
        dialog = AboutDialog(self)
        dialog.open()
        return dialog
