"""A guided form as typed, frozen data: what ``loader`` builds from ``forms/<id>.yaml``.

Texts are ``Tri`` (Arabic, French, English), the same type the legal library uses.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from thbdesk.core.forms.expressions import Expression
from thbdesk.core.legal.model import Tri

if TYPE_CHECKING:  # the document section is parsed by docgen, which imports this module
    from thbdesk.core.docgen.output import OutputSpec

FIELD_TYPES: tuple[str, ...] = (
    "text",
    "multiline",
    "number",
    "date",
    "datetime",
    "choice",
    "multichoice",
    "yesno",
    "country",
    "language",
    "travel_document",
    "group",
    "indicators",
    "consent",
)
FREE_TEXT_TYPES = frozenset({"text", "multiline"})
LIST_TYPES = frozenset({"multichoice", "group", "indicators"})
CHOICE_TYPES = frozenset({"choice", "multichoice", "travel_document"})
CONSENT_PARTS: tuple[str, ...] = ("shared_data", "recipients", "given_by")

Level = Literal["error", "warning"]
Bound = int | float | str | Expression  # a literal (number, ISO date) or an expression


@dataclass(frozen=True)
class Choice:
    code: str
    label: Tri


@dataclass(frozen=True)
class Validation:
    """Limits of one field; ``min``/``max`` bound numbers and dates, ``*_items`` bound lists."""

    min: Bound | None = None
    max: Bound | None = None
    pattern: str | None = None
    max_length: int | None = None
    min_items: int | None = None
    max_items: int | None = None


@dataclass(frozen=True)
class Field:
    id: str
    type: str
    label: Tri
    line: int = 0
    help: Tri | None = None
    required: bool | Expression = False
    show_if: Expression | None = None
    validation: Validation = field(default_factory=Validation)
    choices: tuple[Choice, ...] = ()
    fields: tuple[Field, ...] = ()  # a group's item fields
    consent: dict[str, tuple[Choice, ...]] = field(default_factory=dict)  # consent: part -> choices
    subset: tuple[str, ...] = ()  # indicators: ids or groups ("GEN") offered; empty means all

    def choice(self, code: object, part: str | None = None) -> Choice | None:
        options = self.consent.get(part, ()) if part else self.choices
        return next((c for c in options if c.code == code), None)

    def item_field(self, field_id: str) -> Field | None:
        return next((f for f in self.fields if f.id == field_id), None)


@dataclass(frozen=True)
class Step:
    id: str
    title: Tri
    fields: tuple[Field, ...]
    line: int = 0
    help: Tri | None = None
    provisions: tuple[str, ...] = ()  # corpus keys such as "27-14:448-1"
    show_if: Expression | None = None


@dataclass(frozen=True)
class Check:
    """A cross-field rule: when ``when`` holds (or, without ``when``, when every field it names is
    answered), ``assert_`` must hold, else ``message`` is shown beside ``fields``."""

    id: str
    assert_: Expression
    level: Level
    message: Tri
    fields: tuple[str, ...] = ()
    when: Expression | None = None
    line: int = 0


@dataclass(frozen=True)
class Computed:
    id: str
    expr: Expression
    line: int = 0


@dataclass(frozen=True)
class Migration:
    """How answers saved under version ``from_version`` become answers of the next version."""

    from_version: int
    rename: dict[str, str] = field(default_factory=dict)
    drop: tuple[str, ...] = ()


@dataclass(frozen=True)
class FormSpec:
    id: str
    version: int
    title: Tri
    steps: tuple[Step, ...]
    path: Path | None = None
    help: Tri | None = None
    checks: tuple[Check, ...] = ()
    computed: tuple[Computed, ...] = ()
    migrations: tuple[Migration, ...] = ()
    output: OutputSpec | None = None  # the printed document (``output:``); None: one section per step

    def step(self, step_id: str) -> Step | None:
        return next((s for s in self.steps if s.id == step_id), None)

    def fields(self) -> Iterator[tuple[Step, Field]]:
        """Every top-level field with its step, in the order of the form."""
        for step in self.steps:
            for item in step.fields:
                yield step, item

    def field(self, field_id: str) -> Field | None:
        return next((f for _, f in self.fields() if f.id == field_id), None)

    def step_of(self, field_id: str) -> Step | None:
        return next((s for s, f in self.fields() if f.id == field_id), None)
