from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from thbdesk.core.settings import Settings, save_settings
from thbdesk.ui.app import create_main_window, prepare_application
from thbdesk.ui.main_window import MainWindow

PASSPHRASE = "a long test passphrase"


def unlock_window(window: MainWindow, passphrase: str = PASSPHRASE) -> None:
    """Answer the dialog the window opens with: create the register at first run, else unlock it."""
    dialog = window.register_ctl.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.passphrase.setText(passphrase)
    if dialog.mode == "create":
        dialog.repeat.setText(passphrase)
    dialog.ok_button.click()
    assert window.register_ctl.session.is_unlocked()


@pytest.fixture
def app(qapp: QApplication) -> QApplication:
    prepare_application(qapp)
    return qapp


@pytest.fixture
def open_window(app: QApplication, qtbot) -> Iterator[Callable[..., MainWindow]]:
    """Start the window as the app does, from the settings saved in the test's profile.

    Windows are destroyed afterwards, with their dialogs, so no test sees another's widgets.
    """
    opened: list[MainWindow] = []

    def start(settings: Settings | None = None, unlock: bool = True) -> MainWindow:
        if settings is not None:
            save_settings(settings)
        window = create_main_window(app)
        opened.append(window)
        qtbot.waitExposed(window)
        if unlock:
            unlock_window(window)
        return window

    yield start
    for window in opened:
        window.library_view.runner.wait()  # no background answer may land on a deleted widget
        QApplication.processEvents()
        window.close()
        window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
