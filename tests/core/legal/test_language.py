from __future__ import annotations

import pytest

from thbdesk.core.legal.language import detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("يعاقب بالسجن من سنة إلى خمس سنوات كل من استغل هشاشة شخص آخر.", "ar"),
        ("تسهر السلطات المختصة على تقديم المساعدة للضحايا، ولو كان النص يذكر Article 5.", "ar"),
        ("الفصل 1-448", "ar"),
        ("Est puni d'un emprisonnement quiconque tire profit de la vulnérabilité d'autrui.", "fr"),
        ("La peine prévue à l'article 448-1 est doublée lorsque la victime est mineure.", "fr"),
        ("Les présentes dispositions visent à protéger toute personne vulnérable.", "fr"),
        ("The penalty provided for in article 448-1 is doubled when the victim is a minor.", "en"),
        ("Any person who takes advantage of the vulnerability of another shall be punished.", "en"),
        ("This Act applies to offences committed in the territory of the Kingdom.", "en"),
    ],
)
def test_sentences(text, expected) -> None:
    assert detect_language(text) == expected


@pytest.mark.parametrize(
    ("text", "default", "expected"),
    [
        ("", "ar", "ar"),
        ("448-1 ; 12/03/2008", "en", "en"),
        ("Article 5", "en", "en"),
        ("Article 5", "ar", "fr"),  # Latin script without evidence: French, Morocco's other language
        ("Article 5 : la victime", "en", "fr"),
    ],
)
def test_default_when_the_text_gives_no_evidence(text, default, expected) -> None:
    assert detect_language(text, default=default) == expected
