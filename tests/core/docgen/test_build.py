"""build_document: what each printed document holds, in each language, from the example answers."""

from __future__ import annotations

import pytest

from thbdesk.core.docgen import labels
from thbdesk.core.docgen.build import build_document
from thbdesk.core.docgen.fingerprint import fingerprint
from thbdesk.core.docgen.model import (
    BIDI_CONTROLS,
    PLACEHOLDER,
    Checklist,
    Document,
    Heading,
    KeyValueTable,
    Paragraph,
    SignatureBlock,
    plain,
)
from thbdesk.core.errors import AnswersWrongFormError, LayoutError
from thbdesk.core.forms.answers import Answers
from thbdesk.core.forms.loader import get_form

from .conftest import FORM_IDS, LANG_ORDERS, all_text, example, section_ids, texts


def build(
    form_id: str, answers: Answers | None = None, langs: tuple[str, ...] = ("ar", "fr", "en")
) -> Document:
    return build_document(get_form(form_id), answers or example(form_id), langs)


def rows(doc: Document, section_id: str, lang: str) -> dict[str, list[str]]:
    """Label -> value lines of every key-value table of a section."""
    found: dict[str, list[str]] = {}
    section = next(s for s in doc.sections if s.id == section_id)
    for block in section.blocks:
        node = block.nodes[lang]
        if isinstance(node, KeyValueTable):
            found.update({plain(row.label): [plain(v) for v in row.value] for row in node.rows})
    return found


def nodes_of(doc: Document, section_id: str, lang: str, kind: type) -> list:  # type: ignore[type-arg]
    section = next(s for s in doc.sections if s.id == section_id)
    return [b.nodes[lang] for b in section.blocks if isinstance(b.nodes[lang], kind)]


@pytest.mark.parametrize("langs", LANG_ORDERS, ids="-".join)
@pytest.mark.parametrize("form_id", FORM_IDS)
def test_every_form_builds_aligned_in_every_language_order(form_id: str, langs: tuple[str, ...]) -> None:
    doc = build(form_id, langs=langs)
    doc.check_aligned()
    assert doc.langs == langs and set(doc.headers) == set(doc.title) == set(langs)
    assert doc.sections and all(section.blocks for section in doc.sections)
    for lang in langs:
        assert plain(doc.headers[lang].lines[0]) == labels.KINGDOM[lang]
        assert all(node.lang == lang for node in doc.nodes(lang))
        assert any(run.answer for run in doc.answer_runs(lang))
        assert "None" not in all_text(doc, lang)


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_without_answers_every_placeholder_prints_a_dash_never_none(form_id: str) -> None:
    doc = build(form_id, Answers(form_id, 1, {}), ("fr", "en", "ar"))
    doc.check_aligned()
    for lang in doc.langs:
        text = all_text(doc, lang)
        assert "None" not in text and PLACEHOLDER in text
        assert not list(doc.answer_runs(lang))  # nothing printed came from answers
    header = [plain(line) for line in doc.headers["fr"].lines]
    assert all(line.endswith(PLACEHOLDER) for line in header[1:] if ":" in line)
    assert doc.metadata.author == "thbdesk"


def test_the_header_metadata_and_footer_of_the_incident_report() -> None:
    answers = example("incident-report")
    doc = build("incident-report", answers, ("fr", "ar"))
    assert [plain(line) for line in doc.headers["fr"].lines] == [
        "Royaume du Maroc",
        "DGSN",
        "Poste-frontière : Aéroport international Mohammed V – Casablanca — unité CMN1",
        "Référence du rapport : CMN1-2026-0042",
    ]
    assert plain(doc.headers["ar"].lines[-1]) == "مرجع المحضر: CMN1-2026-0042"
    assert doc.title["fr"] == get_form("incident-report").title.fr
    assert doc.metadata.language == "fr-MA" and doc.metadata.author == "يوسف العلوي"
    assert doc.metadata.subject == get_form("incident-report").title.fr
    assert doc.footer.reference == "CMN1-2026-0042"
    assert doc.footer.fingerprint == fingerprint(answers)
    assert (doc.footer.form_id, doc.footer.form_version) == ("incident-report", 1)
    assert build("incident-report", answers, ("ar",)).metadata.language == "ar-MA"
    assert build("incident-report", answers, ("en",)).metadata.language == "en"


