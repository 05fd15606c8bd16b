"""The open register, if any, and the idle timer that locks it.

Anything holding personal data listens: ``about_to_lock`` is the moment to save and hide (the
wizard saves its draft first, while the register is still open), ``locked`` follows once the
register is closed and the decrypted temporary files are removed; ``unlocked`` brings them back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from thbdesk.ui.register.access import Register
from thbdesk.ui.register.temp_files import PrivateFiles, sweep_leftovers

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.InputMethod,
}


class RegisterSession(QObject):
    unlocked = Signal(object)  # the Register
    about_to_lock = Signal()
    locked = Signal()

    def __init__(self, lock_minutes: Callable[[], int], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.register: Register | None = None
        sweep_leftovers()
        self.temp = PrivateFiles()
        self.lock_minutes = lock_minutes
        self.minute_ms = 60_000  # tests shorten the minute
        self.busy: Callable[[], bool] = lambda: False  # a generation running postpones the lock
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self._idle_timeout)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def is_unlocked(self) -> bool:
        return self.register is not None

    def set_register(self, register: Register) -> None:
        self.register = register
        self.restart_idle()
        self.unlocked.emit(register)

    def restart_idle(self) -> None:
        minutes = self.lock_minutes()
        if self.register is None or minutes <= 0:
            self.idle.stop()
            return
        self.idle.start(minutes * self.minute_ms)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self.register is not None and self.idle.isActive():
            self.idle.start()  # same interval, from now
        return False

    def _idle_timeout(self) -> None:
        if self.busy():
            self.idle.start()
            return
        self.lock()

    def lock(self) -> None:
        """Save and hide, close the register, remove decrypted files. Nothing happens if locked."""
        if self.register is None:
            return
        self.about_to_lock.emit()
        register, self.register = self.register, None
        self.idle.stop()
        self.temp.clear()
        register.close()
        self.locked.emit()

    def shut_down(self) -> None:
        """The window closes: the same as locking, without asking for the passphrase again."""
        self.blockSignals(True)
        try:
            if self.register is not None:
                self.register.close()
                self.register = None
            self.temp.clear()
        finally:
            self.blockSignals(False)
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
