"""Two processes importing at once lose nothing (the JSON manifest lost 3 texts of 40 this way)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .store_helpers import assert_consistent, child, library, publication

ROUNDS = 20


def test_two_processes_importing_at_once_lose_no_text(tmp_path: Path) -> None:
    """Each process imports 20 files one by one; both start on a fresh library, so the first open,
    the schema creation and every import race."""
    batches = [[str(publication(tmp_path, 100 * p + n)) for n in range(ROUNDS)] for p in (1, 2)]
    processes = [child("none", "import", *batch) for batch in batches]
    for process in processes:
        _, err = process.communicate(timeout=240)  # wait() with full pipes would hang
        assert process.returncode == 0, err.decode()
    lib = library()
    assert sorted(t.filename for t in lib.texts()) == sorted(Path(p).name for b in batches for p in b)
    assert lib.notices == []
    assert_consistent(lib)


def test_two_cli_imports_at_once_both_listed_every_round(tmp_path: Path) -> None:
    """`thbdesk import` run twice at once, 20 rounds: all 40 texts are listed afterwards."""
    env = {**os.environ}
    for round_ in range(ROUNDS):
        paths = [publication(tmp_path, 10 * round_ + p) for p in (1, 2)]
        commands = [[sys.executable, "-m", "thbdesk", "--ui-lang", "en", "import", str(p)] for p in paths]
        running = [
            subprocess.Popen(c, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for c in commands
        ]
        for process in running:
            out, err = process.communicate(timeout=120)
            assert process.returncode == 0, err.decode()
            assert b"2 articles imported" in out
    listed = subprocess.run(
        [sys.executable, "-m", "thbdesk", "texts", "--json"], env=env, capture_output=True, check=True
    )
    official = [row for row in json.loads(listed.stdout) if row["source"] == "official"]
    assert len(official) == 2 * ROUNDS


def test_the_same_file_imported_by_two_processes_is_stored_once(tmp_path: Path) -> None:
    source = str(publication(tmp_path, 1))
    processes = [child("none", "import", source) for _ in range(2)]
    for process in processes:
        _, err = process.communicate(timeout=120)
        assert process.returncode == 0, err.decode()
    lib = library()
    assert [t.filename for t in lib.texts()] == ["publication-1.txt"]
    assert_consistent(lib)


def test_two_processes_opening_a_damaged_catalogue_set_it_aside_once(tmp_path: Path) -> None:
    for n in range(3):
        library().import_file(publication(tmp_path, n))
    root = library().root
    (root / "catalogue.sqlite3").write_bytes(b"damaged" * 1000)
    for _round in range(3):
        processes = [child("none", "list") for _ in range(2)]
        results = [process.communicate(timeout=120) for process in processes]
        outputs = [out.decode() for out, _ in results]
        assert [p.returncode for p in processes] == [0, 0], [err.decode() for _, err in results]
        assert all(out.startswith("3 ") for out in outputs), outputs
        assert sum("LibraryDamagedNotice" in out for out in outputs) == 1
        (root / "catalogue.sqlite3").write_bytes(b"damaged again" * 1000)
    assert len(list(root.glob("catalogue.sqlite3.damaged-*"))) == 3, "no backup overwrites another"
