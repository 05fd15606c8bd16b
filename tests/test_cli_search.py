"""The acceptance queries of the search issue, through the command line as a user runs them."""

import json
import os
import re
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


def run_cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "THBDESK_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "thbdesk", *args], capture_output=True, text=True, env=env, timeout=120
    )


@pytest.mark.parametrize(
    ("query", "title"), [("الفصل 7-448", "الفصل 7-448"), ("المادة 1-5-82", "المادة 82-5-1")]
)
def test_json_titles_are_plain_text(home: Path, query: str, title: str) -> None:
    hits = search_json(home, query, "--lang", "ar")
    # Arabic may write a CPP number sub-number first too; either way, plain text
    assert hits[0]["title"] in {title, title.replace("82-5-1", "1-5-82")}
    for hit in hits:
        assert not re.search("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]", hit["title"] + hit["snippet"])


def test_a_huge_query_exits_2_with_a_message(home: Path) -> None:
    result = run_cli(home, "--ui-lang", "fr", "search", "a" * 100_000)
    assert result.returncode == 2
    assert "trop longue (100000 caractères)" in result.stderr and not result.stdout


def test_plain_output_names_each_hit_and_defines_the_term(home: Path) -> None:
    result = run_cli(home, "--ui-lang", "fr", "search", "passeur", "--limit", "3")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Définition : trafic illicite de migrants (تهريب المهاجرين / migrant smuggling)"
    assert "    Voir Loi 02-03 · Article 52" in lines
    assert "Loi 02-03 · Article 52 · [résumé vérifié]" in lines
    assert not any(line.startswith("Glossaire") for line in lines), "the definition is not repeated"


def test_plain_output_in_arabic_shows_no_escaped_isolates(home: Path) -> None:
    env = {**os.environ, "THBDESK_HOME": str(home)}
    result = subprocess.run(
        [sys.executable, "-m", "thbdesk", "--ui-lang", "ar", "search", "الفصل 7-448", "--limit", "1"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    assert "7-448" in result.stdout
    assert "\\u2066" not in result.stdout and "\u2066" not in result.stdout
