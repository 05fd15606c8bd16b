"""The one way to run work off the GUI thread: results and errors come back as GUI-thread calls."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from thbdesk.core.errors import ThbError
from thbdesk.core.logs import log_unexpected
from thbdesk.ui.errors import show_error, show_unexpected


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.work = work
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.work()
        except BaseException as error:  # every failure must reach the GUI thread, never vanish
            self.signals.failed.emit(error)
        else:
            self.signals.done.emit(result)


def default_failure(error: BaseException) -> None:
    """Typed errors are shown to the user; anything else is logged (scrubbed) and reported."""
    if isinstance(error, ThbError):
        show_error(None, error)
        return
    log_unexpected(type(error), error, error.__traceback__)
    show_unexpected(None)


class TaskRunner(QObject):
    """Runs jobs in order on its own pool (one thread by default, so jobs never overlap)."""

    def __init__(self, parent: QObject | None = None, threads: int = 1) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self._jobs: set[_Job] = set()

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None] = default_failure,
    ) -> None:
        job = _Job(work)
        job.setAutoDelete(False)
        self._jobs.add(job)
        job.signals.done.connect(lambda result: self._finish(job, on_done, result))
        job.signals.failed.connect(lambda error: self._finish(job, on_failed, error))
        self.pool.start(job)

    def _finish(self, job: _Job, callback: Callable[[Any], None], value: Any) -> None:
        self._jobs.discard(job)
        callback(value)

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)
