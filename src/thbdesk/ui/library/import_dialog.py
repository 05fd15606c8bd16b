"""Import official publications with a progress bar and a cancel button; report what happened."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from thbdesk.core.errors import ImportCancelledError, ThbError
from thbdesk.core.i18n import _
from thbdesk.core.legal.library import STEPS, ImportReport, Library
from thbdesk.ui.tasks import TaskRunner


class _Progress(QObject):
    """The core's ImportProgress, called from the worker thread; Qt queues the signal to the GUI."""

    stepped = Signal(int, int, str)

    def __init__(self) -> None:
        super().__init__()
        self.cancel_event = threading.Event()

    def step(self, done: int, total: int, message: str) -> None:
        self.stepped.emit(done, total, message)

    def cancelled(self) -> bool:
        return self.cancel_event.is_set()


class ImportDialog(QDialog):
    def __init__(
        self,
        paths: list[Path],
        library: Library,
        runner: TaskRunner,
        on_imported: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(_("Import official texts"))
        self.resize(560, 360)
        self.paths, self.library, self.runner, self.on_imported = list(paths), library, runner, on_imported
        self.progress = _Progress()
        self.progress.stepped.connect(self._stepped)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, max(1, len(self.paths) * STEPS))
        self.log = QPlainTextEdit(readOnly=True)
        self.log.setObjectName("importLog")
        self.buttons = QDialogButtonBox()
        self.cancel_button = QPushButton(_("Cancel"))
        self.close_button = QPushButton(_("Close"))
        self.close_button.setEnabled(False)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button.clicked.connect(self.progress.cancel_event.set)
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        for widget in (self.label, self.bar, self.log, self.buttons):
            layout.addWidget(widget)
        self.finished_all = False
        self._index = 0

    def start(self) -> None:
        self._next()

    def _next(self) -> None:
        if self._index >= len(self.paths) or self.progress.cancelled():
            self._done()
            return
        path = self.paths[self._index]
        self.label.setText(_("Importing {name}…").format(name=path.name))
        self.runner.run(
            lambda: self.library.import_file(path, progress=self.progress), self._imported, self._failed
        )

    def _stepped(self, done: int, total: int, _message: str) -> None:
        self.bar.setValue(self._index * STEPS + done * STEPS // max(total, 1))

    def _imported(self, report: ImportReport) -> None:
        lines = [report.summary()]
        lines += [_("Warning: {warning}").format(warning=warning) for warning in report.warnings]
        self._after("\n".join(lines))

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ThbError):
            self._after(error.user_message())
            return
        raise error

    def _after(self, line: str) -> None:
        self.log.appendPlainText(line)
        self._index += 1
        self.bar.setValue(self._index * STEPS)
        self._next()

    def _done(self) -> None:
        if self.progress.cancelled() and self._index < len(self.paths):
            self.log.appendPlainText(ImportCancelledError().user_message())
        self.label.setText(_("Import finished."))
        self.cancel_button.setEnabled(False)
        self.close_button.setEnabled(True)
        self.finished_all = True
        self.on_imported()
