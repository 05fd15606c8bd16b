"""The Whoosh side of a search: queries, ranking, collapsing, highlighting.

Imported on the first search only (Whoosh costs ~100 ms to import), and the only module that knows
Whoosh's query and result types; it returns ``SearchHit`` values.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from whoosh import highlight
from whoosh.qparser import MultifieldParser, OrGroup
from whoosh.query import And, Not, Or, Phrase, Query, Term

from thbdesk.core.i18n import LANGUAGES
from thbdesk.core.search.query import ParsedQuery
from thbdesk.core.search.searcher import Filters, SearchHit
from thbdesk.core.search.spelling import correct_query

_TAGS = re.compile(r"<[^>]+>")
# "-word" excludes a word only at the start of a word: "non-dénonciation" is one compound.
_EXCLUSION = re.compile(r"(^|\s)-(?=\S)(\S+)")
NUMBER_SCORE = 1000.0  # an exact article-number match outranks any text match
# A liaison officer looks for the provision first; the glossary and indicators explain around it.
_KIND_WEIGHT = {"glossary": 0.7, "indicators": 0.8, "plan": 0.9}


def run(
    index: Any, parsed: ParsedQuery, filters: Filters, limit: int, display: str, lang: str | None
) -> tuple[list[SearchHit], str | None]:
    """The hits, and the corrected query when the one typed had a word that matches nothing."""
    with index.searcher() as searcher:
        # A word the corpus has never seen is most likely a typo: search what was probably meant.
        corrected = correct_query(searcher, parsed.text) if parsed.text else None
        if corrected:
            fixed = ParsedQuery(corrected, parsed.numbers, parsed.instruments)
            hits = _run(searcher, fixed, filters, limit, display, lang)
            if hits:
                return hits, corrected
        return _run(searcher, parsed, filters, limit, display, lang), None


def _run(
    searcher: Any, parsed: ParsedQuery, filters: Filters, limit: int, display: str, lang: str | None
) -> list[SearchHit]:
    restrict = _filter_query(filters, parsed.instruments)
    candidates: dict[str, tuple[float, Any, str]] = {}  # provision -> (score, result, language)
    for number in parsed.numbers:
        found = searcher.search(Term("number", number), filter=restrict, limit=None)
        if found.is_empty() and _swapped(number):  # "1-448" typed in Arabic order without الفصل
            found = searcher.search(Term("number", _swapped(number)), filter=restrict, limit=None)
        for result in found:
            _keep(candidates, result, NUMBER_SCORE + _instrument_rank(result, parsed), display)
    if parsed.text:
        text_query = _text_query(searcher, parsed.text)
        results = searcher.search(
            text_query,
            filter=restrict,
            limit=limit * 3,
            collapse="provision_key",
            collapse_limit=1,
            terms=True,
        )
        results.fragmenter = highlight.ContextFragmenter(maxchars=220, surround=60)
        results.formatter = highlight.HtmlFormatter(tagname="b", between=" … ")
        for result in results:
            weight = _KIND_WEIGHT.get(result["kind"], 1.0)
            _keep(candidates, result, weight * float(result.score), _matched_language(result, display))
    ranked = sorted(candidates.values(), key=lambda item: -item[0])[:limit]
    # Snippets re-analyse stored text: only for the hits that are shown.
    return [_hit(result, shown, lang, score) for score, result, shown in ranked]


def _text_query(searcher: Any, text: str) -> Query:
    fields = [f"{part}_{lang}" for part in ("heading", "body") for lang in LANGUAGES]
    parser = MultifieldParser(fields, searcher.schema, group=OrGroup.factory(0.9))
    for name in ("FieldsPlugin", "RangePlugin", "BoostPlugin"):
        parser.remove_plugin_class(_plugin_class(parser, name))
    parsed = parser.parse(_EXCLUSION.sub(r"\1NOT \2", text))
    return _with_proximity(parsed, fields, searcher)


def _keep(candidates: dict[str, tuple[float, Any, str]], result: Any, score: float, shown: str) -> None:
    """The first (best) result of each provision stands for it."""
    candidates.setdefault(result["provision_key"], (score, result, shown))


def _hit(result: Any, display: str, lang: str | None, score: float) -> SearchHit:
    langs = result["langs"].split(",")
    preferred = display if display in langs else langs[0]
    if lang:  # asked for explicitly: show that language, matched or not
        snippet_html, shown = _snippet(result, preferred), preferred
    else:
        snippet_html, shown = _best_snippet(result, preferred, langs)
    titles = result["titles"]
    return SearchHit(
        key=result["provision_key"],
        instrument=result["instrument"],
        number=result["number"],
        title=titles.get(shown) or next(iter(titles.values()), ""),
        lang=shown,
        kind=result["kind"],
        snippet=_TAGS.sub("", snippet_html).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"),
        snippet_html=snippet_html,
        score=score,
        source=result["source"],
        status=result["status"],
    )


def _swapped(number: str) -> str:
    head, sep, tail = number.partition("-")
    return f"{tail}-{head}" if sep and "-" not in tail and int(head) < int(tail) else ""


def _with_proximity(parsed: Query, fields: list[str], searcher: Any) -> Query:
    """Words found next to each other, as typed, rank above the same words scattered."""
    groups: dict[str, list[str]] = {}
    for term in parsed.iter_all_terms(phrases=False):
        field_name, text = term[0], term[1]
        groups.setdefault(field_name, [])
        if text not in groups[field_name]:
            groups[field_name].append(text if isinstance(text, str) else text.decode("utf-8"))
    phrases = [Phrase(name, words, slop=2, boost=2.0) for name, words in groups.items() if len(words) > 1]
    return Or([parsed, *phrases]) if phrases and not isinstance(parsed, Not) else parsed


def _matched_language(result: Any, fallback: str) -> str:
    """The language whose fields matched most query terms: an English query reads English snippets."""
    if fallback == "ar":
        return fallback
    counts = {lang: 0 for lang in LANGUAGES}
    for field_name, _term in result.matched_terms():
        lang = field_name.rpartition("_")[2]
        if lang in counts:
            counts[lang] += 1
    best = max(counts, key=lambda lang: (counts[lang], lang == fallback))
    return best if counts[best] else fallback


def _plugin_class(parser: Any, name: str) -> type:
    for plugin in parser.plugins:
        if type(plugin).__name__ == name:
            return type(plugin)
    return type(None)


def _instrument_rank(result: Any, parsed: ParsedQuery) -> float:
    """Among hits on the same number: a text the user named first, then the Penal Code section."""
    if result["instrument"] in parsed.instruments:
        return 20.0
    if result["source"] == "summary":
        return 10.0 if result["instrument"] == "27-14" else 5.0
    return 0.0


def _snippet(result: Any, lang: str) -> str:
    highlighted = result.highlights(f"body_{lang}", top=2) or result.highlights(f"heading_{lang}", top=1)
    if highlighted:
        return str(highlighted)
    text = result.get(f"body_{lang}") or result.get(f"heading_{lang}") or ""
    return escape(text[:220] + ("…" if len(text) > 220 else ""))


def _best_snippet(result: Any, preferred: str, langs: list[str]) -> tuple[str, str]:
    """The preferred language's snippet when it has a match, else the first language that has one."""
    order = [preferred, *[x for x in langs if x != preferred]]
    for lang in order:
        text = _snippet(result, lang)
        if "<b" in text:
            return text, lang
    return _snippet(result, preferred), preferred


def _filter_query(filters: Filters, named: tuple[str, ...]) -> Query | None:
    clauses = []
    for field_name, values in (
        ("instrument", filters.instruments),
        ("kind", filters.kinds),
        ("status", filters.statuses),
        ("source", filters.sources),
    ):
        if values:
            clauses.append(Or([Term(field_name, v) for v in values]))
    if filters.langs:
        clauses.append(Or([Term("source", "summary"), *[Term("langs", v) for v in filters.langs]]))
    if named and not filters.instruments:
        clauses.append(Or([Term("instrument", v) for v in named]))
    return And(clauses) if clauses else None
