"""The editable synonyms file: loaded like the legal texts, every mistake reported with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from thbdesk.core.errors import LegalTextError
from thbdesk.core.legal.library import Library
from thbdesk.core.legal.loader import bundled_corpus
from thbdesk.core.search.expansion import expand
from thbdesk.core.search.index import SearchIndex
from thbdesk.core.search.searcher import LegalSearch
from thbdesk.core.search.vocabulary import build_vocabulary, synonyms_path


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "synonyms.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_bundled_file_loads_and_names_real_glossary_entries() -> None:
    vocabulary = build_vocabulary(bundled_corpus(), synonyms_path())
    found = expand("passeur", vocabulary).found
    assert [f.meaning.glossary for f in found] == ["glossary:G-002"]


def test_every_problem_is_reported_with_its_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "format: 1\n"
        "entries:\n"
        "  - words: {fr: [passeur]}\n"
        "    glossary: G-999\n"
        "  - words: {de: [Schleuser]}\n"
        "    glossary: G-002\n"
        "  - words: {en: [smuggler]}\n"
        "  - words: {fr: [le, la]}\n"
        "    glossary: G-002\n"
        "    colour: red\n",
    )
    with pytest.raises(LegalTextError) as raised:
        build_vocabulary(bundled_corpus(), path)
    problems = raised.value.details.splitlines()
    assert problems == [
        "synonyms.yaml:4: entries[0].glossary: G-999 is not in the glossary",
        "synonyms.yaml:5: entries[1].words.de: unknown language (ar, fr, en)",
        "synonyms.yaml:7: entries[2]: give a glossary entry, or means, or both",
        "synonyms.yaml:10: entries[3].colour: unknown field (words, glossary, means)",
        "synonyms.yaml:8: entries[3].words.fr: «le» has only stop words; it can never match",
        "synonyms.yaml:8: entries[3].words.fr: «la» has only stop words; it can never match",
    ]
    assert "synonyms.yaml" in raised.value.user_message("en")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("format: 1\nentries: [\n", "synonyms.yaml:3: syntax:"),
        ("- just a list\n", "synonyms.yaml:1: file: expected a map with format and entries"),
        ("format: 2\nentries: []\n", "synonyms.yaml:1: format: expected 1"),
        (
            "format: 1\nentries:\n  - words: passeur\n    glossary: G-002\n",
            "entries[0].words: expected a map",
        ),
    ],
)
def test_a_malformed_file_is_a_clear_error(tmp_path: Path, text: str, problem: str) -> None:
    with pytest.raises(LegalTextError) as raised:
        build_vocabulary(bundled_corpus(), write(tmp_path, text))
    assert problem in raised.value.details


def test_an_edited_file_changes_the_search_without_a_rebuild(tmp_path: Path) -> None:
    """A new field word works at once: synonyms expand the query, the index is untouched."""
    corpus = bundled_corpus()
    path = write(
        tmp_path,
        "format: 1\nentries:\n  - words: {fr: [zorglub]}\n    means: {fr: [non-dénonciation]}\n",
    )
    library = Library(corpus, root=tmp_path / "library")
    engine = LegalSearch(corpus, library, SearchIndex(corpus, library, tmp_path / "index"), synonyms=path)
    assert [hit.key for hit in engine.search("zorglub").hits][:1] == ["27-14:448-7"]
