"""Qualification helper: what the answers of a form indicate under Penal Code 448-1 to 448-5 and Law 02-03.

Decision support only: the prosecutor qualifies the facts. The findings are language-neutral codes
and corpus keys (``to_json``); ``describe(lang)`` words them. The rules (which code meets which
element, which circumstance is which aggravation) are data in ``legal_texts/rules/qualification.yaml``;
penalty figures and statuses come from the bundled corpus. Answers are a plain mapping of the
contract's field ids, read defensively: any value of any type gives a finding, never an exception.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from thbdesk.core.forms.qualify_rules import AggravationRule, ElementRule, Rules, bundled_rules
from thbdesk.core.legal.loader import bundled_corpus
from thbdesk.core.legal.model import Corpus, Penalty, Tri

# Outcomes of "trafficking or migrant smuggling"
TRAFFICKING, SMUGGLING, BOTH, INSUFFICIENT, NEITHER = (
    "trafficking",
    "smuggling",
    "both",
    "insufficient",
    "neither",
)
MET, MISSING, UNKNOWN, NOT_REQUIRED = "met", "missing", "unknown", "not_required"
MINOR, PRESUMED_MINOR, ADULT, AGE_UNKNOWN = "minor", "presumed_minor", "adult", "unknown"
_MAX_AGE = 130


@dataclass(frozen=True)
class AgeFinding:
    """The age at the incident and how sure it is."""

    status: str  # minor | presumed_minor | adult | unknown
    years: int | None = None
    basis: str = "none"  # dob | estimate | indicators | none
    disputed: bool = False  # the date of birth says adult, another sign says minor
    dob_after_incident: bool = False

    @property
    def is_minor(self) -> bool:
        return self.status in (MINOR, PRESUMED_MINOR)


@dataclass(frozen=True)
class ElementFinding:
    """One element of 448-1 and the answer codes that meet it."""

    element: str  # act | means | purpose
    status: str  # met | missing | unknown | not_required
    facts: tuple[str, ...] = ()
    age_unknown: bool = False  # means: needed unless the person is under 18, and the age is unknown


@dataclass(frozen=True)
class AggravationFinding:
    """A circumstance that may aggravate the offence, with the corpus's article, status and figures."""

    trigger: str
    tier: str
    provision: str
    case: int
    paragraph: int | None
    basis: str  # ticked | age | presumed_age
    status: str  # the provision's status in the corpus
    penalties: tuple[Penalty, ...]
    note: Tri | None = None

    @property
    def verified(self) -> bool:
        return self.status == "verified" and all(p.status == "verified" for p in self.penalties)


@dataclass(frozen=True)
class Reason:
    code: str
    provisions: tuple[str, ...] = ()
    elements: tuple[str, ...] = ()


@dataclass(frozen=True)
class Qualification:
    age: AgeFinding
    elements: tuple[ElementFinding, ...]
    aggravations: tuple[AggravationFinding, ...]
    outcome: str
    reasons: tuple[Reason, ...]
    definition: str
    basic_penalty: str
    basic_penalties: tuple[Penalty, ...]
    smuggling: str
    smuggling_penalties: tuple[Penalty, ...]
    statuses: tuple[tuple[str, str], ...]  # every cited provision and its corpus status

    def element(self, element_id: str) -> ElementFinding:
        return next(e for e in self.elements if e.element == element_id)

    def status_of(self, key: str) -> str:
        return dict(self.statuses).get(key, "missing")

    def to_json(self) -> dict[str, Any]:
        """Codes and corpus keys only: the same JSON whatever the UI language."""
        return {
            "decision_support": True,
            "age": {
                "status": self.age.status,
                "years": self.age.years,
                "basis": self.age.basis,
                "disputed": self.age.disputed,
            },
            "elements": [
                {
                    "element": e.element,
                    "status": e.status,
                    "facts": list(e.facts),
                    "provision": self.definition,
                }
                for e in self.elements
            ],
            "aggravations": [_aggravation_json(a) for a in self.aggravations],
            "basic_penalty": {
                "provision": self.basic_penalty,
                "penalties": _penalties_json(self.basic_penalties),
            },
            "distinction": {
                "outcome": self.outcome,
                "reasons": [
                    {"code": r.code, "provisions": list(r.provisions), "elements": list(r.elements)}
                    for r in self.reasons
                ],
                "smuggling": {
                    "provision": self.smuggling,
                    "penalties": _penalties_json(self.smuggling_penalties),
                },
            },
            "statuses": dict(self.statuses),
        }

    def describe(self, lang: str, *, rules: Rules | None = None, corpus: Corpus | None = None) -> str:
        """The findings as plain text in ``lang`` (the rules and corpus they were found with)."""
        from thbdesk.core.forms.qualify_text import describe

        return describe(self, lang, rules, corpus)


