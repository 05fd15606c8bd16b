"""The Documents area: choose a form, fill it in step by step, every change kept in a draft.

Autosave is debounced (well under a second) and goes through the core's DraftStore, which writes
atomically with private permissions; a crash loses at most the last keystrokes before the timer.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from thbdesk.core.errors import ThbError
from thbdesk.core.forms.answers import Answers
from thbdesk.core.forms.drafts import DraftStore
from thbdesk.core.forms.engine import Interview
from thbdesk.core.forms.model import FormSpec
from thbdesk.core.i18n import _, current_language
from thbdesk.core.legal.model import Corpus
from thbdesk.core.settings import Settings, load_settings, save_settings
from thbdesk.ui.documents.dialog import DocumentsDialog
from thbdesk.ui.documents.options import Choice
from thbdesk.ui.errors import show_error
from thbdesk.ui.wizard import drafts_access as drafts
from thbdesk.ui.wizard.factory import InputContext
from thbdesk.ui.wizard.inputs import tr
from thbdesk.ui.wizard.interview_view import InterviewView
from thbdesk.ui.wizard.outline import REVIEW
from thbdesk.ui.wizard.qualification import Describe, core_describe
from thbdesk.ui.wizard.start_page import StartPage

AUTOSAVE_MS = 500


class WizardView(QWidget):
    def __init__(
        self,
        forms: Mapping[str, FormSpec],
        corpus: Corpus,
        store: DraftStore,
        open_provision: Callable[[str], object],
        describe: Describe = core_describe,
        parent: QWidget | None = None,
        settings: Callable[[], Settings] | None = None,
        store_settings: Callable[[Settings], None] = save_settings,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("wizardView")
        self.forms, self.corpus, self.store = forms, corpus, store
        self.settings = settings or (lambda: load_settings()[0])
        self.store_settings = store_settings
        self.documents_dialog: DocumentsDialog | None = None
        # Called with (spec, answers, choice, paths, draft id) when documents were written.
        self.on_generated: Callable[[FormSpec, Answers, Choice, list[Path], str | None], None] | None = None
        self._reopen_after_unlock: str | None = None
        self.open_provision, self.describe = open_provision, describe
        self.interview: Interview | None = None
        self.spec: FormSpec | None = None
        self.draft_id: str | None = None
        self.interview_view: InterviewView | None = None
        self.autosave = QTimer(self)
        self.autosave.setSingleShot(True)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self.save)
        self.start_page = StartPage(forms)
        self.start_page.start.connect(self.start)
        self.start_page.banner.resume.connect(self.resume)
        self.start_page.banner.discard.connect(self.discard)
        self._build_header()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.start_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.header)
        layout.addWidget(self.stack, 1)
        self._build_actions()
        self.retranslate()
        self.offer_resume()

    def _build_header(self) -> None:
        self.form_title = QLabel()
        self.form_title.setObjectName("wizardFormTitle")
        self.form_title.setTextFormat(Qt.TextFormat.RichText)
        self.form_title.setWordWrap(True)
        self.status_label = QLabel()
        self.status_label.setObjectName("saveStatus")
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        self.new_button = QPushButton()
        self.new_button.setObjectName("newForm")
        self.new_button.clicked.connect(self.new_form)
        self.header = QHBoxLayout()
        self.header.addWidget(self.form_title, 1)
        self.header.addWidget(self.status_label)
        self.header.addWidget(self.new_button)

    def _build_actions(self) -> None:
        """Window-wide shortcuts, live only while the Documents area is shown."""
        self.new_action = self._action(QKeySequence.StandardKey.New, self.new_form)
        self.save_action = self._action(QKeySequence.StandardKey.Save, self.save_now)
        self.previous_action = self._action(QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Left), self._previous)
        self.next_action = self._action(QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Right), self._next)
        self.generate_action = self._action(
            QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_G), self.generate_documents
        )

    def _action(self, keys: QKeySequence | QKeySequence.StandardKey, slot: Callable[[], object]) -> QAction:
        action = QAction(self)
        action.setShortcut(keys)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        action.setEnabled(False)
        self.addAction(action)
        return action

    def showEvent(self, event: QShowEvent) -> None:
        for action in self.actions():
            action.setEnabled(True)
        if self.interview is None:
            self.offer_resume()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        for action in self.actions():
            action.setEnabled(False)
        self.flush()
        super().hideEvent(event)

    # ---- drafts -------------------------------------------------------------------------------
    def set_store(self, store: DraftStore) -> None:
        """The register was unlocked (or locked): drafts now go to ``store``."""
        self.store = store
        self.offer_resume()

    def lock(self, store: DraftStore) -> bool:
        """Save the open draft while the register is still open, then drop it from the window.

        If saving fails the answers stay in memory (the area is hidden meanwhile): losing them
        would be worse than keeping them on a locked screen. Returns True if the form was closed.
        """
        if self.documents_dialog is not None:
            self.documents_dialog.hide()  # hidden, not closed: closing would cancel a run going on
        saved = self.interview is None or self.save_now()
        if saved:
            self._reopen_after_unlock = self.draft_id
            self._close_interview()
        self.store = store
        self.start_page.banner.hide()
        return saved

    def unlock(self, store: DraftStore) -> None:
        """Drafts go to the register's store again; the form open at locking time comes back."""
        self.store = store
        draft_id, self._reopen_after_unlock = self._reopen_after_unlock, None
        if draft_id is not None and self.interview is None:
            self.resume(draft_id)
        else:
            self.offer_resume()

    def offer_resume(self) -> bool:
        """Offer the latest draft kept in the store (other than the open one); True if there is one."""
        try:
            kept = drafts.unfinished(self.store, self.forms)
        except ThbError as error:
            show_error(self, error, warning=True)
            kept = []
        for notice in drafts.notices(self.store):
            show_error(self, notice, warning=True)
        latest = next((d for d in kept if d.id != self.draft_id), None)
        banner = self.start_page.banner
        if latest is None:
            banner.hide()
            return False
        banner.offer(latest.id, tr(self.forms[latest.form].title), drafts.when(latest.saved_at))
        return True

    def start(self, form_id: str) -> None:
        self.flush()
        spec = self.forms[form_id]
        self._open(spec, drafts.new_interview(spec), drafts.new_id(form_id))

    def resume(self, draft_id: str) -> None:
        self.flush()
        try:
            spec, interview = drafts.load(self.store, draft_id, self.forms)
        except ThbError as error:
            show_error(self, error)
            return
        self._open(spec, interview, draft_id)

    def discard(self, draft_id: str) -> None:
        try:
            drafts.delete(self.store, draft_id)
        except ThbError as error:
            show_error(self, error)
        self.offer_resume()

    def _open(self, spec: FormSpec, interview: Interview, draft_id: str) -> None:
        self.spec, self.interview, self.draft_id = spec, interview, draft_id
        self._build_interview_view()
        self.start_page.banner.hide()
        self.status_label.clear()

    def _build_interview_view(self, keep: InterviewView | None = None) -> None:
        assert self.spec is not None and self.interview is not None
        view = InterviewView(
            self.spec, self.interview, self._context(), self.corpus, self.describe, self.open_provision
        )
        if keep is not None:
            view.touched, view.visited = keep.touched, keep.visited
            view.go_to(keep.current)
            self.stack.removeWidget(keep)
            keep.deleteLater()
        view.changed.connect(self.autosave.start)
        view.review.generate_requested.connect(self.generate_documents)
        self.interview_view = view
        self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)
        view.retranslate()
        view.focus_current()
        self._update_title()

    def _context(self) -> InputContext:
        lang = current_language()
        return InputContext(
            drafts.countries(lang), drafts.languages(lang), self.corpus.instrument("indicators"), lang
        )

    def save(self) -> bool:
        """Write the draft now; a failure is shown and the answers stay in the window."""
        if self.interview is None or self.draft_id is None:
            return False
        try:
            saved_at = drafts.save(self.store, self.draft_id, self.interview)
        except ThbError as error:
            not_saved = html.escape(_("Not saved"))
            self.status_label.setText(f'<span style="color:#b3261e">{not_saved}</span>')
            show_error(self, error)
            return False
        saved = _("Draft saved {time}").format(time=f"\u2066{drafts.when(saved_at)}\u2069")
        self.status_label.setText(html.escape(saved))
        return True

    def save_now(self) -> bool:
        self.autosave.stop()
        return self.save()

    def flush(self) -> None:
        """Save what the timer was about to save (leaving the area, closing the window)."""
        if self.autosave.isActive():
            self.save_now()

    def new_form(self) -> None:
        self.flush()
        self._close_interview()
        self.offer_resume()
        self.start_page.form_list.setFocus()

    def _close_interview(self) -> None:
        if self.interview_view is not None:
            self.stack.removeWidget(self.interview_view)
            self.interview_view.deleteLater()
        self.interview_view, self.interview, self.spec, self.draft_id = None, None, None, None
        self.stack.setCurrentWidget(self.start_page)
        self.status_label.clear()
        self._update_title()

    # ---- documents ----------------------------------------------------------------------------
    def generate_documents(self) -> DocumentsDialog | None:
        """Show the review and the dialog; a run going on is brought back, never started twice."""
        view = self.interview_view
        if view is None or self.spec is None or self.interview is None:
            return None
        if view.current != REVIEW:
            view.go_to(REVIEW)
        dialog = self.documents_dialog
        if dialog is None or not dialog.is_running():
            if dialog is not None:
                dialog.deleteLater()
            interview = self.interview
            dialog = DocumentsDialog(
                self.spec,
                lambda: interview.answers,
                self.settings,
                self.store_settings,
                has_problems=any(p.level == "error" for p in interview.problems()),
                parent=self,
            )
            dialog.generated.connect(lambda paths, d=dialog: self._generated(d, paths))
            self.documents_dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _generated(self, dialog: DocumentsDialog, paths: list[Path]) -> None:
        if self.on_generated is not None and dialog.last_run is not None:
            answers, choice = dialog.last_run
            self.on_generated(dialog.spec, answers, choice, paths, self.draft_id)

    def stop_documents(self, msecs: int = 30_000) -> None:
        """Closing the window: stop before the next file and let the one being written finish."""
        if self.documents_dialog is not None:
            self.documents_dialog.cancel()
            self.documents_dialog.run.wait(msecs)

    def _previous(self) -> None:
        if self.interview_view is not None:
            self.interview_view.previous()

    def _next(self) -> None:
        if self.interview_view is not None:
            self.interview_view.next()

    def retranslate(self) -> None:
        """Labels, choices and catalogue names all change language; answers and position are kept."""
        self.new_button.setText(_("New form"))
        self.new_button.setToolTip(_("Start another form (Ctrl+N); this one stays in its draft"))
        self.start_page.retranslate()
        if self.documents_dialog is not None:
            self.documents_dialog.retranslate()
        if self.interview_view is not None:
            self._build_interview_view(keep=self.interview_view)
        self.offer_resume()
        self._update_title()

    def _update_title(self) -> None:
        title = f"<b>{html.escape(tr(self.spec.title))}</b>" if self.spec else ""
        self.form_title.setText(title)


def documents_area(
    corpus: Corpus,
    open_provision: Callable[[str], object],
    settings: Callable[[], Settings] | None = None,
    store_settings: Callable[[Settings], None] = save_settings,
    store: DraftStore | None = None,
) -> WizardView:
    """The bundled forms over ``store`` (default: file drafts); a broken form file is reported, not fatal."""
    forms, problem = drafts.bundled_forms()
    view = WizardView(
        forms,
        corpus,
        store if store is not None else drafts.default_store(),
        open_provision,
        settings=settings,
        store_settings=store_settings,
    )
    if problem is not None:
        QTimer.singleShot(0, lambda: show_error(view.window(), problem))
    return view
