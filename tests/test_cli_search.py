"""The acceptance queries of the search issue, through the command line as a user runs them."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cli-search-home")


def search_json(home: Path, *args: str) -> list[dict]:
    env = {**os.environ, "THBDESK_HOME": str(home)}
    result = subprocess.run(
        [sys.executable, "-m", "thbdesk", "search", *args, "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout)


def test_arabic_article_notation_returns_448_7_first(home: Path) -> None:
    hits = search_json(home, "الفصل 7-448")
    assert (hits[0]["instrument"], hits[0]["number"]) == ("27-14", "448-7")
    assert set(hits[0]) == {"instrument", "number", "title", "lang", "kind", "snippet", "score", "source"}


@pytest.mark.parametrize("query", ["non-denonciation", "عدم التبليغ"])
def test_failure_to_report_is_in_the_top_three(home: Path, query: str) -> None:
    top = [(hit["instrument"], hit["number"]) for hit in search_json(home, query)[:3]]
    assert ("27-14", "448-7") in top


def test_instrument_and_limit_options(home: Path) -> None:
    hits = search_json(home, "migrants", "--instrument", "02.03", "--limit", "2")
    assert 0 < len(hits) <= 2 and all(hit["instrument"] == "02-03" for hit in hits)
    english = search_json(home, "448-7", "--lang", "en")
    assert english[0]["lang"] == "en" and english[0]["title"] == "Article 448-7"
