"""The statistics CSV for the national commission: counts only, small cells hidden, safe in a spreadsheet.

Shape: one long table ``dimension,value,count`` (a ``total`` row first, then one block per dimension:
month, form, border post, nationality, sex, age group, exploitation type). Every dimension is a
separate marginal count, never a cross-tabulation: crossing seven dimensions would make almost every
cell smaller than five, so nearly everything would be hidden; a reader filters on ``dimension`` in
Excel or LibreOffice to get one table. Values are the register's codes (``MA``, ``F``, ``18-24``),
never names or references, and a missing answer counts as ``unknown`` so each block adds up.

Suppression: a count of 1 to 4 is written ``<5``. Because each block (except exploitation, where
one person may have several types) adds up to the total, a single hidden cell could be recomputed
as total minus the others; so in a block where only one cell is hidden, or the hidden cells could
only all be 1, the smallest shown cells are hidden too (secondary suppression). A total under 5
hides everything. Blocks are independent marginals, so no block can be recovered from another.

Formula injection: a field starting with ``= + - @``, a tab or a carriage return is prefixed with
``'``, which spreadsheets show as text instead of running a formula (OWASP's advice).
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from thbdesk.core.atomic import write_bytes_atomic, write_new_atomic
from thbdesk.core.register.stats import StatsRecord

DIMENSIONS = ("month", "form", "border_post", "nationality", "sex", "age_group", "exploitation")
MIN_CELL = 5
HIDDEN = "<5"
UNKNOWN = "unknown"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """A field a spreadsheet would run as a formula, made plain text.

    >>> neutralise("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> neutralise("Tanger Med")
    'Tanger Med'
    """
    return "'" + text if text.startswith(_FORMULA_START) else text


def _values(raw: str | tuple[str, ...]) -> tuple[str, ...]:
    """One value, several (exploitation types), or none (``unknown``)."""
    if isinstance(raw, str):
        return (raw.strip() or UNKNOWN,)
    found = tuple(dict.fromkeys(item.strip() for item in raw if item.strip()))
    return found or (UNKNOWN,)


def count(records: Iterable[StatsRecord]) -> tuple[int, dict[str, Counter[str]]]:
    """The total and, for each dimension, how many records have each value."""
    total = 0
    blocks: dict[str, Counter[str]] = {name: Counter() for name in DIMENSIONS}
    for record in records:
        total += 1
        for name in DIMENSIONS:
            blocks[name].update(_values(getattr(record, name)))
    return total, blocks


def hidden_cells(counts: Counter[str], total: int) -> set[str]:
    """The values whose count must not be shown: small ones, then enough others that none can be
    recomputed from the block's total (see the module docstring)."""
    if total < MIN_CELL:
        return set(counts)
    hidden = {value for value, n in counts.items() if n < MIN_CELL}
    shown = sorted((n, value) for value, n in counts.items() if value not in hidden)
    while hidden and shown and (len(hidden) == 1 or sum(counts[v] for v in hidden) == len(hidden)):
        hidden.add(shown.pop(0)[1])
    return hidden


def stats_rows(records: Iterable[StatsRecord]) -> list[tuple[str, str, str]]:
    """``(dimension, value, count)`` rows, suppressed and neutralised, in a stable order."""
    total, blocks = count(records)
    rows = [("total", "all", str(total) if total >= MIN_CELL else HIDDEN)]
    for name in DIMENSIONS:
        counts = blocks[name]
        hidden = hidden_cells(counts, total)
        for value in sorted(counts):
            shown = HIDDEN if value in hidden else str(counts[value])
            rows.append((name, neutralise(value), shown))
    return rows


def stats_csv(records: Iterable[StatsRecord]) -> str:
    """The CSV text (``\\r\\n`` line ends, as spreadsheets expect); see ``stats_bytes`` for the file."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(("dimension", "value", "count"))
    writer.writerows(stats_rows(records))
    return buffer.getvalue()


def stats_bytes(records: Iterable[StatsRecord]) -> bytes:
    """UTF-8 with a byte-order mark: without it Excel on Windows reads a CSV in the local ANSI code
    page and Arabic values turn to gibberish; LibreOffice and Python's ``utf-8-sig`` accept it."""
    return stats_csv(records).encode("utf-8-sig")


def write_stats(records: Iterable[StatsRecord], out: Path, overwrite: bool = False) -> None:
    """Written atomically; an existing file is replaced only when asked (``FileExistsError`` else)."""
    data = stats_bytes(records)
    if overwrite:
        write_bytes_atomic(out, data)
    else:
        write_new_atomic(out, data)
