"""A form's ``output:`` section as typed data: what the printed document holds, in which order.

It is data a legal officer edits in the form's YAML (format in ``forms/README.md``); ``build.py``
turns it and the answers into the document tree. Everything a reference can get wrong (an unknown
field, a checklist over a text field, a malformed ``{placeholder}``) is refused when the form is
loaded, with its line, like the rest of the form.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from thbdesk.core.docgen.template import Template, TemplateError, parse_template
from thbdesk.core.forms.expressions import Expression
from thbdesk.core.forms.model import Field
from thbdesk.core.legal.model import Tri
from thbdesk.core.yamlsource import LineDict

LANGS = ("ar", "fr", "en")
BLOCK_KINDS = ("paragraph", "heading", "fields", "group", "checklist", "signatures")
HEADER_LINES = ("authority", "unit", "reference")
CHECKLIST_TYPES = ("indicators", "multichoice")


@dataclass(frozen=True)
class Text:
    """One template per language."""

    ar: Template
    fr: Template
    en: Template

    def get(self, lang: str) -> Template:
        template: Template = getattr(self, lang)
        return template


@dataclass(frozen=True)
class ParagraphSpec:
    text: Text
    show_if: Expression | None = None


@dataclass(frozen=True)
class HeadingSpec:
    """A sub-heading (level 2) inside a section."""

    text: Text
    show_if: Expression | None = None


@dataclass(frozen=True)
class FieldsSpec:
    """A key–value table of top-level fields: the form's label, then the answer."""

    ids: tuple[str, ...]
    show_if: Expression | None = None


@dataclass(frozen=True)
class GroupSpec:
    """Each entry of a repeatable group: a heading ``entry`` + number, then its shown item fields."""

    group: str
    entry: Tri
    show_if: Expression | None = None


@dataclass(frozen=True)
class ChecklistSpec:
    """Either the options of one indicators/multichoice ``field`` (chosen ones ticked; every option
    when ``all``), or a list of yes/no ``fields``, each its label ticked when answered yes."""

    field: str | None = None
    fields: tuple[str, ...] = ()
    all: bool = False
    show_if: Expression | None = None


@dataclass(frozen=True)
class SignatureSpec:
    role: Tri
    name: Template | None = None
    show_if: Expression | None = None


@dataclass(frozen=True)
class SignaturesSpec:
    signatures: tuple[SignatureSpec, ...]
    show_if: Expression | None = None


BlockSpec = ParagraphSpec | HeadingSpec | FieldsSpec | GroupSpec | ChecklistSpec | SignaturesSpec


@dataclass(frozen=True)
class SectionSpec:
    id: str
    title: Tri
    blocks: tuple[BlockSpec, ...]
    show_if: Expression | None = None


@dataclass(frozen=True)
class OutputSpec:
    sections: tuple[SectionSpec, ...]
    title: Tri | None = None  # None: the form's title
    header: Mapping[str, Text] | None = None  # authority, unit, reference (each optional)
    author: tuple[str, ...] = ()  # the first of these fields that is answered signs the metadata


class Builder(Protocol):
    """What the form loader lends the parser: its problem list and its expression parser."""

    def problem(self, line: int, where: str, message: str) -> None: ...

    def expression(
        self, node: LineDict, key: str, where: str, names: Collection[str]
    ) -> Expression | None: ...


def _tri(value: Any) -> Tri:
    data = value if isinstance(value, dict) else {}
    return Tri(*(str(data.get(lang) or "").strip() for lang in LANGS))


def _dicts(value: Any) -> list[LineDict]:
    return [item for item in value if isinstance(item, LineDict)] if isinstance(value, list) else []


