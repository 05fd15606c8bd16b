"""CLI subcommands; importing this package registers them with ``thbdesk.cli``."""

from thbdesk.commands import library as library
from thbdesk.commands import search as search
