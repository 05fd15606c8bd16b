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


OFFICIAL_TEXT = "adala.justice.gov.ma (official Arabic text"


def test_penal_code_section_and_the_law_are_complete_and_verified_in_the_official_text() -> None:
    law = bundled_corpus().instrument("27-14")
    assert law is not None and law.code == "penal-code"
    numbers = {p.number for p in law.provisions}
    assert {f"448-{n}" for n in range(1, 15)} | {str(n) for n in range(1, 8)} == numbers
    for provision in law.provisions:
        assert provision.status == "verified" and provision.summary is not None, provision.key
        assert any(s.startswith(OFFICIAL_TEXT) for s in provision.sources), provision.key


def test_no_fact_is_left_without_an_article() -> None:
    """The gang/transnational/death tier and the life tier now sit in 448-5, where the text puts them."""
    corpus = bundled_corpus()
    assert all(instrument.unplaced == () for instrument in corpus.instruments)
    for path in bundled_dir("legal_texts").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        assert "\nunplaced:" not in text and "tier-gang" not in text and "tier-life" not in text, path.name


def penalty_figures(number: str, instrument: str = "27-14") -> list[tuple[str, int | None, int | None]]:
    provision = bundled_corpus().instrument(instrument).provision(number)
    return [(p.kind, p.min, p.max) for p in provision.penalties]


def test_penalties_match_the_official_text() -> None:
    assert penalty_figures("448-2") == [("reclusion", 5, 10), ("fine", 10_000, 500_000)]
    assert penalty_figures("448-3") == [("reclusion", 10, 20), ("fine", 100_000, 1_000_000)]
    assert penalty_figures("448-4") == [("reclusion", 20, 30), ("fine", 200_000, 2_000_000)]
    assert penalty_figures("448-6") == [("fine", 1_000_000, 10_000_000)]
    assert penalty_figures("448-7") == [("imprisonment", 1, 5), ("fine", 5_000, 50_000)]
    assert penalty_figures("51", "02-03") == [("imprisonment", 2, 5), ("fine", 50_000, 500_000)]
    leaders = bundled_corpus().instrument("02-03").provision("52").penalties[4]
    assert (leaders.kind, leaders.min, leaders.max) == ("reclusion", 10, 20) and "294" in leaders.condition.en


def test_aggravating_cases_are_listed_as_the_text_counts_them() -> None:
    law = bundled_corpus().instrument("27-14")
    assert len(law.provision("448-3").aggravations) == 7
    assert len(law.provision("448-4").aggravations) == 3


def test_relatives_exemption_in_448_7_is_discretionary() -> None:
    (exemption,) = bundled_corpus().instrument("27-14").provision("448-7").exemptions
    assert "may be exempted" in exemption.en and "peuvent être exemptés" in exemption.fr
    assert "يجوز" in exemption.ar


def test_448_14_excludes_civil_liability_too_and_states_the_exception() -> None:
    summary = bundled_corpus().instrument("27-14").provision("448-14").summary
    assert "criminal or civil liability" in summary.en and "freely" in summary.en
    assert "جنائياً ولا مدنياً" in summary.ar and "pénale ni civile" in summary.fr


def test_cpp_82_5_1_covers_2016_and_the_2025_reflection_period() -> None:
    cpp = bundled_corpus().instrument("22-01")
    article = cpp.provision("82-5-1")
    assert article.status == "verified"
    for lang, words in {
        "ar": ("30 يوماً", "27.14", "03.23"),
        "fr": ("30 jours", "27-14", "03-23"),
        "en": ("30 days", "27-14", "03.23"),
    }.items():
        assert all(word in article.summary.get(lang) for word in words), lang
    assert cpp.provision("82-5-3") is not None and "27-14:3" in cpp.provision("82-7").refs


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
