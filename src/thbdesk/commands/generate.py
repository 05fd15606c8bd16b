"""``thbdesk generate FORM --answers FILE.json --out DIR``: the form's documents from the shell.

Prints one written path per line (what scripts read); a problem with the answers is a warning on
stderr, since an unanswered place prints "—" and the officer may still need the paper now.

When a register exists, the documents are also recorded in it (their bytes, encrypted) and the files
written to ``--out`` are logged as an export. The register is opened before anything is written, so
a wrong passphrase costs nothing; without a passphrase (a script with no ``--passphrase-file``) the
files are still written and stderr says the register was not updated.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from thbdesk.commands.forms import form_or_file, print_form_error
from thbdesk.commands.passphrase import add_passphrase_option, passphrase_if_possible
from thbdesk.commands.register import daily_backup
from thbdesk.commands.registry import command
from thbdesk.core.docgen.model import LAYOUTS
from thbdesk.core.docgen.service import GenerateRequest, generate
from thbdesk.core.errors import AnswersWrongFormError, FormError, UnsupportedLanguageError
from thbdesk.core.forms.answers import read_answers
from thbdesk.core.forms.engine import Interview
from thbdesk.core.i18n import LANGUAGES, _
from thbdesk.core.printable import printable
from thbdesk.core.register.records import generation_record
from thbdesk.core.register.store import Register
from thbdesk.core.settings import load_settings


def _configure(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("generate", help=_("write a form's documents (PDF, DOCX) from its answers"))
    parser.add_argument("form", metavar="FORM", help=_("form id, or the path of a form file"))
    parser.add_argument("--answers", metavar="FILE.json", type=Path, required=True)
    parser.add_argument("--out", metavar="DIR", type=Path, required=True, help=_("folder to write to"))
    parser.add_argument("--format", default="pdf,docx", help=_("pdf, docx or pdf,docx (default)"))
    parser.add_argument("--layout", default="parallel", choices=LAYOUTS)
    parser.add_argument(
        "--langs", default="ar,fr,en", help=_("document languages, e.g. ar,fr (default ar,fr,en)")
    )
    parser.add_argument("--force", action="store_true", help=_("replace files that already exist"))
    add_passphrase_option(parser)


def _codes(text: str) -> tuple[str, ...]:
    return tuple(part.strip().lower() for part in text.split(",") if part.strip())


@command("generate", _configure)
def generate_command(args: argparse.Namespace) -> int:
    try:
        spec = form_or_file(args.form)
    except FormError as error:
        return print_form_error(error)
    answers = read_answers(args.answers)
    if answers.form != spec.id:
        raise AnswersWrongFormError(name=args.answers.name, found=answers.form, expected=spec.id)
    langs = _codes(args.langs)
    for lang in langs:
        if lang not in LANGUAGES:
            raise UnsupportedLanguageError(lang=lang)
    request = GenerateRequest(_codes(args.format), args.layout, langs, overwrite=args.force)
    request.check()
    errors = sum(problem.level == "error" for problem in Interview(spec, answers).problems())
    if errors:
        message = _("warning: the answers have {count} problem(s) ('thbdesk validate' lists them).")
        print(message.format(count=errors), file=sys.stderr)
    register = _open_register(args)
    try:
        paths = generate(spec, answers, args.out, request)
        for path in paths:
            print(printable(str(path)))
        if register is not None:
            officer = load_settings()[0].officer.name
            record = generation_record(
                spec, answers, request.langs, request.layout, paths, fallback_author=officer
            )
            register.add_document(record)
            daily_backup(register)
    finally:
        if register is not None:
            register.close()
    return 0


def _open_register(args: argparse.Namespace) -> Register | None:
    if not Register.exists():
        return None
    passphrase = passphrase_if_possible(args)
    if passphrase is None:
        message = _("The register was not updated: give --passphrase-file FILE to record these documents.")
        print(message, file=sys.stderr)
        return None
    return Register.open(passphrase)
