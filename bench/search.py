"""Search speed and quality: thbdesk against SQLite FTS5 (and Whoosh's StandardAnalyzer), in one run.

    python bench/search.py [--size 50000 | --quick] [--reps 3] [--profile 3]

Speed, for the bundled corpus and for a generated corpus of ``--size`` provisions (the bundled texts
plus instruments written in their words, see ``bench/_corpus.py``):

* build: thbdesk's ``SearchIndex.ensure()`` into an empty folder, against an FTS5 table
  (``unicode61 remove_diacritics 2``) filled with the same ``corpus_documents()``, one row per
  document holding all its headings and bodies; both timings start from the ``Corpus`` objects;
* query latency: every query of the quality set plus a few generic ones, warmed up once, then timed
  ``--reps`` times each; ``LegalSearch.search(q, limit=10)`` against ``MATCH`` (each word quoted,
  ORed) ``ORDER BY bm25 LIMIT 10``. Percentiles are over all queries x repetitions.

Quality, on ``tests/data/search_queries.yaml`` (skipped when the file is missing or unreadable):
MRR@10 (1/rank of the first relevant key in the top 10) and recall@5 (share of the relevant keys in
the top 5), for thbdesk, FTS5 and a Whoosh index of the same raw text with the default
StandardAnalyzer queried through the default QueryParser with OrGroup.

Targets, reported and never asserted: thbdesk p95 <= 50 ms at 50,000 provisions, an index build at
most 10x plain FTS5's (the ratio is printed), and a thbdesk MRR@10 above both baselines. Everything
runs under a temporary THBDESK_HOME that is removed at exit.
"""

from __future__ import annotations

import argparse
import atexit
import cProfile
import os
import pstats
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

os.environ["THBDESK_HOME"] = tempfile.mkdtemp(prefix="thb-bench-search-")

import yaml
from whoosh import index as whoosh_index
from whoosh.fields import ID, TEXT, Schema
from whoosh.qparser import OrGroup, QueryParser

from _corpus import generated_corpus
from thbdesk.core.legal.library import Library
from thbdesk.core.legal.loader import bundled_corpus
from thbdesk.core.legal.model import Corpus
from thbdesk.core.search.documents import SearchDocument, corpus_documents
from thbdesk.core.search.index import SearchIndex
from thbdesk.core.search.searcher import LegalSearch

HOME = Path(os.environ["THBDESK_HOME"])
atexit.register(shutil.rmtree, HOME, True)
QUALITY_FILE = Path(__file__).resolve().parent.parent / "tests" / "data" / "search_queries.yaml"
LIMIT = 10
P95_TARGET_MS = 50.0
FTS5_TOKENIZER = "unicode61 remove_diacritics 2"
# Beyond the quality set: article numbers, a named law, long and one-word queries, every language.
EXTRA_QUERIES = (
    "article 448-7",
    "الفصل 448-1",
    "loi 02-03 article 52",
    "448",
    "traite des êtres humains",
    "human trafficking penalty",
    "الاتجار بالبشر",
    "protection des victimes mineures",
    "victim assistance shelter referral",
    "عقوبة السجن والغرامة",
    "exploitation",
    "travail forcé enfants",
)

Search = Callable[[str], list[str]]


# --- the quality set


@dataclass(frozen=True)
class Judged:
    query: str
    lang: str
    relevant: frozenset[str]


