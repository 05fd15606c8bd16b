"""Ranking quality on queries a liaison officer would type (tests/data/search_queries.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from thbdesk.core.legal.library import Library
from thbdesk.core.legal.loader import bundled_corpus
from thbdesk.core.search.index import SearchIndex
from thbdesk.core.search.searcher import LegalSearch

QUERIES = yaml.safe_load(
    (Path(__file__).parents[2] / "data" / "search_queries.yaml").read_text(encoding="utf-8")
)


def reciprocal_rank(hits: list[str], relevant: set[str]) -> float:
    return next((1 / rank for rank, key in enumerate(hits[:10], start=1) if key in relevant), 0.0)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> LegalSearch:
    root = tmp_path_factory.mktemp("quality")
    corpus = bundled_corpus()
    library = Library(corpus, root=root / "library")
    return LegalSearch(corpus, library, SearchIndex(corpus, library, root / "index"))


def test_the_quality_set_is_large_and_names_real_provisions() -> None:
    corpus = bundled_corpus()
    assert len(QUERIES) >= 40
    for item in QUERIES:
        for key in item["relevant"]:
            instrument, _, number = key.partition(":")
            found = corpus.instrument(instrument)
            assert found and any(p.number == number for p in (*found.provisions, *found.unplaced)), key


def test_mean_reciprocal_rank_at_10(engine: LegalSearch) -> None:
    misses = []
    total = 0.0
    for item in QUERIES:
        hits = [hit.key for hit in engine.search(item["query"], limit=10).hits]
        rank = reciprocal_rank(hits, set(item["relevant"]))
        total += rank
        if rank < 1:
            misses.append(f"{rank:.2f} {item['query']!r} -> {hits[:3]} (want {item['relevant'][:2]})")
    mrr = total / len(QUERIES)
    print(f"MRR@10 = {mrr:.3f} over {len(QUERIES)} queries\n" + "\n".join(misses))
    assert mrr >= 0.90, f"MRR@10 {mrr:.3f} < 0.90"
