"""The qualification helper's rules, read from ``legal_texts/rules/qualification.yaml``.

The rules say which answer codes meet each element of Penal Code 448-1 and which circumstance
points to which aggravation; a legal officer edits them without touching code. They hold no
penalty figure: those are read from the bundled corpus, so the two cannot disagree. Every problem
is reported at once as ``qualification.yaml:LINE: field: message``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from thbdesk.core.errors import QualificationRulesError
from thbdesk.core.i18n import LANGUAGES
from thbdesk.core.legal.loader import bundled_corpus
from thbdesk.core.legal.model import Corpus, Tri
from thbdesk.core.paths import bundled_dir
from thbdesk.core.yamlsource import LineDict, Problems, YamlSyntaxError, load_yaml

FORMAT_VERSION = 1
ELEMENTS = ("act", "means", "purpose")
TIERS = ("1", "2", "3", "life")
DERIVED = ("minor",)
PROVISION_ROLES = ("definition", "basic_penalty", "non_liability", "smuggling", "crossing")


@dataclass(frozen=True)
class ElementRule:
    """One element of 448-1: the answer field and what its codes mean."""

    id: str
    field: str
    codes: tuple[tuple[str, Tri], ...]
    none: tuple[str, ...] = ()  # "looked and found none": the element is missing
    unknown: tuple[str, ...] = ()  # "do not know": the element is unknown

    def label(self, code: str) -> Tri | None:
        return next((tri for known, tri in self.codes if known == code), None)


@dataclass(frozen=True)
class AggravationRule:
    """A fact that may aggravate the offence, and where the law says so."""

    trigger: str  # a qual_circumstances code, or a derived fact ("minor")
    derived: bool
    provision: str  # corpus key, e.g. "27-14:448-3"
    case: int  # 1-based index into the provision's listed aggravations
    tier: str
    paragraph: int | None = None
    penalty_kinds: tuple[str, ...] = ()  # empty: every penalty of the provision
    note: Tri | None = None  # what the text leaves open, shown with the finding


@dataclass(frozen=True)
class Rules:
    forms: tuple[str, ...]
    minor_age: int
    minority_indicator_group: str
    provisions: tuple[tuple[str, str], ...]
    elements: tuple[ElementRule, ...]
    aggravations: tuple[AggravationRule, ...]

    def provision(self, role: str) -> str:
        return dict(self.provisions)[role]

    def element(self, element_id: str) -> ElementRule:
        return next(e for e in self.elements if e.id == element_id)


class _Reader:
    def __init__(self, path: Path, corpus: Corpus) -> None:
        self.problems = Problems(path)
        self.corpus = corpus

    def add(self, node: LineDict, key: str, where: str, message: str) -> None:
        self.problems.add(node.line_of(key), where, message)

    def text(self, node: LineDict, key: str, where: str) -> str:
        value = node.get(key)
        if not isinstance(value, str) or not value.strip():
            self.add(node, key, where, "missing; expected a text")
            return ""
        return value

    def codes(self, node: LineDict, key: str, where: str) -> tuple[str, ...]:
        value = node.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.add(node, key, where, "expected a list of codes")
            return ()
        return tuple(value)

    def provision_key(self, node: LineDict, key: str, where: str) -> str:
        ref = self.text(node, key, where)
        if ref and (":" not in ref or self.corpus.resolve(ref, "") is None):
            self.add(node, key, where, f"{ref} is not a provision of the bundled texts (e.g. 27-14:448-3)")
        return ref

    def tri(self, value: Any, node: LineDict, key: str, where: str) -> Tri:
        if not isinstance(value, dict):
            self.add(node, key, where, "expected a map with ar, fr and en")
            return Tri("", "", "")
        texts = {lang: value.get(lang) for lang in LANGUAGES}
        for lang, text in texts.items():
            if not isinstance(text, str) or not text.strip():
                self.add(node, key, f"{where}.{lang}", "missing or empty")
        for extra in sorted(set(value) - set(LANGUAGES)):
            self.add(node, key, f"{where}.{extra}", "unknown language (use ar, fr, en)")
        return Tri(**{lang: str(text or "") for lang, text in texts.items()})


def _element(reader: _Reader, node: LineDict, where: str) -> ElementRule:
    element_id = reader.text(node, "id", f"{where}.id")
    if element_id and element_id not in ELEMENTS:
        reader.add(node, "id", f"{where}.id", f"{element_id!r} is not one of {', '.join(ELEMENTS)}")
    codes = node.get("codes")
    if not isinstance(codes, LineDict) or not codes:
        reader.add(node, "codes", f"{where}.codes", "expected a map of code: {ar, fr, en}")
        codes = LineDict()
    labels = tuple(
        (str(code), reader.tri(label, codes, code, f"{where}.codes.{code}")) for code, label in codes.items()
    )
    return ElementRule(
        id=element_id,
        field=reader.text(node, "field", f"{where}.field"),
        codes=labels,
        none=reader.codes(node, "none", f"{where}.none"),
        unknown=reader.codes(node, "unknown", f"{where}.unknown"),
    )


def _trigger(reader: _Reader, node: LineDict, where: str) -> tuple[str, bool]:
    if ("circumstance" in node) == ("derived" in node):
        reader.add(node, "circumstance", where, "give either circumstance or derived")
        return "", False
    if "derived" in node:
        derived = reader.text(node, "derived", f"{where}.derived")
        if derived and derived not in DERIVED:
            reader.add(node, "derived", f"{where}.derived", f"{derived!r} is not one of {', '.join(DERIVED)}")
        return derived, True
    return reader.text(node, "circumstance", f"{where}.circumstance"), False


def _positive(reader: _Reader, node: LineDict, key: str, where: str, *, required: bool) -> int | None:
    value = node.get(key)
    if value is None and not required:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        reader.add(node, key, f"{where}.{key}", "expected a whole number from 1")
        return None
    return value


def _aggravation(reader: _Reader, node: LineDict, where: str) -> AggravationRule:
    trigger, derived = _trigger(reader, node, where)
    ref = reader.provision_key(node, "provision", f"{where}.provision")
    case = _positive(reader, node, "case", where, required=True) or 1
    tier = str(node.get("tier", ""))
    if tier not in TIERS:
        reader.add(node, "tier", f"{where}.tier", f"{tier!r} is not one of {', '.join(TIERS)}")
    kinds = reader.codes(node, "penalties", f"{where}.penalties")
    provision = reader.corpus.resolve(ref, "") if ":" in ref else None
    if provision is not None:
        if case > len(provision.aggravations):
            reader.add(
                node, "case", f"{where}.case", f"{ref} lists {len(provision.aggravations)} circumstances"
            )
        present = {p.kind for p in provision.penalties}
        for kind in kinds:
            if kind not in present:
                reader.add(node, "penalties", f"{where}.penalties", f"{ref} has no {kind} penalty")
    return AggravationRule(
        trigger=trigger,
        derived=derived,
        provision=ref,
        case=case,
        tier=tier,
        paragraph=_positive(reader, node, "paragraph", where, required=False),
        penalty_kinds=kinds,
        note=reader.tri(node["note"], node, "note", f"{where}.note") if "note" in node else None,
    )


def _items(reader: _Reader, root: LineDict, key: str) -> list[tuple[str, LineDict]]:
    value = root.get(key)
    if not isinstance(value, list) or not value:
        reader.add(root, key, key, "expected a list")
        return []
    found = []
    for index, item in enumerate(value):
        if isinstance(item, LineDict):
            found.append((f"{key}[{index}]", item))
        else:
            reader.add(root, key, f"{key}[{index}]", "expected a map")
    return found


def _provisions(reader: _Reader, root: LineDict) -> tuple[tuple[str, str], ...]:
    node = root.get("provisions")
    if not isinstance(node, LineDict):
        reader.add(root, "provisions", "provisions", "expected a map of role: provision")
        return ()
    for role in PROVISION_ROLES:
        if role not in node:
            reader.add(node, role, f"provisions.{role}", "missing")
    return tuple((role, reader.provision_key(node, role, f"provisions.{role}")) for role in node)


def _check_unique(reader: _Reader, root: LineDict, rules: Rules) -> None:
    ids = [e.id for e in rules.elements]
    if sorted(ids) != sorted(ELEMENTS):
        reader.add(root, "elements", "elements", f"expected each of {', '.join(ELEMENTS)} once")
    triggers = [a.trigger for a in rules.aggravations]
    for trigger in sorted({t for t in triggers if triggers.count(t) > 1}):
        reader.add(root, "aggravations", "aggravations", f"{trigger} appears twice")


def _rules(reader: _Reader, root: LineDict) -> Rules:
    if root.get("format") != FORMAT_VERSION:
        reader.add(root, "format", "format", f"expected {FORMAT_VERSION}")
    minor_age = _positive(reader, root, "minor_age", "", required=True) or 18
    rules = Rules(
        forms=reader.codes(root, "forms", "forms"),
        minor_age=minor_age,
        minority_indicator_group=reader.text(root, "minority_indicator_group", "minority_indicator_group"),
        provisions=_provisions(reader, root),
        elements=tuple(_element(reader, item, where) for where, item in _items(reader, root, "elements")),
        aggravations=tuple(
            _aggravation(reader, item, where) for where, item in _items(reader, root, "aggravations")
        ),
    )
    _check_unique(reader, root, rules)
    return rules


def rules_path() -> Path:
    return bundled_dir("legal_texts") / "rules" / "qualification.yaml"


def load_rules(path: Path | None = None, corpus: Corpus | None = None) -> Rules:
    """Read and check the rules; raise ``QualificationRulesError`` listing every problem."""
    path = path or rules_path()
    reader = _Reader(path, corpus or bundled_corpus())
    try:
        root = load_yaml(path)
    except YamlSyntaxError as exc:
        reader.problems.add(exc.line, "syntax", exc.problem)
        root = None
    except OSError as exc:
        reader.problems.add(0, "file", exc.strerror or "cannot be read")
        root = None
    if root is not None and not isinstance(root, LineDict):
        reader.problems.add(1, "file", "expected a map with format, elements and aggravations")
    rules = _rules(reader, root) if isinstance(root, LineDict) else None
    if reader.problems or rules is None:
        items = reader.problems.items
        raise QualificationRulesError(
            details="\n".join(items), name=path.name, count=len(items), first=items[0]
        )
    return rules


@cache
def bundled_rules() -> Rules:
    return load_rules()
