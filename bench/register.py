"""Register speed: autosave latency and search at 100,000 documents, encrypted vs plain SQLite.

    python bench/register.py [--docs 100000] [--saves 300] [--repeat 30]

Builds a register of ``--docs`` documents in one transaction through the register's own code
(terms, audit rows), then measures:
- autosave: one ``drafts().save`` of the referral example (one transaction, fsync'd) — p50/p95;
- search: name (Arabic and Latin, prefix), reference, form+status filter, and the plain newest list.
Goal: both p95 <= 50 ms. The baseline runs the same code on the stdlib ``sqlite3`` without
encryption, same schema and pragmas, in the same run: the ratio is the price of SQLCipher.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from thbdesk.core.forms.answers import Answers  # noqa: E402
from thbdesk.core.register import documents as docs  # noqa: E402
from thbdesk.core.register import drafts, schema  # noqa: E402
from thbdesk.core.register.db import CACHE_KIB  # noqa: E402
from thbdesk.core.register.store import DocumentFilter, DocumentRecord, Register  # noqa: E402

GOAL_MS = 50.0
FIRST = ["فاطمة", "زينب", "يوسف", "محمد", "أمينة", "Aminata", "Grace", "Youssef", "Mariam", "Blessing"]
LAST = ["المرابط", "الوزاني", "بنعلي", "التازي", "Diallo", "Okafor", "Traoré", "El Idrissi", "Koné", "Mensah"]
QUERIES: dict[str, DocumentFilter] = {
    "name (Arabic)": DocumentFilter(text="الوزاني زينب"),
    "name (Latin prefix)": DocumentFilter(text="okaf"),
    "reference": DocumentFilter(text="TNG2-26-004217"),
    "form + status": DocumentFilter(form="incident-report", status="final"),
    "newest 200": DocumentFilter(),
    # Worst case: a name shared by a tenth of the register, and a date range that excludes them all.
    "name + no-hit dates": DocumentFilter(text="okaf", date_to="2000-01-01"),
    "unknown name": DocumentFilter(text="zzzz"),
}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def fill(conn: Any, count: int) -> None:
    rng = random.Random(7)
    conn.execute("BEGIN IMMEDIATE")
    for i in range(count):
        names = (f"{rng.choice(FIRST)} {rng.choice(LAST)}",)
        form = rng.choice(["referral", "incident-report", "notice-of-rights"])
        rec = DocumentRecord(
            f"TNG2-26-{i:06d}",
            form,
            1,
            ("ar", "fr"),
            "parallel",
            "f" * 16,
            "officer",
            {"pdf": b"%PDF" * 50},
            person_names=names,
        )
        doc_id = docs.add(conn, rec)
        if i % 3 == 0:
            docs.set_status(conn, doc_id, "final", "")
    conn.execute("COMMIT")


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    action()
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        out.append((time.perf_counter() - start) * 1000)
    return out


def measure(conn: Any, store: Any, count: int, saves: int, repeat: int) -> dict[str, list[float]]:
    start = time.perf_counter()
    fill(conn, count)
    print(f"  filled {count} documents in {time.perf_counter() - start:.1f} s", flush=True)
    example = json.loads((ROOT / "forms" / "examples" / "referral.json").read_text(encoding="utf-8"))
    answers = Answers.from_dict(example)
    results = {"autosave": timed(lambda: store.save("referral-bench", answers), saves)}
    for label, filt in QUERIES.items():
        results[label] = timed(lambda f=filt: docs.find(conn, f), repeat)
    results["draft search"] = timed(lambda: docs.find_drafts(conn, DocumentFilter(text="مرابط")), repeat)
    return results


def plain(folder: Path) -> Any:
    conn = sqlite3.connect(folder / "plain.sqlite3", isolation_level=None, check_same_thread=False)
    for pragma in (
        "journal_mode = WAL",
        "synchronous = FULL",
        "foreign_keys = ON",
        "temp_store = MEMORY",
        "secure_delete = ON",
        f"cache_size = -{CACHE_KIB}",
    ):
        conn.execute(f"PRAGMA {pragma}").fetchall()
    schema.migrate(conn)
    return conn


class _PlainWriter:
    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def __enter__(self) -> Any:
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, *exc: object) -> None:
        self.conn.execute("ROLLBACK" if exc[0] else "COMMIT")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--saves", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print("SQLCipher register (product scrypt cost):", flush=True)
        reg = Register.create("bench passphrase 2026", folder / "register")
        ours = measure(reg._reading(), reg.drafts(), args.docs, args.saves, args.repeat)
        size = (folder / "register" / "register.sqlite3").stat().st_size
        reg.close()
        start = time.perf_counter()
        reg = Register.open("bench passphrase 2026", folder / "register")
        unlock = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        reg.documents(QUERIES["name (Latin prefix)"])
        cold = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        assert reg.integrity_ok()
        check = (time.perf_counter() - start) * 1000
        reg.close()
        print("plain sqlite3 baseline (no encryption, same code):", flush=True)
        conn = plain(folder)
        store = drafts.RegisterDraftStore(lambda: _PlainWriter(conn), lambda: contextlib.nullcontext(conn))
        base = measure(conn, store, args.docs, args.saves, args.repeat)
        conn.close()
    print(f"\n{'':22} {'SQLCipher p50/p95 ms':>22} {'plain p50/p95 ms':>18} {'ratio p95':>10}  goal")
    for label, times in ours.items():
        p95, b95 = percentile(times, 0.95), percentile(base[label], 0.95)
        verdict = "ok" if p95 <= GOAL_MS else "OVER"
        ours_text = f"{statistics.median(times):10.2f} / {p95:8.2f}"
        base_text = f"{statistics.median(base[label]):8.2f} / {b95:7.2f}"
        print(f"{label:22} {ours_text} {base_text} {p95 / b95:9.1f}x  {verdict} (<= {GOAL_MS:.0f})")
    print(f"\nregister file: {size / 1e6:.0f} MB for {args.docs} documents")
    print(f"unlock (scrypt n=2**15 + open): {unlock:.0f} ms; first search after unlock (cold): {cold:.1f} ms")
    print(f"PRAGMA integrity_check (whole file, as a restore does): {check:.0f} ms")


if __name__ == "__main__":
    main()
