"""Hard line breaks of a PDF are joined back into the paragraphs of the official wording."""

from __future__ import annotations

import pytest

from thbdesk.core.legal.paragraphs import join_lines, official_paragraphs

WRAPPED_FR = """\
« Article 448-1. – Constitue la traite des êtres humains le fait de recruter, d'attirer, de
transporter, de transférer, d'héberger ou d'accueillir une personne, ou de servir d'intermédiaire
à ces actes, en vue de son exploitation.
« Lorsque la victime a moins de dix-huit ans, le but d'exploitation suffit, sans qu'aucun de ces
moyens soit exigé."""

WRAPPED_AR = """\
«الفصل 1-448. - يعد اتجارا بالبشر كل تجنيد لشخص أو نقله أو إيوائه أو استقباله، بالتهديد أو
بالخداع أو باستغلال ضعفه، قصد استغلاله.
«لا يشترط استعمال أي وسيلة إذا كان الضحية دون الثامنة عشرة."""


LISTED = (
    "Article 5\nLa peine est portée au double dans les cas\nsuivants :\n"
    "1° si la victime est mineure ;\n2° si l'auteur est armé ;\n3° si les faits ont causé la mort."
)
BLANK_LINE = (
    "Premier alinéa assez long pour remplir une ligne entière de la page\nqui se termine sans point\n\n"
    "Second alinéa après une ligne vide, lui aussi\nsur deux lignes."
)


def lines(text: str, start: int, stop: int) -> str:
    """Printed lines start..stop-1 of a text, as one paragraph reads them."""
    return " ".join(text.splitlines()[start:stop])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (WRAPPED_FR, [lines(WRAPPED_FR, 0, 3), lines(WRAPPED_FR, 3, 5)]),
        (WRAPPED_AR, [lines(WRAPPED_AR, 0, 2), lines(WRAPPED_AR, 2, 3)]),
        (
            LISTED,
            [
                "Article 5",
                "La peine est portée au double dans les cas suivants :",
                "1° si la victime est mineure ;",
                "2° si l'auteur est armé ;",
                "3° si les faits ont causé la mort.",
            ],
        ),
        (
            "ترفع العقوبة في الحالات الآتية:\n1 - إذا هدد الفاعل الضحية؛\n2 - إذا كان الفاعل يحمل\nسلاحا.",
            [
                "ترفع العقوبة في الحالات الآتية:",
                "1 - إذا هدد الفاعل الضحية؛",
                "2 - إذا كان الفاعل يحمل سلاحا.",
            ],
        ),
        (BLANK_LINE, [lines(BLANK_LINE, 0, 2), lines(BLANK_LINE, 3, 5)]),
        ("a) la traite ;\nb) le trafic.", ["a) la traite ;", "b) le trafic."]),
    ],
)
def test_lines_join_into_paragraphs(text, expected) -> None:
    assert join_lines(text) == expected


def test_a_word_cut_at_the_end_of_a_line_is_made_whole() -> None:
    assert join_lines("aux fins d'exploi-\ntation sexuelle.") == ["aux fins d'exploitation sexuelle."]
    assert join_lines("l'article 448-\n1 s'applique.") == ["l'article 448- 1 s'applique."]


def test_docx_and_html_lines_are_already_paragraphs() -> None:
    text = "Premier alinéa assez long pour remplir une ligne entière de la page\nqui continue ici"
    assert official_paragraphs(text, "docx") == text.splitlines()
    assert official_paragraphs(text, "html") == text.splitlines()
    assert official_paragraphs(text, "pdf") == [text.replace("\n", " ")]


def test_a_text_file_is_joined_only_when_it_was_wrapped() -> None:
    one_per_line = (
        "Titre de la loi sans point final\n"
        + "Un alinéa entier tenant sur une seule ligne du fichier, aussi long qu'il le faut pour tout dire "
        "sans jamais revenir à la ligne au milieu d'une phrase\nUn autre alinéa.\nEncore un alinéa bref."
    )
    assert official_paragraphs(one_per_line, "txt") == one_per_line.splitlines()
    assert official_paragraphs(WRAPPED_FR, "txt") == join_lines(WRAPPED_FR)
