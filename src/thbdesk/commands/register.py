"""The register from the shell: ``register init``, ``register list``, ``audit verify``, ``stats``,
``backup`` and ``restore``. Each asks for the passphrase (hidden prompt or ``--passphrase-file``).

Nothing here prints a person's name unless the user asked for the list of documents; lists show
references, forms and dates, never file contents.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from thbdesk.commands.passphrase import add_passphrase_option, ask_passphrase, new_passphrase
from thbdesk.commands.registry import command
from thbdesk.core.errors import LimitOutOfRangeError, OutputExistsError, RegisterExistsError, StorageError
from thbdesk.core.i18n import N_, _
from thbdesk.core.printable import printable
from thbdesk.core.register.store import DocumentFilter, DocumentRow, Register, register_dir

_STATUSES = ("draft", "final", "cancelled")
MAX_LIST = 100_000
_AUDIT_REASONS = {"edited": N_("edited"), "deleted": N_("deleted"), "chain broken": N_("chain broken")}


@contextmanager
def opened(args: argparse.Namespace) -> Iterator[Register]:
    """The unlocked register; once the command succeeded, the day's automatic backup if none yet."""
    register = Register.open(ask_passphrase(args))
    try:
        yield register
        daily_backup(register)
    finally:
        register.close()


def daily_backup(register: Register) -> None:
    """A failed automatic backup (a full disk) must not fail the command the user asked for."""
    from thbdesk.core.register.backup import auto_backup

    try:
        auto_backup(register)
    except StorageError as error:
        warning = _("warning: the automatic backup of the register failed: {reason}")
        print(warning.format(reason=error.terminal_message()), file=sys.stderr)


# --- register init / list --------------------------------------------------------------------------


def _configure_register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("register", help=_("the encrypted register of drafts and documents"))
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    init = actions.add_parser("init", help=_("create the register and choose its passphrase"))
    add_passphrase_option(init)
    listing = actions.add_parser("list", help=_("list the registered documents (no file contents)"))
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    listing.add_argument("--text", default="", help=_("reference or person's name to look for"))
    listing.add_argument("--form", help=_("only this form"))
    listing.add_argument("--status", choices=_STATUSES, help=_("only this status"))
    listing.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help=_("created on or after"))
    listing.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help=_("created on or before"))
    listing.add_argument("--limit", type=int, default=200, help=_("at most this many rows (default 200)"))
    add_passphrase_option(listing)


@command("register", _configure_register)
def register_command(args: argparse.Namespace) -> int:
    return _init(args) if args.action == "init" else _list(args)


def _init(args: argparse.Namespace) -> int:
    if Register.exists():  # said before the prompts, not after two passphrases were typed
        raise RegisterExistsError(folder=str(register_dir()))
    register = Register.create(new_passphrase(args))
    folder = register.folder
    register.close()
    print(_("Register created in {folder}.").format(folder=printable(str(folder))))
    print(_("Keep the passphrase safe: without it nobody, not even you, can open the register."))
    return 0


def row_json(row: DocumentRow) -> dict[str, Any]:
    return {key: list(v) if isinstance(v, tuple) else v for key, v in dataclasses.asdict(row).items()}


def _list(args: argparse.Namespace) -> int:
    if not 1 <= args.limit <= MAX_LIST:
        raise LimitOutOfRangeError(max=MAX_LIST)
    filt = DocumentFilter(args.text, args.form, args.status, args.date_from, args.date_to, args.limit)
    with opened(args) as register:
        rows = register.documents(filt)
    if args.json:
        print(json.dumps([row_json(row) for row in rows], ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print(_("No document in the register matches."), file=sys.stderr)
    for row in rows:
        fields = (str(row.id), row.created_at, row.reference, row.form, row.status, ",".join(row.formats))
        print("\t".join(printable(field) for field in fields))
    return 0


# --- audit verify ----------------------------------------------------------------------------------


def _configure_audit(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("audit", help=_("check the register's audit log"))
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    verify = actions.add_parser("verify", help=_("report any edited or deleted audit row"))
    add_passphrase_option(verify)


@command("audit", _configure_audit)
def audit_command(args: argparse.Namespace) -> int:
    with opened(args) as register:
        problems = register.verify_audit()
        rows = len(register.audit_rows())
    if not problems:
        print(_("audit log intact: {count} rows").format(count=rows))
        return 0
    for problem in problems:
        reason = _(_AUDIT_REASONS.get(problem.reason, problem.reason))
        print(_("audit row {row}: {reason}").format(row=problem.row, reason=reason), file=sys.stderr)
    print(_("The audit log was altered: {count} problem(s).").format(count=len(problems)), file=sys.stderr)
    return 2


# --- stats / backup / restore ----------------------------------------------------------------------


def _configure_stats(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("stats", help=_("write the statistics CSV for the national commission"))
    parser.add_argument("--out", metavar="FILE.csv", type=Path, required=True)
    parser.add_argument("--force", action="store_true", help=_("replace the file if it exists"))
    add_passphrase_option(parser)


@command("stats", _configure_stats)
def stats_command(args: argparse.Namespace) -> int:
    from thbdesk.core.register.export import write_stats

    if args.out.exists() and not args.force:
        raise OutputExistsError(path=str(args.out))
    with opened(args) as register:
        try:
            write_stats(register.stats_records(), args.out, overwrite=args.force)
        except FileExistsError as exc:
            raise OutputExistsError(path=str(args.out)) from exc
        register.audit("export", "stats")
    print(printable(str(args.out)))
    return 0


def _configure_backup(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("backup", help=_("write an encrypted backup of the register"))
    parser.add_argument("out", metavar="OUT", type=Path, help=_("the backup file to create"))
    add_passphrase_option(parser)


@command("backup", _configure_backup)
def backup_command(args: argparse.Namespace) -> int:
    from thbdesk.core.register.backup import backup

    if args.out.exists() or args.out.is_symlink():
        raise OutputExistsError(path=str(args.out))
    with opened(args) as register:
        backup(register, args.out)
        register.audit("export", "backup")  # only once it exists: a failed backup exported nothing
    print(printable(str(args.out)))
    return 0


def _configure_restore(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("restore", help=_("replace the register by a backup, once it is checked"))
    parser.add_argument("archive", metavar="IN", type=Path, help=_("the backup file"))
    add_passphrase_option(parser)


@command("restore", _configure_restore)
def restore_command(args: argparse.Namespace) -> int:
    from thbdesk.core.register.backup import restore

    kept = restore(args.archive, ask_passphrase(args), register_dir())
    print(_("The register was restored from {name}.").format(name=printable(args.archive.name)))
    if kept is not None:
        print(_("The previous register was kept as {path}.").format(path=printable(str(kept))))
    return 0
