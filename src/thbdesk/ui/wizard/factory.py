"""Build the input for a field from its type: the one place that knows which widget suits which type."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from thbdesk.core.forms.model import CONSENT_PARTS, Field
from thbdesk.core.legal.model import Instrument
from thbdesk.ui.wizard.catalog import CatalogInput
from thbdesk.ui.wizard.composite import (
    GroupInput,
    IndicatorsInput,
    choice_entries,
    consent_input,
    travel_document_input,
)
from thbdesk.ui.wizard.inputs import (
    ChoiceInput,
    DateInput,
    FieldInput,
    MultiChoiceInput,
    MultilineInput,
    NumberInput,
    TextInput,
    YesNoInput,
    tr,
)


@dataclass(frozen=True)
class InputContext:
    """What inputs need besides their field: catalogues named in the UI language, the indicators."""

    countries: list[tuple[str, str]]
    languages: list[tuple[str, str]]
    indicators: Instrument | None
    lang: str


def make_input(field: Field, context: InputContext) -> FieldInput:
    builder = _BUILDERS.get(field.type)
    widget = builder(field, context) if builder else TextInput()
    widget.setObjectName(f"input_{field.id}")
    return widget


def _group(field: Field, context: InputContext) -> FieldInput:
    def make_item() -> tuple[QWidget, dict[str, FieldInput]]:
        body = QWidget()
        form = QFormLayout(body)
        form.setContentsMargins(0, 0, 0, 0)
        inputs: dict[str, FieldInput] = {}
        for sub in field.fields:
            sub_input = make_input(sub, context)
            caption = QLabel(tr(sub.label, context.lang))
            caption.setBuddy(sub_input.focusProxy() or sub_input)
            form.addRow(caption, sub_input)
            inputs[sub.id] = sub_input
        return body, inputs

    return GroupInput(make_item, field.validation.max_items)


_BUILDERS: dict[str, Callable[[Field, InputContext], FieldInput]] = {
    "text": lambda f, c: TextInput(translatable=f.validation.pattern is None),
    "multiline": lambda f, c: MultilineInput(),
    "number": lambda f, c: NumberInput(),
    "date": lambda f, c: DateInput(),
    "datetime": lambda f, c: DateInput(with_time=True),
    "choice": lambda f, c: ChoiceInput(choice_entries(f.choices)),
    "multichoice": lambda f, c: MultiChoiceInput(choice_entries(f.choices)),
    "yesno": lambda f, c: YesNoInput(),
    "country": lambda f, c: CatalogInput(c.countries),
    "language": lambda f, c: CatalogInput(c.languages),
    "travel_document": lambda f, c: travel_document_input(choice_entries(f.choices), c.countries),
    "consent": lambda f, c: consent_input({p: choice_entries(f.consent.get(p, ())) for p in CONSENT_PARTS}),
    "indicators": lambda f, c: IndicatorsInput(c.indicators, c.lang, getattr(f, "subset", ())),
    "group": _group,
}
