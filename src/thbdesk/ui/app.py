"""Start the desktop application."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from thbdesk import __version__
from thbdesk.core.logs import setup_logging
from thbdesk.core.settings import load_settings
from thbdesk.ui.errors import install_crash_hook, show_error
from thbdesk.ui.fonts import apply_ui_font
from thbdesk.ui.language import apply_language
from thbdesk.ui.main_window import MainWindow


def prepare_application(app: QApplication) -> None:
    app.setApplicationName("thbdesk")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("thbdesk")
    apply_ui_font(app)


def create_main_window(app: QApplication) -> MainWindow:
    """Load settings, apply their language, and report a settings file that had to be reset."""
    settings, problem = load_settings()
    apply_language(app, settings.language)
    window = MainWindow(settings)
    window.show()
    if problem is not None:
        show_error(window, problem, warning=True)
    library = window.library_view.library
    library.texts()  # opens the store now, so whatever it had to repair is told at start
    for notice in library.notices:
        show_error(window, notice, warning=True)
    window.register_ctl.ask_passphrase()  # first run: choose it; later: unlock, or "Not now"
    return window


def run(argv: list[str] | None = None) -> int:
    setup_logging()
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    assert isinstance(app, QApplication)
    prepare_application(app)
    install_crash_hook()
    window = create_main_window(app)  # noqa: F841  (kept alive while the event loop runs)
    return app.exec()
