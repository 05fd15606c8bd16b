"""The qualification panel beside the steps: what the answers so far mean under 448-1 and 02-03.

It is decision support and says so (the core's text opens with that warning). The findings come
from the core's ``qualify``; this module only shows them, one line a paragraph.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from datetime import date

from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from thbdesk.core.i18n import _, current_language, is_rtl

Describe = Callable[[Mapping[str, object], str], str]


def core_describe(answers: Mapping[str, object], lang: str) -> str:
    """The core's findings in ``lang``; the core never raises on odd answers (a test proves it)."""
    from thbdesk.core.forms.qualify import qualify

    return qualify(answers, on_date=date.today()).describe(lang)


class QualificationPanel(QWidget):
    def __init__(self, describe: Describe = core_describe, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qualificationPanel")
        self.describe = describe
        self.title_label = QLabel()
        self.browser = QTextBrowser()
        self.browser.setObjectName("qualificationText")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.browser, 1)
        self._answers: Mapping[str, object] = {}
        self.retranslate()

    def retranslate(self) -> None:
        title = html.escape(_("Legal qualification"))
        self.title_label.setText(f"<b>{title}</b>")
        self.show_answers(self._answers)

    def show_answers(self, answers: Mapping[str, object]) -> None:
        self._answers = answers
        lang = current_language()
        text = self.describe(answers, lang)
        align = "right" if is_rtl(lang) else "left"
        direction = "rtl" if is_rtl(lang) else "ltr"
        paragraphs = "".join(
            f'<p dir="{direction}" align="{align}" style="margin:0 0 4px 0">{html.escape(line)}</p>'
            for line in text.splitlines()
            if line.strip()
        )
        self.browser.setHtml(paragraphs)

    def text(self) -> str:
        return self.browser.toPlainText()