class _Parser:
    def __init__(self, builder: Builder, fields: Mapping[str, Field], names: Collection[str]) -> None:
        self.builder = builder
        self.fields = fields  # top-level fields by id
        self.names = names  # fields and computed values: what a placeholder may name

    def text(self, node: LineDict, key: str, where: str) -> Text | None:
        value = node.get(key)
        if not isinstance(value, Mapping):
            return None
        templates = []
        for lang in LANGS:
            line = value.line_of(lang) if isinstance(value, LineDict) else node.line_of(key)
            templates.append(self.template(value.get(lang), line, f"{where}.{key}.{lang}"))
        return Text(*templates)

    def template(self, source: object, line: int, where: str) -> Template:
        try:
            return parse_template(str(source or ""), self.names)
        except TemplateError as exc:
            self.builder.problem(line, where, str(exc))
            return Template(("",))

    def field(self, ident: object, line: int, where: str, kinds: Collection[str] = ()) -> str | None:
        found = self.fields.get(str(ident))
        if found is None:
            self.builder.problem(line, where, f"unknown field {ident!r} (not a top-level field of this form)")
            return None
        if kinds and found.type not in kinds:
            self.builder.problem(
                line, where, f"{ident!r} is a {found.type} field; expected {' or '.join(kinds)}"
            )
            return None
        return found.id

    def ids(self, node: LineDict, key: str, where: str, kinds: Collection[str] = ()) -> tuple[str, ...]:
        values = node.get(key)
        values = values if isinstance(values, list) else []
        found = [self.field(v, node.line_of(key), f"{where}.{key}", kinds) for v in values]
        return tuple(ident for ident in found if ident)

    def show_if(self, node: LineDict, where: str) -> Expression | None:
        return self.builder.expression(node, "show_if", where, self.names)

    def block(self, node: LineDict, where: str) -> BlockSpec | None:
        kinds = [kind for kind in BLOCK_KINDS if kind in node]
        if len(kinds) != 1:
            found = ", ".join(kinds) or "none"
            self.builder.problem(
                node.line, where, f"a block has exactly one of {', '.join(BLOCK_KINDS)} ({found})"
            )
            return None
        kind, show_if = kinds[0], self.show_if(node, where)
        if kind in ("paragraph", "heading"):
            text = self.text(node, kind, where)
            if text is None:
                return None
            return ParagraphSpec(text, show_if) if kind == "paragraph" else HeadingSpec(text, show_if)
        if kind == "fields":
            return FieldsSpec(self.ids(node, "fields", where), show_if)
        if kind == "group":
            group = self.field(node["group"], node.line_of("group"), f"{where}.group", ("group",))
            return GroupSpec(group, _tri(node.get("entry")), show_if) if group else None
        if kind == "checklist":
            return self.checklist(node, where, show_if)
        return SignaturesSpec(self.signatures(node, where), show_if)

    def checklist(self, node: LineDict, where: str, show_if: Expression | None) -> ChecklistSpec | None:
        everything = node.get("all") is True
        if isinstance(node["checklist"], list):
            if everything:
                self.builder.problem(
                    node.line_of("all"), f"{where}.all", "only a checklist of one field lists all options"
                )
            return ChecklistSpec(fields=self.ids(node, "checklist", where, ("yesno",)), show_if=show_if)
        ident = self.field(
            node["checklist"], node.line_of("checklist"), f"{where}.checklist", CHECKLIST_TYPES
        )
        return ChecklistSpec(field=ident, all=everything, show_if=show_if) if ident else None

    def signatures(self, node: LineDict, where: str) -> tuple[SignatureSpec, ...]:
        found = []
        for n, item in enumerate(_dicts(node.get("signatures"))):
            place = f"{where}.signatures[{n}]"
            name = item.get("name")
            found.append(
                SignatureSpec(
                    _tri(item.get("role")),
                    self.template(name, item.line_of("name"), f"{place}.name") if name is not None else None,
                    self.show_if(item, place),
                )
            )
        return tuple(found)

    def section(self, node: LineDict, where: str) -> SectionSpec:
        blocks = [self.block(b, f"{where}.blocks[{n}]") for n, b in enumerate(_dicts(node.get("blocks")))]
        return SectionSpec(
            str(node.get("id")),
            _tri(node.get("title")),
            tuple(b for b in blocks if b is not None),
            self.show_if(node, where),
        )


def parse_output(
    builder: Builder, node: object, fields: Mapping[str, Field], names: Collection[str]
) -> OutputSpec | None:
    """The ``output:`` map of a form file (``None`` when the form has none)."""
    if not isinstance(node, LineDict):
        return None
    parser = _Parser(builder, fields, names)
    header_node = node.get("header")
    header: dict[str, Text] = {}
    if isinstance(header_node, LineDict):
        for key in HEADER_LINES:
            text = parser.text(header_node, key, "output.header")
            if text is not None:
                header[key] = text
    sections = [
        parser.section(s, f"output.sections[{n}]") for n, s in enumerate(_dicts(node.get("sections")))
    ]
    seen: dict[str, int] = {}
    for n, (section, raw) in enumerate(zip(sections, _dicts(node.get("sections")), strict=True)):
        if section.id in seen:
            message = f"section id {section.id!r} is used twice (first on line {seen[section.id]})"
            builder.problem(raw.line_of("id"), f"output.sections[{n}].id", message)
        seen.setdefault(section.id, raw.line)
    return OutputSpec(
        sections=tuple(sections),
        title=_tri(node["title"]) if "title" in node else None,
        header=header,
        author=parser.ids(node, "author", "output") if "author" in node else (),
    )
