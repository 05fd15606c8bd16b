"""Conditions inside repeatable groups: each entry asks only what its own answers call for."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from thbdesk.core import i18n
from thbdesk.core.forms.drafts import FileDraftStore
from thbdesk.core.forms.loader import load_form
from thbdesk.core.legal.loader import bundled_corpus
from thbdesk.ui.language import apply_language
from thbdesk.ui.wizard.outline import REVIEW
from thbdesk.ui.wizard.view import WizardView

from .keyboard import type_text

FORM = Path(__file__).parents[1] / "data" / "forms" / "group-conditions.yaml"


@pytest.fixture
def wizard(app: QApplication, qtbot):
    apply_language(app, "fr")
    spec = load_form(FORM)
    view = WizardView({spec.id: spec}, bundled_corpus(), FileDraftStore(), lambda _key: None)
    qtbot.addWidget(view)
    view.show()
    view.start(spec.id)
    yield view
    view.autosave.stop()
    apply_language(app, i18n.DEFAULT_LANGUAGE)


def shown(group, position: int) -> set[str]:
    QApplication.processEvents()  # a new entry's frame is shown by the layout from the event loop
    _frame, inputs = group.items[position]
    return {key for key, item in inputs.items() if item.isVisibleTo(group)}


def pick_role(group, position: int, code: str) -> None:
    role = group.items[position][1]["role"]
    role.group.button(role.codes.index(code)).click()


def test_a_conditional_field_shows_per_entry_as_answers_change(wizard) -> None:
    view = wizard.interview_view
    group = view.field_input("companions")
    group.add_button.click()
    group.add_button.click()
    assert shown(group, 0) == shown(group, 1) == {"role"}, "a new entry asks only what always applies"
    pick_role(group, 1, "guardian")
    assert shown(group, 0) == {"role"}
    assert shown(group, 1) == {"role", "guardianship_proof"}, "only the guardian's entry asks for proof"
    messages = view.pages["companions"].rows["companions"].messages()
    assert "2 · Preuve de la tutelle" in messages, "the guardian's missing proof, in the entry on screen"
    pick_role(group, 1, "relative")
    assert shown(group, 1) == {"role"}, "the question goes when the answer that called for it changes"
    assert not view.pages["companions"].rows["companions"].messages(), "a hidden field has no error"
    assert view.interview.step_complete("companions")


def test_typed_proof_is_kept_while_hidden_and_left_out_of_the_review(wizard) -> None:
    view = wizard.interview_view
    group = view.field_input("companions")
    group.add_button.click()
    pick_role(group, 0, "guardian")
    type_text(group.items[0][1]["guardianship_proof"].edit, "Jugement de tutelle n° 12")
    view.go_to(REVIEW)
    assert "Jugement de tutelle" in view.review.text()
    view.go_to("companions")
    pick_role(group, 0, "relative")
    view.go_to(REVIEW)
    assert "Jugement de tutelle" not in view.review.text(), "a hidden answer is not reviewed"
    view.go_to("companions")
    pick_role(group, 0, "guardian")
    proof = group.items[0][1]["guardianship_proof"]
    assert "guardianship_proof" in shown(group, 0) and proof.edit.text() == "Jugement de tutelle n° 12"


def test_a_resumed_draft_shows_each_entry_as_it_was(wizard) -> None:
    view = wizard.interview_view
    group = view.field_input("companions")
    group.add_button.click()
    group.add_button.click()
    pick_role(group, 0, "relative")
    pick_role(group, 1, "guardian")
    wizard.save_now()
    wizard.new_form()
    wizard.start_page.banner.resume_button.click()
    again = wizard.interview_view.field_input("companions")
    assert len(again.items) == 2
    assert shown(again, 0) == {"role"}
    assert shown(again, 1) == {"role", "guardianship_proof"}
