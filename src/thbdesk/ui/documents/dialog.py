"""The "Generate documents" dialog: options, then progress, then the preview of what was written.

It is not modal: the wizard stays usable while the documents are written, and the answers are
taken as they are when the user presses Generate. One run at a time: Generate is disabled while one
goes on, and the wizard brings this same dialog back instead of opening another.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from thbdesk.core.errors import OutputExistsError, ThbError
from thbdesk.core.forms.answers import Answers
from thbdesk.core.forms.model import FormSpec
from thbdesk.core.i18n import LRI, PDI, _
from thbdesk.core.logs import log_unexpected
from thbdesk.core.settings import Settings
from thbdesk.ui.documents import service_access as service
from thbdesk.ui.documents.options import Choice, OptionsPanel, default_langs
from thbdesk.ui.documents.preview import PreviewPanel
from thbdesk.ui.documents.runner import GenerationCancelled, GenerationRun
from thbdesk.ui.errors import show_error, show_unexpected
from thbdesk.ui.wizard.inputs import tr


class DocumentsDialog(QDialog):
    generated = Signal(object)  # the written paths

    def __init__(
        self,
        spec: FormSpec,
        answers: Callable[[], Answers],
        settings: Callable[[], Settings],
        store_settings: Callable[[Settings], None],
        has_problems: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("documentsDialog")
        self.spec, self._answers = spec, answers
        self._settings, self._store_settings = settings, store_settings
        self.error_box: QMessageBox | None = None
        self.last_run: tuple[Answers, Choice] | None = None  # what the last Generate used, for the register
        current = settings()
        langs = default_langs(current.document_languages, answers().answers.get("notice_language"))
        self.options = OptionsPanel(langs, current.document_folder)
        self.options.changed.connect(self._update_buttons)
        self.problems_label = QLabel()
        self.problems_label.setObjectName("answersProblems")
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet("color:#8a5300")
        self.problems_label.setVisible(has_problems)
        self.status_label = QLabel()
        self.status_label.setObjectName("generationStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("generationProgress")
        self.preview = PreviewPanel()
        self.run = GenerationRun(self)
        self.run.progress.connect(self._progress)
        self.run.finished.connect(self._finished)
        self.run.failed.connect(self._failed)
        self._build_layout()
        self.retranslate()
        self.resize(660, self.sizeHint().height())

    def _build_layout(self) -> None:
        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        options_page = QWidget()
        options_column = QVBoxLayout(options_page)
        options_column.addWidget(self.options, 1)
        options_column.addWidget(self.problems_label)
        working_page = QWidget()
        working_column = QVBoxLayout(working_page)
        working_column.addStretch(1)
        working_column.addWidget(self.progress_bar)
        working_column.addStretch(1)
        self.pages = QStackedWidget()
        self.options_page, self.working_page = options_page, working_page
        for page in (options_page, working_page, self.preview):
            self.pages.addWidget(page)
        self.generate_button = QPushButton()
        self.generate_button.setObjectName("startGeneration")
        self.generate_button.setDefault(True)
        self.generate_button.clicked.connect(self.start)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelGeneration")
        self.cancel_button.clicked.connect(self.cancel)
        self.back_button = QPushButton()
        self.back_button.setObjectName("changeOptions")
        self.back_button.clicked.connect(lambda: self._show_page(self.options_page))
        self.close_button = QPushButton()
        self.close_button.setObjectName("closeDocuments")
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        for button in (self.generate_button, self.cancel_button, self.close_button):
            buttons.addWidget(button)
        column = QVBoxLayout(self)
        column.addWidget(self.title_label)
        column.addWidget(self.pages, 1)
        column.addWidget(self.status_label)
        column.addLayout(buttons)
        self._show_page(options_page)

    def retranslate(self) -> None:
        self.setWindowTitle(_("Generate documents"))
        self.title_label.setText(f"<b>{html.escape(tr(self.spec.title))}</b>")
        self.problems_label.setText(
            _("Some answers are missing or need checking: documents show “—” for a missing answer.")
        )
        self.generate_button.setText(_("&Generate"))
        self.cancel_button.setText(_("Cancel"))
        self.back_button.setText(_("Change options"))
        self.close_button.setText(_("Close"))
        self.options.retranslate()
        self.preview.retranslate()

    # ---- states -------------------------------------------------------------------------------
    def _show_page(self, page: QWidget) -> None:
        self.pages.setCurrentWidget(page)
        if page is self.options_page:
            self.status_label.clear()
        self._update_buttons()

    def _update_buttons(self) -> None:
        running = self.run.running
        on_options = self.pages.currentWidget() is self.options_page
        self.generate_button.setVisible(on_options)
        self.generate_button.setEnabled(on_options and not running and not self.options.problem())
        self.cancel_button.setVisible(running)
        self.back_button.setVisible(self.pages.currentWidget() is self.preview)
        self.close_button.setVisible(not running)

    # ---- generating ---------------------------------------------------------------------------
    def start(self) -> bool:
        """Generate with the options shown; False when it cannot start (a message says why)."""
        if self.run.running or self.options.problem():
            return False
        choice = self.options.choice()
        answers = self._answers()
        request = service.make_request(choice.formats, choice.layout, choice.langs, choice.overwrite)
        self.last_run = (answers, choice)
        self._remember_folder(choice.folder)
        self.progress_bar.setRange(0, 0)  # busy until the service gives its first count
        self.status_label.setText(_("Writing the documents…"))
        self.run.start(self.spec, answers, choice.folder, request)
        self._show_page(self.working_page)
        return True

    def cancel(self) -> None:
        if self.run.running:
            self.run.cancel()
            self.cancel_button.setEnabled(False)
            self.status_label.setText(_("Stopping after the current step…"))

    def _progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(min(done, total))

    def _finished(self, paths: list[Path]) -> None:
        self.cancel_button.setEnabled(True)
        self.preview.show_files(paths)
        self._show_page(self.preview)
        self.resize(max(self.width(), 820), max(self.height(), 760))  # room for a page
        self.status_label.setText(_("The documents were written."))
        self.generated.emit(paths)

    def _failed(self, error: BaseException) -> None:
        self.cancel_button.setEnabled(True)
        self._show_page(self.options_page)
        if isinstance(error, GenerationCancelled):
            self.status_label.setText(self._cancelled_text())
        elif isinstance(error, ThbError):
            self._show_error(error)
        else:
            log_unexpected(type(error), error, error.__traceback__)
            show_unexpected(self)

    def _cancelled_text(self) -> str:
        """Cancelling stops between files: say which ones were written all the same."""
        written = self.run.written()
        text = _("Generation cancelled.")
        if written:
            shown = ", ".join(LRI + str(p) + PDI for p in written)
            text += " " + _("Already written: {paths}").format(paths=shown)
        return text

    def _show_error(self, error: ThbError) -> None:
        """Through the one presenter; an existing file comes with the offer to replace it."""
        box = show_error(self, error, warning=isinstance(error, OutputExistsError))
        self.error_box = box
        if isinstance(error, OutputExistsError):
            box.setStandardButtons(QMessageBox.StandardButton.Cancel)
            replace_button = box.addButton(_("Replace"), QMessageBox.ButtonRole.AcceptRole)
            replace_button.setObjectName("replaceButton")
            replace_button.clicked.connect(self._replace_and_start)

    def _replace_and_start(self) -> None:
        self.options.replace_box.setChecked(True)
        self.start()

    def _remember_folder(self, folder: Path) -> None:
        current = self._settings()
        if current.document_folder == str(folder):
            return
        try:
            self._store_settings(replace(current, document_folder=str(folder)))
        except ThbError as error:  # the documents matter more than remembering the folder
            show_error(self, error, warning=True)

    # ---- closing ------------------------------------------------------------------------------
    def reject(self) -> None:
        """Closing while writing cancels before the next file; the files written stay whole."""
        self.cancel()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.cancel()
        super().closeEvent(event)

    def is_running(self) -> bool:
        return self.run.running
