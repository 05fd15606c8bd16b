"""The table of subcommands. Its own module so that ``cli`` → ``commands`` has no way back."""

from __future__ import annotations

import argparse
from collections.abc import Callable

Command = Callable[[argparse.Namespace], int]
Configure = Callable[[argparse._SubParsersAction], None]
COMMANDS: dict[str, tuple[Configure, Command]] = {}


def command(name: str, configure: Configure) -> Callable[[Command], Command]:
    """Register a subcommand: ``configure`` adds its parser, the decorated function runs it."""

    def register(func: Command) -> Command:
        COMMANDS[name] = (configure, func)
        return func

    return register