def _tri_json(tri: Tri | None) -> dict[str, str] | None:
    return None if tri is None else {"ar": tri.ar, "fr": tri.fr, "en": tri.en}


def _penalties_json(penalties: Iterable[Penalty]) -> list[dict[str, Any]]:
    return [
        {
            "kind": p.kind,
            "min": p.min,
            "max": p.max,
            "unit": p.unit,
            "status": p.status,
            "condition": _tri_json(p.condition),
        }
        for p in penalties
    ]


def _aggravation_json(finding: AggravationFinding) -> dict[str, Any]:
    return {
        "circumstance": finding.trigger,
        "tier": finding.tier,
        "provision": finding.provision,
        "paragraph": finding.paragraph,
        "case": finding.case,
        "basis": finding.basis,
        "status": finding.status,
        "verified": finding.verified,
        "penalties": _penalties_json(finding.penalties),
        "note": _tri_json(finding.note),
    }


# --- reading answers of any shape -------------------------------------------------------------


def _codes(value: object) -> tuple[str, ...] | None:
    """A multichoice answer; None when unanswered or not a list."""
    if not isinstance(value, list | tuple):
        return None
    return tuple(dict.fromkeys(v for v in value if isinstance(v, str)))


def _date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and len(value) <= 32:
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) and 0 <= number <= _MAX_AGE else None


def _yes_no(value: object) -> bool | None:
    return value if isinstance(value, bool) else None


