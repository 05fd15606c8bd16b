"""What gets indexed: one document per bundled provision and one per imported official article.

Plain dataclasses, no Whoosh: the indexer turns them into index documents, another engine could too.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from thbdesk.core.i18n import LANGUAGES
from thbdesk.core.legal.align import provision_key
from thbdesk.core.legal.display import penalty_text, provision_title
from thbdesk.core.legal.library import ImportedArticle, ImportedText, Library
from thbdesk.core.legal.model import Corpus, Instrument, Provision


@dataclass(frozen=True)
class SearchDocument:
    key: str  # unique in the index
    provision_key: str  # the provision a hit stands for (imported articles point at their aligned one)
    instrument: str
    number: str
    kind: str  # the instrument's kind, or "imported"
    status: str
    source: str  # "summary" or "official"
    headings: dict[str, str] = field(default_factory=dict)  # per language
    bodies: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    text_id: str = ""
    keywords: str = ""  # searchable English tags, never shown in a snippet


def _body(provision: Provision, lang: str) -> str:
    parts = [provision.summary.get(lang) if provision.summary else ""]
    parts += [penalty_text(p, lang) for p in provision.penalties]
    parts += [t.get(lang) for t in (*provision.aggravations, *provision.exemptions)]
    parts += [f"{d.term.get(lang)}: {d.meaning.get(lang)}" for d in provision.definitions]
    return "\n".join(p for p in parts if p)


def _title(provision: Provision, instrument: Instrument, lang: str) -> str:
    """Glossary terms and indicators are known by their words, articles by their number."""
    if instrument.kind in ("glossary", "indicators") and provision.heading:
        return provision.heading.get(lang)
    return provision_title(provision, instrument, lang)


def _searchable_name(provision: Provision, instrument: Instrument, lang: str) -> str:
    """How users type the provision's name: "الفصل 7-448", "Article 448-7", an indicator's "GEN-07"."""
    if not provision.placed or instrument.kind == "glossary":
        return ""
    if not instrument.official_numbering:
        return provision.number if instrument.kind == "indicators" else ""
    return provision_title(provision, instrument, lang)


def provision_document(provision: Provision, instrument: Instrument) -> SearchDocument:
    titles = {lang: _title(provision, instrument, lang) for lang in LANGUAGES}
    headings = {}
    for lang in LANGUAGES:
        heading = provision.heading.get(lang) if provision.heading else ""
        # The article's own name is searchable too: "الفصل 7-448", "Article 448-7".
        headings[lang] = f"{_searchable_name(provision, instrument, lang)} {heading}".strip()
    return SearchDocument(
        key=provision.key,
        provision_key=provision.key,
        instrument=instrument.id,
        number=provision.number,
        kind=instrument.kind,
        status=provision.status,
        source="summary",
        headings=headings,
        bodies={lang: _body(provision, lang) for lang in LANGUAGES},
        titles=titles,
        # Topics are English tags: searchable in the English columns, never shown as text.
        keywords=" ".join(t.replace("-", " ") for t in provision.topics),
    )


def official_document(
    text: ImportedText, index: int, article: ImportedArticle, corpus: Corpus
) -> SearchDocument:
    number = article.number or ""
    # An article the text inserts into a code stands for that code's provision (22-01:82-5-1).
    aligned = provision_key(text, article)
    instrument_id = aligned.rpartition(":")[0] if aligned else text.instrument
    instrument = corpus.instrument(instrument_id)
    title = article.heading.splitlines()[0] if article.heading else text.filename
    return SearchDocument(
        key=f"official:{text.id}:{index}",
        provision_key=aligned if aligned and instrument else f"{text.id}:{index}",
        instrument=instrument_id,
        number=number,
        kind=instrument.kind if instrument else "imported",
        status="official",
        source="official",
        headings={article.lang: " ".join((title, *article.context))},
        bodies={article.lang: article.text},
        titles={article.lang: title},
        text_id=text.id,
    )


def corpus_documents(corpus: Corpus) -> Iterator[SearchDocument]:
    for instrument in corpus.instruments:
        for provision in (*instrument.provisions, *instrument.unplaced):
            yield provision_document(provision, instrument)


def imported_documents(library: Library, text: ImportedText) -> Iterator[SearchDocument]:
    for index, article in enumerate(library.articles(text.id)):
        yield official_document(text, index, article, library.corpus)