def load_quality(path: Path) -> list[Judged] | None:
    """The judged queries, or None (with the reason on stdout) when there are none to use."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        judged = [Judged(str(e["query"]), str(e.get("lang", "?")), frozenset(e["relevant"])) for e in data]
    except FileNotFoundError:
        print(f"quality: {path} is missing; quality measures skipped")
        return None
    except (yaml.YAMLError, TypeError, KeyError) as exc:
        print(f"quality: {path} is not usable ({type(exc).__name__}: {exc}); quality measures skipped")
        return None
    return judged or None


@dataclass
class Scores:
    mrr: float
    recall: float
    by_lang: dict[str, float] = field(default_factory=dict)


def reciprocal_rank(keys: Sequence[str], relevant: frozenset[str]) -> float:
    """1 / rank of the first relevant key in the top 10, else 0.

    >>> reciprocal_rank(["a", "b", "c"], frozenset({"c", "z"}))
    0.3333333333333333
    """
    return next((1.0 / rank for rank, key in enumerate(keys[:10], start=1) if key in relevant), 0.0)


def recall_at_5(keys: Sequence[str], relevant: frozenset[str]) -> float:
    return len(relevant & set(keys[:5])) / len(relevant) if relevant else 0.0


def evaluate(answers: Mapping[str, Sequence[str]], judged: Sequence[Judged]) -> Scores:
    """MRR@10 (overall and per language) and recall@5 of the keys each query returned."""
    ranks: dict[str, list[float]] = {}
    recalls = []
    for item in judged:
        keys = answers[item.query]
        ranks.setdefault(item.lang, []).append(reciprocal_rank(keys, item.relevant))
        recalls.append(recall_at_5(keys, item.relevant))
    every = [r for lang_ranks in ranks.values() for r in lang_ranks]
    by_lang = {lang: statistics.fmean(values) for lang, values in sorted(ranks.items())}
    return Scores(statistics.fmean(every), statistics.fmean(recalls), by_lang)


# --- the engines


def raw_text(doc: SearchDocument) -> str:
    return "\n".join(t for t in (*doc.headings.values(), *doc.bodies.values()) if t)


def unique(keys: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(keys))


def fts5_match(query: str) -> str:
    """Every word as a quoted FTS5 string, ORed; words without a letter or digit are dropped.

    >>> fts5_match('travail "forcé" -')
    '"travail" OR "forcé"'
    """
    words = [w.replace('"', "") for w in query.split()]
    return " OR ".join(f'"{w}"' for w in words if any(ch.isalnum() for ch in w))


class Fts5:
    """One row per document: its provision key and its raw text, ranked by bm25."""

    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(path)

    def build(self, corpus: Corpus) -> None:
        self.db.execute(
            f"CREATE VIRTUAL TABLE docs USING fts5(key UNINDEXED, body, tokenize='{FTS5_TOKENIZER}')"
        )
        rows = ((doc.provision_key, raw_text(doc)) for doc in corpus_documents(corpus))
        self.db.executemany("INSERT INTO docs (key, body) VALUES (?, ?)", rows)
        self.db.commit()

    def search(self, query: str) -> list[str]:
        match = fts5_match(query)
        if not match:
            return []
        sql = "SELECT key FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?"
        return unique(key for (key,) in self.db.execute(sql, (match, LIMIT)))


class WhooshStandard:
    """The same raw text in one TEXT field with Whoosh's default StandardAnalyzer."""

    def __init__(self, folder: Path, corpus: Corpus) -> None:
        schema = Schema(key=ID(stored=True), body=TEXT())
        self.index = whoosh_index.create_in(str(folder), schema)
        writer = self.index.writer(limitmb=256)
        for doc in corpus_documents(corpus):
            writer.add_document(key=doc.provision_key, body=raw_text(doc))
        writer.commit()
        self.parser = QueryParser("body", schema, group=OrGroup)

    def search(self, query: str) -> list[str]:
        with self.index.searcher() as searcher:
            return unique(hit["key"] for hit in searcher.search(self.parser.parse(query), limit=LIMIT))


def thbdesk_keys(engine: LegalSearch) -> Search:
    return lambda query: [hit.key for hit in engine.search(query, limit=LIMIT).hits]


class BuildProgress:
    """A line on stderr every ``every`` documents, with the rate so far."""

    def __init__(self, label: str, every: int = 5000) -> None:
        self.label, self.every, self.start = label, every, time.perf_counter()

    def __call__(self, done: int, total: int) -> None:
        if done % self.every == 0 or done == total:
            elapsed = time.perf_counter() - self.start
            log(f"  {self.label}: {done}/{total} documents, {elapsed:.0f} s ({done / elapsed:.0f}/s)")


def build_thbdesk(corpus: Corpus, folder: Path, label: str) -> tuple[LegalSearch, float]:
    library = Library(corpus, root=folder / "library")
    index = SearchIndex(corpus, library, directory=folder / "index")
    start = time.perf_counter()
    index.ensure(BuildProgress(label))
    return LegalSearch(corpus, library, index=index), time.perf_counter() - start


def build_fts5(corpus: Corpus, folder: Path) -> tuple[Fts5, float]:
    engine = Fts5(folder / "fts5.sqlite")
    start = time.perf_counter()
    engine.build(corpus)
    return engine, time.perf_counter() - start


# --- timing


def answer_all(search: Search, queries: Iterable[str]) -> dict[str, list[str]]:
    """Every query's keys; run first, it is also the warm-up (opens the index, loads stemmers)."""
    return {query: search(query) for query in queries}


def latencies_ms(search: Search, queries: Sequence[str], reps: int) -> dict[str, list[float]]:
    """Each query's times, the queries taken in turn ``reps`` times over."""
    times: dict[str, list[float]] = {query: [] for query in queries}
    for _ in range(reps):
        for query in queries:
            start = time.perf_counter()
            search(query)
            times[query].append((time.perf_counter() - start) * 1000)
    return times


def percentile(times: Mapping[str, list[float]], pct: int) -> float:
    every = [ms for query_times in times.values() for ms in query_times]
    return statistics.quantiles(every, n=100, method="inclusive")[pct - 1]


