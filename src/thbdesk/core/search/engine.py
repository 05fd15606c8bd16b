"""Running a search against the index: FTS5 match expressions, ranking, one hit per provision.

Imported on the first search only; the only module that writes SQL for searching. It returns
``SearchHit`` values.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from thbdesk.core.i18n import LANGUAGES
from thbdesk.core.search.expansion import ITEM, Expansion, columns_of, covered, expand, languages_of, quote
from thbdesk.core.search.highlight import snippet
from thbdesk.core.search.index import HEADING_WEIGHT
from thbdesk.core.search.query import ParsedQuery
from thbdesk.core.search.spelling import correct_query
from thbdesk.core.search.terms import terms_of
from thbdesk.core.search.types import Filters, SearchHit
from thbdesk.core.search.vocabulary import Vocabulary

NUMBER_SCORE = 1000.0  # an exact article-number match outranks any text match
EXPANSION_WEIGHT = 0.4  # what the typed words stand for counts less than the words themselves
# A liaison officer looks for the provision first; the glossary and indicators explain around it.
_EXPLAINING_KINDS = frozenset({"glossary", "indicators"})
_KIND_WEIGHT = {"plan": 0.9}
_TAGS = re.compile(r"<[^>]+>")
_WEIGHTS = ", ".join(str(HEADING_WEIGHT if part == "h" else 1.0) for part in "hb" for _lang in LANGUAGES)


@dataclass
class TextQuery:
    """What the words of a query become, per language."""

    match: str = ""  # any word (ranked by how many match)
    every: str = ""  # every word: much cheaper on a large corpus, tried first
    terms: dict[str, set[str]] = field(default_factory=dict)
    words: list[dict[str, list[str]]] = field(default_factory=list)  # per word typed: group -> languages
    tail: str = ""  # the exclusions, " NOT (...)"


def _groups(text: str, lang: str) -> tuple[list[str], list[str], list[str]]:
    """(positive groups, excluded groups, single terms in order) of one language's analysis."""
    by_item, negative, singles = _item_groups(text, lang)
    return list(by_item.values()), negative, singles


def _item_groups(text: str, lang: str) -> tuple[dict[int, str], list[str], list[str]]:
    """Positive groups by the position of the word or phrase typed, excluded groups, single terms."""
    positive: dict[int, str] = {}
    negative: list[str] = []
    singles: list[str] = []
    for index, match in enumerate(ITEM.finditer(text)):
        minus = match.group(1) or match.group(3)
        phrase, word = match.group(2), match.group(4)
        if phrase is not None:
            terms = terms_of(phrase, lang, mode="query")
            group = quote(" ".join(terms)) if terms else ""
        elif word.endswith("*") and len(word) > 1:
            terms = terms_of(word.rstrip("*"), lang, mode="query")[:1]
            group = f"{quote(terms[0])}*" if terms else ""
        else:
            terms = terms_of(word, lang, mode="query")
            group = " AND ".join(quote(t) for t in terms)
            group = f"({group})" if len(terms) > 1 else group
            if len(terms) == 1 and not minus:
                singles.append(terms[0])
        if group and minus:
            negative.append(group)
        elif group:
            positive[index] = group
    return positive, negative, singles


def text_query(text: str) -> TextQuery:
    """An FTS5 expression: each language's columns searched with that language's analysis.

    Words are ORed (more matches rank higher); the words typed together also count as a NEAR group,
    so a phrase-like match ranks above scattered words. A clause that several languages analyse the
    same way is written once over their columns: every term's postings are read once.
    """
    positives: dict[str, list[str]] = {}
    negatives: dict[str, list[str]] = {}
    result = TextQuery()
    for lang in languages_of(text):
        positive, negative, singles = _groups(text, lang)
        result.terms[lang] = {t for group in positive for t in re.findall(r'"((?:[^"]|"")*)"', group)}
        if len(singles) > 1:
            positive.append(f"NEAR({' '.join(quote(t) for t in singles)}, 4)")
        for clause in positive:
            positives.setdefault(clause, []).append(lang)
        for clause in negative:
            negatives.setdefault(clause, []).append(lang)
    if not positives:
        return result
    parts = [f"{columns_of(langs)} : ({clause})" for clause, langs in positives.items()]
    excluded = [f"{columns_of(langs)} : ({clause})" for clause, langs in negatives.items()]
    result.tail = f" NOT ({' OR '.join(excluded)})" if excluded else ""
    result.match = f"({' OR '.join(parts)})" + result.tail
    result.words = _per_word(text)
    if len(result.words) > 1:
        result.every = "(" + " AND ".join(f"({_word_clause(w)})" for w in result.words) + ")" + result.tail
    return result


