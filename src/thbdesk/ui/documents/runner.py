"""One generation at a time, off the GUI thread, with progress and a cancel between files.

The service reports ``progress(done, total)`` from the worker thread; a signal carries it to the
GUI thread. Cancelling makes the next progress call raise, so the service stops before its next step
and writes nothing more (the service renders and checks everything before it writes, and each file
it writes is whole: it writes atomically).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from thbdesk.core.forms.answers import Answers
from thbdesk.core.forms.model import FormSpec
from thbdesk.ui.documents import service_access as service
from thbdesk.ui.tasks import TaskRunner


class GenerationCancelled(Exception):
    """Raised inside the worker when the user cancelled; never shown as an error."""


class GenerationRun(QObject):
    progress = Signal(int, int)
    finished = Signal(object)  # the list of written paths
    failed = Signal(object)  # the exception (GenerationCancelled when cancelled)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = TaskRunner(self)
        self._cancel = threading.Event()
        self.running = False
        self.expected: list[Path] = []  # what the run is to write
        self.before: dict[Path, int] = {}  # of those, what was there before: path -> mtime (ns)

    def start(self, spec: FormSpec, answers: Answers, out_dir: Path, request: Any) -> bool:
        """Start unless a run is going on (no double start); True if started."""
        if self.running:
            return False
        self.running = True
        self._cancel.clear()
        self.expected, self.before = [], {}
        cancel, report = self._cancel, self.progress.emit

        def progress(done: int, total: int) -> None:
            if cancel.is_set() and done < total:  # at the last step there is nothing left to stop
                raise GenerationCancelled
            report(done, total)

        def work() -> list[Path]:
            # Here, not on the GUI thread: the first call imports the writers (reportlab, python-docx).
            self.expected = service.output_paths(spec, answers, out_dir, request)
            self.before = _mtimes(self.expected)
            if cancel.is_set():
                raise GenerationCancelled
            return service.generate(spec, answers, out_dir, request, progress)

        self.tasks.run(work, self._done, self._failed)
        return True

    def cancel(self) -> None:
        self._cancel.set()

    def written(self) -> list[Path]:
        """The files of the last run that it created or replaced (after a cancel, some may be)."""
        now = _mtimes(self.expected)
        return [path for path in self.expected if path in now and now[path] != self.before.get(path)]

    def wait(self, msecs: int = 30_000) -> bool:
        return self.tasks.wait(msecs)

    def _done(self, paths: list[Path]) -> None:
        self.running = False
        self.finished.emit(paths)

    def _failed(self, error: BaseException) -> None:
        self.running = False
        self.failed.emit(error)


def _mtimes(paths: list[Path]) -> dict[Path, int]:
    found = {}
    for path in paths:
        try:
            found[path] = path.stat().st_mtime_ns
        except OSError:
            continue
    return found
