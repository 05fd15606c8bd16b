"""Inputs made of several parts: travel document, consent, repeatable groups, indicator checklist."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from thbdesk.core.i18n import N_, _
from thbdesk.core.legal.model import Instrument
from thbdesk.ui.wizard.catalog import CatalogInput
from thbdesk.ui.wizard.inputs import (
    ChoiceInput,
    DateInput,
    FieldInput,
    MultiChoiceInput,
    YesNoInput,
    tr,
)

Entries = Sequence[tuple[str, str]]


class RecordInput(FieldInput):
    """A fixed set of named parts stored as one dict; a part left empty is left out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout()
        self.form.setContentsMargins(0, 0, 0, 0)
        self.row.addLayout(self.form, 1)
        self.parts: dict[str, FieldInput] = {}
        self.part_labels: dict[str, QLabel] = {}

    def add_part(self, key: str, label: str, part: FieldInput) -> None:
        part.setObjectName(f"part_{key}")
        part.changed.connect(self.changed)
        caption = QLabel(label)
        caption.setWordWrap(True)
        caption.setBuddy(part.focusProxy() or part)
        self.form.addRow(caption, part)
        self.parts[key] = part
        self.part_labels[key] = caption
        if len(self.parts) == 1:
            self.setFocusProxy(part)

    def value(self) -> Any:
        values = {key: part.value() for key, part in self.parts.items()}
        kept = {key: value for key, value in values.items() if value not in (None, "", [])}
        return kept or None

    def set_value(self, value: Any) -> None:
        value = value if isinstance(value, dict) else {}
        for key, part in self.parts.items():
            part.set_value(value.get(key))


