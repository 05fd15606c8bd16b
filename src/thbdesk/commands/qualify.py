"""``thbdesk qualify FORM ANSWERS.json [--json]``: the qualification helper's findings from the shell.

Decision support: each element of Penal Code 448-1, the aggravations that may apply with their tier,
article and penalties, and trafficking versus migrant smuggling; the prosecutor decides.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping
from pathlib import Path

from thbdesk.commands.registry import command
from thbdesk.core.errors import AnswersWrongFormError, QualifyFormError
from thbdesk.core.forms.answers import migrate, read_answers
from thbdesk.core.forms.loader import bundled_forms
from thbdesk.core.forms.qualify import qualify
from thbdesk.core.forms.qualify_rules import bundled_rules
from thbdesk.core.i18n import _, current_language
from thbdesk.core.printable import printable
from thbdesk.core.search.types import without_bidi_controls


def _configure(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "qualify",
        help=_("what a form's answers indicate under the law (decision support, not a qualification)"),
    )
    parser.add_argument("form", metavar="FORM")
    parser.add_argument("answers", metavar="ANSWERS.json", type=Path)
    parser.add_argument("--json", action="store_true", help=_("print JSON"))


def answers_for(path: Path, form: str) -> Mapping[str, object]:
    """The answers map of ``path``, which must hold answers to ``form``, brought to the form's version."""
    answers = read_answers(path)
    if answers.form != form:
        raise AnswersWrongFormError(name=path.name, found=answers.form, expected=form)
    spec = bundled_forms().get(form)
    return (migrate(answers, spec, path.name) if spec is not None else answers).answers


@command("qualify", _configure)
def qualify_command(args: argparse.Namespace) -> int:
    forms = bundled_rules().forms
    if args.form not in forms:
        raise QualifyFormError(form=args.form, forms=", ".join(forms))
    findings = qualify(answers_for(args.answers, args.form))
    if args.json:
        print(json.dumps({"form": args.form, **findings.to_json()}, ensure_ascii=False, indent=2))
        return 0
    for line in findings.describe(current_language()).splitlines():
        print(printable(without_bidi_controls(line)))
    return 0
