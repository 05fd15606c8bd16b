"""The qualification helper's findings in words, in any of the three languages.

Article names come from the corpus (``display.provision_title``), penalty wording from
``display.penalty_text``; the sentences here are catalogue messages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from thbdesk.core.forms.qualify_rules import Rules, bundled_rules
from thbdesk.core.i18n import N_, translate
from thbdesk.core.legal.display import penalty_text, provision_title, status_text
from thbdesk.core.legal.loader import bundled_corpus
from thbdesk.core.legal.model import Corpus, Penalty

if TYPE_CHECKING:
    from thbdesk.core.forms.qualify import AgeFinding, AggravationFinding, ElementFinding, Qualification

SEPARATOR = " · "
# Punctuation between list items: Arabic has its own comma and semicolon.
_COMMA = {"ar": "، ", "fr": ", ", "en": ", "}
_SEMICOLON = {"ar": "؛ ", "fr": " ; ", "en": "; "}
DISCLAIMER = N_(
    "Decision support, not a legal qualification: the prosecutor qualifies the facts and decides."
)
_ELEMENT = {"act": N_("Act"), "means": N_("Means"), "purpose": N_("Purpose (exploitation)")}
_STATUS = {
    "met": N_("met"),
    "missing": N_("missing"),
    "unknown": N_("unknown"),
    "not_required": N_("not required (minor)"),
}
_AGE = {
    "minor": N_("Age at the incident: {years} — a minor (under 18)."),
    "presumed_minor": N_("Age at the incident: {years} — presumed a minor: {why}."),
    "adult": N_("Age at the incident: {years} — an adult."),
    "unknown": N_("Age at the incident: unknown."),
}
_AGE_BASIS = {
    "dob": N_("{years} (from the date of birth)"),
    "estimate": N_("about {years} (estimated)"),
}
_PRESUMED_WHY = {
    "disputed": N_("the date of birth is disputed by another sign of minority"),
    "indicators": N_("the age is unknown and a child indicator is ticked"),
    "estimate": N_("the age is estimated and a child indicator is ticked"),
}
_UNKNOWN_YEARS = N_("not known")
_DOB_AFTER = N_("The date of birth is after the incident date: it was not used.")
_AGE_UNKNOWN_MEANS = N_("needed unless the person is under 18; the age is not known")
_TIER = {"1": N_("Tier 1"), "2": N_("Tier 2"), "3": N_("Tier 3"), "life": N_("Life imprisonment")}
_BASIS = {
    "ticked": N_("circumstance ticked"),
    "age": N_("derived from the age"),
    "presumed_age": N_("derived from the presumed age"),
}
_CASE = N_("case {case}")
_ELEMENT_LINE = N_("{element}: {status}")
_AGGRAVATION_LINE = N_("{tier} — {where} ({basis}): {what}")
_PARAGRAPH = N_("paragraph {paragraph}")
_HEADINGS = {
    "elements": N_("Elements of trafficking ({article}):"),
    "basic": N_("Basic penalty ({article}): {penalties}"),
    "aggravations": N_("Aggravating circumstances that may apply:"),
    "no_aggravations": N_("No aggravating circumstance is indicated."),
    "distinction": N_("Trafficking or migrant smuggling: {outcome}"),
    "smuggling": N_("Migrant smuggling penalties ({article}):"),
    "unverified": N_("Check against the official text: {articles}."),
}
OUTCOMES = {
    "trafficking": N_("indicates trafficking in human beings"),
    "smuggling": N_("indicates migrant smuggling"),
    "both": N_("both may apply"),
    "insufficient": N_("insufficient information"),
    "neither": N_("neither is indicated by these answers"),
}
REASONS = {
    "elements_met": N_("The act, the means and the exploitative purpose of {article} are all indicated."),
    "minor_elements_met": N_(
        "The person is under 18: the act and the exploitative purpose are enough under {article};"
        " no means is needed."
    ),
    "act_missing": N_(
        "No act listed in {article} is indicated (recruiting, transporting, harbouring, receiving…)."
    ),
    "purpose_missing": N_("No exploitative purpose is indicated; trafficking under {article} needs one."),
    "means_missing": N_("The person is an adult and no means listed in {article} is indicated."),
    "elements_unknown": N_("Not known yet: {elements} ({article})."),
    "consent_irrelevant": N_(
        "The person agreed to the crossing, but once a means is used that agreement does not count: this "
        "is the Palermo Protocol's rule (art. 3(b)), not a sentence of {article}."
    ),
    "minor_consent": N_(
        "The person agreed to the crossing, but is under 18: no means is needed under {article}, so that "
        "agreement does not rule out trafficking."
    ),
    "crossing": N_(
        "A border crossing was arranged or attempted: organising or facilitating a clandestine entry or "
        "exit is punished by {article}, whether paid or free."
    ),
    "paid_crossing": N_(
        "Paying for the crossing does not by itself make it trafficking: {article} covers it paid or free."
    ),
    "ends_on_arrival": N_(
        "Smuggling under {article} concerns the crossing and ends with it; exploitation, during or after the "
        "journey, is what points to trafficking under {second}."
    ),
    "can_become_victim": N_(
        "A smuggled migrant can become a victim of trafficking ({article}):"
        " watch for exploitation after arrival."
    ),
    "person_crossing": N_(
        "The person who crosses clandestinely may be liable under {article};"
        " a victim is not liable for acts done under threat and directly linked"
        " to being trafficked ({second})."
    ),
    "no_crossing": N_("No border crossing is indicated, so {article} does not apply."),
    "crossing_unknown": N_("Whether a border crossing was arranged is not known ({article})."),
}


def article(corpus: Corpus, key: str, lang: str) -> str:
    """``Loi 27-14 · Article 448-1`` for ``27-14:448-1``; the key itself if the corpus lacks it."""
    instrument_id, _sep, number = key.partition(":")
    instrument = corpus.instrument(instrument_id)
    provision = instrument.provision(number) if instrument else None
    if instrument is None or provision is None:
        return key
    return f"{instrument.short_title.get(lang)}{SEPARATOR}{provision_title(provision, instrument, lang)}"


def _penalties(penalties: tuple[Penalty, ...], lang: str) -> str:
    return _SEMICOLON[lang].join(penalty_text(p, lang) for p in penalties)


def _age_line(age: AgeFinding, lang: str) -> str:
    basis = _AGE_BASIS.get(age.basis)
    years = translate(basis, lang).format(years=age.years) if basis and age.years is not None else ""
    years = years or translate(_UNKNOWN_YEARS, lang)
    why_code = "disputed" if age.disputed and age.basis == "dob" else age.basis
    why = translate(_PRESUMED_WHY.get(why_code, _PRESUMED_WHY["indicators"]), lang)
    return translate(_AGE[age.status], lang).format(years=years, why=why)


def _element_line(element: ElementFinding, rules: Rules, lang: str) -> str:
    rule = rules.element(element.element)
    facts = [label.get(lang) for label in (rule.label(code) for code in element.facts) if label]
    text = "  " + translate(_ELEMENT_LINE, lang).format(
        element=translate(_ELEMENT[element.element], lang), status=translate(_STATUS[element.status], lang)
    )
    if element.age_unknown:
        text += f" ({translate(_AGE_UNKNOWN_MEANS, lang)})"
    return text + (f" — {_COMMA[lang].join(facts)}" if facts else "")


def _aggravation_lines(finding: AggravationFinding, corpus: Corpus, lang: str) -> list[str]:
    provision = corpus.resolve(finding.provision, "")
    where = [article(corpus, finding.provision, lang)]
    if finding.paragraph is not None:
        where.append(translate(_PARAGRAPH, lang).format(paragraph=finding.paragraph))
    where.append(translate(_CASE, lang).format(case=finding.case))
    what = ""
    if provision is not None and finding.case <= len(provision.aggravations):
        what = provision.aggravations[finding.case - 1].get(lang)
    basis = translate(_BASIS[finding.basis], lang)
    tier = translate(_TIER[finding.tier], lang)
    lines = [
        "  "
        + translate(_AGGRAVATION_LINE, lang).format(
            tier=tier, where=_COMMA[lang].join(where), basis=basis, what=what
        )
    ]
    lines.append(f"      {_penalties(finding.penalties, lang)}")
    if finding.note is not None:
        lines.append(f"      {finding.note.get(lang)}")
    if not finding.verified:
        lines.append(f"      [{status_text('unverified', lang)}]")
    return lines


def _reason_line(
    code: str, keys: tuple[str, ...], elements: tuple[str, ...], corpus: Corpus, lang: str
) -> str:
    names = [article(corpus, key, lang) for key in keys]
    words = _COMMA[lang].join(translate(_ELEMENT[e], lang) for e in elements)
    first, second = [*names, "", ""][:2]
    return "  - " + translate(REASONS[code], lang).format(article=first, second=second, elements=words)


def describe(q: Qualification, lang: str, rules: Rules | None = None, corpus: Corpus | None = None) -> str:
    """Plain text: the disclaimer, the age, each element, the tiers, trafficking or smuggling."""
    rules = rules or bundled_rules()
    corpus = corpus or bundled_corpus()
    lines = [translate(DISCLAIMER, lang), "", _age_line(q.age, lang)]
    if q.age.dob_after_incident:
        lines.append(translate(_DOB_AFTER, lang))
    lines.append(translate(_HEADINGS["elements"], lang).format(article=article(corpus, q.definition, lang)))
    lines += [_element_line(e, rules, lang) for e in q.elements]
    basic = _penalties(q.basic_penalties, lang)
    lines.append(
        translate(_HEADINGS["basic"], lang).format(
            article=article(corpus, q.basic_penalty, lang), penalties=basic
        )
    )
    lines.append(translate(_HEADINGS["aggravations" if q.aggravations else "no_aggravations"], lang))
    for finding in q.aggravations:
        lines += _aggravation_lines(finding, corpus, lang)
    lines.append(
        translate(_HEADINGS["distinction"], lang).format(outcome=translate(OUTCOMES[q.outcome], lang))
    )
    lines += [_reason_line(r.code, r.provisions, r.elements, corpus, lang) for r in q.reasons]
    if q.outcome in ("smuggling", "both"):
        lines.append(
            translate(_HEADINGS["smuggling"], lang).format(article=article(corpus, q.smuggling, lang))
        )
        lines += [f"      {penalty_text(p, lang)}" for p in q.smuggling_penalties]
    unverified = [article(corpus, key, lang) for key, status in q.statuses if status != "verified"]
    if unverified:
        lines.append(translate(_HEADINGS["unverified"], lang).format(articles=_COMMA[lang].join(unverified)))
    lines += ["", translate(DISCLAIMER, lang)]
    return "\n".join(lines)
