"""CLI subcommands; importing this package registers them in ``thbdesk.commands.registry``."""

from thbdesk.commands import forms as forms
from thbdesk.commands import generate as generate
from thbdesk.commands import library as library
from thbdesk.commands import qualify as qualify
from thbdesk.commands import register as register
from thbdesk.commands import search as search