def test_codes_dates_and_countries_read_in_each_part() -> None:
    doc = build("incident-report")
    assert rows(doc, "report", "fr")["Date des faits"] == ["29 novembre 2026"]
    assert rows(doc, "report", "ar")["تاريخ الواقعة"] == ["29 نونبر 2026"]
    assert rows(doc, "report", "en")["Type of crossing point"] == ["Airport"]
    assert rows(doc, "person", "en")["Stated nationality"] == ["Morocco"]
    assert rows(doc, "person", "ar")["الجنسية المصرح بها"] == ["المغرب"]
    assert rows(doc, "report", "en")["Unit code"] == ["CMN1"]  # a code: no "(written in ...)"


def test_free_text_is_printed_as_typed_and_marked_with_its_language() -> None:
    doc = build("incident-report")
    name = rows(doc, "person", "fr")["Nom complet déclaré"]
    assert name == ["فاطمة الزهراء المرابط " + labels.written_in("ar", "fr")]
    assert rows(doc, "person", "ar")["الاسم الكامل كما صُرِّح به"] == ["فاطمة الزهراء المرابط"]
    runs = next(
        row.value[0]
        for node in nodes_of(doc, "person", "fr", KeyValueTable)
        for row in node.rows
        if plain(row.label) == "Nom complet déclaré"
    )
    assert [(run.lang, run.answer) for run in runs] == [("ar", True), ("fr", False)]


def test_a_translation_in_the_answers_replaces_the_mark() -> None:
    narrative = {
        "text": "سطر أول\nسطر ثان",
        "lang": "ar",
        "translations": {"fr": "Première ligne\nDeuxième ligne"},
    }
    doc = build("referral", example("referral", narrative=narrative))
    assert rows(doc, "reason", "fr")["Bref exposé"] == ["Première ligne", "Deuxième ligne"]
    assert rows(doc, "reason", "ar")["عرض موجز"] == ["سطر أول", "سطر ثان"]
    assert rows(doc, "reason", "en")["Short account"] == [
        "سطر أول",
        "سطر ثان " + labels.written_in("ar", "en"),
    ]


def test_lists_consent_and_groups_print_one_value_line_each() -> None:
    doc = build("referral")
    consent = rows(doc, "consent", "en")["The person's agreement to share their data"]
    assert consent[0] == "Consent given: Yes" and len(consent) == 5
    headings = [texts(h)[0] for h in nodes_of(doc, "receiving", "fr", Heading)]
    assert headings == ["Destinataire 1", "Destinataire 2", "Destinataire 3", "Destinataire 4"]
    assert all(h.level == 2 for h in nodes_of(doc, "receiving", "fr", Heading))
    indicators = nodes_of(doc, "reason", "en", Checklist)[0]
    assert all(item.checked for item in indicators.items) and len(indicators.items) == 8
    assert texts(indicators)[0] == "GEN-07 Identity or travel documents held by someone else"


def test_an_empty_group_says_so() -> None:
    doc = build("incident-report", example("incident-report", evidence_items=None))
    assert rows(doc, "evidence", "fr") == {"Objets conservés": [PLACEHOLDER]}


def test_a_checklist_with_all_options_ticks_the_chosen_ones() -> None:
    doc = build("incident-report", example("incident-report", immediate_measures=["interpreter", "medical"]))
    measures = nodes_of(doc, "measures", "en", Checklist)[0]
    assert len(measures.items) == len(get_form("incident-report").field("immediate_measures").choices)  # type: ignore[union-attr]
    ticked = [plain(item.runs) for item in measures.items if item.checked]
    assert ticked == ["Interpreter provided", "Medical check or care"]
    assert all(run.answer == item.checked for item in measures.items for run in item.runs)


def test_a_minors_referral_has_the_guardian_section_and_an_adults_does_not() -> None:
    minor = build("referral")
    assert "minor" in section_ids(minor)
    assert "Parent" in rows(minor, "minor", "fr")["Lien du représentant légal ou responsable"]
    signers = texts(nodes_of(minor, "signatures", "en", SignatureBlock)[0])
    assert "The guardian" in signers
    adult = build("referral", example("referral", person_dob="1995-04-02", person_age_estimate=31))
    assert "minor" not in section_ids(adult)
    assert "The guardian" not in texts(nodes_of(adult, "signatures", "en", SignatureBlock)[0])
    assert "Aïssatou" not in all_text(adult, "fr")  # the guardian's answers, now hidden, do not print


