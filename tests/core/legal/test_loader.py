from pathlib import Path

import pytest

from thbdesk.core.errors import LegalTextError
from thbdesk.core.legal.loader import bundled_corpus, load_corpus, load_instrument
from thbdesk.core.paths import bundled_dir

EXPECTED_IDS = {"27-14", "2-17-740", "02-03", "22-01", "plan-2023-2030", "nrm", "indicators", "glossary"}


def test_every_bundled_file_loads_and_every_reference_resolves() -> None:
    corpus = bundled_corpus()
    assert {i.id for i in corpus.instruments} == EXPECTED_IDS
    for instrument in corpus.instruments:
        for provision in instrument.provisions:
            for ref in provision.refs:
                assert corpus.resolve(ref, instrument.id) is not None, (provision.key, ref)


def test_penal_code_section_is_complete_and_unknown_articles_stay_empty() -> None:
    law = bundled_corpus().instrument("27-14")
    assert law is not None and law.code == "penal-code"
    assert {f"448-{n}" for n in range(1, 15)} <= {p.number for p in law.provisions}
    for number in ("448-5", "448-6", "448-11", "448-12", "448-13"):
        provision = law.provision(number)
        assert provision is not None and provision.status == "missing"
        assert provision.summary is None and provision.penalties == ()


def penalty_figures(number: str) -> list[tuple[str, int | None, int | None]]:
    provision = bundled_corpus().instrument("27-14").provision(number)
    return [(p.kind, p.min, p.max) for p in provision.penalties]


def test_penalties_match_the_brief_exactly() -> None:
    assert penalty_figures("448-2") == [("reclusion", 5, 10), ("fine", 10_000, 500_000)]
    assert penalty_figures("448-7") == [("imprisonment", 1, 5), ("fine", 5_000, 50_000)]
    assert penalty_figures("448-4") == [("reclusion", 20, 30), ("fine", 200_000, 2_000_000)]
    assert bundled_corpus().instrument("27-14").provision("448-4").status == "unverified"


def test_tiers_without_a_confirmed_article_are_unplaced_and_unverified() -> None:
    law = bundled_corpus().instrument("27-14")
    assert law.unplaced and all(p.status == "unverified" and not p.placed for p in law.unplaced)
    fines = [p.max for fact in law.unplaced for p in fact.penalties if p.kind == "fine"]
    assert 6_000_000 in fines and max(fines) == 6_000_000


def test_no_bundled_text_states_the_superseded_ten_million_fine() -> None:
    for path in bundled_dir("legal_texts").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        assert "10000000" not in text and "10 000 000" not in text and "10.000.000" not in text


def test_glossary_and_indicators_are_large_enough() -> None:
    corpus = bundled_corpus()
    assert len(corpus.instrument("glossary").provisions) >= 60
    groups = {p.group for p in corpus.instrument("indicators").provisions}
    assert {"GEN", "BRD", "CHD", "SEX", "ILO", "LAB", "DOM", "BEG", "ORG"} <= groups


BROKEN = """format: 1
instrument:
  id: "99-99"
  kind: statute
  title: {ar: "نص", fr: "Texte"}
  short_title: {ar: "نص", fr: "Texte", en: "Text"}
  provision_label: {ar: "المادة", fr: "Article", en: "Article"}
provisions:
  - number: "1"
    status: verified
    heading: {ar: "عنوان", fr: "Titre", en: "Title"}
    sources: ["example.org"]
  - number: "2"
    status: missing
    summary: {ar: "ملخص", fr: "Résumé", en: "Summary"}
  - number: "3"
    status: unverified
    heading: {ar: "عنوان", fr: "Titre", en: "Title"}
    summary: {ar: "ملخص", fr: "Résumé", en: "Summary"}
    penalties:
      - {kind: fine, min: 900, max: 100, unit: years}
    sources: ["example.org"]
"""


def test_a_broken_file_reports_every_problem_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    with pytest.raises(LegalTextError) as caught:
        load_instrument(path)
    problems = caught.value.details.splitlines()
    kinds = "law, decree, plan, procedure, indicators, glossary"
    assert f"broken.yaml:4: instrument.kind: 'statute' is not one of {kinds}" in problems
    assert "broken.yaml:5: instrument.title.en: missing or empty" in problems
    assert "broken.yaml:9: provisions[0].summary: missing" in problems
    assert "broken.yaml:13: provisions[1]: a missing provision has no summary or penalties" in problems
    assert "broken.yaml:21: provisions[2].penalties[0]: min 900 is greater than max 100" in problems
    assert any(p.startswith("broken.yaml:21: provisions[2].penalties[0].unit") for p in problems)
    assert len(problems) >= 6
    message = caught.value.user_message("fr")
    assert "broken.yaml" in message and str(len(problems)) in message


def test_a_yaml_syntax_error_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "syntax.yaml"
    path.write_text("format: 1\ninstrument:\n  id: [unclosed\n", encoding="utf-8")
    with pytest.raises(LegalTextError) as caught:
        load_instrument(path)
    assert caught.value.details.startswith("syntax.yaml:4: syntax:")


def test_a_dangling_cross_reference_is_reported(tmp_path: Path) -> None:
    text = BROKEN.replace("kind: statute", "kind: law").replace('fr: "Texte"}', 'fr: "Texte", en: "Text"}')
    text = text.split('  - number: "2"')[0].replace(
        "    sources:", '    summary: {ar: "م", fr: "R", en: "S"}\n    refs: ["02-03:999"]\n    sources:'
    )
    (tmp_path / "one.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(LegalTextError) as caught:
        load_corpus(tmp_path)
    assert "refs: 02-03:999 does not exist" in caught.value.details
