"""An interview in progress: the outline, the current step (or the review), its provisions and the
qualification panel; the engine decides what is visible, required and wrong."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from thbdesk.core.forms.engine import Interview
from thbdesk.core.forms.model import FormSpec
from thbdesk.core.i18n import _, current_language
from thbdesk.core.legal.display import provision_title
from thbdesk.core.legal.model import Corpus
from thbdesk.ui.wizard import engine_access as engine
from thbdesk.ui.wizard.composite import GroupInput
from thbdesk.ui.wizard.factory import InputContext
from thbdesk.ui.wizard.inputs import tr
from thbdesk.ui.wizard.outline import REVIEW, StepOutline
from thbdesk.ui.wizard.qualification import Describe, QualificationPanel
from thbdesk.ui.wizard.review import ReviewPage
from thbdesk.ui.wizard.step_page import StepPage

PROVISION_SCHEME = "provision"


class InterviewView(QWidget):
    """Emits ``changed`` after every edit the user makes (the autosave listens)."""

    changed = Signal()

    def __init__(
        self,
        spec: FormSpec,
        interview: Interview,
        context: InputContext,
        corpus: Corpus,
        describe: Describe,
        open_provision: Callable[[str], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("interviewView")
        self.spec, self.interview, self.corpus = spec, interview, corpus
        self.open_provision = open_provision
        self.touched: set[str] = set()
        self.visited: set[str] = set()
        self.current = spec.steps[0].id
        self.outline = StepOutline()
        self.stack = QStackedWidget()
        self.pages: dict[str, StepPage] = {}
        for step in spec.steps:
            page = StepPage(step, context)
            page.field_changed.connect(self._field_changed)
            self.pages[step.id] = page
            self.stack.addWidget(page)
        self.review = ReviewPage()
        self.review.edit_requested.connect(self.go_to)
        self.stack.addWidget(self.review)
        self.provisions_label = QLabel()
        self.provisions_label.setObjectName("stepProvisions")
        self.provisions_label.setWordWrap(True)
        self.provisions_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.provisions_label.linkActivated.connect(self._open_link)
        self.qualification = QualificationPanel(describe)
        self._build_layout()
        self.outline.step_chosen.connect(self.go_to)
        for page in self.pages.values():
            page.load({f.id: interview.get(f.id) for f in page.step.fields})
        self.go_to(self.first_step())

    def _build_layout(self) -> None:
        self.previous_button = QPushButton()
        self.previous_button.setObjectName("previousStep")
        self.next_button = QPushButton()
        self.next_button.setObjectName("nextStep")
        self.review_button = QPushButton()
        self.review_button.setObjectName("reviewAnswers")
        self.previous_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        self.review_button.clicked.connect(lambda: self.go_to(REVIEW))
        buttons = QHBoxLayout()
        buttons.addWidget(self.previous_button)
        buttons.addStretch(1)
        buttons.addWidget(self.review_button)
        buttons.addWidget(self.next_button)
        centre = QWidget()
        centre_column = QVBoxLayout(centre)
        centre_column.setContentsMargins(0, 0, 0, 0)
        centre_column.addWidget(self.stack, 1)
        centre_column.addLayout(buttons)
        side = QWidget()
        side_column = QVBoxLayout(side)
        side_column.setContentsMargins(0, 0, 0, 0)
        side_column.addWidget(self.provisions_label)
        side_column.addWidget(self.qualification, 1)
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.outline)
        splitter.addWidget(centre)
        splitter.addWidget(side)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([190, 560, 280])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        # The step's inputs, then the buttons that leave it, then the side panel.
        for before, after in (
            (self.previous_button, self.review_button),
            (self.review_button, self.next_button),
            (self.next_button, self.provisions_label),
            (self.provisions_label, self.qualification.browser),
        ):
            self.setTabOrder(before, after)

    # ---- navigation -------------------------------------------------------------------------
    def visible_step_ids(self) -> list[str]:
        return [step.id for step in self.interview.visible_steps()]

    def first_step(self) -> str:
        ids = self.visible_step_ids()
        return ids[0] if ids else REVIEW

    def go_to(self, step_id: str) -> None:
        if self.current != REVIEW:
            self.visited.add(self.current)
        self.current = (
            step_id if step_id == REVIEW or step_id in self.visible_step_ids() else self.first_step()
        )
        self.stack.setCurrentWidget(self.review if self.current == REVIEW else self.pages[self.current])
        self.refresh()
        self.focus_current()

    def focus_current(self) -> None:
        """The keyboard lands on the step's first shown input (or on the review)."""
        target = self.pages[self.current].first_input() if self.current != REVIEW else self.review.browser
        if target is not None:
            target.setFocus()

    def next(self) -> None:
        ids = self.visible_step_ids()
        if self.current in ids:
            index = ids.index(self.current)
            self.go_to(ids[index + 1] if index + 1 < len(ids) else REVIEW)

    def previous(self) -> None:
        ids = self.visible_step_ids()
        if self.current == REVIEW and ids:
            self.go_to(ids[-1])
        elif self.current in ids and ids.index(self.current) > 0:
            self.go_to(ids[ids.index(self.current) - 1])

    # ---- editing ------------------------------------------------------------------------------
    def _field_changed(self, field_id: str) -> None:
        page = self.pages[self.current]
        self.interview.set(field_id, page.input(field_id).value())
        self.touched.add(field_id)
        self.refresh()
        self.changed.emit()

    def refresh(self) -> None:
        """Bring everything the answers decide up to date: rows, marks, messages, outline, panel."""
        if self.current != REVIEW:
            self._refresh_page(self.pages[self.current])
        else:
            self._refresh_review()
        self._refresh_outline()
        self._refresh_side()
        self._refresh_buttons()

    def _refresh_page(self, page: StepPage) -> None:
        visible = {f.id for f in self.interview.visible_fields(page.step.id)}
        page.show_fields(visible)
        for field in page.step.fields:
            if field.type == "group" and field.id in visible:
                self._show_group_fields(field.id, page.input(field.id))
        page.set_required({f.id: engine.is_required(self.interview, f) for f in page.step.fields})
        shown = self._messages(page.step.id)
        for field_id, row in page.rows.items():
            row.show_messages(shown.get(field_id, []))

    def _position(self, step_id: str, group_id: str, index: int) -> int:
        """Where a stored entry is on screen: empty entries are not stored, so the two can differ."""
        group = self.pages[step_id].input(group_id)
        positions = group.stored_indexes() if isinstance(group, GroupInput) else []
        return positions.index(index) if index in positions else index

    def _show_group_fields(self, group_id: str, group: Any) -> None:
        """Each entry shows the fields its own answers call for (an empty entry: as a new one)."""
        for position, stored in enumerate(group.stored_indexes()):
            index = -1 if stored is None else stored  # -1: the engine sees an entry with no answers
            visible = {f.id for f in self.interview.visible_item_fields(group_id, index)}
            group.show_item_fields(position, visible)

    def _messages(self, step_id: str) -> dict[str, list[tuple[str, str]]]:
        """Problems of touched fields, and of every field once its step has been left."""
        step_done = step_id in self.visited
        shown: dict[str, list[tuple[str, str]]] = {}
        for problem in self.interview.problems(step_id):
            field_id = problem.field_id
            if field_id is not None and (step_done or field_id in self.touched):
                if problem.item is not None:
                    problem = replace(problem, item=self._position(step_id, field_id, problem.item))
                text = engine.problem_text(problem, self.spec.field(field_id))
                shown.setdefault(field_id, []).append((problem.level, text))
        return shown

    def _refresh_outline(self) -> None:
        rows = []
        for step in self.interview.visible_steps():
            rows.append((step.id, tr(step.title), self._state(step.id)))
        self.outline.show_steps(rows, _("Review"))
        self.outline.select(self.current)

    def _state(self, step_id: str) -> str:
        if step_id == self.current:
            return "current"
        errors = any(p.level == "error" for p in self.interview.problems(step_id))
        if errors and step_id in self.visited:
            return "errors"
        started = step_id in self.visited or any(
            self.interview.get(f.id) is not None for f in self.interview.visible_fields(step_id)
        )
        return "complete" if started and self.interview.step_complete(step_id) else "todo"

    def _refresh_side(self) -> None:
        lang = current_language()
        keys = () if self.current == REVIEW else self.pages[self.current].step.provisions
        links = [self._provision_link(key, lang) for key in keys]
        heading = html.escape(_("Provisions for this step"))
        self.provisions_label.setText(f"<b>{heading}</b><br>" + "<br>".join(links) if links else "")
        self.provisions_label.setVisible(bool(links))
        self.qualification.show_answers(engine.plain_answers(self.interview))

    def _provision_link(self, key: str, lang: str) -> str:
        instrument_id, _sep, number = key.rpartition(":")
        instrument = self.corpus.instrument(instrument_id)
        provision = instrument.provision(number) if instrument else None
        if provision is None or instrument is None:
            return html.escape(key)
        title = provision_title(provision, instrument, lang)
        heading = provision.heading.get(lang) if provision.heading else ""
        short = instrument.short_title.get(lang)
        text = f"{title} ({short})" + (f" — {heading}" if heading else "")
        return f'<a href="{PROVISION_SCHEME}:{html.escape(key)}">{html.escape(text)}</a>'

    def _open_link(self, link: str) -> None:
        url = QUrl(link)
        if url.scheme() == PROVISION_SCHEME:
            self.open_provision(url.path())

    def _refresh_buttons(self) -> None:
        ids = self.visible_step_ids()
        self.previous_button.setEnabled(
            self.current == REVIEW or (self.current in ids and ids.index(self.current) > 0)
        )
        self.next_button.setEnabled(self.current != REVIEW)

    def _refresh_review(self) -> None:
        steps = [(s, self.interview.visible_fields(s.id)) for s in self.interview.visible_steps()]

        def problems(step_id: str) -> list[tuple[str | None, str, str]]:
            return [(p.field_id, p.level, tr(p.message)) for p in self.interview.problems(step_id)]

        def value_of(field_id: str) -> Any:
            field = self.spec.field(field_id)
            return engine.shown_value(self.interview, field) if field else self.interview.get(field_id)

        self.review.show_answers(steps, value_of, engine.display, problems)

    def retranslate(self) -> None:
        self.previous_button.setText(_("&Previous"))
        self.next_button.setText(_("&Next"))
        self.review_button.setText(_("Re&view"))
        self.previous_button.setToolTip(_("Previous step (Alt+Left)"))
        self.next_button.setToolTip(_("Next step (Alt+Right)"))
        for page in self.pages.values():
            page.retranslate()
        self.review.retranslate()
        self.qualification.retranslate()
        self.refresh()

    def field_input(self, field_id: str) -> Any:
        step = self.spec.step_of(field_id)
        assert step is not None, field_id
        return self.pages[step.id].input(field_id)