def test_a_hidden_field_is_left_out_and_a_shown_unanswered_one_prints_a_dash() -> None:
    doc = build("referral", example("referral", interpreter_needed=False, person_aliases=None))
    person = rows(doc, "person", "en")
    assert "Interpreting language" not in person and "Needs an interpreter?" in person
    assert person["Other names or aliases"] == [PLACEHOLDER]


def test_the_notice_prints_the_adult_or_the_child_wording_with_ticks() -> None:
    adult = build("notice-of-rights")
    assert "right_child_guarantees" not in section_ids(adult)
    checklist = nodes_of(adult, "right_non_liability", "en", Checklist)[0]
    assert len(checklist.items) == 1 and checklist.items[0].checked
    assert texts(checklist)[0].startswith("You are treated as a presumed victim")
    basis = texts(nodes_of(adult, "right_non_liability", "fr", Paragraph)[0])[0]
    assert "448-14" in basis
    child_answers = {
        k.replace("_adult", "_child"): v
        for k, v in example("notice-of-rights").answers.items()
        if k != "variant"
    }
    child = build("notice-of-rights", Answers("notice-of-rights", 1, {**child_answers, "variant": "child"}))
    assert "right_child_guarantees" in section_ids(child)
    item = nodes_of(child, "right_non_liability", "en", Checklist)[0].items[0]
    assert plain(item.runs).startswith("We think someone") and item.checked
    not_yet = Answers(
        "notice-of-rights", 1, {**child_answers, "variant": "child", "right_hotline_child": False}
    )
    hotline = nodes_of(build("notice-of-rights", not_yet), "right_hotline", "fr", Checklist)[0]
    assert [item.checked for item in hotline.items] == [False]  # answered no: printed, not ticked


def test_the_interpreter_signs_only_when_one_was_used() -> None:
    def signers(answers: Answers) -> list[str]:
        return texts(nodes_of(build("notice-of-rights", answers), "receipt", "en", SignatureBlock)[0])

    assert "The interpreter" not in signers(example("notice-of-rights"))
    used = example(
        "notice-of-rights", interpreter_used=True, interpreter_name={"text": "Awa Diallo", "lang": "fr"}
    )
    names = signers(used)
    assert names[names.index("The interpreter") + 1] == "Awa Diallo"  # a signer's name has no mark


def test_decision_support_is_said_where_a_qualification_is_shown() -> None:
    for form_id, words in (
        ("incident-report", "does not bind the prosecutor"),
        ("referral", "support the decision"),
    ):
        doc = build(form_id)
        assert words in texts(nodes_of(doc, "qualification", "en", Paragraph)[0])[0]


def test_bidi_controls_in_answers_never_reach_the_tree() -> None:
    evil = "\u202eRachid\u202c \u2066Bz\u2069\u200f\u061c"
    doc = build("incident-report", example("incident-report", officer_name={"text": evil, "lang": "fr"}))
    for lang in doc.langs:
        text = all_text(doc, lang) + doc.metadata.author
        assert not set(text) & BIDI_CONTROLS
        assert "Rachid Bz" in text


def test_braces_in_answers_are_printed_as_typed() -> None:
    answers = example("notice-of-rights", officer_name={"text": "{person_case_code} {0}", "lang": "fr"})
    doc = build("notice-of-rights", answers, ("en",))
    assert plain(doc.headers["en"].lines[1]).startswith("Notice given by: {person_case_code} {0} (written in")


def test_answers_of_another_form_and_unknown_languages_are_refused() -> None:
    with pytest.raises(AnswersWrongFormError):
        build_document(get_form("referral"), example("incident-report"), ("fr",))
    for langs in ((), ("de",), ("fr", "fr")):
        with pytest.raises(LayoutError):
            build("referral", langs=langs)


def test_a_form_without_an_output_section_prints_one_section_per_step(minimal_form: object) -> None:
    from thbdesk.core.forms.model import FormSpec

    assert isinstance(minimal_form, FormSpec) and minimal_form.output is None
    values = {"unit_code": "TNG", "priority": "normal", "person_name": {"text": "Amina", "lang": "fr"}}
    doc = build_document(minimal_form, Answers("minimal", 2, values), ("en", "ar"))
    doc.check_aligned()
    assert section_ids(doc)[:2] == ["incident", "person"]
    assert rows(doc, "incident", "en")["Unit code"] == ["TNG"]
