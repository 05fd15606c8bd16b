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
from thbdesk.core.errors import (
    QualifyAnswersInvalidError,
    QualifyAnswersMissingError,
    QualifyFormError,
    QualifyFormMismatchError,
)
from thbdesk.core.forms.qualify import qualify
from thbdesk.core.forms.qualify_rules import bundled_rules
from thbdesk.core.i18n import _, current_language
from thbdesk.core.printable import printable
from thbdesk.core.search.types import without_bidi_controls

MAX_ANSWERS_BYTES = 5_000_000  # a filled form is a few kilobytes; anything this big is not one
ANSWERS_FORMAT = 1


def _configure(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "qualify",
        help=_("what a form's answers indicate under the law (decision support, not a qualification)"),
    )
    parser.add_argument("form", metavar="FORM")
    parser.add_argument("answers", metavar="ANSWERS.json", type=Path)
    parser.add_argument("--json", action="store_true", help=_("print JSON"))


def read_answers(path: Path, form: str) -> Mapping[str, object]:
    """The ``answers`` map of an answers file for ``form`` (the contract's format 1).

    Kept small and separate so the forms package's own reader can replace it.
    """
    name = str(path)
    if not path.is_file():
        raise QualifyAnswersMissingError(name=name)
    with path.open("rb") as handle:
        data = handle.read(MAX_ANSWERS_BYTES + 1)
    if len(data) > MAX_ANSWERS_BYTES:
        raise QualifyAnswersInvalidError(name=name)
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise QualifyAnswersInvalidError(details=str(exc), name=name) from exc
    if not isinstance(document, dict) or document.get("format") != ANSWERS_FORMAT:
        raise QualifyAnswersInvalidError(name=name)
    answers = document.get("answers")
    if not isinstance(answers, dict):
        raise QualifyAnswersInvalidError(name=name)
    found = document.get("form")
    if found != form:
        raise QualifyFormMismatchError(name=name, found=str(found), form=form)
    return answers


@command("qualify", _configure)
def qualify_command(args: argparse.Namespace) -> int:
    forms = bundled_rules().forms
    if args.form not in forms:
        raise QualifyFormError(form=args.form, forms=", ".join(forms))
    findings = qualify(read_answers(args.answers, args.form))
    if args.json:
        print(json.dumps({"form": args.form, **findings.to_json()}, ensure_ascii=False, indent=2))
        return 0
    for line in findings.describe(current_language()).splitlines():
        print(printable(without_bidi_controls(line)))
    return 0