def _years_between(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


# --- the rules ----------------------------------------------------------------------------------


def assess_age(answers: Mapping[str, object], on_date: date | None, rules: Rules) -> AgeFinding:
    """Age at the incident from the date of birth, else the estimate; any doubt with a sign of minority
    presumes a minor (the person then needs no means, and 448-4 case 1 may apply)."""
    incident = _date(answers.get("incident_date")) or on_date or date.today()
    born = _date(answers.get("person_dob"))
    after = born is not None and born > incident
    from_dob = _years_between(born, incident) if born is not None and not after else None
    estimate = _number(answers.get("person_age_estimate"))
    signs = _minority_signs(answers.get("indicators"), rules)
    young_estimate = estimate is not None and estimate < rules.minor_age
    if from_dob is not None:
        if from_dob < rules.minor_age:
            return AgeFinding(MINOR, from_dob, "dob")
        if young_estimate or signs:
            return AgeFinding(PRESUMED_MINOR, from_dob, "dob", disputed=True)
        return AgeFinding(ADULT, from_dob, "dob")
    if estimate is not None:
        years = int(estimate)
        if young_estimate:
            return AgeFinding(MINOR, years, "estimate", dob_after_incident=after)
        return AgeFinding(PRESUMED_MINOR if signs else ADULT, years, "estimate", signs, after)
    if signs:
        return AgeFinding(PRESUMED_MINOR, None, "indicators", dob_after_incident=after)
    return AgeFinding(AGE_UNKNOWN, dob_after_incident=after)


def _minority_signs(indicators: object, rules: Rules) -> bool:
    prefix = f"{rules.minority_indicator_group}-"
    return any(code.startswith(prefix) for code in _codes(indicators) or ())


def assess_element(rule: ElementRule, answers: Mapping[str, object]) -> ElementFinding:
    """Met by any known code; missing when answered with none (or an explicit "none"); else unknown."""
    codes = _codes(answers.get(rule.field))
    if codes is None:
        return ElementFinding(rule.id, UNKNOWN)
    facts = tuple(code for code in codes if rule.label(code) is not None)
    if facts:
        return ElementFinding(rule.id, MET, facts)
    if any(code in rule.unknown for code in codes):
        return ElementFinding(rule.id, UNKNOWN)
    if not codes or any(code in rule.none for code in codes):
        return ElementFinding(rule.id, MISSING)
    return ElementFinding(rule.id, UNKNOWN)  # only codes the rules do not know


def assess_elements(
    answers: Mapping[str, object], age: AgeFinding, rules: Rules
) -> tuple[ElementFinding, ...]:
    found = []
    for element_id in ("act", "means", "purpose"):
        finding = assess_element(rules.element(element_id), answers)
        if element_id == "means" and age.is_minor:
            finding = ElementFinding("means", NOT_REQUIRED, finding.facts)
        elif element_id == "means" and age.status == AGE_UNKNOWN:
            finding = ElementFinding("means", finding.status, finding.facts, age_unknown=True)
        found.append(finding)
    return tuple(found)


def assess_aggravations(
    answers: Mapping[str, object], age: AgeFinding, rules: Rules, corpus: Corpus
) -> tuple[AggravationFinding, ...]:
    ticked = set(_codes(answers.get("qual_circumstances")) or ())
    found = []
    for rule in rules.aggravations:
        basis = _basis(rule, ticked, age)
        if basis is not None:
            found.append(_aggravation(rule, basis, corpus))
    return tuple(found)


def _basis(rule: AggravationRule, ticked: set[str], age: AgeFinding) -> str | None:
    if not rule.derived:
        return "ticked" if rule.trigger in ticked else None
    if rule.trigger == "minor" and age.is_minor:
        return "age" if age.status == MINOR else "presumed_age"
    return None


def _aggravation(rule: AggravationRule, basis: str, corpus: Corpus) -> AggravationFinding:
    provision = corpus.resolve(rule.provision, "")
    penalties = () if provision is None else provision.penalties
    return AggravationFinding(
        trigger=rule.trigger,
        tier=rule.tier,
        provision=rule.provision,
        case=rule.case,
        paragraph=rule.paragraph,
        basis=basis,
        status=provision.status if provision is not None else "missing",
        penalties=tuple(p for p in penalties if not rule.penalty_kinds or p.kind in rule.penalty_kinds),
        note=rule.note,
    )


def _trafficking(elements: tuple[ElementFinding, ...]) -> str:
    """met when every element is met or not required; missing when one is missing; else unknown."""
    statuses = {e.status for e in elements}
    if MISSING in statuses:
        return MISSING
    return UNKNOWN if UNKNOWN in statuses else MET


def _outcome(trafficking: str, crossing: bool | None, purpose_met: bool) -> str:
    if trafficking == MET:
        return BOTH if crossing else TRAFFICKING
    if crossing:
        return BOTH if trafficking == UNKNOWN and purpose_met else SMUGGLING
    if trafficking == MISSING and crossing is False:
        return NEITHER
    return INSUFFICIENT


def distinguish(
    answers: Mapping[str, object], elements: tuple[ElementFinding, ...], age: AgeFinding, rules: Rules
) -> tuple[str, tuple[Reason, ...]]:
    """Trafficking (448-1) or migrant smuggling (02-03 art. 52), or both, with the reasons."""
    definition = rules.provision("definition")
    by_id = {e.element: e for e in elements}
    trafficking = _trafficking(elements)
    crossing = _yes_no(answers.get("qual_crossing"))
    outcome = _outcome(trafficking, crossing, by_id["purpose"].status == MET)
    reasons = list(_element_reasons(by_id, trafficking, age, definition))
    reasons += _consent_reasons(answers, by_id, age, definition)
    reasons += _crossing_reasons(answers, crossing, outcome, rules)
    return outcome, tuple(reasons)


def _element_reasons(
    by_id: Mapping[str, ElementFinding], trafficking: str, age: AgeFinding, definition: str
) -> Iterable[Reason]:
    if trafficking == MET:
        yield Reason("minor_elements_met" if age.is_minor else "elements_met", (definition,))
        return
    for element_id in ("act", "purpose", "means"):
        if by_id[element_id].status == MISSING:
            yield Reason(f"{element_id}_missing", (definition,))
    unknown = tuple(e for e in ("act", "means", "purpose") if by_id[e].status == UNKNOWN)
    if unknown:
        yield Reason("elements_unknown", (definition,), unknown)


def _consent_reasons(
    answers: Mapping[str, object],
    by_id: Mapping[str, ElementFinding],
    age: AgeFinding,
    definition: str,
) -> Iterable[Reason]:
    if _yes_no(answers.get("qual_consent_to_crossing")) is not True:
        return
    if age.is_minor:
        yield Reason("minor_consent", (definition,))
    elif by_id["means"].status == MET:
        yield Reason("consent_irrelevant", (definition,))


def _crossing_reasons(
    answers: Mapping[str, object], crossing: bool | None, outcome: str, rules: Rules
) -> Iterable[Reason]:
    smuggling = rules.provision("smuggling")
    if crossing is None:
        yield Reason("crossing_unknown", (smuggling,))
        return
    if not crossing:
        yield Reason("no_crossing", (smuggling,))
        return
    yield Reason("crossing", (smuggling,))
    if _yes_no(answers.get("qual_paid_for_crossing")):
        yield Reason("paid_crossing", (smuggling,))
    if outcome in (SMUGGLING, BOTH):
        yield Reason("ends_on_arrival", (smuggling, rules.provision("definition")))
        yield Reason("can_become_victim", (rules.provision("definition"),))
    yield Reason("person_crossing", (rules.provision("crossing"), rules.provision("non_liability")))


def _penalties_of(corpus: Corpus, key: str) -> tuple[Penalty, ...]:
    provision = corpus.resolve(key, "")
    return () if provision is None else provision.penalties


def qualify(
    answers: Mapping[str, object],
    on_date: date | None = None,
    *,
    rules: Rules | None = None,
    corpus: Corpus | None = None,
) -> Qualification:
    """What the answers indicate; ``on_date`` stands for the incident date when the answers have none.

    >>> q = qualify({"qual_acts": ["transport"], "qual_purposes": ["begging"], "person_age_estimate": 15})
    >>> q.outcome, q.element("means").status
    ('trafficking', 'not_required')
    """
    rules = rules or bundled_rules()
    corpus = corpus or bundled_corpus()
    if not isinstance(answers, Mapping):
        answers = {}
    age = assess_age(answers, on_date, rules)
    elements = assess_elements(answers, age, rules)
    outcome, reasons = distinguish(answers, elements, age, rules)
    aggravations = assess_aggravations(answers, age, rules, corpus)
    cited = {key for r in reasons for key in r.provisions} | {a.provision for a in aggravations}
    cited |= {rules.provision(role) for role in ("definition", "basic_penalty", "smuggling")}
    statuses = tuple(sorted((key, _status(corpus, key)) for key in cited))
    return Qualification(
        age=age,
        elements=elements,
        aggravations=aggravations,
        outcome=outcome,
        reasons=reasons,
        definition=rules.provision("definition"),
        basic_penalty=rules.provision("basic_penalty"),
        basic_penalties=_penalties_of(corpus, rules.provision("basic_penalty")),
        smuggling=rules.provision("smuggling"),
        smuggling_penalties=_penalties_of(corpus, rules.provision("smuggling")),
        statuses=statuses,
    )


def _status(corpus: Corpus, key: str) -> str:
    provision = corpus.resolve(key, "")
    return provision.status if provision is not None else "missing"