def _per_word(text: str) -> list[dict[str, list[str]]]:
    per_word: dict[int, dict[str, list[str]]] = {}
    for lang in languages_of(text):
        for index, group in _item_groups(text, lang)[0].items():
            per_word.setdefault(index, {}).setdefault(group, []).append(lang)
    return list(per_word.values())


def _word_clause(groups: dict[str, list[str]]) -> str:
    """One word typed, in any of its languages' analyses."""
    return " OR ".join(f"{columns_of(langs)} : ({group})" for group, langs in groups.items())


def _rare_words_match(connection: sqlite3.Connection, query: TextQuery, share: float = 0.25) -> str:
    """An OR of the words that are not in more than ``share`` of the documents.

    Ranking every document that has a very common word ("victim" in a corpus about victims) is what
    makes a large index slow, and such a word barely changes BM25's order anyway.
    """
    total = connection.execute("SELECT count(*) FROM docs").fetchone()[0] or 1
    rare = [word for word in query.words if _frequency(connection, word) <= share * total]
    if not rare or len(rare) == len(query.words):
        return ""
    return "(" + " OR ".join(f"({_word_clause(word)})" for word in rare) + ")" + query.tail


def _frequency(connection: sqlite3.Connection, groups: dict[str, list[str]]) -> int:
    terms = {t for group in groups for t in re.findall(r'"((?:[^"]|"")*)"', group)}
    counts = [connection.execute("SELECT doc FROM vocabulary WHERE term = ?", (t,)).fetchone() for t in terms]
    return max((row[0] for row in counts if row), default=0)


@dataclass(frozen=True)
class Request:
    """How the hits are wanted: filters, how many, and in which language they are shown."""

    filters: Filters
    limit: int
    display: str  # the language to prefer when showing a hit
    lang: str | None  # a language the user asked for explicitly
    vocabulary: Vocabulary | None = None  # the field's words and the glossary's triples


@dataclass
class Outcome:
    hits: list[SearchHit] = field(default_factory=list)
    corrected: str | None = None  # the query actually run, when the one typed matched nothing
    definition: str | None = None  # the glossary entry that explains the query


def run(connection: sqlite3.Connection, parsed: ParsedQuery, request: Request) -> Outcome:
    """The hits, the glossary entry to show above them, and the correction made, if any.

    Words of the field's vocabulary are known words: "passeur" is never "corrected" to "passer".
    """
    expansion = expand(parsed.text, request.vocabulary) if parsed.text else Expansion()
    corrected = correct_query(connection, parsed.text) if parsed.text and not expansion.found else None
    if corrected:
        fixed = ParsedQuery(corrected, parsed.numbers, parsed.instruments)
        outcome = _run(connection, fixed, expand(corrected, request.vocabulary), request)
        if outcome.hits:
            outcome.corrected = corrected
            return outcome
    return _run(connection, parsed, expansion, request)


Candidate = tuple[tuple[float, ...], Any, str, float]  # (sort key, row, language shown, score)


def _run(
    connection: sqlite3.Connection, parsed: ParsedQuery, expansion: Expansion, request: Request
) -> Outcome:
    where, params = _filter_sql(request.filters, parsed.instruments)
    candidates: dict[str, Candidate] = {}  # one per provision
    for number in parsed.numbers:
        for row in _number_rows(connection, number, where, params):
            score = NUMBER_SCORE + _instrument_rank(row, parsed)
            _keep(candidates, ((2.0, score), row, request.display, score))
    query = text_query(parsed.text) if parsed.text else TextQuery()
    scored = _text_scores(connection, query, expansion, (where, params), request.limit)
    terms = {lang: query.terms.get(lang, set()) | expansion.terms.get(lang, set()) for lang in LANGUAGES}
    for row, score in scored.values():
        present = _present(row)
        weighted = score * _KIND_WEIGHT.get(row["kind"], 1.0)
        # Documents that answer more of the typed words first; among those, provisions of laws,
        # decrees and codes before the glossary and indicators that explain them; then the provision
        # the glossary links the term typed to; then BM25.
        provision = float(row["kind"] not in _EXPLAINING_KINDS)
        linked = float(row["provision_key"] in expansion.links)
        rank = (1.0, covered(expansion, present), provision, linked, weighted)
        shown = _matched_language(present, query.terms, request.display)
        typed_langs = languages_of(parsed.text)
        if shown == request.display not in typed_langs and not query.terms.get(shown, set()) & present[shown]:
            # matched through what the words stand for: show it in a language of the typed words
            wording = {lang: expansion.terms.get(lang, set()) for lang in typed_langs}
            shown = _matched_language(present, wording, request.display)
        _keep(candidates, (rank, row, shown, weighted))
    ranked = sorted(candidates.values(), key=lambda item: item[0], reverse=True)[: request.limit]
    hits = [_hit(row, shown, request.lang, score, terms) for _rank, row, shown, score in ranked]
    return Outcome(hits, definition=_definition(expansion, scored.values(), request.filters, parsed))


