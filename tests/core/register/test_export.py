"""The statistics CSV the national commission receives: no small cell, nothing a spreadsheet would run."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from thbdesk.core.register.export import hidden_cells, stats_bytes, stats_csv, write_stats
from thbdesk.core.register.stats import StatsRecord

BASE = StatsRecord("2026-03", "referral", "TNG-MED", "NG", "F", "18-24", ("sexual",))


def Rec(**changes: object) -> StatsRecord:
    return replace(BASE, **changes)


def _fixture() -> list[Rec]:
    """Large counts, small counts and hostile values side by side."""
    records = [Rec() for _ in range(40)]
    records += [Rec(month="2026-04", nationality="CM", sex="M", age_group="25-34") for _ in range(12)]
    records += [Rec(border_post='=HYPERLINK("http://evil.example","clic")') for _ in range(3)]
    records += [Rec(nationality="+SN", exploitation=("-forced_labour", "@begging")) for _ in range(2)]
    records += [Rec(border_post="\tcmd", sex="\rX", age_group="0-17", month="2026-05")]
    records += [Rec(border_post="باب سبتة", nationality="") for _ in range(7)]
    return records


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_no_cell_below_five_is_written() -> None:
    rows = _rows(stats_csv(_fixture()))[1:]
    counts = [row[2] for row in rows]
    assert counts and all(c == "<5" or int(c) >= 5 for c in counts)
    assert "<5" in counts and "52" in counts


def test_no_field_starts_like_a_formula() -> None:
    text = stats_csv(_fixture())
    for row in _rows(text):
        for field in row:
            assert not field.startswith(("=", "+", "-", "@", "\t", "\r")), field
    assert "'=HYPERLINK(" in text  # kept as text, readable, not dropped


def test_rows_count_by_dimension_and_value() -> None:
    rows = {(d, v): c for d, v, c in _rows(stats_csv(_fixture()))[1:]}
    assert rows[("total", "all")] == "65"
    assert rows[("month", "2026-03")] == "52"
    assert rows[("nationality", "CM")] == "12"
    assert ("nationality", "unknown") in rows  # a missing answer is counted, so each block adds up
    assert rows[("border_post", "باب سبتة")] == "7"


def test_a_single_hidden_cell_cannot_be_recomputed_from_the_total() -> None:
    # month: 52, 12 and 1 → "1" alone hidden would be 65 - 52 - 12; the 12 is hidden too
    rows = {(d, v): c for d, v, c in _rows(stats_csv(_fixture()))[1:]}
    assert rows[("month", "2026-05")] == "<5"
    assert rows[("month", "2026-04")] == "<5"
    assert rows[("month", "2026-03")] == "52"


def test_hidden_cells_all_ones_are_not_left_alone() -> None:
    counts = {"a": 1, "b": 1, "c": 9, "d": 20}
    from collections import Counter

    assert hidden_cells(Counter(counts), 31) == {"a", "b", "c"}
    assert hidden_cells(Counter({"a": 2, "b": 3, "c": 9}), 14) == {"a", "b"}


def test_a_total_under_five_hides_everything() -> None:
    rows = _rows(stats_csv([Rec(), Rec(sex="M")]))[1:]
    assert {row[2] for row in rows} == {"<5"}


def test_no_name_or_reference_can_reach_the_file() -> None:
    @dataclass(frozen=True)
    class WithPersonal(StatsRecord):
        reference: str = "TNG1-2026-0042"
        name: str = "Amina Benali"

    text = stats_csv([WithPersonal(*vars(BASE).values()) for _ in range(6)])
    assert "TNG1-2026-0042" not in text and "Amina" not in text


def test_file_has_a_bom_so_excel_reads_arabic(tmp_path: Path) -> None:
    data = stats_bytes(_fixture())
    assert data.startswith(b"\xef\xbb\xbf")
    assert "باب سبتة" in data.decode("utf-8-sig")
    out = tmp_path / "stats.csv"
    write_stats(_fixture(), out)
    assert out.read_bytes() == data
    with pytest.raises(FileExistsError):
        write_stats([], out)
    assert out.read_bytes() == data
