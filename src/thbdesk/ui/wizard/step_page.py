"""One step of an interview: its fields, each with its help and its messages right under it.

Every field of the step is built once; visibility only shows or hides rows, so a branch that
closes and opens again keeps what was typed and where the focus was.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from thbdesk.core.forms.model import Field, Step
from thbdesk.core.i18n import current_language
from thbdesk.ui.wizard.factory import InputContext, make_input
from thbdesk.ui.wizard.inputs import FieldInput, tr

ERROR_COLOUR, WARNING_COLOUR, HELP_COLOUR = "#b3261e", "#8a5300", "#5f6368"
FULL_WIDTH = frozenset({"group", "indicators", "consent", "travel_document"})  # caption above, whole row


class FieldRow(QWidget):
    """An input with its help under it and, below that, what is wrong with the answer."""

    def __init__(self, field: Field, field_input: FieldInput) -> None:
        super().__init__()
        self.field, self.input = field, field_input
        self.setObjectName(f"row_{field.id}")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 4)
        column.setSpacing(2)
        column.addWidget(field_input)
        self.help_label = QLabel(_small(html.escape(tr(field.help)), HELP_COLOUR) if field.help else "")
        self.help_label.setTextFormat(Qt.TextFormat.RichText)
        self.help_label.setWordWrap(True)
        self.help_label.setVisible(field.help is not None)
        self.message_label = QLabel()
        self.message_label.setObjectName(f"messages_{field.id}")
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.RichText)
        self.message_label.hide()
        column.addWidget(self.help_label)
        column.addWidget(self.message_label)
        self.setFocusProxy(field_input)

    def show_messages(self, messages: Sequence[tuple[str, str]]) -> None:
        """(level, text) pairs, errors first; an empty list hides the line."""
        ordered = sorted(messages, key=lambda m: m[0] != "error")
        lines = [
            _small(html.escape(text), ERROR_COLOUR if level == "error" else WARNING_COLOUR)
            for level, text in ordered
        ]
        self.message_label.setText("<br>".join(lines))
        self.message_label.setVisible(bool(lines))

    def messages(self) -> str:
        return self.message_label.text() if self.message_label.isVisible() else ""


def _small(text: str, colour: str) -> str:
    return f'<span style="color:{colour}">{text}</span>'


class StepPage(QScrollArea):
    """The fields of one step in a form layout; emits which field the user changed."""

    field_changed = Signal(str)

    def __init__(self, step: Step, context: InputContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step = step
        self.setObjectName(f"step_{step.id}")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        column = QVBoxLayout(body)
        self.title_label = QLabel()
        self.title_label.setObjectName("stepTitle")
        self.title_label.setTextFormat(Qt.TextFormat.RichText)
        self.help_label = QLabel()
        self.help_label.setTextFormat(Qt.TextFormat.PlainText)
        self.help_label.setWordWrap(True)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        column.addWidget(self.title_label)
        column.addWidget(self.help_label)
        column.addLayout(self.form)
        column.addStretch(1)
        self.setWidget(body)
        self.rows: dict[str, FieldRow] = {}
        self.captions: dict[str, QLabel] = {}
        for field in step.fields:
            self._add_row(field, context)
        self.retranslate()

    def _add_row(self, field: Field, context: InputContext) -> None:
        field_input = make_input(field, context)
        row = FieldRow(field, field_input)
        caption = QLabel()
        caption.setObjectName(f"label_{field.id}")
        caption.setWordWrap(True)
        caption.setTextFormat(Qt.TextFormat.RichText)
        caption.setBuddy(field_input.focusProxy() or field_input)
        caption.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
        if field.type in FULL_WIDTH:
            self.form.addRow(caption)
            self.form.addRow(row)
        else:
            self.form.addRow(caption, row)
        self.rows[field.id] = row
        self.captions[field.id] = caption
        field_input.changed.connect(lambda fid=field.id: self.field_changed.emit(fid))

    def retranslate(self) -> None:
        """Labels follow the UI language; inputs keep their values (choices are rebuilt by the view)."""
        lang = current_language()
        self.title_label.setText(f"<h3>{html.escape(tr(self.step.title, lang))}</h3>")
        self.help_label.setText(tr(self.step.help, lang))
        self.help_label.setVisible(self.step.help is not None)

    def set_required(self, required: dict[str, bool]) -> None:
        for field_id, caption in self.captions.items():
            label = html.escape(tr(self.rows[field_id].field.label))
            mark = ' <span style="color:#b3261e">*</span>' if required.get(field_id) else ""
            caption.setText(label + mark)

    def show_fields(self, visible: set[str]) -> None:
        for field_id, row in self.rows.items():
            self.form.setRowVisible(row, field_id in visible)
            if self.rows[field_id].field.type in FULL_WIDTH:
                self.form.setRowVisible(self.captions[field_id], field_id in visible)

    def input(self, field_id: str) -> FieldInput:
        return self.rows[field_id].input

    def load(self, values: dict[str, Any]) -> None:
        for field_id, row in self.rows.items():
            row.input.set_value(values.get(field_id))

    def first_input(self) -> QWidget | None:
        for row in self.rows.values():
            if self.form.isRowVisible(row):
                return row.input.focusProxy() or row.input
        return None
