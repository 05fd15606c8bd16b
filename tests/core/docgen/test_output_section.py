"""The ``output:`` section: what a legal officer writes is parsed; every mistake is named with its line."""

from __future__ import annotations

import pytest

from thbdesk.core.docgen.output import ChecklistSpec, FieldsSpec, GroupSpec, SignaturesSpec
from thbdesk.core.docgen.template import TemplateError, parse_template
from thbdesk.core.errors import FormError
from thbdesk.core.forms.loader import get_form, load_form

from .conftest import FORM_IDS, FORMS_DATA


def test_every_mistake_of_an_output_section_is_reported_with_its_line() -> None:
    with pytest.raises(FormError) as caught:
        load_form(FORMS_DATA / "broken-output.yaml")
    problems = caught.value.details.splitlines()
    expected = [  # file:line: place: the start of the message
        "broken-output.yaml:26: output.header.reference.ar: unknown name 'reference'",
        "broken-output.yaml:30: output.sections[0].show_if: unknown name 'agred'",
        "broken-output.yaml:32: output.sections[0].blocks[0].paragraph.ar: a '{' is not closed",
        "broken-output.yaml:32: output.sections[0].blocks[0].paragraph.fr: placeholder {0}:",
        "broken-output.yaml:32: output.sections[0].blocks[0].paragraph.en: placeholder {person_name.text}:",
        "broken-output.yaml:33: output.sections[0].blocks[1].paragraph.ar: a '}' has no '{'",
        "broken-output.yaml:33: output.sections[0].blocks[1].paragraph.en: unknown name 'name'",
        "broken-output.yaml:34: output.sections[0].blocks[2].fields: unknown field 'nobody'",
        "broken-output.yaml:35: output.sections[0].blocks[3].checklist: 'person_name' is a text field; "
        "expected indicators or multichoice",
        "broken-output.yaml:36: output.sections[0].blocks[4].checklist: 'person_name' is a text field",
        "broken-output.yaml:37: output.sections[0].blocks[5].group: 'agreed' is a yesno field",
        "broken-output.yaml:39: output.sections[0].blocks[6]: a block has exactly one of",
        "broken-output.yaml:43: output.sections[0].blocks[7].signatures[0].name: unknown name 'officer'",
        "broken-output.yaml:44: output.sections[1].id: section id 'one' is used twice (first on line 28)",
        "broken-output.yaml:46: output.sections[1].show_if: agreed is a yes/no answer: compare it with True",
        "broken-output.yaml:49: output.sections[1].blocks[0].all: only a checklist of one field",
    ]
    assert len(problems) == len(expected)
    for problem, start in zip(problems, expected, strict=True):
        assert problem.startswith(start), problem


def test_an_escaped_brace_and_a_computed_value_are_accepted() -> None:
    template = parse_template("{{ok}} {shout}", {"shout"})
    assert template.names == ("shout",)
    assert template.render(lambda name: "{x}") == "{ok} {x}"  # a value is inserted, never formatted


@pytest.mark.parametrize("source", ["{", "}", "{0}", "{a.b}", "{}", "{a!r}", "{a:>3}", "{ a }"])
def test_malformed_placeholders_are_refused(source: str) -> None:
    with pytest.raises(TemplateError):
        parse_template(source, {"a"})


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_each_bundled_form_has_an_output_section_ending_with_signatures(form_id: str) -> None:
    output = get_form(form_id).output
    assert output is not None and output.header
    last = output.sections[-1]
    assert isinstance(last.blocks[-1], SignaturesSpec)
    assert len(last.blocks[-1].signatures) >= 3


def test_the_parsed_blocks_keep_their_options() -> None:
    output = get_form("incident-report").output
    assert output is not None
    blocks = {type(b).__name__: b for s in output.sections for b in s.blocks}
    assert isinstance(blocks["FieldsSpec"], FieldsSpec)
    measures = next(
        b
        for s in output.sections
        for b in s.blocks
        if isinstance(b, ChecklistSpec) and b.field == "immediate_measures"
    )
    assert measures.all is True
    group = next(b for s in output.sections for b in s.blocks if isinstance(b, GroupSpec))
    assert group.group == "persons" and group.entry.fr == "Personne"