def _text_scores(
    connection: sqlite3.Connection,
    query: TextQuery,
    expansion: Expansion,
    filters: tuple[str, list[str]],
    limit: int,
) -> dict[int, tuple[Any, float]]:
    """Each matching document's BM25 for the typed words, plus a share of its BM25 for what they
    stand for (the vocabulary's phrases)."""
    where, params = filters
    scored: dict[int, tuple[Any, float]] = {}
    if query.match:
        for row in _ranked_rows(connection, query, where, params, limit):
            scored[row["id"]] = (row, -float(row["rank"]))
    if expansion.match:
        sql_params = [f"({expansion.match}){query.tail}", *params, str(limit * 3)]
        for row in _matching_rows(connection, _text_sql(where), sql_params):
            previous = scored.get(row["id"], (row, 0.0))
            scored[row["id"]] = (previous[0], previous[1] - EXPANSION_WEIGHT * float(row["rank"]))
    return scored


def _present(row: Any) -> dict[str, set[str]]:
    """The analysed terms of a document, by language."""
    return {lang: set(f"{row[f'h_{lang}']} {row[f'b_{lang}']}".split()) for lang in LANGUAGES}


def _definition(
    expansion: Expansion, scored: Iterable[tuple[Any, float]], filters: Filters, parsed: ParsedQuery
) -> str | None:
    """The glossary entry the query names; else the best glossary hit whose term holds every word."""
    if filters.kinds or filters.instruments or parsed.instruments or not expansion.items:
        return None  # the user narrowed the search: no card from elsewhere
    if expansion.glossary:
        return expansion.glossary
    glossary = [(score, row) for row, score in scored if row["kind"] == "glossary"]
    for _score, row in sorted(glossary, key=lambda item: -item[0]):
        headings = {lang: set(row[f"h_{lang}"].split()) for lang in LANGUAGES}
        if covered(expansion, headings) == len(expansion.items):
            return str(row["provision_key"])
    return None


def _ranked_rows(
    connection: sqlite3.Connection, query: TextQuery, where: str, params: list[str], limit: int
) -> list[Any]:
    """Every word first; if that does not fill the page, add the rarer words' matches; if that still
    does not, any word. Documents with every word stay in front of the others."""
    sql, wanted = _text_sql(where), str(limit * 3)
    rows: list[Any] = []
    if query.every:  # FTS5 intersects: cheap, and usually enough
        rows = _matching_rows(connection, sql, [query.every, *params, wanted])
        rare = _rare_words_match(connection, query) if len(rows) < limit else ""
        if rare:
            seen = {row["id"] for row in rows}
            rows += [
                r for r in _matching_rows(connection, sql, [rare, *params, wanted]) if r["id"] not in seen
            ]
    if len(rows) < limit:
        rows = _matching_rows(connection, sql, [query.match, *params, wanted])
    return rows


def _text_sql(where: str) -> str:
    """Rank inside FTS5 first, then fetch the few winners' rows: sorting every match together with
    its stored texts cost more than the match itself (measured: p95 38 ms vs 15 ms at 20,000)."""
    columns = ", ".join("terms." + c for c in _columns())
    ranked = f"SELECT rowid, bm25(terms, {_WEIGHTS}) AS rank FROM terms WHERE terms MATCH ?"
    if where:  # the filters need the docs table before the limit
        ranked = (
            f"SELECT terms.rowid AS rowid, bm25(terms, {_WEIGHTS}) AS rank FROM terms"
            f" JOIN docs ON docs.id = terms.rowid WHERE terms MATCH ? {where}"
        )
    return (
        f"WITH top AS ({ranked} ORDER BY rank LIMIT ?) SELECT docs.*, top.rank AS rank, {columns}"
        " FROM top JOIN docs ON docs.id = top.rowid JOIN terms ON terms.rowid = top.rowid ORDER BY top.rank"
    )


