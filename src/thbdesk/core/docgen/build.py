"""Answers -> the document tree, following the form's ``output:`` section.

The same ``Interview`` the wizard uses decides what shows: a hidden section, block or field is left
out of the document exactly as it is left out of the interview, in every language alike, so every
``Block`` has the same shape in each part (``Document.check_aligned``).

>>> from thbdesk.core.forms.loader import get_form
>>> from thbdesk.core.forms.answers import Answers
>>> doc = build_document(get_form("referral"), Answers("referral", 1, {"priority": "urgent"}), ("fr", "ar"))
>>> doc.headers["fr"].lines[0][0].text, doc.metadata.language, doc.footer.reference
('Royaume du Maroc', 'fr-MA', '')
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TypeVar

from thbdesk.core.docgen import labels
from thbdesk.core.docgen.answer_runs import computed_runs, first_text, flatten, placeholder, value_lines
from thbdesk.core.docgen.fingerprint import fingerprint
from thbdesk.core.docgen.model import (
    Block,
    CheckItem,
    Checklist,
    Document,
    Footer,
    Heading,
    Inline,
    KeyValue,
    KeyValueTable,
    Metadata,
    Node,
    PageHeader,
    Paragraph,
    Run,
    Section,
    Signature,
    SignatureBlock,
    check_layout,
    clean_text,
)
from thbdesk.core.docgen.output import (
    BlockSpec,
    ChecklistSpec,
    FieldsSpec,
    GroupSpec,
    HeadingSpec,
    OutputSpec,
    ParagraphSpec,
    SectionSpec,
    SignaturesSpec,
)
from thbdesk.core.docgen.template import Template
from thbdesk.core.forms.answers import Answers
from thbdesk.core.forms.engine import Interview
from thbdesk.core.forms.expressions import Expression
from thbdesk.core.forms.model import Field, FormSpec
from thbdesk.core.forms.references import offered_indicators
from thbdesk.core.forms.render import indicator_heading
from thbdesk.core.i18n import format_number
from thbdesk.core.legal.model import Tri

BCP47 = {"ar": "ar-MA", "fr": "fr-MA", "en": "en"}
DEFAULT_AUTHOR = "thbdesk"
N = TypeVar("N", bound=Node)


def build_document(spec: FormSpec, answers: Answers, langs: tuple[str, ...]) -> Document:
    """The document of ``answers`` in ``langs`` (the order chosen); raises ``LayoutError`` for
    languages it cannot print and the answers errors for answers of another form."""
    check_layout("sequential", langs)  # known, distinct, at least one: any order and count
    return _Builder(spec, Interview(spec, answers), langs).document()


class _Builder:
    def __init__(self, spec: FormSpec, interview: Interview, langs: tuple[str, ...]) -> None:
        self.spec, self.interview, self.langs = spec, interview, langs
        self.output = spec.output or default_output(spec)
        self.values = interview.answers.answers
        self.env = interview.environment()
        self.computed = interview.computed()

    # --- the whole document -----------------------------------------------------------------
    def document(self) -> Document:
        title = self.output.title or self.spec.title
        first = self.langs[0]
        reference = self.computed.get("reference")
        return Document(
            form_id=self.spec.id,
            form_version=self.spec.version,
            langs=self.langs,
            title={lang: title.get(lang) for lang in self.langs},
            headers={lang: self.header(lang) for lang in self.langs},
            footer=Footer(
                fingerprint(self.interview.answers),
                self.spec.id,
                self.spec.version,
                reference if isinstance(reference, str) else "",
            ),
            sections=tuple(s for s in map(self.section, self.output.sections) if s is not None),
            metadata=Metadata(title.get(first), self.author(first), self.spec.title.get(first), BCP47[first]),
        )

    def header(self, lang: str) -> PageHeader:
        lines: list[Inline] = [(Run(labels.KINGDOM[lang], lang),)]
        if self.output.header is None:  # no output section: the reference, when the form has one
            if "reference" in self.computed:
                lines.append(self.name_runs("reference", lang))
        else:
            lines.extend(self.fill(text.get(lang), lang) for text in self.output.header.values())
        return PageHeader(lang, tuple(lines))

    def author(self, lang: str) -> str:
        return answered_author(self.spec, self.interview, lang) or DEFAULT_AUTHOR

    # --- sections and blocks --------------------------------------------------------------------
    def shows(self, condition: Expression | None) -> bool:
        return condition is None or condition.test(self.env)

    def section(self, spec: SectionSpec) -> Section | None:
        if not self.shows(spec.show_if):
            return None
        blocks = tuple(
            block for item in spec.blocks if self.shows(item.show_if) for block in self.blocks(item)
        )
        if not blocks:
            return None
        return Section(spec.id, {lang: spec.title.get(lang) for lang in self.langs}, blocks)

    def blocks(self, spec: BlockSpec) -> Iterator[Block]:
        if isinstance(spec, ParagraphSpec | HeadingSpec):
            yield self.text_block(spec)
        elif isinstance(spec, FieldsSpec):
            yield from self.table(spec.ids)
        elif isinstance(spec, GroupSpec):
            yield from self.group(spec)
        elif isinstance(spec, ChecklistSpec):
            yield from self.checklist(spec)
        else:
            yield from self.signatures(spec)

    def per_lang(self, make: Callable[[str], N]) -> Block:
        return Block({lang: make(lang) for lang in self.langs})

    def text_block(self, spec: ParagraphSpec | HeadingSpec) -> Block:
        if isinstance(spec, HeadingSpec):
            return self.per_lang(lambda lang: Heading(lang, self.fill(spec.text.get(lang), lang), level=2))
        return self.per_lang(lambda lang: Paragraph(lang, self.fill(spec.text.get(lang), lang)))

    def table(self, ids: tuple[str, ...]) -> Iterator[Block]:
        fields = [f for f in map(self.spec.field, ids) if f is not None and self.interview.is_visible(f.id)]
        if fields:
            yield self.per_lang(
                lambda lang: KeyValueTable(lang, tuple(self.row(f, self.values, lang) for f in fields))
            )

    @staticmethod
    def row(field: Field, values: Mapping[str, object], lang: str) -> KeyValue:
        return KeyValue((Run(field.label.get(lang), lang),), value_lines(field, values.get(field.id), lang))

    def group(self, spec: GroupSpec) -> Iterator[Block]:
        field = self.spec.field(spec.group)
        if field is None or not self.interview.is_visible(field.id):
            return
        entries = self.values.get(field.id)
        shown = (
            [(n, e) for n, e in enumerate(entries) if isinstance(e, Mapping)]
            if isinstance(entries, list)
            else []
        )
        if not shown:  # say there is nobody, rather than leave the reader wondering
            yield self.per_lang(
                lambda lang: KeyValueTable(
                    lang, (KeyValue((Run(field.label.get(lang), lang),), (placeholder(lang),)),)
                )
            )
        for index, entry in shown:
            yield from self.entry(field, spec.entry, index, entry)

    def entry(self, group: Field, title: Tri, index: int, entry: Mapping[str, object]) -> Iterator[Block]:
        number = index + 1
        yield self.per_lang(
            lambda lang: Heading(lang, (Run(f"{title.get(lang)} {format_number(number, lang)}", lang),), 2)
        )
        items = self.interview.visible_item_fields(group.id, index)
        if items:
            yield self.per_lang(
                lambda lang: KeyValueTable(lang, tuple(self.row(f, entry, lang) for f in items))
            )

    def checklist(self, spec: ChecklistSpec) -> Iterator[Block]:
        if spec.field is None:
            fields = [f for f in map(self.spec.field, spec.fields) if f and self.interview.is_visible(f.id)]
            if fields:
                yield self.per_lang(
                    lambda lang: Checklist(lang, tuple(self.yes_item(f, lang) for f in fields))
                )
            return
        field = self.spec.field(spec.field)
        if field is None or not self.interview.is_visible(field.id):
            return
        chosen = self.values.get(field.id)
        codes = (
            [c for c in chosen if isinstance(c, str) and clean_text(c).strip()]
            if isinstance(chosen, list)
            else []
        )
        options = self.options(field) if spec.all else ()
        listed = [*options, *(c for c in dict.fromkeys(codes) if c not in options)]
        if not listed:
            yield self.per_lang(lambda lang: Paragraph(lang, placeholder(lang)))
            return
        yield self.per_lang(
            lambda lang: Checklist(lang, tuple(self.option_item(field, c, c in codes, lang) for c in listed))
        )

    @staticmethod
    def options(field: Field) -> tuple[str, ...]:
        return (
            offered_indicators(field) if field.type == "indicators" else tuple(c.code for c in field.choices)
        )

    def yes_item(self, field: Field, lang: str) -> CheckItem:
        return CheckItem(self.values.get(field.id) is True, (Run(field.label.get(lang), lang),))

    @staticmethod
    def option_item(field: Field, code: str, checked: bool, lang: str) -> CheckItem:
        if field.type == "indicators":
            text = indicator_heading(code, lang)
        else:
            choice = field.choice(code)
            text = choice.label.get(lang) if choice else code
        return CheckItem(checked, (Run(text, lang, answer=checked),))

    def signatures(self, spec: SignaturesSpec) -> Iterator[Block]:
        shown = [s for s in spec.signatures if self.shows(s.show_if)]
        if shown:
            yield self.per_lang(
                lambda lang: SignatureBlock(
                    lang,
                    tuple(Signature((Run(s.role.get(lang), lang),), self.name(s.name, lang)) for s in shown),
                )
            )

    def name(self, template: Template | None, lang: str) -> Inline:
        """A signer's name; left blank (to be written by hand) when none of it was answered."""
        if template is None or not any(self.answered(name) for name in template.names):
            return ()
        return self.fill(template, lang, mark=False)

    # --- templates ---------------------------------------------------------------------------
    def answered(self, name: str) -> bool:
        if name in self.computed:
            return self.computed[name] not in (None, "")
        return self.interview.is_visible(name) and any(r.answer for r in self.name_runs(name, "en"))

    def fill(self, template: Template, lang: str, *, mark: bool = True) -> Inline:
        runs: list[Run] = []
        for is_name, text in template.pieces():
            runs.extend(self.name_runs(text, lang, mark=mark) if is_name else (Run(text, lang),))
        return tuple(runs)

    def name_runs(self, name: str, lang: str, *, mark: bool = True) -> Inline:
        if name in self.computed:
            return computed_runs(self.computed[name], lang)
        field = self.spec.field(name)
        if field is None or not self.interview.is_visible(name):
            return placeholder(lang)
        return flatten(value_lines(field, self.values.get(name), lang, mark=mark), lang)


def default_output(spec: FormSpec) -> OutputSpec:
    """Without an ``output:`` section: one section per step, its fields in a table, groups by entry."""
    sections = []
    for step in spec.steps:
        blocks: list[BlockSpec] = []
        for field in step.fields:
            if field.type == "group":
                blocks.append(GroupSpec(field.id, field.label))
            elif blocks and isinstance(blocks[-1], FieldsSpec):
                blocks[-1] = FieldsSpec((*blocks[-1].ids, field.id))
            else:
                blocks.append(FieldsSpec((field.id,)))
        sections.append(SectionSpec(step.id, step.title, tuple(blocks)))
    return OutputSpec(tuple(sections), header=None)


def answered_author(spec: FormSpec, interview: Interview, lang: str) -> str:
    """The first answered field the form's ``output.author`` names (the reporting officer), as the
    document prints it in ``lang``; ``""`` when none is answered. The register records the same."""
    values = interview.answers.answers
    for ident in spec.output.author if spec.output is not None else ():
        field = spec.field(ident)
        if field is not None and interview.is_visible(ident):
            text = first_text(flatten(value_lines(field, values.get(ident), lang), lang))
            if text:
                return text
    return ""
