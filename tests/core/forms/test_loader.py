"""Form files load into the model, and every authoring mistake is named with its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from thbdesk.core.errors import FormError, UnknownFormError
from thbdesk.core.forms.loader import bundled_forms, form_files, get_form, load_form, load_forms
from thbdesk.core.forms.model import FormSpec
from thbdesk.core.paths import bundled_dir

from .conftest import FORMS_DATA

EVERY_FORM = [*form_files(bundled_dir("forms")), FORMS_DATA / "minimal.yaml"]


@pytest.mark.parametrize("path", EVERY_FORM, ids=lambda p: p.name)
def test_every_form_file_loads_with_its_steps_in_three_languages(path: Path) -> None:
    spec = load_form(path)
    assert spec.id == path.stem
    assert spec.steps and all(step.fields for step in spec.steps)
    for lang in ("ar", "fr", "en"):
        assert spec.title.get(lang)
        assert all(step.title.get(lang) for step in spec.steps)
        assert all(field.label.get(lang) for _, field in spec.fields())


def test_bundled_forms_are_keyed_by_id_and_unknown_ids_are_refused() -> None:
    forms = bundled_forms()
    assert all(isinstance(spec, FormSpec) and spec.id == key for key, spec in forms.items())
    with pytest.raises(UnknownFormError) as caught:
        get_form("no-such-form")
    assert "no-such-form" in caught.value.user_message("en")


def test_minimal_form_keeps_what_the_file_says(minimal: FormSpec) -> None:
    assert minimal.version == 2
    assert minimal.migrations[0].rename == {"birth_date": "person_dob"}
    assert minimal.step("incident").provisions == ("27-14:448-1", "02-03:52")
    priority = minimal.field("priority")
    assert priority is not None and [c.code for c in priority.choices] == ["urgent", "normal"]
    persons = minimal.field("persons")
    assert persons is not None and [f.id for f in persons.fields] == ["role", "name"]
    assert [c.id for c in minimal.computed] == ["age_at_incident", "is_minor", "reference"]
    assert {c.id: c.level for c in minimal.checks} == {
        "dob_before_incident": "error",
        "document_expired": "warning",
    }


def _problems(path: Path) -> list[str]:
    with pytest.raises(FormError) as caught:
        load_form(path)
    return caught.value.details.splitlines()


def test_several_mistakes_are_reported_at_once_each_with_its_line() -> None:
    problems = _problems(FORMS_DATA / "broken-several.yaml")
    expected = [
        "broken-several.yaml:10: steps[0].provisions: 27-14:999-9 is not in the bundled legal texts",
        "broken-several.yaml:14: steps[0].fields[0].label.en: missing",
        "broken-several.yaml:15: steps[0].fields[1].id: field id 'name' is used twice (first on line 12)",
        "broken-several.yaml:18: steps[0].fields[1].show_if: attribute access (a.b): not allowed",
        "broken-several.yaml:23: steps[0].fields[2].choices[0].code: missing",
        "broken-several.yaml:27: steps[0].fields[3].show_if: unknown name 'ag'"
        " (not a field or computed value of this form)",
        "broken-several.yaml:31: steps[0].fields[4].subset: GEN-99 is not an indicator id or group"
        " of legal_texts/indicators.yaml",
        "broken-several.yaml:35: steps[0].fields[5].show_if: 'XX' is not a code of from_country",
        "broken-several.yaml:39: steps[0].fields[6].show_if: alone is a yes/no answer:"
        " compare it with True or False, not 'yes'",
        "broken-several.yaml:42: checks[0].assert: 'GEN-77' is not a code of seen",
        "broken-several.yaml:44: checks[0].fields: unknown field 'nobody'",
    ]
    for line in expected:
        assert line in problems
    assert any(
        p.startswith("broken-several.yaml:25: steps[0].fields[3].type: 'colour' is not one of")
        for p in problems
    )
    assert len(problems) == len(expected) + 1


def test_a_yaml_syntax_error_names_its_line() -> None:
    problems = _problems(FORMS_DATA / "broken-syntax.yaml")
    assert len(problems) == 1 and problems[0].startswith("broken-syntax.yaml:7: syntax:")


def test_structure_mistakes_name_the_key_and_line() -> None:
    problems = _problems(FORMS_DATA / "broken-structure.yaml")
    assert "broken-structure.yaml:2: form.version: missing" in problems
    assert "broken-structure.yaml:7: steps[0].colour: unknown key(s): colour" in problems
    assert "broken-structure.yaml:10: steps[0].fields[0].choices: missing" in problems
    assert "broken-structure.yaml:16: steps[0].fields[1].fields: only a group has fields" in problems
    assert (
        "broken-structure.yaml:19: computed[0].expr: unknown name 'later'"
        " (not a field or computed value of this form)" in problems
    )
    assert len(problems) == 5


def test_a_computed_value_may_not_use_one_defined_below_it() -> None:
    problems = _problems(FORMS_DATA / "broken-structure.yaml")
    assert any("computed[0].expr" in p for p in problems)
    assert not any("computed[1].expr" in p for p in problems)


def test_a_form_whose_id_differs_from_its_file_name_is_reported(tmp_path: Path) -> None:
    text = (FORMS_DATA / "minimal.yaml").read_text(encoding="utf-8")
    (tmp_path / "other.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(FormError) as caught:
        load_forms(tmp_path)
    assert caught.value.details == "other.yaml:1: form.id: 'minimal' must match the file name 'other'"


def test_the_error_message_is_translated_and_names_the_first_problem() -> None:
    with pytest.raises(FormError) as caught:
        load_form(FORMS_DATA / "broken-syntax.yaml")
    assert "broken-syntax.yaml" in caught.value.user_message("fr")
    assert caught.value.user_message("ar") != caught.value.user_message("en")
