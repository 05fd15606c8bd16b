"""The one place that shows errors to the user, and the hook for errors nobody caught."""

from __future__ import annotations

import sys
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from thbdesk.core.errors import ThbError
from thbdesk.core.i18n import _
from thbdesk.core.logs import log_unexpected, setup_logging


def show_error(parent: QWidget | None, error: ThbError, *, warning: bool = False) -> QMessageBox:
    """Show a translated message, with the technical details folded away; non-blocking."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Critical)
    box.setWindowTitle(_("thbdesk"))
    box.setText(error.user_message())
    if error.details:
        box.setDetailedText(error.details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.open()
    return box


def show_unexpected(parent: QWidget | None) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(_("thbdesk"))
    box.setText(_("An unexpected error occurred. Your saved work is safe."))
    box.setInformativeText(
        _("A technical report without personal data was written to {path}.").format(path=setup_logging())
    )
    box.open()
    return box


def _dialog_parent() -> QWidget | None:
    """The active window, else any visible main window: a parent keeps the dialog alive."""
    active = QApplication.activeWindow()
    if active is not None and active.isVisible():
        return active
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()]
    return windows[0] if windows else None


def install_crash_hook() -> None:
    """Route uncaught exceptions to the log (scrubbed) and a dialog instead of a silent exit."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log_unexpected(exc_type, exc, tb)
        if isinstance(exc, ThbError):
            show_error(_dialog_parent(), exc)
        else:
            show_unexpected(_dialog_parent())

    sys.excepthook = hook
