"""Ties the register to the window: unlock at start, lock when idle, drafts and documents into it.

Decision: the library needs no passphrase (it holds no personal data), so "Not now" leaves the
window usable; the Documents and Register areas show a locked page until the register is open.
There is no plaintext fallback for drafts: before unlocking there is nowhere to save them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from thbdesk.core.errors import RegisterCorruptError, ThbError, storage_error
from thbdesk.core.forms.answers import Answers
from thbdesk.core.forms.model import FormSpec
from thbdesk.core.i18n import _, ngettext
from thbdesk.core.settings import Settings
from thbdesk.ui.documents.options import Choice
from thbdesk.ui.errors import show_error
from thbdesk.ui.register import access
from thbdesk.ui.register.access import DocumentRecord, Register
from thbdesk.ui.register.gate import LockGate
from thbdesk.ui.register.locked_store import LockedDraftStore
from thbdesk.ui.register.session import RegisterSession
from thbdesk.ui.register.unlock import PassphraseDialog
from thbdesk.ui.register.view import RegisterView
from thbdesk.ui.wizard.view import WizardView


class RegisterController(QObject):
    def __init__(
        self,
        window: QWidget,
        wizard: WizardView,
        settings: Callable[[], Settings],
        show_area: Callable[[int], None],
        folder: Path | None = None,
    ) -> None:
        super().__init__(window)
        self.window, self.wizard, self.settings, self.show_area = window, wizard, settings, show_area
        self.folder = folder
        self.session = RegisterSession(lambda: self.settings().lock_after_minutes, self)
        self.session.busy = self._generating
        self.locked_store = LockedDraftStore()
        self.view = RegisterView(self.session, wizard.forms, self.reopen_draft, self.regenerate)
        self.documents_gate = LockGate(wizard, self.ask_passphrase)
        self.register_gate = LockGate(self.view, self.ask_passphrase)
        self.dialog: PassphraseDialog | None = None
        self.notice: QMessageBox | None = None
        self.pending: list[DocumentRecord] = []  # written while locked: recorded at the next unlock
        self.session.unlocked.connect(self._unlocked)
        self.session.about_to_lock.connect(self._about_to_lock)
        self.session.locked.connect(self._locked)
        wizard.on_generated = self._generated

    def _generating(self) -> bool:
        dialog = self.wizard.documents_dialog
        return dialog is not None and dialog.is_running()

    # ---- unlocking -----------------------------------------------------------------------------
    def ask_passphrase(self, opener: Callable[[str], Register] | None = None) -> PassphraseDialog | None:
        """The first-run or unlock dialog (one at a time); None when the register is already open."""
        if self.session.is_unlocked():
            return None
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            return self.dialog
        mode = "unlock" if opener is not None or access.exists(self.folder) else "create"
        dialog = PassphraseDialog(mode, self.folder, opener, parent=self.window)
        dialog.opened.connect(self.session.set_register)
        dialog.failed.connect(self._open_failed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _unlocked(self, register: Register) -> None:
        self.documents_gate.set_locked(False)
        self.register_gate.set_locked(False)
        try:
            moved = register.migrate_file_drafts()
        except ThbError as error:
            show_error(self.window, error, warning=True)
            moved = 0
        self._record_pending(register)
        self._daily_backup(register)
        self.wizard.unlock(register.drafts())
        self.view.refresh()
        if self.wizard.interview is not None or self.wizard.start_page.banner.isVisibleTo(self.wizard):
            self.show_area(1)  # the form open at locking time, or the offer to resume a draft
        if moved:
            self._inform(
                ngettext(
                    "{n} saved draft was moved into the encrypted register.",
                    "{n} saved drafts were moved into the encrypted register.",
                    moved,
                ).format(n=moved)
            )

    def _daily_backup(self, register: Register) -> None:
        try:
            access.daily_backup(register)
        except ThbError as error:  # a full disk: say so, the register itself is fine
            show_error(self.window, error, warning=True)
        except OSError as error:
            show_error(
                self.window, storage_error(error, register.folder) or ThbError(details=str(error)), True
            )

    def _open_failed(self, error: ThbError) -> None:
        if isinstance(error, RegisterCorruptError):
            self.offer_recovery(error)
        else:
            show_error(self.window, error)

    # ---- locking -------------------------------------------------------------------------------
    def lock(self) -> None:
        self.session.lock()

    def _about_to_lock(self) -> None:
        self.wizard.lock(self.locked_store)
        self.view.clear()

    def _locked(self) -> None:
        self.documents_gate.set_locked(True)
        self.register_gate.set_locked(True)
        self.ask_passphrase()

    def shut_down(self) -> None:
        self.session.shut_down()

    # ---- documents and drafts ------------------------------------------------------------------
    def _generated(
        self, spec: FormSpec, answers: Answers, choice: Choice, paths: list[Path], draft_id: str | None
    ) -> None:
        """What the dialog wrote goes into the register; the files in the folder are its export."""
        try:
            record = access.record_for(
                spec, answers, choice.langs, choice.layout, paths, self.settings().officer.name, draft_id
            )
        except OSError as error:
            show_error(self.window, ThbError(details=str(error)))
            return
        self.pending.append(record)
        if self.session.register is not None:
            self._record_pending(self.session.register)
            self.view.refresh()

    def _record_pending(self, register: Register) -> None:
        while self.pending:
            try:
                register.add_document(self.pending[0])
            except ThbError as error:
                show_error(self.window, error)
                return
            self.pending.pop(0)

    def reopen_draft(self, draft_id: str) -> None:
        self.show_area(1)
        self.wizard.resume(draft_id)

    def regenerate(self, draft_id: str) -> None:
        self.reopen_draft(draft_id)
        if self.wizard.draft_id == draft_id:
            self.wizard.generate_documents()

    # ---- a damaged register --------------------------------------------------------------------
    def offer_recovery(self, error: RegisterCorruptError) -> QMessageBox:
        """Explain, then offer the latest backup if there is one, else a new register."""
        backup = access.latest_backup(self.folder)
        box = QMessageBox(self.window)
        box.setObjectName("registerDamaged")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("The register is damaged"))
        box.setText(error.user_message())
        box.setInformativeText(
            _("The legal library still works. Forms and the register need a working register.")
        )
        if backup is not None:
            restore = box.addButton(_("Restore the latest backup…"), QMessageBox.ButtonRole.AcceptRole)
            restore.setObjectName("restoreBackup")
            restore.clicked.connect(lambda: self._restore(backup))
        else:
            fresh = box.addButton(_("Create a new register…"), QMessageBox.ButtonRole.AcceptRole)
            fresh.setObjectName("newRegister")
            fresh.clicked.connect(lambda: self.ask_passphrase())
        box.addButton(_("Not now"), QMessageBox.ButtonRole.RejectRole)
        self.notice = box
        box.open()
        return box

    def _restore(self, backup: Path) -> None:
        def restore_and_open(passphrase: str) -> Register:
            access.restore(backup, passphrase, self.folder)
            return access.open_register(passphrase, self.folder)

        self.ask_passphrase(restore_and_open)

    def _inform(self, text: str) -> None:
        """A passing note in the status bar: a dialog here would block the window's shortcuts."""
        if isinstance(self.window, QMainWindow):
            self.window.statusBar().showMessage(text, 15_000)
