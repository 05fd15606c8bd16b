"""The rules file a legal officer edits: loaded, checked against the corpus, every mistake with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from thbdesk.core.errors import QualificationRulesError
from thbdesk.core.forms.qualify import qualify
from thbdesk.core.forms.qualify_rules import bundled_rules, load_rules, rules_path
from thbdesk.core.legal.loader import load_corpus
from thbdesk.core.paths import bundled_dir


def test_the_bundled_rules_load_and_cover_every_contract_code() -> None:
    rules = bundled_rules()
    assert rules.forms == ("incident-report", "referral")
    assert [e.id for e in rules.elements] == ["act", "means", "purpose"]
    assert {code for code, _ in rules.element("act").codes} == {
        "recruit", "lure", "transport", "transfer", "harbour", "receive", "intermediary",
    }  # fmt: skip
    assert len(rules.element("purpose").codes) == 11 and rules.element("purpose").unknown == ("unknown",)
    assert len(rules.aggravations) == 15


def test_the_rules_are_not_loaded_as_a_legal_instrument() -> None:
    corpus = load_corpus(bundled_dir("legal_texts"))
    assert all(i.path.parent.name == "legal_texts" for i in corpus.instruments)
    assert rules_path().parent.name == "rules"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "qualification.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(QualificationRulesError) as caught:
        load_rules(path)
    return caught.value.details.splitlines()


def edited(replace: str, by: str) -> str:
    text = rules_path().read_text(encoding="utf-8")
    assert replace in text
    return text.replace(replace, by)


def line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


def test_a_wrong_article_is_reported_with_its_line(tmp_path: Path) -> None:
    text = edited('provision: "27-14:448-3", case: 2', 'provision: "27-14:448-33", case: 2')
    found = problems(write(tmp_path, text))
    line = line_of(text, "448-33")
    assert found == [f"qualification.yaml:{line}: aggravations[1].provision: 27-14:448-33 is not a provision"
                     " of the bundled texts (e.g. 27-14:448-3)"]  # fmt: skip


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = edited('case: 7, tier: "1"', 'case: 9, tier: "4"')
    text = text.replace('en: "begging"', 'en: ""')
    found = problems(write(tmp_path, text))
    assert (
        f"qualification.yaml:{line_of(text, 'case: 9')}: aggravations[6].case:"
        " 27-14:448-3 lists 7 circumstances" in found
    )
    assert any(p.endswith("aggravations[6].tier: '4' is not one of 1, 2, 3, life") for p in found)
    assert any("elements[2].codes.begging.en: missing or empty" in p for p in found)
    assert len(found) == 3


def test_a_penalty_kind_the_article_lacks_is_refused(tmp_path: Path) -> None:
    text = edited("    penalties: [life]", "    penalties: [imprisonment]")
    found = problems(write(tmp_path, text))
    assert found == [
        f"qualification.yaml:{line_of(text, '[imprisonment]')}: aggravations[14].penalties:"
        " 27-14:448-5 has no imprisonment penalty"
    ]


def test_a_circumstance_listed_twice_and_a_missing_element_are_refused(tmp_path: Path) -> None:
    text = edited("circumstance: habitual", "circumstance: armed").replace("  - id: purpose", "  - id: goal")
    found = problems(write(tmp_path, text))
    assert any(p.endswith("aggravations: armed appears twice") for p in found)
    assert any(p.endswith("elements[2].id: 'goal' is not one of act, means, purpose") for p in found)


def test_syntax_errors_and_wrong_shapes_name_the_line(tmp_path: Path) -> None:
    assert problems(write(tmp_path, "format: 1\nelements: [\n"))[0].startswith(
        "qualification.yaml:3: syntax:"
    )
    assert problems(write(tmp_path, "- a list\n")) == [
        "qualification.yaml:1: file: expected a map with format, elements and aggravations"
    ]
    found = problems(write(tmp_path, "format: 2\n"))
    assert "qualification.yaml:1: format: expected 1" in found
    assert any("provisions: expected a map" in p for p in found)


def test_a_missing_rules_file_is_a_typed_error(tmp_path: Path) -> None:
    assert len(problems(tmp_path / "absent.yaml")) == 1


def test_an_edited_rule_changes_the_result(tmp_path: Path) -> None:
    """The rules are data: moving a circumstance to another case is picked up without code changes."""
    text = edited("minor_age: 18", "minor_age: 16")
    rules = load_rules(write(tmp_path, text))
    q = qualify({"person_dob": "2009-01-01", "incident_date": "2026-11-01"}, rules=rules)
    assert q.age.status == "adult" and q.aggravations == ()


def test_a_note_needs_all_three_languages(tmp_path: Path) -> None:
    text = edited('      fr: "Le texte ne dit pas', '      de: "Le texte ne dit pas')
    found = problems(write(tmp_path, text))
    line = line_of(text, "note:")
    assert found == [
        f"qualification.yaml:{line}: aggravations[14].note.fr: missing or empty",
        f"qualification.yaml:{line}: aggravations[14].note.de: unknown language (use ar, fr, en)",
    ]