def _matching_rows(connection: sqlite3.Connection, sql: str, params: list[str]) -> list[Any]:
    try:
        return connection.execute(sql, params).fetchall()
    except sqlite3.OperationalError as error:
        if "fts5" in str(error) or "syntax" in str(error):  # an expression FTS5 refuses finds nothing
            return []
        raise


def _columns() -> list[str]:
    return [f"{part}_{lang}" for part in "hb" for lang in LANGUAGES]


def _number_rows(connection: sqlite3.Connection, number: str, where: str, params: list[str]) -> list[Any]:
    sql = f"SELECT * FROM docs WHERE number = ? {where}"
    rows = connection.execute(sql, (number, *params)).fetchall()
    swapped = _swapped(number)
    if not rows and swapped:  # "1-448" or "1-5-82" typed in Arabic order without الفصل or المادة
        rows = connection.execute(sql, (swapped, *params)).fetchall()
    return rows


def _keep(candidates: dict[str, Candidate], candidate: Candidate) -> None:
    """The best row of each provision stands for it."""
    key = candidate[1]["provision_key"]
    if key not in candidates or candidates[key][0] < candidate[0]:
        candidates[key] = candidate


def _swapped(number: str) -> str:
    """The other order of a multi-part number ("" when there is none): Arabic writes the
    sub-numbers first, so ``1-5-82`` and ``82-5-1`` are one article.

    >>> _swapped("1-448"), _swapped("1-5-82"), _swapped("448"), _swapped("5-5")
    ('448-1', '82-5-1', '', '')
    """
    parts = number.split("-")
    swapped = "-".join(reversed(parts))
    return swapped if len(parts) > 1 and swapped != number else ""


def _matched_language(present: dict[str, set[str]], terms: dict[str, set[str]], fallback: str) -> str:
    """The language whose columns hold most query terms: an English query reads English snippets."""
    if fallback == "ar":
        return fallback
    counts = {lang: len(terms.get(lang, set()) & present[lang]) for lang in LANGUAGES}
    best = max(counts, key=lambda lang: (counts[lang], lang == fallback))
    return best if counts[best] else fallback


def _instrument_rank(row: Any, parsed: ParsedQuery) -> float:
    """Among hits on the same number: a text the user named first, then the Penal Code section."""
    if row["instrument"] in parsed.instruments:
        return 20.0
    if row["source"] == "summary":
        return 10.0 if row["instrument"] == "27-14" else 5.0
    return 0.0


def _hit(row: Any, display: str, lang: str | None, score: float, terms: dict[str, set[str]]) -> SearchHit:
    langs = row["langs"].split(",")
    preferred = display if display in langs else langs[0]
    headings, bodies = json.loads(row["headings"]), json.loads(row["bodies"])
    order = [preferred] if lang else [preferred, *[x for x in langs if x != preferred]]
    shown, html = preferred, ""
    for candidate in order:
        text = bodies.get(candidate) or headings.get(candidate) or ""
        html, matched = snippet(text, candidate, terms.get(candidate, set()))
        if not matched and headings.get(candidate):
            html_heading, matched = snippet(headings[candidate], candidate, terms.get(candidate, set()))
            html = html_heading if matched else html
        if matched or lang:
            shown = candidate
            break
    else:
        text = bodies.get(preferred) or headings.get(preferred) or ""
        html, _matched = snippet(text, preferred, set())
    titles = json.loads(row["titles"])
    plain = _TAGS.sub("", html).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    return SearchHit(
        key=row["provision_key"],
        instrument=row["instrument"],
        number=row["number"],
        title=titles.get(shown) or next(iter(titles.values()), ""),
        lang=shown,
        kind=row["kind"],
        snippet=plain.replace("&quot;", '"').replace("&#x27;", "'"),
        snippet_html=html,
        score=score,
        source=row["source"],
        status=row["status"],
    )


def _filter_sql(filters: Filters, named: tuple[str, ...]) -> tuple[str, list[str]]:
    clauses, params = [], []
    instruments = filters.instruments or named
    for column, values in (
        ("instrument", instruments),
        ("kind", filters.kinds),
        ("status", filters.statuses),
        ("source", filters.sources),
    ):
        if values:
            clauses.append(f"docs.{column} IN ({', '.join('?' for _ in values)})")
            params += list(values)
    if filters.langs:
        likes = " OR ".join("(',' || docs.langs || ',') LIKE ?" for _ in filters.langs)
        clauses.append(f"(docs.source = 'summary' OR {likes})")
        params += [f"%,{lang},%" for lang in filters.langs]
    return "".join(f" AND {clause}" for clause in clauses), params
