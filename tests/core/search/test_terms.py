"""The memoised word-by-word analysis gives exactly the terms of the Whoosh filter chain."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thbdesk.core.legal.loader import bundled_corpus
from thbdesk.core.search.analysis import analyze, spelling_analyzer
from thbdesk.core.search.documents import corpus_documents
from thbdesk.core.search.terms import spelling_terms, terms_of

LANGS = ("ar", "fr", "en", "multi")


def corpus_texts() -> list[str]:
    docs = corpus_documents(bundled_corpus())
    return [text for doc in docs for text in (*doc.headings.values(), *doc.bodies.values()) if text]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("mode", ["index", "query"])
def test_the_whole_corpus_gives_the_same_terms(lang: str, mode: str) -> None:
    for text in corpus_texts():
        assert terms_of(text, lang, mode=mode) == analyze(text, lang, mode=mode), text[:80]


def test_the_whole_corpus_gives_the_same_spelling_words() -> None:
    for text in corpus_texts():
        assert spelling_terms(text) == [t.text for t in spelling_analyzer()(text)], text[:80]


# Letters of the scripts and the joiners, marks and digits the rules care about.
_ALPHABET = "abcéÉœ'’-.٠١٤٨ 0123456789 الفصلمادةوبكأإآىةؤئـًٌَّ ARTarticle\u2013"


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet=_ALPHABET, max_size=40)
    | st.sampled_from(["الفصل 7-448 و8-448", "و2-448", "٤٤٨ab", "l'art. 448.7", "non-dénonciation"]),
    st.sampled_from(LANGS),
    st.sampled_from(["index", "query"]),
)
def test_any_text_gives_the_same_terms(text: str, lang: str, mode: str) -> None:
    assert terms_of(text, lang, mode=mode) == analyze(text, lang, mode=mode)
    assert spelling_terms(text) == [t.text for t in spelling_analyzer()(text)]