def slowest_of(times: Mapping[str, list[float]], count: int) -> list[tuple[float, str]]:
    """The ``count`` slowest queries by their median time (ms, query)."""
    return sorted(((statistics.median(ms), query) for query, ms in times.items()), reverse=True)[:count]


@dataclass
class Row:
    name: str
    docs: int
    build: tuple[float, float]  # thbdesk, fts5 (seconds)
    p50: tuple[float, float]  # milliseconds
    p95: tuple[float, float]
    quality: tuple[Scores, Scores] | None = None
    slowest: list[tuple[float, str]] = field(default_factory=list)


def measure(
    name: str, corpus: Corpus, queries: Sequence[str], judged: Sequence[Judged] | None, reps: int
) -> tuple[Row, LegalSearch]:
    folder = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=HOME))
    docs = sum(1 for _ in corpus_documents(corpus))
    log(f"{name}: building the thbdesk index of {docs} documents")
    thbdesk, thb_build = build_thbdesk(corpus, folder, name)
    log(f"{name}: thbdesk index built in {thb_build:.1f} s; building FTS5")
    fts5, fts_build = build_fts5(corpus, folder)
    log(f"{name}: FTS5 built in {fts_build:.1f} s; timing {len(queries)} queries x {reps}")
    thb_answers = answer_all(thbdesk_keys(thbdesk), queries)
    thb_times = latencies_ms(thbdesk_keys(thbdesk), queries, reps)
    fts_answers = answer_all(fts5.search, queries)
    fts_times = latencies_ms(fts5.search, queries, reps)
    quality = (evaluate(thb_answers, judged), evaluate(fts_answers, judged)) if judged else None
    row = Row(
        name,
        docs,
        (thb_build, fts_build),
        (percentile(thb_times, 50), percentile(fts_times, 50)),
        (percentile(thb_times, 95), percentile(fts_times, 95)),
        quality,
        slowest_of(thb_times, 5),
    )
    return row, thbdesk


# --- profiling the slowest queries

# Where a query's time goes: the cumulative time of the functions doing each phase, found by name
# within thbdesk's search package (the names of the Whoosh-based engine and of the FTS5-based one).
_OURS, _WHOOSH = "thbdesk/core/search/", "whoosh/searching.py"
PHASES = {
    "parse query": ((_OURS, "parse_query"), (_OURS, "text_query"), (_OURS, "_text_query")),
    "match + rank": ((_OURS, "_matching_rows"), (_OURS, "_number_rows"), (_WHOOSH, "search")),
    "snippets": ((_OURS, "_hit"),),
    "spelling": ((_OURS, "correct_query"),),
}


def phase_times(stats: pstats.Stats) -> dict[str, float]:
    found = dict.fromkeys(PHASES, 0.0)
    for (filename, _line, function), (_cc, _nc, _tt, cumulative, _callers) in stats.stats.items():
        path = filename.replace("\\", "/")
        for phase, names in PHASES.items():
            if any(where in path and function == name for where, name in names):
                found[phase] += cumulative
    return found


def collected_per_run(stats: pstats.Stats, runs: int) -> int:
    """Documents Whoosh's collector saw per search (wrapping collectors call the same count)."""
    calls = [
        nc
        for (name, _l, func), (_cc, nc, *_rest) in stats.stats.items()
        if func == "collect" and name.endswith("collectors.py")
    ]
    return max(calls, default=0) // runs


def profile(engine: LegalSearch, queries: Sequence[str]) -> None:
    """Each query run for about a second (3 to 50 times) under cProfile; phases and top functions."""
    for query in queries:
        start = time.perf_counter()
        engine.search(query, limit=LIMIT)
        runs = max(3, min(50, round(1.0 / (time.perf_counter() - start))))
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(runs):
            engine.search(query, limit=LIMIT)
        profiler.disable()
        stats = pstats.Stats(profiler)
        total = stats.total_tt
        collected = collected_per_run(stats, runs)
        seen = f", Whoosh collected {collected} documents per search" if collected else ""
        print(f"\nprofile of {query!r} ({runs} runs, {total / runs * 1000:.1f} ms each under cProfile{seen})")
        phases = phase_times(stats)
        print("  phases: " + ", ".join(f"{k} {v / total:.0%}" for k, v in phases.items()))
        print_top(stats, total, 8)


def print_top(stats: pstats.Stats, total: float, count: int) -> None:
    entries = sorted(stats.stats.items(), key=lambda item: -item[1][2])
    for (filename, line, function), (_cc, calls, own, cumulative, _callers) in entries[:count]:
        where = f"{Path(filename).parent.name}/{Path(filename).name}:{line}" if line else filename
        print(f"  {own / total:5.1%} own {cumulative / total:5.1%} cum  {calls:7d}  {function}  ({where})")


