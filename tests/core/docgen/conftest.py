"""The bundled forms with their example answers: what the documents are built from in these tests."""

from __future__ import annotations

import copy
from itertools import permutations
from pathlib import Path

from thbdesk.core.docgen.model import Document, Node, inlines, plain
from thbdesk.core.forms.answers import Answers, read_answers
from thbdesk.core.paths import bundled_dir

FORM_IDS = ("incident-report", "referral", "notice-of-rights")
# the layout and language cases every writer is tried on with every bundled form
WRITER_CASES: list[tuple[str, tuple[str, ...]]] = [
    ("parallel", ("ar", "fr", "en")),
    ("parallel", ("fr", "ar")),
    ("sequential", ("ar", "fr", "en")),
    ("single", ("ar",)),
    ("single", ("en",)),
]
LANG_ORDERS = [order for size in (1, 2, 3) for order in permutations(("ar", "fr", "en"), size)]
FORMS_DATA = Path(__file__).resolve().parents[2] / "data" / "forms"


def example(form_id: str, **changes: object) -> Answers:
    """The form's example answers, with ``changes`` (``None`` removes an answer)."""
    answers = read_answers(bundled_dir("forms") / "examples" / f"{form_id}.json")
    values = copy.deepcopy(answers.answers)
    for key, value in changes.items():
        if value is None:
            values.pop(key, None)
        else:
            values[key] = value
    return Answers(answers.form, answers.form_version, values, answers.saved_at)


def texts(node: Node) -> list[str]:
    return [plain(line) for line in inlines(node)]


def all_text(doc: Document, lang: str) -> str:
    """Everything the ``lang`` part prints from the tree, one line per inline."""
    lines = [plain(line) for line in doc.headers[lang].lines]
    lines.append(doc.title[lang])
    for section in doc.sections:
        lines.append(section.title[lang])
        for block in section.blocks:
            lines.extend(texts(block.nodes[lang]))
    return "\n".join(lines)


def section_ids(doc: Document) -> list[str]:
    return [section.id for section in doc.sections]


import pytest  # noqa: E402

from thbdesk.core.forms.loader import load_form  # noqa: E402
from thbdesk.core.forms.model import FormSpec  # noqa: E402


@pytest.fixture
def minimal_form() -> FormSpec:
    return load_form(FORMS_DATA / "minimal.yaml")
