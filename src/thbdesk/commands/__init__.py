"""CLI subcommands; importing this package registers them with ``thbdesk.cli``."""

from thbdesk.commands import library as library
