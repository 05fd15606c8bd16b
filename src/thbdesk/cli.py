"""``thbdesk``: no argument opens the window; subcommands use the same core services.

Exit codes: 0 ok, 2 bad input (message on stderr in the user's language), 1 unexpected.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from thbdesk import __version__
from thbdesk.commands.registry import COMMANDS
from thbdesk.core import i18n
from thbdesk.core.errors import BadInputError, ThbError, UnsupportedLanguageError, storage_error
from thbdesk.core.i18n import _
from thbdesk.core.logs import log_unexpected
from thbdesk.core.settings import load_settings


def build_parser() -> argparse.ArgumentParser:
    import thbdesk.commands  # noqa: F401  (registers the subcommands)

    parser = argparse.ArgumentParser(
        prog="thbdesk",
        description=_("Legal library and trilingual documents against trafficking in human beings."),
    )
    parser.add_argument("--version", action="version", version=f"thbdesk {__version__}")
    parser.add_argument("--ui-lang", choices=i18n.LANGUAGES, help=_("language of messages (ar, fr, en)"))
    if COMMANDS:
        sub = parser.add_subparsers(dest="command", metavar="COMMAND")
        for configure, _func in COMMANDS.values():
            configure(sub)
    return parser


def _choose_ui_language(argv: Sequence[str]) -> ThbError | None:
    """Pick the message language before argparse prints anything: flag, then env, then settings.

    Returns the settings problem, if any, for the caller to print once the language is set (so it
    is told in the ``--ui-lang`` language). An unknown choice is reported in the settings language.
    """
    settings, problem = load_settings()
    i18n.set_language(settings.language)
    lang = os.environ.get("THBDESK_LANG") or settings.language
    for index, arg in enumerate(argv):
        if arg == "--ui-lang" and index + 1 < len(argv):
            lang = argv[index + 1]
        elif arg.startswith("--ui-lang="):
            lang = arg.split("=", 1)[1]
    if lang not in i18n.LANGUAGES:
        raise UnsupportedLanguageError(lang=lang)
    i18n.set_language(lang)
    return problem


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        problem = _choose_ui_language(args_list)
        if problem is not None:
            print(problem.terminal_message(), file=sys.stderr)
        args = build_parser().parse_args(args_list)
        if getattr(args, "command", None) is None:
            from thbdesk.ui.app import run  # Qt is imported only when the window is wanted

            return run([sys.argv[0]])
        return COMMANDS[args.command][1](args)
    except BadInputError as error:
        print(error.terminal_message(), file=sys.stderr)
        return 2
    except ThbError as error:
        print(error.terminal_message(), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head`: the reader left, nothing went wrong
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:  # a full disk or a read-only folder anywhere is the user's to fix
        error = storage_error(exc, exc.filename or "")
        if error is None:
            log_unexpected(*sys.exc_info())  # type: ignore[arg-type]
            print(
                _("An unexpected error occurred. A technical report was written to the log."), file=sys.stderr
            )
            return 1
        print(error.terminal_message(), file=sys.stderr)
        return 2
    except Exception:
        log_unexpected(*sys.exc_info())  # type: ignore[arg-type]
        print(_("An unexpected error occurred. A technical report was written to the log."), file=sys.stderr)
        return 1
