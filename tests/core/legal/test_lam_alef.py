"""The swapped lam-alef of some PDFs is repaired, and right Arabic is never changed."""

from __future__ import annotations

import pytest

from thbdesk.core.legal.importers.lam_alef import bundled_vocabulary, repair_lam_alef

from .publications import BO_AR, fixture_text, swap_lam_alef

SWAPPED_AND_RIGHT = [
    ("االتجار", "الاتجار"),
    ("األولى", "الأولى"),
    ("اإلنسان", "الإنسان"),
    ("اآلن", "الآن"),
    ("واالستغالل", "والاستغلال"),
    ("باألطفال", "بالأطفال"),
    ("فاإلعفاء", "فالإعفاء"),
]


@pytest.mark.parametrize(("swapped", "right"), SWAPPED_AND_RIGHT)
def test_swapped_words_are_repaired(swapped, right) -> None:
    text = f"المادة األولى: {swapped} في مكافحة االتجار بالبشر."
    repaired, _count = repair_lam_alef(text, bundled_vocabulary)
    assert repaired == f"المادة الأولى: {right} في مكافحة الاتجار بالبشر."


@pytest.mark.parametrize(
    "right",
    [
        fixture_text(BO_AR),
        "السلام عليكم، سالم بن علي قال: لا. الأولى والثانية بالإضافة إلى الاستغلال والإعلام.",
        "علاقة عالقة سلالة أسلاك الأولاد للأطفال لأن ألف",
    ],
)
def test_right_text_is_left_alone(right) -> None:
    assert repair_lam_alef(right, bundled_vocabulary) == (right, 0)


def test_inner_pairs_are_repaired_only_in_a_text_showing_the_artefact() -> None:
    assert repair_lam_alef("الاستغالل", bundled_vocabulary) == ("الاستغالل", 0)
    assert repair_lam_alef("االتجار واالستغالل", bundled_vocabulary)[0] == "الاتجار والاستغلال"


def test_a_whole_publication_comes_back_mostly_right() -> None:
    right = fixture_text(BO_AR)
    repaired, count = repair_lam_alef(swap_lam_alef(right), bundled_vocabulary)
    words = right.split()
    same = sum(a == b for a, b in zip(repaired.split(), words, strict=True))
    assert count > 10 and same / len(words) > 0.95
