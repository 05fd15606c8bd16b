"""``thbdesk search``: the library's search from the shell, with the JSON contract of DESIGN.md."""

from __future__ import annotations

import argparse
import json
import sys

from thbdesk.commands.output import print_notices
from thbdesk.commands.registry import command
from thbdesk.core.errors import LimitOutOfRangeError
from thbdesk.core.i18n import LANGUAGES, _, current_language
from thbdesk.core.legal.model import Corpus
from thbdesk.core.printable import printable
from thbdesk.core.search.labels import SEPARATOR, hit_label, provision_label, status_badge
from thbdesk.core.search.searcher import Filters, SearchResults, TermDefinition, default_search
from thbdesk.core.search.types import without_bidi_controls

MAX_LIMIT = 1000


def _configure(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("search", help=_("search the legal texts"))
    parser.add_argument("query", metavar="QUERY")
    parser.add_argument("--lang", choices=LANGUAGES, help=_("language of the results"))
    parser.add_argument("--instrument", action="append", default=[], help=_("only this text, e.g. 27-14"))
    parser.add_argument("--limit", type=int, default=10, help=_("number of results (default 10)"))
    parser.add_argument("--json", action="store_true", help=_("print JSON"))


@command("search", _configure)
def search(args: argparse.Namespace) -> int:
    if not 1 <= args.limit <= MAX_LIMIT:
        raise LimitOutOfRangeError(max=MAX_LIMIT)
    filters = Filters(instruments=tuple(i.replace(".", "-") for i in args.instrument))
    engine = default_search()
    results = engine.search(
        args.query, lang=args.lang, filters=filters, limit=args.limit, ui_lang=current_language()
    )
    print_notices(engine.library.notices)
    if results.corrected:
        print(
            _("No result for «{query}». Showing results for «{corrected}».").format(
                query=printable(args.query), corrected=printable(results.corrected)
            ),
            file=sys.stderr,
        )
    if args.json:
        print(json.dumps([hit.to_json() for hit in results.hits], ensure_ascii=False, indent=2))
        return 0
    if not results.hits:
        print(_("No result."), file=sys.stderr)
    _print_plain(results, engine.corpus)
    return 0


def _print_plain(results: SearchResults, corpus: Corpus) -> None:
    """The definition first, then each hit named by its text and kind, with its status."""
    lang = current_language()
    shown = results.definition.key if results.definition else None
    if results.definition:
        _print_definition(results.definition, corpus, lang)
    for hit in results.hits:
        if hit.key == shown:
            continue  # already shown as the definition
        print(_plain(f"{hit_label(hit, corpus, lang)}{SEPARATOR}[{status_badge(hit.status, lang)}]"))
        named = hit.title in hit_label(hit, corpus, hit.lang) or hit.title.strip() in hit.snippet
        if hit.title and not named:
            print(f"    {_plain(hit.title)}")
        print(f"    {_plain(' '.join(hit.snippet.split()))}")


def _plain(text: str) -> str:
    """Our isolates are for widgets; a terminal gets plain text, anything hostile escaped."""
    return printable(without_bidi_controls(text))


def _print_definition(definition: TermDefinition, corpus: Corpus, lang: str) -> None:
    others = " / ".join(definition.terms[x] for x in LANGUAGES if x != lang)
    print(_plain(_("Definition: {term} ({others})").format(term=definition.terms[lang], others=others)))
    if definition.meaning[lang]:
        print(f"    {_plain(definition.meaning[lang])}")
    if definition.provision:
        see = _("See {provision}").format(provision=provision_label(corpus, definition.provision, lang))
        print(f"    {_plain(see)}")
    print()
