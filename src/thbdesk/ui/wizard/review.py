"""The review page: every answer, grouped by step, in the UI language, with an edit link per step."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from thbdesk.core.forms.model import Field, Step
from thbdesk.core.i18n import FSI, PDI, _, current_language, is_rtl
from thbdesk.ui.wizard.inputs import tr

EDIT_SCHEME = "edit"


class ReviewPage(QWidget):
    edit_requested = Signal(str)
    generate_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewPage")
        self.title_label = QLabel()
        self.browser = QTextBrowser()
        self.browser.setObjectName("reviewBrowser")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._follow)
        self.generate_button = QPushButton()
        self.generate_button.setObjectName("generateDocuments")
        self.generate_button.clicked.connect(self.generate_requested)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.generate_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.browser, 1)
        layout.addLayout(actions)
        self.retranslate()

    def retranslate(self) -> None:
        title = html.escape(_("Review your answers"))
        self.title_label.setText(f"<h3>{title}</h3>")
        self.generate_button.setText(_("Generate documents…"))
        self.generate_button.setToolTip(
            _("Write this form as PDF and DOCX in the languages you choose (Ctrl+G)")
        )

    def show_answers(
        self,
        steps: Sequence[tuple[Step, Sequence[Field]]],
        value_of: Callable[[str], Any],
        display: Callable[[Field, Any, str], str],
        problems: Callable[[str], Sequence[tuple[str | None, str, str]]],
    ) -> None:
        lang = current_language()
        direction = "rtl" if is_rtl(lang) else "ltr"
        parts = [f'<div dir="{direction}">']
        for step, fields in steps:
            parts.append(_step_html(step, fields, value_of, display, problems(step.id), lang))
        parts.append("</div>")
        self.browser.setHtml("".join(parts))

    def text(self) -> str:
        return self.browser.toPlainText()

    def _follow(self, url: QUrl) -> None:
        if url.scheme() == EDIT_SCHEME:
            self.edit_requested.emit(url.path())


def _step_html(
    step: Step,
    fields: Sequence[Field],
    value_of: Callable[[str], Any],
    display: Callable[[Field, Any, str], str],
    problems: Sequence[tuple[str | None, str, str]],
    lang: str,
) -> str:
    title = html.escape(tr(step.title, lang))
    edit = html.escape(_("Edit"))
    unanswered = html.escape(_("not answered"))
    rows = []
    for field in fields:
        value = value_of(field.id)
        shown = display(field, value, lang) if value not in (None, "", []) else ""
        # Each line isolated: a French translation under Arabic text keeps its own order.
        cell = (
            "<br>".join(html.escape(FSI + line + PDI) for line in shown.split("\n"))
            if shown
            else f'<span style="color:#5f6368">{unanswered}</span>'
        )
        label = html.escape(tr(field.label, lang))
        rows.append(
            f'<tr><td style="padding:2px 8px;color:#3c4043" width="35%">{label}</td>'
            f'<td style="padding:2px 8px">{cell}</td></tr>'
        )
    notes = "".join(
        f'<p style="color:{"#b3261e" if level == "error" else "#8a5300"};margin:0">{html.escape(text)}</p>'
        for _field, level, text in problems
    )
    return (
        f'<h4>{title} &nbsp; <a href="{EDIT_SCHEME}:{step.id}">{edit}</a></h4>'
        f'<table width="100%" cellspacing="0">{"".join(rows)}</table>{notes}'
    )