# --- output


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def ratio(pair: tuple[float, float]) -> str:
    return f"{pair[0] / pair[1]:.1f}x" if pair[1] else "-"


def print_speed(rows: Sequence[Row]) -> None:
    print(
        f"\n{'corpus':<17}{'docs':>7}   {'build s: thbdesk / fts5 / ratio':<33}"
        f"{'p50 ms: thbdesk / fts5 / ratio':<33}{'p95 ms: thbdesk / fts5 / ratio'}"
    )
    for row in rows:
        print(
            f"{row.name:<17}{row.docs:>7}   {triple(row.build, '.2f'):<33}"
            f"{triple(row.p50, '.1f'):<33}{triple(row.p95, '.1f')}"
        )


def triple(pair: tuple[float, float], spec: str) -> str:
    return f"{pair[0]:{spec}} / {pair[1]:{spec}} / {ratio(pair)}"


def scored(scores: Scores) -> str:
    return f"{scores.mrr:.3f}/{scores.recall:.3f}"


def print_quality(rows: Sequence[Row], whoosh: Scores | None, count: int) -> None:
    print(f"\nquality ({count} judged queries): MRR@10 / recall@5")
    for row in rows:
        if row.quality is None:
            continue
        thb, fts = row.quality
        extra = f"  whoosh-standard {scored(whoosh)}" if whoosh and row.name == "bundled" else ""
        by_lang = ", ".join(f"{lang} {mrr:.3f}" for lang, mrr in thb.by_lang.items())
        print(f"  {row.name:<17} thbdesk {scored(thb)}  fts5 {scored(fts)}{extra}")
        print(f"  {'':<17} thbdesk MRR@10 by language: {by_lang}")


BUILD_RATIO_TARGET = 10.0


def print_targets(rows: Sequence[Row], whoosh: Scores | None) -> None:
    largest = rows[-1]
    build_ratio = largest.build[0] / largest.build[1] if largest.build[1] else float("inf")
    met = "met" if build_ratio <= BUILD_RATIO_TARGET else "NOT met"
    print(
        f"\nindex build ratio at {largest.docs} documents (thbdesk / plain FTS5): {build_ratio:.1f}x"
        f" ({largest.build[0]:.1f} s / {largest.build[1]:.1f} s; target <= {BUILD_RATIO_TARGET:.0f}x, {met})"
    )
    met = "met" if largest.p95[0] <= P95_TARGET_MS else "NOT met"
    print(
        f"\ntarget p95 <= {P95_TARGET_MS:.0f} ms at {largest.docs} documents: {largest.p95[0]:.1f} ms ({met})"
    )
    bundled = rows[0].quality
    if bundled and whoosh:
        best = max(bundled[1].mrr, whoosh.mrr)
        met = "met" if bundled[0].mrr > best else "NOT met"
        print(f"target thbdesk MRR@10 above both baselines: {bundled[0].mrr:.3f} vs best {best:.3f} ({met})")
    for row in rows:
        print(
            f"slowest thbdesk queries ({row.name}): "
            + "; ".join(f"{query!r} {ms:.1f} ms" for ms, query in row.slowest)
        )


# --- main


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--size", type=int, default=50000, help="provisions in the generated corpus")
    parser.add_argument("--quick", action="store_true", help="a 5,000-provision corpus, for a fast check")
    parser.add_argument("--reps", type=int, default=3, help="timed repetitions of each query")
    parser.add_argument("--profile", type=int, default=3, help="cProfile the N slowest queries (0: none)")
    parser.add_argument("--seed", type=int, default=2714, help="seed of the generated corpus")
    args = parser.parse_args(argv)
    if args.quick:
        args.size = 5000
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    judged = load_quality(QUALITY_FILE)
    queries = unique([*(j.query for j in judged or ()), *EXTRA_QUERIES])
    bundled = bundled_corpus()
    rows = [measure("bundled", bundled, queries, judged, args.reps)[0]]
    whoosh = None
    if judged:
        folder = Path(tempfile.mkdtemp(prefix="whoosh-", dir=HOME))
        whoosh_engine = WhooshStandard(folder, bundled)
        whoosh = evaluate(answer_all(whoosh_engine.search, (j.query for j in judged)), judged)
    log(f"generating a corpus of {args.size} provisions")
    start = time.perf_counter()
    generated = generated_corpus(bundled, args.size, args.seed)
    log(f"generated in {time.perf_counter() - start:.1f} s")
    row, engine = measure(f"generated-{args.size}", generated, queries, judged, args.reps)
    rows.append(row)
    print_speed(rows)
    if judged:
        print_quality(rows, whoosh, len(judged))
    print_targets(rows, whoosh)
    if args.profile:
        profile(engine, [query for _ms, query in row.slowest[: args.profile]])
    return 0


if __name__ == "__main__":
    sys.exit(main())
