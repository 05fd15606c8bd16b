"""The register passphrase at the command line: a hidden prompt, or the first line of a file for scripts.

A passphrase never comes from an argument: it would stay in the shell history and be visible to
every user in the process list.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from thbdesk.core.errors import (
    PassphraseFileError,
    PassphraseMismatchError,
    PassphraseNeededError,
    PassphraseTooShortError,
)
from thbdesk.core.i18n import _
from thbdesk.core.printable import printable
from thbdesk.core.register.store import MIN_PASSPHRASE

_FILE_LIMIT = 4096


def add_passphrase_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        type=Path,
        help=_("read the register passphrase from the first line of FILE (for scripts)"),
    )


def passphrase_from_file(path: Path) -> str:
    """The first line, without its line end; a file others may read is used, with a warning."""
    try:
        if not path.is_file():
            raise PassphraseFileError(path=str(path))
        with path.open("rb") as handle:
            head = handle.read(_FILE_LIMIT)
        mode = path.stat().st_mode
    except OSError as exc:
        raise PassphraseFileError(details=str(exc), path=str(path)) from exc
    try:
        line = head.decode("utf-8-sig").splitlines()[0] if head else ""
    except UnicodeDecodeError as exc:
        raise PassphraseFileError(details=str(exc), path=str(path)) from exc
    if not line:
        raise PassphraseFileError(path=str(path))
    if os.name == "posix" and mode & 0o077:
        warning = _("warning: {path} can be read by other users; make it private (chmod 600 {path}).")
        print(warning.format(path=printable(str(path))), file=sys.stderr)
    return line


def _prompt(text: str) -> str:
    try:
        return getpass.getpass(text)
    except EOFError:
        raise PassphraseNeededError() from None


def ask_passphrase(args: argparse.Namespace) -> str:
    """For opening the register: the file if given, else a hidden prompt."""
    path: Path | None = getattr(args, "passphrase_file", None)
    if path is not None:
        return passphrase_from_file(path)
    passphrase = _prompt(_("Register passphrase: "))
    if not passphrase:
        raise PassphraseNeededError()
    return passphrase


def new_passphrase(args: argparse.Namespace) -> str:
    """For creating the register: asked twice at the prompt, and long enough either way."""
    path: Path | None = getattr(args, "passphrase_file", None)
    if path is not None:
        passphrase = passphrase_from_file(path)
    else:
        passphrase = _prompt(
            _("Choose a register passphrase (at least {count} characters): ").format(count=MIN_PASSPHRASE)
        )
        if len(passphrase) >= MIN_PASSPHRASE and _prompt(_("Type it again: ")) != passphrase:
            raise PassphraseMismatchError()
    if len(passphrase) < MIN_PASSPHRASE:
        raise PassphraseTooShortError(min=MIN_PASSPHRASE)
    return passphrase


def passphrase_if_possible(args: argparse.Namespace) -> str | None:
    """For commands that only add to the register (``generate``): the file, a prompt when a person is
    at the terminal, else None — a script without a passphrase file must not hang on a prompt."""
    if getattr(args, "passphrase_file", None) is not None or sys.stdin.isatty():
        return ask_passphrase(args)
    return None
