"""Form files (``forms/<id>.yaml``) -> ``FormSpec``, with every authoring problem reported at once.

Problems read ``referral.yaml:41: steps[2].fields[0].show_if: unknown name 'ag'``. The schema
(``forms/form.schema.json``) checks the shape; this module checks what a schema cannot: unique ids,
expressions, provisions in the bundled corpus, indicator ids. The format is in ``forms/README.md``.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from thbdesk.core.docgen.output import parse_output
from thbdesk.core.errors import FormError, UnknownFormError
from thbdesk.core.forms.expressions import Expression, ExpressionError, parse_expression
from thbdesk.core.forms.model import (
    CONSENT_PARTS,
    Check,
    Choice,
    Computed,
    Field,
    FormSpec,
    Level,
    Migration,
    Step,
    Validation,
)
from thbdesk.core.forms.references import check_literal_codes, indicator_ids
from thbdesk.core.forms.schema import schema_problems
from thbdesk.core.legal.model import Tri
from thbdesk.core.paths import bundled_dir
from thbdesk.core.yamlsource import LineDict, Problems, YamlSyntaxError, load_yaml

FORMAT_VERSION = 1
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_EMPTY = Tri("", "", "")


def _tri(value: Any) -> Tri:
    if not isinstance(value, dict):
        return _EMPTY
    return Tri(**{lang: str(value.get(lang) or "").strip() for lang in ("ar", "fr", "en")})


def _map(value: Any) -> LineDict:
    return value if isinstance(value, LineDict) else LineDict()


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _dicts(value: Any) -> list[LineDict]:
    return [item for item in value if isinstance(item, LineDict)] if isinstance(value, list) else []


class _Builder:
    """Builds the model from a parsed file that may be malformed, recording problems as it goes."""

    def __init__(self, path: Path) -> None:
        self.problems = Problems(path)
        self.expressions: list[tuple[int, str, Expression]] = []

    def problem(self, line: int, where: str, message: str) -> None:
        self.problems.add(line, where, message)

    def expression(self, node: LineDict, key: str, where: str, names: Collection[str]) -> Expression | None:
        if key not in node or node[key] is None:
            return None
        try:
            expr = parse_expression(node[key], names)
        except ExpressionError as exc:
            self.problems.add(node.line_of(key), f"{where}.{key}", str(exc))
            return None
        self.expressions.append((node.line_of(key), f"{where}.{key}", expr))
        return expr

    def unique(self, items: Iterable[tuple[str, int, str]], what: str) -> None:
        seen: dict[str, int] = {}
        for ident, line, where in items:
            if ident in seen:
                self.problems.add(
                    line, where, f"{what} {ident!r} is used twice (first on line {seen[ident]})"
                )
            seen.setdefault(ident, line)

    def choices(self, value: Any, where: str) -> tuple[Choice, ...]:
        found = tuple(Choice(str(c.get("code")), _tri(c.get("label"))) for c in _dicts(value))
        self.unique(
            (
                (c.code, d.line, f"{where}[{i}].code")
                for i, (c, d) in enumerate(zip(found, _dicts(value), strict=True))
            ),
            "code",
        )
        return found

    def bound(
        self, node: LineDict, key: str, where: str, names: Collection[str]
    ) -> int | float | str | Expression | None:
        value = node.get(key)
        if value is None or isinstance(value, bool):
            return None
        if isinstance(value, int | float):
            return value
        if node.get("type") in ("date", "datetime") and _ISO_DATE.match(str(value)):
            return str(value)
        return self.expression(node, key, where, names)

    def validation(self, node: LineDict, where: str, names: Collection[str]) -> Validation:
        pattern = node.get("pattern")
        if isinstance(pattern, str):
            try:
                re.compile(pattern)
            except re.error as exc:
                self.problems.add(node.line_of("pattern"), f"{where}.pattern", f"not a valid pattern: {exc}")
                pattern = None
        low, high = node.get("min_items"), node.get("max_items")
        if isinstance(low, int) and isinstance(high, int) and low > high:
            self.problems.add(node.line_of("min_items"), f"{where}.min_items", "is greater than max_items")
        return Validation(
            min=self.bound(node, "min", where, names),
            max=self.bound(node, "max", where, names),
            pattern=pattern if isinstance(pattern, str) else None,
            max_length=node.get("max_length") if isinstance(node.get("max_length"), int) else None,
            min_items=low if isinstance(low, int) else None,
            max_items=high if isinstance(high, int) else None,
        )

    def field(self, node: LineDict, where: str, names: Collection[str]) -> Field:
        kind = str(node.get("type", "text"))
        item_fields: tuple[Field, ...] = ()
        if kind == "group":
            items = _dicts(node.get("fields"))
            inner = {*names, *(str(i.get("id")) for i in items)}
            item_fields = tuple(self.field(i, f"{where}.fields[{n}]", inner) for n, i in enumerate(items))
            self.unique(
                ((f.id, f.line, f"{where}.fields[{n}].id") for n, f in enumerate(item_fields)), "field id"
            )
            self.no_nested_groups(item_fields, where)
        elif "fields" in node:
            self.problems.add(node.line_of("fields"), f"{where}.fields", "only a group has fields")
        if "consent" in node and kind != "consent":
            self.problems.add(node.line_of("consent"), f"{where}.consent", "only a consent field has consent")
        required = node.get("required", False)
        consent = _map(node.get("consent"))
        return Field(
            id=str(node.get("id")),
            type=kind,
            label=_tri(node.get("label")),
            line=node.line,
            help=_tri(node["help"]) if "help" in node else None,
            required=required
            if isinstance(required, bool)
            else self.expression(node, "required", where, names) or False,
            show_if=self.expression(node, "show_if", where, names),
            validation=self.validation(node, where, names),
            choices=self.choices(node.get("choices"), f"{where}.choices"),
            fields=item_fields,
            subset=tuple(str(v) for v in _list(node.get("subset"))),
            consent={
                p: self.choices(consent.get(p), f"{where}.consent.{p}") for p in CONSENT_PARTS if p in consent
            },
        )

    def no_nested_groups(self, fields: tuple[Field, ...], where: str) -> None:
        for n, item in enumerate(fields):
            if item.type == "group":
                self.problems.add(item.line, f"{where}.fields[{n}].type", "a group cannot hold another group")

    def step(self, node: LineDict, where: str, names: Collection[str]) -> Step:
        provisions = node.get("provisions", [])
        return Step(
            id=str(node.get("id")),
            title=_tri(node.get("title")),
            fields=tuple(
                self.field(f, f"{where}.fields[{n}]", names) for n, f in enumerate(_dicts(node.get("fields")))
            ),
            line=node.line,
            help=_tri(node["help"]) if "help" in node else None,
            provisions=tuple(str(p) for p in provisions) if isinstance(provisions, list) else (),
            show_if=self.expression(node, "show_if", where, names),
        )


def _field_ids(root: LineDict) -> list[tuple[str, int, str]]:
    found = []
    for s, step in enumerate(_dicts(root.get("steps"))):
        for f, node in enumerate(_dicts(step.get("fields"))):
            found.append((str(node.get("id")), node.line, f"steps[{s}].fields[{f}].id"))
    return found


def _computed(builder: _Builder, root: LineDict, fields: set[str]) -> tuple[Computed, ...]:
    found: list[Computed] = []
    above: set[str] = set()
    for n, node in enumerate(_dicts(root.get("computed"))):
        where = f"computed[{n}]"
        ident = str(node.get("id"))
        if ident in fields:
            builder.problems.add(node.line_of("id"), f"{where}.id", f"{ident!r} is already a field id")
        # a computed value may use the fields and the computed values above it, never below
        expr = builder.expression(node, "expr", where, fields | above)
        above.add(ident)
        if expr is not None:
            found.append(Computed(ident, expr, node.line))
    return tuple(found)


def _checks(builder: _Builder, root: LineDict, names: set[str], fields: set[str]) -> tuple[Check, ...]:
    found = []
    for n, node in enumerate(_dicts(root.get("checks"))):
        where = f"checks[{n}]"
        targets = node.get("fields", [])
        targets = [str(t) for t in targets] if isinstance(targets, list) else []
        for target in targets:
            if target not in fields:
                builder.problems.add(node.line_of("fields"), f"{where}.fields", f"unknown field {target!r}")
        when = builder.expression(node, "when", where, names)
        test = builder.expression(node, "assert", where, names)
        if test is not None:
            level: Level = "warning" if node.get("level") == "warning" else "error"
            found.append(
                Check(
                    str(node.get("id")),
                    test,
                    level,
                    _tri(node.get("message")),
                    tuple(targets),
                    when,
                    node.line,
                )
            )
    builder.unique(((c.id, c.line, "checks.id") for c in found), "check id")
    return tuple(found)


def _migrations(builder: _Builder, form: LineDict, version: int) -> tuple[Migration, ...]:
    found = []
    for n, node in enumerate(_dicts(form.get("migrations"))):
        start = node.get("from")
        if not isinstance(start, int) or not 0 < start < version:
            builder.problems.add(
                node.line_of("from"), f"form.migrations[{n}].from", f"must be a version below {version}"
            )
            continue
        rename, drop = _map(node.get("rename")), _list(node.get("drop"))
        found.append(
            Migration(start, {str(k): str(v) for k, v in rename.items()}, tuple(str(d) for d in drop))
        )
    builder.unique(((str(m.from_version), 0, "form.migrations") for m in found), "migration from")
    return tuple(sorted(found, key=lambda m: m.from_version))


def _check_corpus(builder: _Builder, root: LineDict) -> None:
    from thbdesk.core.legal.loader import bundled_corpus

    corpus, known = bundled_corpus(), indicator_ids()
    groups = {k.rsplit("-", 1)[0] for k in known}
    for s, step in enumerate(_dicts(root.get("steps"))):
        refs = step.get("provisions")
        for ref in refs if isinstance(refs, list) else ():
            if corpus.resolve(str(ref), "") is None:
                where = f"steps[{s}].provisions"
                builder.problems.add(
                    step.line_of("provisions"), where, f"{ref} is not in the bundled legal texts"
                )
        for f, node in enumerate(_dicts(step.get("fields"))):
            subset = node.get("subset")
            for entry in subset if isinstance(subset, list) else ():
                if str(entry) not in known and str(entry) not in groups:
                    where = f"steps[{s}].fields[{f}].subset"
                    message = f"{entry} is not an indicator id or group of legal_texts/indicators.yaml"
                    builder.problems.add(node.line_of("subset"), where, message)


def build_form(builder: _Builder, root: LineDict, path: Path) -> FormSpec:
    form = _map(root.get("form"))
    field_list = _field_ids(root)
    builder.unique(field_list, "field id")
    steps = _dicts(root.get("steps"))
    builder.unique(((str(s.get("id")), s.line, f"steps[{n}].id") for n, s in enumerate(steps)), "step id")
    fields = {ident for ident, _, _ in field_list}
    computed = _computed(builder, root, fields)
    names = fields | {c.id for c in computed}
    version = form["version"] if isinstance(form.get("version"), int) else 1
    spec = FormSpec(
        id=str(form.get("id")),
        version=version,
        title=_tri(form.get("title")),
        help=_tri(form["help"]) if "help" in form else None,
        steps=tuple(builder.step(s, f"steps[{n}]", names) for n, s in enumerate(steps)),
        checks=_checks(builder, root, names, fields),
        computed=computed,
        migrations=_migrations(builder, form, version),
        path=path,
    )
    top_level = {f.id: f for _, f in spec.fields()}
    spec = replace(spec, output=parse_output(builder, root.get("output"), top_level, names))
    _check_corpus(builder, root)
    for line, where, expr in builder.expressions:
        for problem in check_literal_codes(spec, expr):
            builder.problems.add(line, where, problem)
    return spec


def _line(problem: str) -> int:
    number = problem.split(":", 2)[1]
    return int(number) if number.isdigit() else 0


def _raise(problems: list[str], name: str) -> None:
    problems = sorted(problems, key=_line) if len({p.split(":", 1)[0] for p in problems}) == 1 else problems
    raise FormError(details="\n".join(problems), name=name, count=len(problems), first=problems[0])


def load_form(path: Path) -> FormSpec:
    """Load one form file; raise ``FormError`` listing every problem in it."""
    try:
        root = load_yaml(path)
    except YamlSyntaxError as exc:
        _raise([f"{path.name}:{exc.line}: syntax: {exc.problem}"], path.name)
    except (OSError, UnicodeDecodeError) as exc:
        _raise([f"{path.name}:0: file: cannot be read ({exc})"], path.name)
    if not isinstance(root, LineDict):
        _raise([f"{path.name}:1: file: expected a map with format, form and steps"], path.name)
    builder = _Builder(path)
    for line, where, message in schema_problems(root):
        builder.problems.add(line, where, message)
    spec = build_form(builder, root, path)
    if builder.problems:
        _raise(builder.problems.items, path.name)
    return spec


def form_files(folder: Path | None = None) -> list[Path]:
    return sorted((folder or bundled_dir("forms")).glob("*.yaml"))


def load_forms(folder: Path) -> dict[str, FormSpec]:
    """Every form of ``folder``; the problems of all files are reported together."""
    forms: dict[str, FormSpec] = {}
    problems: list[str] = []
    for path in form_files(folder):
        try:
            spec = load_form(path)
        except FormError as exc:
            problems.extend(exc.details.splitlines())
            continue
        if spec.id != path.stem:
            problems.append(f"{path.name}:1: form.id: {spec.id!r} must match the file name {path.stem!r}")
        forms[spec.id] = spec
    if problems:
        _raise(problems, folder.name)
    return forms


@cache
def bundled_forms() -> dict[str, FormSpec]:
    return load_forms(bundled_dir("forms"))


def get_form(form_id: str) -> FormSpec:
    """A bundled form by id; ``UnknownFormError`` names the forms there are."""
    forms = bundled_forms()
    if form_id not in forms:
        raise UnknownFormError(form=form_id, known=", ".join(sorted(forms)) or "-")
    return forms[form_id]
