"""Bundled legal texts: YAML files -> typed model, with every authoring problem reported at once.

Problems read ``law-27-14.yaml:41: provisions[3].summary.fr: missing``; the format is documented in
``legal_texts/README.md``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import pickle
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from thbdesk import __version__
from thbdesk.core.atomic import write_bytes_atomic
from thbdesk.core.errors import LegalTextError
from thbdesk.core.i18n import LANGUAGES
from thbdesk.core.legal.model import (
    KINDS,
    PENALTY_KINDS,
    REFERENCE_KINDS,
    STATUSES,
    UNITS,
    Corpus,
    Definition,
    Instrument,
    Penalty,
    Provision,
    Reference,
    Tri,
)
from thbdesk.core.paths import bundled_dir, cache_dir
from thbdesk.core.yamlsource import LineDict, Problems, YamlSyntaxError, load_yaml

FORMAT_VERSION = 1
SUMMARY_OPTIONAL_KINDS = ("indicators", "glossary")


class _Reader:
    """Turns one parsed file into model objects, recording problems instead of stopping."""

    def __init__(self, path: Path) -> None:
        self.problems = Problems(path)
        self.path = path

    def tri(self, node: LineDict, key: str, where: str, *, required: bool = True) -> Tri | None:
        value = node.get(key)
        if value is None:
            if required:
                self.problems.add(
                    node.line_of(key) if key in node else node.line, f"{where}.{key}", "missing"
                )
            return None
        return self.tri_value(value, node.line_of(key), f"{where}.{key}")

    def tri_value(self, value: Any, line: int, where: str) -> Tri | None:
        if not isinstance(value, dict):
            self.problems.add(line, where, "expected a map with ar, fr and en")
            return None
        texts = {}
        for lang in LANGUAGES:
            text = value.get(lang)
            if not isinstance(text, str) or not text.strip():
                self.problems.add(line, f"{where}.{lang}", "missing or empty")
            texts[lang] = str(text or "").strip()
        for extra in sorted(set(value) - set(LANGUAGES)):
            self.problems.add(line, f"{where}.{extra}", "unknown language (use ar, fr, en)")
        return Tri(**texts)

    def choice(
        self, node: LineDict, key: str, allowed: Iterable[str], where: str, default: str | None = None
    ) -> str:
        value = node.get(key, default)
        allowed = tuple(allowed)
        if value not in allowed:
            self.problems.add(
                node.line_of(key), f"{where}.{key}", f"{value!r} is not one of {', '.join(allowed)}"
            )
            return allowed[0]
        return str(value)

    def strings(self, node: LineDict, key: str, where: str) -> tuple[str, ...]:
        value = node.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str | int | float) for v in value):
            self.problems.add(node.line_of(key), f"{where}.{key}", "expected a list of strings")
            return ()
        return tuple(str(v) for v in value)

    def mapping(self, value: Any, line: int, where: str) -> LineDict | None:
        if not isinstance(value, LineDict):
            self.problems.add(line, where, "expected a map")
            return None
        return value

    def items(self, node: LineDict, key: str, where: str) -> list[tuple[int, LineDict]]:
        value = node.get(key, [])
        if not isinstance(value, list):
            self.problems.add(node.line_of(key), f"{where}.{key}", "expected a list")
            return []
        found = []
        for index, item in enumerate(value):
            mapping = self.mapping(item, node.line_of(key), f"{where}.{key}[{index}]")
            if mapping is not None:
                found.append((index, mapping))
        return found


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _penalty(reader: _Reader, node: LineDict, where: str, default_status: str) -> Penalty:
    kind = reader.choice(node, "kind", PENALTY_KINDS, where)
    numbers: dict[str, int | None] = {}
    for key in ("min", "max"):
        value = node.get(key)
        if value is not None and (not isinstance(value, int) or value < 0):
            reader.problems.add(node.line_of(key), f"{where}.{key}", "expected a whole number")
            value = None
        numbers[key] = value
    if kind != "life" and (numbers["min"] is None or numbers["max"] is None):
        reader.problems.add(node.line, where, "min and max are required (except for life)")
    low, high = numbers["min"], numbers["max"]
    if low is not None and high is not None and low > high:
        reader.problems.add(node.line, where, f"min {low} is greater than max {high}")
    unit = None if kind == "life" else reader.choice(node, "unit", UNITS, where)
    if kind == "fine" and unit != "dirhams":
        reader.problems.add(node.line_of("unit"), f"{where}.unit", "a fine is in dirhams")
    condition = reader.tri(node, "condition", where, required=False)
    status = reader.choice(node, "status", STATUSES[:2], where, default=default_status)
    return Penalty(kind=kind, status=status, min=low, max=high, unit=unit, condition=condition)


def _tri_list(reader: _Reader, node: LineDict, key: str, where: str) -> tuple[Tri, ...]:
    values = node.get(key, [])
    if not isinstance(values, list):
        reader.problems.add(node.line_of(key), f"{where}.{key}", "expected a list")
        return ()
    found = (reader.tri_value(v, node.line_of(key), f"{where}.{key}[{i}]") for i, v in enumerate(values))
    return tuple(t for t in found if t is not None)


def _definitions(reader: _Reader, node: LineDict, where: str) -> tuple[Definition, ...]:
    found = []
    for index, item in reader.items(node, "definitions", where):
        term = reader.tri(item, "term", f"{where}.definitions[{index}]")
        meaning = reader.tri(item, "meaning", f"{where}.definitions[{index}]")
        if term and meaning:
            found.append(Definition(term, meaning))
    return tuple(found)


@dataclass(frozen=True)
class _Head:
    """What every provision of an instrument inherits."""

    id: str
    kind: str
    provision_label: Tri


def _provision(reader: _Reader, node: LineDict, where: str, instrument: _Head) -> Provision:
    placed = "number" in node or "id" not in node
    number = _text(node.get("number") if placed else node.get("id"))
    if not number:
        reader.problems.add(node.line, f"{where}.number", "missing")
    status = reader.choice(node, "status", STATUSES, where)
    missing = status == "missing"
    if not placed and status != "unverified":
        reader.problems.add(
            node.line_of("status"), f"{where}.status", "a fact without an article must be unverified"
        )
    heading = reader.tri(node, "heading", where, required=not missing)
    summary_required = not missing and instrument.kind not in SUMMARY_OPTIONAL_KINDS
    summary = reader.tri(node, "summary", where, required=summary_required)
    if missing and (summary or node.get("penalties")):
        reader.problems.add(node.line, where, "a missing provision has no summary or penalties")
    if not missing and not node.get("sources"):
        reader.problems.add(node.line, f"{where}.sources", "each stated fact needs its public sources")
    label = reader.tri(node, "label", where, required=False) or instrument.provision_label
    penalties = tuple(
        _penalty(reader, item, f"{where}.penalties[{i}]", status)
        for i, item in reader.items(node, "penalties", where)
    )
    return Provision(
        instrument_id=instrument.id,
        number=number or "?",
        status=status,
        label=label,
        line=node.line,
        heading=heading,
        summary=summary,
        group=_text(node.get("group")),
        topics=reader.strings(node, "topics", where),
        penalties=penalties,
        aggravations=_tri_list(reader, node, "aggravations", where),
        exemptions=_tri_list(reader, node, "exemptions", where),
        definitions=_definitions(reader, node, where),
        refs=reader.strings(node, "refs", where),
        sources=reader.strings(node, "sources", where),
        placed=placed,
    )


def _references(reader: _Reader, node: LineDict) -> tuple[Reference, ...]:
    found = []
    for index, item in reader.items(node, "references", "instrument"):
        where = f"instrument.references[{index}]"
        verified = item.get("verified")
        if not isinstance(verified, bool):
            reader.problems.add(item.line_of("verified"), f"{where}.verified", "expected true or false")
        found.append(
            Reference(
                kind=reader.choice(item, "kind", REFERENCE_KINDS, where),
                verified=bool(verified),
                number=_text(item.get("number")),
                date=_text(item.get("date")),
                lang=_text(item.get("lang")),
                note=reader.tri(item, "note", where, required=False),
            )
        )
    return tuple(found)


def _instrument(reader: _Reader, root: LineDict) -> Instrument | None:
    if root.get("format") != FORMAT_VERSION:
        reader.problems.add(root.line_of("format"), "format", f"expected {FORMAT_VERSION}")
    head = reader.mapping(root.get("instrument"), root.line_of("instrument"), "instrument")
    if head is None:
        return None
    ident = _text(head.get("id"))
    if not ident:
        reader.problems.add(head.line, "instrument.id", "missing")
    base = _Head(
        id=ident or "?",
        kind=reader.choice(head, "kind", KINDS, "instrument"),
        provision_label=reader.tri(head, "provision_label", "instrument") or Tri("", "", ""),
    )
    provisions = tuple(
        _provision(reader, item, f"provisions[{i}]", base) for i, item in reader.items(root, "provisions", "")
    )
    unplaced = tuple(
        _provision(reader, item, f"unplaced[{i}]", base) for i, item in reader.items(root, "unplaced", "")
    )
    _check_unique(reader, provisions)
    return Instrument(
        id=base.id,
        kind=base.kind,
        title=reader.tri(head, "title", "instrument") or Tri("", "", ""),
        short_title=reader.tri(head, "short_title", "instrument") or Tri("", "", ""),
        provision_label=base.provision_label,
        path=reader.path,
        official_numbering=bool(head.get("official_numbering", True)),
        code=_text(head.get("code")),
        references=_references(reader, head),
        sources=reader.strings(head, "sources", "instrument"),
        provisions=provisions,
        unplaced=unplaced,
    )


def _check_unique(reader: _Reader, provisions: tuple[Provision, ...]) -> None:
    seen: set[str] = set()
    for provision in provisions:
        if provision.number in seen:
            reader.problems.add(provision.line, "number", f"{provision.number} appears twice")
        seen.add(provision.number)


def _raise(problems: list[str], path: Path) -> None:
    raise LegalTextError(details="\n".join(problems), name=path.name, count=len(problems), first=problems[0])


def load_instrument(path: Path) -> Instrument:
    """Load one file; raise ``LegalTextError`` listing every problem in it."""
    reader = _Reader(path)
    try:
        root = load_yaml(path)
    except YamlSyntaxError as exc:
        _raise([f"{path.name}:{exc.line}: syntax: {exc.problem}"], path)
    if not isinstance(root, LineDict):
        _raise([f"{path.name}:1: file: expected a map with format, instrument and provisions"], path)
    instrument = _instrument(reader, root)
    if reader.problems or instrument is None:
        _raise(reader.problems.items or [f"{path.name}:1: instrument: missing"], path)
    assert instrument is not None
    return instrument


def check_references(corpus: Corpus) -> list[str]:
    """Every cross-reference must name a provision that exists."""
    problems = []
    for instrument in corpus.instruments:
        for provision in (*instrument.provisions, *instrument.unplaced):
            for ref in provision.refs:
                if corpus.resolve(ref, instrument.id) is None:
                    problems.append(f"{instrument.path.name}:{provision.line}: refs: {ref} does not exist")
    return problems


def _reading_order(instrument: Instrument) -> tuple[int, int, str]:
    """The Penal Code section first, then laws, decrees, procedure, plans, indicators, glossary."""
    kinds = ("law", "decree", "procedure", "plan", "indicators", "glossary")
    return (instrument.code != "penal-code", kinds.index(instrument.kind), instrument.id)


def load_corpus(folder: Path | None = None) -> Corpus:
    """Load every instrument of ``folder``; all problems of all files are reported together."""
    folder = folder or bundled_dir("legal_texts")
    instruments, problems = [], []
    for path in sorted(folder.glob("*.yaml")):
        try:
            instruments.append(load_instrument(path))
        except LegalTextError as exc:
            problems.extend(exc.details.splitlines())
    ids = [i.id for i in instruments]
    problems += [
        f"{i.path.name}:1: instrument.id: {i.id} is used twice" for i in instruments if ids.count(i.id) > 1
    ]
    instruments.sort(key=_reading_order)
    corpus = Corpus(tuple(instruments))
    problems += check_references(corpus)
    if problems:
        _raise(problems, folder)
    return corpus


def _fingerprint(folder: Path) -> str:
    """Names, sizes and times of the files: kept as text (hashlib alone costs 15 ms to import)."""
    stats = [(p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(folder.glob("*.yaml"))]
    return repr((FORMAT_VERSION, __version__, str(folder), stats))


def cached_corpus(folder: Path, cache_file: Path) -> Corpus:
    """Parsing YAML costs ~150 ms at start-up; a pickle keyed by the files' stats costs ~10 ms.

    The cache lives in the user's cache dir (written by thbdesk only); any problem reading it
    means a fresh parse, never an error.
    """
    key = _fingerprint(folder)
    try:
        with cache_file.open("rb") as handle:
            stored_key, corpus = pickle.load(handle)
        if stored_key == key and isinstance(corpus, Corpus):
            return corpus
    except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError, TypeError):
        pass
    corpus = load_corpus(folder)
    with contextlib.suppress(OSError):  # a read-only cache dir only costs speed
        write_bytes_atomic(cache_file, pickle.dumps((key, corpus), protocol=pickle.HIGHEST_PROTOCOL))
    return corpus


@cache
def bundled_corpus() -> Corpus:
    return cached_corpus(bundled_dir("legal_texts"), cache_dir() / "corpus.pickle")
