"""What every subcommand prints the same way: notices on stderr, names escaped."""

from __future__ import annotations

import sys
from collections.abc import Iterable

from thbdesk.core.errors import ThbError


def print_notices(notices: Iterable[ThbError]) -> None:
    """What the library repaired or could not open: on stderr, so JSON on stdout stays valid."""
    for notice in notices:
        print(notice.terminal_message(), file=sys.stderr)


def print_error(error: ThbError) -> None:
    print(error.terminal_message(), file=sys.stderr)
