"""``thbdesk forms``, ``thbdesk form-schema``, ``thbdesk validate``: the guided forms from the shell.

FORM is a bundled form's id (``referral``) or the path of a form file being edited
(``forms/referral.yaml``), so a legal officer can check a change before it ships.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from thbdesk.commands.registry import command
from thbdesk.core.errors import FormError
from thbdesk.core.forms.answers import read_answers
from thbdesk.core.forms.engine import Interview, Problem
from thbdesk.core.forms.expressions import Expression
from thbdesk.core.forms.loader import bundled_forms, get_form, load_form
from thbdesk.core.forms.model import Choice, Field, FormSpec, Step
from thbdesk.core.forms.references import offered_indicators
from thbdesk.core.i18n import _, current_language
from thbdesk.core.legal.model import Tri
from thbdesk.core.printable import printable
from thbdesk.core.search.types import without_bidi_controls


def _safe(text: str) -> str:
    """Our own bidi isolates dropped, anything else from outside escaped."""
    return printable(without_bidi_controls(text))


def _configure_forms(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("forms", help=_("list the guided forms"))
    parser.add_argument("--json", action="store_true", help=_("print JSON"))


def _configure_schema(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("form-schema", help=_("show a form's steps, fields and choices"))
    parser.add_argument("form", metavar="FORM", help=_("form id, or the path of a form file"))
    parser.add_argument("--json", action="store_true", help=_("print JSON"))


def _configure_validate(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("validate", help=_("check an answers file against its form"))
    parser.add_argument("form", metavar="FORM", help=_("form id, or the path of a form file"))
    parser.add_argument("answers", metavar="ANSWERS.json", type=Path)
    parser.add_argument("--json", action="store_true", help=_("print JSON"))


def print_form_error(error: FormError) -> int:
    """Every problem of the file, one per line, so they can all be fixed in one go."""
    print(error.terminal_message(), file=sys.stderr)
    for line in error.details.splitlines():
        print(_safe(line), file=sys.stderr)
    return 2


def form_or_file(name: str) -> FormSpec:
    """A bundled form by id, or a form file by path (for officers trying an edited form)."""
    path = Path(name)
    if path.suffix in (".yaml", ".yml") and path.is_file():
        return load_form(path)
    return get_form(name)


@command("forms", _configure_forms)
def forms(args: argparse.Namespace) -> int:
    try:
        specs = bundled_forms()
    except FormError as error:
        return print_form_error(error)
    lang = current_language()
    rows = [
        {"id": s.id, "version": s.version, "title": s.title.get(lang), "steps": len(s.steps)}
        for s in specs.values()
    ]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print(_("No form is installed."), file=sys.stderr)
    for row in rows:
        steps = _("Steps: {count}").format(count=row["steps"])
        print(f"{row['id']}\tv{row['version']}\t{row['title']}\t{steps}")
    return 0


def _tri(text: Tri | None) -> dict[str, str] | None:
    return {lang: text.get(lang) for lang in ("ar", "fr", "en")} if text else None


def _source(value: object) -> object:
    return value.source if isinstance(value, Expression) else value


def _choices(options: tuple[Choice, ...]) -> list[dict[str, Any]]:
    return [{"code": c.code, "label": _tri(c.label)} for c in options]


def _field(item: Field) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": item.id,
        "type": item.type,
        "label": _tri(item.label),
        "required": _source(item.required),
    }
    optional = {
        "help": _tri(item.help),
        "show_if": _source(item.show_if),
        "min": _source(item.validation.min),
        "max": _source(item.validation.max),
        "pattern": item.validation.pattern,
        "max_length": item.validation.max_length,
        "min_items": item.validation.min_items,
        "max_items": item.validation.max_items,
        "choices": _choices(item.choices) or None,
        "fields": [_field(f) for f in item.fields] or None,
        "consent": {part: _choices(options) for part, options in item.consent.items()} or None,
        "indicators": list(offered_indicators(item)) if item.type == "indicators" else None,
    }
    data.update({k: v for k, v in optional.items() if v is not None})
    return data


def _step(step: Step) -> dict[str, Any]:
    data = {"id": step.id, "title": _tri(step.title), "provisions": list(step.provisions)}
    if step.show_if:
        data["show_if"] = step.show_if.source
    return {**data, "fields": [_field(f) for f in step.fields]}


def form_structure(spec: FormSpec) -> dict[str, Any]:
    """The form as scripts see it: steps, fields with types, codes with their labels, requiredness."""
    return {
        "id": spec.id,
        "version": spec.version,
        "title": _tri(spec.title),
        "steps": [_step(s) for s in spec.steps],
        "checks": [
            {"id": c.id, "level": c.level, "fields": list(c.fields), "assert": c.assert_.source}
            for c in spec.checks
        ],
        "computed": [{"id": c.id, "expr": c.expr.source} for c in spec.computed],
    }


@command("form-schema", _configure_schema)
def form_schema(args: argparse.Namespace) -> int:
    try:
        spec = form_or_file(args.form)
    except FormError as error:
        return print_form_error(error)
    if args.json:
        print(json.dumps(form_structure(spec), ensure_ascii=False, indent=2))
        return 0
    lang = current_language()
    print(f"{spec.id} v{spec.version}: {spec.title.get(lang)}")
    for step in spec.steps:
        print(f"\n[{step.id}] {step.title.get(lang)}")
        for item in step.fields:
            mark = "*" if item.required is True else "?" if isinstance(item.required, Expression) else " "
            print(f"  {mark} {item.id} ({item.type}): {item.label.get(lang)}")
    return 0


def _problem_json(problem: Problem, lang: str) -> dict[str, Any]:
    return {
        "field": problem.field_id,
        "where": problem.where,
        "level": problem.level,
        "step": problem.step_id,
        "check": problem.check_id,
        "message": without_bidi_controls(problem.text(lang)),
    }


@command("validate", _configure_validate)
def validate(args: argparse.Namespace) -> int:
    try:
        spec = form_or_file(args.form)
    except FormError as error:
        return print_form_error(error)
    interview = Interview(spec, read_answers(args.answers))
    problems = interview.problems()
    lang = current_language()
    errors = sum(p.level == "error" for p in problems)
    if args.json:
        print(json.dumps([_problem_json(p, lang) for p in problems], ensure_ascii=False, indent=2))
        return 2 if errors else 0
    for problem in problems:
        where = problem.where or problem.check_id or spec.id
        text = (
            problem.text(lang)
            if problem.level == "error"
            else _("warning: {message}").format(message=problem.text(lang))
        )
        print(_safe(f"{where}: {text}"))
    if not problems:
        print(_("No problem found: the answers are complete."))
    else:
        summary = _("Errors: {errors}. Warnings: {warnings}.")
        print(summary.format(errors=errors, warnings=len(problems) - errors), file=sys.stderr)
    return 2 if errors else 0
