"""Where the Documents area opens: the offer to resume an unfinished draft, and the forms to start."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from thbdesk.core.forms.model import FormSpec
from thbdesk.core.i18n import _, current_language
from thbdesk.ui.wizard.inputs import tr

FORM_ROLE = Qt.ItemDataRole.UserRole


class ResumeBanner(QFrame):
    """ "An unfinished form was kept": resume it or discard it. Nothing is lost until Discard."""

    resume = Signal(str)
    discard = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resumeBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#resumeBanner { background: #fff4d6; border: 1px solid #e0b64a; }")
        self.draft_id = ""
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.resume_button = QPushButton()
        self.resume_button.setObjectName("resumeDraft")
        self.discard_button = QPushButton()
        self.discard_button.setObjectName("discardDraft")
        row = QHBoxLayout(self)
        row.addWidget(self.message, 1)
        row.addWidget(self.resume_button)
        row.addWidget(self.discard_button)
        self.resume_button.clicked.connect(lambda: self.resume.emit(self.draft_id))
        self.discard_button.clicked.connect(lambda: self.discard.emit(self.draft_id))
        self.hide()

    def offer(self, draft_id: str, form_title: str, saved_at: str) -> None:
        self.draft_id = draft_id
        self.message.setText(
            _("An unfinished form was kept: {form}, last saved {time}. Resume it?").format(
                form=form_title, time=f"\u2066{saved_at}\u2069"
            )
        )
        self.resume_button.setText(_("&Resume"))
        self.discard_button.setText(_("&Discard"))
        self.show()


class StartPage(QWidget):
    start = Signal(str)

    def __init__(self, forms: Mapping[str, FormSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wizardStart")
        self.forms = forms
        self.banner = ResumeBanner()
        self.heading = QLabel()
        self.form_list = QListWidget()
        self.form_list.setObjectName("formList")
        self.form_list.setWordWrap(True)
        self.form_list.setSpacing(4)
        self.form_help = QLabel()
        self.form_help.setTextFormat(Qt.TextFormat.PlainText)
        self.form_help.setWordWrap(True)
        self.start_button = QPushButton()
        self.start_button.setObjectName("startForm")
        self.start_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.heading)
        layout.addWidget(self.form_list, 1)
        layout.addWidget(self.form_help)
        layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignTrailing)
        self.form_list.currentItemChanged.connect(self._show_help)
        self.form_list.itemActivated.connect(lambda _item: self._start())
        self.start_button.clicked.connect(self._start)
        self.retranslate()

    def retranslate(self) -> None:
        lang = current_language()
        heading = html.escape(_("Choose a form to fill in"))
        self.heading.setText(f"<h3>{heading}</h3>")
        self.start_button.setText(_("&Start a new form"))
        chosen = self.chosen()
        self.form_list.clear()
        for form_id, spec in self._ordered():
            item = QListWidgetItem(tr(spec.title, lang))
            item.setData(FORM_ROLE, form_id)
            self.form_list.addItem(item)
        self.choose(chosen or next(iter(self.forms), ""))

    def _ordered(self) -> Sequence[tuple[str, FormSpec]]:
        order = ["incident-report", "referral", "notice-of-rights"]
        return sorted(self.forms.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order else 9, kv[0]))

    def choose(self, form_id: str) -> None:
        for row in range(self.form_list.count()):
            if self.form_list.item(row).data(FORM_ROLE) == form_id:
                self.form_list.setCurrentRow(row)

    def chosen(self) -> str | None:
        item = self.form_list.currentItem()
        return item.data(FORM_ROLE) if item else None

    def _show_help(self, item: QListWidgetItem | None) -> None:
        spec = self.forms.get(item.data(FORM_ROLE)) if item else None
        self.form_help.setText(tr(spec.help) if spec and spec.help else "")

    def _start(self) -> None:
        form_id = self.chosen()
        if form_id:
            self.start.emit(form_id)
