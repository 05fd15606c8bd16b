"""``thbdesk texts``, ``thbdesk import``, ``thbdesk remove``: the legal library from the shell."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from thbdesk.commands.output import print_error, print_notices
from thbdesk.commands.registry import command
from thbdesk.core.errors import BadInputError
from thbdesk.core.i18n import LANGUAGES, _, current_language
from thbdesk.core.legal.library import Library
from thbdesk.core.legal.loader import bundled_corpus
from thbdesk.core.printable import printable

LOG_EVERY = 10  # percent between two progress lines when stderr is a log, not a terminal


class StderrProgress:
    """A one-line progress bar on stderr, redrawn in place; a log (not a terminal) gets one line per 10 %."""

    def __init__(self) -> None:
        self.interactive = sys.stderr.isatty()
        self._logged = -LOG_EVERY

    def step(self, done: int, total: int, message: str) -> None:
        percent = 100 * done // max(total, 1)
        if not self.interactive and percent < 100 and percent < self._logged + LOG_EVERY:
            return
        self._logged = percent - percent % LOG_EVERY
        width = 24
        filled = width * done // max(total, 1)
        line = f"[{'#' * filled}{'.' * (width - filled)}] {percent:3d}% {printable(message)}"
        if not self.interactive:
            print(line, file=sys.stderr, flush=True)
            return
        end = "\n" if done >= total else ""
        print(f"\r{line}", end=end, file=sys.stderr, flush=True)

    def cancelled(self) -> bool:
        return False


def _configure_texts(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("texts", help=_("list the bundled and imported texts"))
    parser.add_argument("--json", action="store_true", help=_("print JSON"))


def _configure_import(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("import", help=_("import official publications (PDF, DOCX, HTML, TXT)"))
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    parser.add_argument("--instrument", help=_("official number of the text, e.g. 27-14"))
    parser.add_argument("--lang", choices=LANGUAGES, help=_("language of the publication"))


def _configure_remove(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("remove", help=_("remove an imported text"))
    parser.add_argument("text_id", metavar="ID")


def _listing() -> list[dict[str, Any]]:
    lang = current_language()
    rows: list[dict[str, Any]] = [
        {
            "id": i.id,
            "kind": i.kind,
            "title": i.title.get(lang),
            "provisions": len(i.provisions),
            "unplaced": len(i.unplaced),
            "source": "summary",
        }
        for i in bundled_corpus().instruments
    ]
    library = Library(bundled_corpus())
    for text in library.texts():
        rows.append(
            {
                "id": text.id,
                "kind": "imported",
                "instrument": text.instrument,
                "title": text.filename,
                "lang": text.lang,
                "provisions": text.article_count,
                "aligned": len(text.aligned),
                "source": "official",
            }
        )
    print_notices(library.notices)
    return rows


@command("texts", _configure_texts)
def texts(args: argparse.Namespace) -> int:
    rows = _listing()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        where = f" → {row['instrument']}" if "instrument" in row else ""
        title = printable(str(row["title"]))
        print(f"{row['id']:<18} {row['kind']:<11} {row['provisions']:>4}  {title}{where}")
    return 0


@command("import", _configure_import)
def import_texts(args: argparse.Namespace) -> int:
    """Each file is reported on its own line; a bad one does not stop the rest. Exit 2 if any failed."""
    library = Library(bundled_corpus())
    failed = 0
    for path in args.paths:
        try:
            report = library.import_file(
                path, instrument=args.instrument, lang=args.lang, progress=StderrProgress()
            )
        except BadInputError as error:
            failed += 1
            print_error(error)
            continue
        print(printable(report.summary()))
        for warning in report.warnings:
            print(printable(_("Warning: {warning}").format(warning=warning)), file=sys.stderr)
    print_notices(library.notices)
    if failed and len(args.paths) > 1:
        print(
            _("Files not imported: {failed} of {total}.").format(failed=failed, total=len(args.paths)),
            file=sys.stderr,
        )
    return 2 if failed else 0


@command("remove", _configure_remove)
def remove_text(args: argparse.Namespace) -> int:
    library = Library(bundled_corpus())
    try:
        removed = library.remove(args.text_id)
    finally:
        print_notices(library.notices)
    print(_("{name} was removed from the library.").format(name=printable(removed.filename)))
    return 0
