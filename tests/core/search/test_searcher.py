"""The search as a liaison officer uses it: article numbers, forgiving Arabic, filters, repair."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thbdesk.core.legal.library import Library
from thbdesk.core.legal.loader import bundled_corpus
from thbdesk.core.search.index import SearchIndex
from thbdesk.core.search.searcher import Filters, LegalSearch


@pytest.fixture(scope="module")
def search(tmp_path_factory: pytest.TempPathFactory) -> LegalSearch:
    """One index over the bundled corpus, shared by the read-only tests of this module."""
    root = tmp_path_factory.mktemp("search")
    corpus = bundled_corpus()
    library = Library(corpus, root=root / "library")
    engine = LegalSearch(corpus, library, SearchIndex(corpus, library, root / "index"))
    engine.refresh()
    return engine


def keys(search: LegalSearch, query: str, **kwargs) -> list[str]:
    return [hit.key for hit in search.search(query, **kwargs).hits]


@pytest.mark.parametrize(
    "query",
    [
        "الفصل 7-448",
        "448-7",
        "448.7",
        "art. 448-7",
        "Article 448-7",
        "الفصل ٧-٤٤٨",
        "الفصل 448-7",
        "Art 448.7",
    ],
)
def test_every_article_notation_puts_the_article_first(search: LegalSearch, query: str) -> None:
    assert keys(search, query)[0] == "27-14:448-7"


def test_a_number_and_a_named_law(search: LegalSearch) -> None:
    assert keys(search, "article 52 loi 02-03")[0] == "02-03:52"
    assert keys(search, "المادة 52")[0] == "02-03:52"
    assert keys(search, "82-5-1")[0] == "22-01:82-5-1"


@pytest.mark.parametrize(
    "query", ["non-denonciation", "non-dénonciation", "عدم التبليغ", "failure to report"]
)
def test_failure_to_report_is_found_in_each_language(search: LegalSearch, query: str) -> None:
    assert "27-14:448-7" in keys(search, query)[:3]


@pytest.mark.parametrize(
    ("variant", "plain"),
    [
        ("الإيواء", "الايواء"),
        ("الضَّحَايَا", "الضحايا"),
        ("الاتـــجار بالبشر", "الاتجار بالبشر"),
        ("الضحيه", "الضحية"),
        ("الفصل ١-٤٤٨", "الفصل 1-448"),
        ("TRAITE DES ÊTRES HUMAINS", "traite des etres humains"),
    ],
)
def test_spelling_variants_find_the_same_provisions(search: LegalSearch, variant: str, plain: str) -> None:
    assert keys(search, variant) == keys(search, plain)
    assert keys(search, plain)


def test_broken_plural_finds_the_singular(search: LegalSearch) -> None:
    assert set(keys(search, "ضحايا")[:5]) & set(keys(search, "ضحية")[:5])


def test_snippets_highlight_matches_in_the_query_language(search: LegalSearch) -> None:
    hit = search.search("excuse absolutoire").hits[0]
    assert hit.lang == "fr" and "<b" in hit.snippet_html and "<b" not in hit.snippet
    arabic = search.search("عذر معف").hits[0]
    assert arabic.lang == "ar" and "<b" in arabic.snippet_html
    english = search.search("forced labour").hits[0]
    assert english.lang == "en"


def test_asking_for_a_language_shows_that_language(search: LegalSearch) -> None:
    hit = search.search("448-7", lang="en").hits[0]
    assert hit.lang == "en" and hit.title == "Article 448-7"


def test_phrase_prefix_and_exclusion(search: LegalSearch) -> None:
    assert "27-14:448-7" in keys(search, '"excuse absolutoire"')
    assert keys(search, "dénonc*")
    with_sexual = keys(search, "exploitation sexuelle", limit=50)
    without = keys(search, "exploitation -sexuelle", limit=50)
    assert without and not set(without) >= set(with_sexual)


def test_filters_restrict_the_hits(search: LegalSearch) -> None:
    only_0203 = search.search("migrants", filters=Filters(instruments=("02-03",))).hits
    assert only_0203 and all(hit.instrument == "02-03" for hit in only_0203)
    glossary = search.search("victime", filters=Filters(kinds=("glossary",))).hits
    assert glossary and all(hit.kind == "glossary" for hit in glossary)
    unverified = search.search("commission", filters=Filters(statuses=("unverified",))).hits
    assert unverified and all(hit.status == "unverified" for hit in unverified)


def test_did_you_mean_for_a_misspelling(search: LegalSearch) -> None:
    results = search.search("denonciaton")
    assert results.corrected == "denonciation"
    assert "27-14:448-7" in [hit.key for hit in results.hits][:3]


def test_hits_follow_the_cli_contract(search: LegalSearch) -> None:
    data = search.search("448-7").hits[0].to_json()
    assert set(data) == {"instrument", "number", "title", "lang", "kind", "snippet", "score", "source"}
    assert (data["instrument"], data["number"], data["source"]) == ("27-14", "448-7", "summary")


def fresh(tmp_path: Path) -> tuple[LegalSearch, SearchIndex, Library]:
    corpus = bundled_corpus()
    library = Library(corpus, root=tmp_path / "library")
    index = SearchIndex(corpus, library, tmp_path / "index")
    return LegalSearch(corpus, library, index), index, library


def test_an_import_is_indexed_incrementally_and_removal_too(tmp_path: Path, monkeypatch) -> None:
    engine, index, library = fresh(tmp_path)
    engine.refresh()
    rebuilds = []
    monkeypatch.setattr(index, "rebuild", lambda *a: rebuilds.append(1))
    source = tmp_path / "loi.txt"
    source.write_text(
        "Chapitre premier\nArticle 448-7\nLibellé officiel fictif zanzibarique.\n", encoding="utf-8"
    )
    text = library.import_file(source, instrument="27-14", lang="fr").text
    engine.refresh()
    hits = engine.search("zanzibarique").hits
    assert [(h.key, h.source) for h in hits] == [("27-14:448-7", "official")]
    assert [h.key for h in engine.search("448-7").hits] == ["27-14:448-7"], "one hit per provision"
    library.remove(text.id)
    engine.refresh()
    assert engine.search("zanzibarique").hits == ()
    assert rebuilds == []


def test_a_corrupted_index_is_rebuilt_on_the_next_search(tmp_path: Path) -> None:
    engine, index, _library = fresh(tmp_path)
    engine.refresh()
    data = bytearray(index.path.read_bytes())
    data[100:4000] = b"\x00garbage" * 390  # the header's tail and the first pages
    index.path.write_bytes(bytes(data))
    reopened = LegalSearch(
        engine.corpus, engine.library, SearchIndex(engine.corpus, engine.library, index.directory)
    )
    assert [h.key for h in reopened.search("448-7").hits][:1] == ["27-14:448-7"]


def test_a_stale_stamp_rebuilds_the_index(tmp_path: Path) -> None:
    engine, index, _library = fresh(tmp_path)
    engine.refresh()
    with sqlite3.connect(index.path) as connection:
        connection.execute("UPDATE meta SET value = '0' WHERE key = 'schema'")
    calls = []
    original = index.rebuild
    index.rebuild = lambda *a: calls.append(1) or original(*a)  # type: ignore[method-assign]
    index.ensure()
    assert calls == [1]


@settings(max_examples=150, deadline=None)
@given(
    st.text(max_size=60)
    | st.sampled_from(['"', "((", "-*", "NEAR(a b)", "{h_ar}:x", "a AND OR", "448-", "٤٤٨"])
)
def test_any_typed_text_gives_an_answer_not_a_crash(search: LegalSearch, query: str) -> None:
    results = search.search(query)
    assert len(results.hits) <= 10