class PlainLineInput(FieldInput):
    """A code typed as written on a document (a passport number): always left to right, no language."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.edit.setMaximumWidth(240)
        self.row.addWidget(self.edit)
        self.row.addStretch(1)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(self._emit)

    def value(self) -> Any:
        return self.edit.text().strip() or None

    def set_value(self, value: Any) -> None:
        self.edit.blockSignals(True)
        self.edit.setText(str(value) if value else "")
        self.edit.blockSignals(False)


def travel_document_input(kinds: Entries, countries: Entries) -> RecordInput:
    record = RecordInput()
    record.add_part("type", _("Document type"), ChoiceInput(kinds))
    record.add_part("number", _("Document number"), PlainLineInput())
    record.add_part("country", _("Issuing country"), CatalogInput(countries))
    record.add_part("expiry", _("Expiry date"), DateInput())
    return record


def consent_input(parts: dict[str, Entries]) -> RecordInput:
    """Whether consent was given, what may be shared, with whom, who gave it, and when."""
    record = RecordInput()
    record.add_part("given", _("Consent given"), YesNoInput())
    record.add_part(
        "shared_data", _("Information that may be shared"), MultiChoiceInput(parts["shared_data"])
    )
    record.add_part("recipients", _("May be shared with"), MultiChoiceInput(parts["recipients"]))
    record.add_part("given_by", _("Consent given by"), ChoiceInput(parts["given_by"]))
    record.add_part("date", _("Date of consent"), DateInput())
    return record


class GroupInput(FieldInput):
    """A repeatable list of items (persons), each a small form; add and remove items."""

    def __init__(
        self,
        make_item: Callable[[], tuple[QWidget, dict[str, FieldInput]]],
        max_items: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.make_item = make_item
        self.max_items = max_items
        self.items: list[tuple[QFrame, dict[str, FieldInput]]] = []
        self.column = QVBoxLayout()
        self.column.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(_("Add an entry"))
        self.add_button.setObjectName("addItem")
        self.add_button.clicked.connect(self._add_clicked)
        outer = QVBoxLayout()
        outer.addLayout(self.column)
        outer.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeading)
        self.row.addLayout(outer, 1)
        self.setFocusProxy(self.add_button)

    def _add_clicked(self) -> None:
        inputs = self.add_item()
        if inputs:
            next(iter(inputs.values())).setFocus()
        self.changed.emit()

    def add_item(self) -> dict[str, FieldInput]:
        body, inputs = self.make_item()
        body.setObjectName("groupItemBody")
        frame = QFrame()
        frame.setObjectName("groupItem")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(frame)
        layout.addWidget(body)
        remove = QPushButton(_("Remove"))
        remove.setObjectName("removeItem")
        remove.clicked.connect(lambda: self._remove(frame))
        layout.addWidget(remove, 0, Qt.AlignmentFlag.AlignTrailing)
        for item_input in inputs.values():
            item_input.changed.connect(self.changed)
        self.items.append((frame, inputs))
        self.column.addWidget(frame)
        self._update_add()
        return inputs

    def _remove(self, frame: QFrame) -> None:
        self.items = [(f, inputs) for f, inputs in self.items if f is not frame]
        frame.deleteLater()
        self._update_add()
        self.add_button.setFocus()
        self.changed.emit()

    def _update_add(self) -> None:
        self.add_button.setEnabled(self.max_items is None or len(self.items) < self.max_items)

    def value(self) -> Any:
        rows = []
        for _frame, inputs in self.items:
            row = {key: item.value() for key, item in inputs.items()}
            row = {key: value for key, value in row.items() if value not in (None, "", [])}
            if row:
                rows.append(row)
        return rows or None

    def stored_indexes(self) -> list[int | None]:
        """Where each entry on screen sits in the stored list (None: empty, so not stored)."""
        found: list[int | None] = []
        stored = 0
        for _frame, inputs in self.items:
            if any(item.value() not in (None, "", []) for item in inputs.values()):
                found.append(stored)
                stored += 1
            else:
                found.append(None)
        return found

    def show_item_fields(self, position: int, visible: set[str]) -> None:
        """Show only the fields of one entry that its own answers call for."""
        frame, inputs = self.items[position]
        body = frame.findChild(QWidget, "groupItemBody")
        form = body.layout() if body is not None else None
        if not isinstance(form, QFormLayout):
            return
        for key, item in inputs.items():
            form.setRowVisible(item, key in visible)

    def set_value(self, value: Any) -> None:
        for frame, _inputs in self.items:
            frame.deleteLater()
        self.items = []
        for row in value or []:
            for key, item in self.add_item().items():
                item.set_value(row.get(key) if isinstance(row, dict) else None)
        self._update_add()


INDICATOR_GROUPS = {
    "GEN": N_("General indicators"),
    "BRD": N_("At the border"),
    "CHD": N_("Children"),
    "SEX": N_("Sexual exploitation"),
    "ILO": N_("Forced labour"),
    "LAB": N_("Labour exploitation"),
    "DOM": N_("Domestic servitude"),
    "BEG": N_("Forced begging"),
    "ORG": N_("Organ removal"),
}
CODE_ROLE = Qt.ItemDataRole.UserRole


class IndicatorsInput(FieldInput):
    """The indicator checklist, grouped under headings, each indicator with its own words."""

    def __init__(
        self,
        indicators: Instrument | None,
        lang: str,
        subset: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget()
        self.tree.setObjectName("indicatorTree")
        self.tree.setHeaderHidden(True)
        self.tree.setMinimumHeight(260)
        self.row.addWidget(self.tree, 1)
        self.setFocusProxy(self.tree)
        self.leaves: dict[str, QTreeWidgetItem] = {}
        groups: dict[str, QTreeWidgetItem] = {}
        for provision in indicators.provisions if indicators else ():
            group = provision.group or provision.number.partition("-")[0]
            if subset and group not in subset and provision.number not in subset:
                continue
            if group not in groups:
                title = INDICATOR_GROUPS.get(group)
                name = _(title) if title else group
                groups[group] = QTreeWidgetItem(self.tree, [f"{name} ({group})"])
            heading = provision.heading.get(lang) if provision.heading else ""
            leaf = QTreeWidgetItem(groups[group], [f"\u2066{provision.number}\u2069  {heading}"])
            leaf.setData(0, CODE_ROLE, provision.number)
            leaf.setFlags(leaf.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            leaf.setCheckState(0, Qt.CheckState.Unchecked)
            self.leaves[provision.number] = leaf
        self.tree.expandAll()
        self.tree.itemChanged.connect(self._emit)

    def value(self) -> Any:
        return [
            code for code, leaf in self.leaves.items() if leaf.checkState(0) == Qt.CheckState.Checked
        ] or None

    def set_value(self, value: Any) -> None:
        chosen = set(value or ())
        self.tree.blockSignals(True)
        for code, leaf in self.leaves.items():
            leaf.setCheckState(0, Qt.CheckState.Checked if code in chosen else Qt.CheckState.Unchecked)
        self.tree.blockSignals(False)

    def check(self, code: str, on: bool = True) -> None:
        """What a click on the indicator's box does (tests and keyboard use)."""
        self.leaves[code].setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def choice_entries(choices: Sequence[Any]) -> list[tuple[str, str]]:
    return [(choice.code, tr(choice.label)) for choice in choices]
