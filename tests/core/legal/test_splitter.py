"""Article splitting: headings in every notation, references that are not headings, and the
invariant that the parts always give the input back."""

from __future__ import annotations

import doctest

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thbdesk.core.legal import language, paragraphs, splitter
from thbdesk.core.legal.importers import files, furniture, html, lam_alef, pdf, text
from thbdesk.core.legal.splitter import SplitPart, normalise_number, split_articles, split_publication

from .samples import AR_LAW, FR_LAW

KINDS = {"preamble", "heading", "article"}


def heads(source: str) -> list[tuple[str, str | None]]:
    return [(part.kind, part.number) for part in split_articles(source) if part.kind != "preamble"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("الفصل 1-448", ("article", "448-1")),
        ("الفصل 448-1", ("article", "448-1")),
        ("الفصل ١-٤٤٨", ("article", "448-1")),
        ("  الفصل 1.448", ("article", "448-1")),
        ("المادة 52", ("article", "52")),
        ("المادة ٥٢: نص المادة", ("article", "52")),
        ("المادة الأولى", ("article", "1")),
        ("المادة الثانية - نص", ("article", "2")),
        ("المادة الثالثة", ("article", "3")),
        ("المادة العاشرة", ("article", "10")),
        ("المادة الحادية عشرة", ("article", "11")),
        ("المادّة الأولى", ("article", "1")),
        ("مادة فريدة", ("article", "1")),
        ("المادة 12 مكررة", ("article", "12-bis")),
        ("Article 448-1", ("article", "448-1")),
        ("Art. 448.1", ("article", "448-1")),
        ("ARTICLE 52.- Le texte", ("article", "52")),
        ("Article premier", ("article", "1")),
        ("ARTICLE PREMIER", ("article", "1")),
        ("Article 1er.", ("article", "1")),
        ("Article unique", ("article", "1")),
        ("Article 5 bis : texte", ("article", "5-bis")),
        ("Article 3 Les dispositions suivantes", ("article", "3")),
        ("Article\u00a012 :", ("article", "12")),
        ("Article 7", ("article", "7")),
        ("Chapitre premier", ("heading", None)),
        ("CHAPITRE II", ("heading", None)),
        ("Titre III - Des peines", ("heading", None)),
        ("Livre premier", ("heading", None)),
        ("Partie 2", ("heading", None)),
        ("Chapitre Deuxième", ("heading", None)),
        ("Chapter 4", ("heading", None)),
        ("Part One", ("heading", None)),
        ("Title II", ("heading", None)),
        ("الباب الأول", ("heading", None)),
        ("الباب الثاني: العقوبات", ("heading", None)),
        ("الفرع 2", ("heading", None)),
        ("القسم الثالث", ("heading", None)),
        ("الكتاب الأول", ("heading", None)),
        ("الجزء 3", ("heading", None)),
        ("الباب التمهيدي", ("heading", None)),
    ],
)
def test_heading_lines(line, expected) -> None:
    assert heads(f"Préambule\n{line}\nTexte.\n") == [expected]


@pytest.mark.parametrize(
    "line",
    [
        "conformément à l'article 448-2, la peine est doublée",
        "المنصوص عليها في الفصل 2-448",
        "Article 5 de la loi n° 27-14",
        "Article 448-1 ci-dessus s'applique",
        "الفصل 2-448 من هذا القانون",
        "المادة الأولى أعلاه",
        "article 5.",
        "Articles 5 et 6",
        "Article 5a",
        "Chapitre premier du présent code",
        "Partie Civile",
        "الباب مفتوح",
        "Section 1 of the Act",
        "- Article 5",
        "Voir Article 5",
    ],
)
def test_references_and_lookalikes_are_not_headings(line) -> None:
    assert heads(f"Préambule\n{line}\n") == []


def test_sections_are_groupings_when_articles_exist() -> None:
    source = "Section 1 - Des peines\nArticle 1\nTexte.\nSection 2\nArticle 2\nTexte.\n"
    assert heads(source) == [("heading", None), ("article", "1"), ("heading", None), ("article", "2")]


def test_sections_are_articles_in_a_text_without_articles() -> None:
    source = "An Act on protection\nPart One\nSection 1. Definitions\nThe victim.\nSection 2\nText.\n"
    parts = split_articles(source)
    assert [(p.kind, p.number, p.context) for p in parts if p.kind != "preamble"] == [
        ("heading", None, ()),
        ("article", "1", ("Part One",)),
        ("article", "2", ("Part One",)),
    ]
    assert {p.lang for p in parts} == {"en"}


def test_parts_of_a_bilingual_law() -> None:
    parts = split_articles(AR_LAW + FR_LAW)
    assert "".join(p.text for p in parts) == AR_LAW + FR_LAW
    first, chapter, article = parts[0], parts[1], parts[2]
    assert first == SplitPart("preamble", "نص تجريبي لاختبار استيراد النصوص\n", lang="ar")
    assert (chapter.kind, chapter.heading, chapter.context) == ("heading", "الباب الأول: أحكام تمهيدية", ())
    assert article.text == (
        "المادة الأولى\nتهدف هذه المقتضيات إلى حماية الأشخاص المستضعفين من كل أشكال الاستغلال.\n"
    )
    french = [p for p in parts if p.lang == "fr"]
    assert [(p.kind, p.number, p.heading) for p in french] == [
        ("heading", None, "Chapitre premier"),
        ("article", "1", "Article premier"),
        ("heading", None, "Chapitre II : Des peines"),
        ("article", "448-1", "Article 448-1"),
        ("article", "448-2", "Art. 448.2"),
    ]
    assert french[1].context == ("Chapitre premier — Dispositions générales",)


def test_context_is_a_stack_of_levels() -> None:
    source = "Livre I\nTitre I\nChapitre I\nArticle 1\nChapitre II\nArticle 2\nTitre II\nArticle 3\n"
    contexts = [p.context for p in split_articles(source) if p.kind == "article"]
    assert contexts == [
        ("Livre I", "Titre I", "Chapitre I"),
        ("Livre I", "Titre I", "Chapitre II"),
        ("Livre I", "Titre II"),
    ]


@pytest.mark.parametrize(
    ("raw", "arabic", "expected"),
    [
        ("448.1", False, "448-1"),
        ("448-1", False, "448-1"),
        ("1-448", False, "1-448"),
        ("1-448", True, "448-1"),
        ("448-1", True, "448-1"),
        ("١-٤٤٨", True, "448-1"),
        ("۱-۴۴۸", True, "448-1"),
        ("5-5", True, "5-5"),
        ("052", False, "52"),
        ("0", False, "0"),
        ("1-2-3", True, "1-2-3"),
    ],
)
def test_normalise_number(raw, arabic, expected) -> None:
    assert normalise_number(raw, arabic=arabic) == expected


@pytest.mark.parametrize(
    "module", [splitter, language, pdf, html, text, files, furniture, lam_alef, paragraphs]
)
def test_module_doctests(module) -> None:
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


def test_empty_text_has_no_parts() -> None:
    assert split_articles("") == []


def check_invariant(source: str) -> list[SplitPart]:
    parts = split_articles(source)
    assert "".join(part.text for part in parts) == source
    assert all(part.text and part.kind in KINDS and part.lang in {"ar", "fr", "en"} for part in parts)
    assert all((part.number is not None) == (part.kind == "article") for part in parts)
    return parts


@settings(max_examples=300)
@given(st.text())
def test_any_text_splits_without_loss(source) -> None:
    check_invariant(source)


ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
ORDINALS = [
    "الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة",
    "السادسة", "السابعة", "الثامنة", "التاسعة", "العاشرة",
]  # fmt: skip
GROUPINGS = [
    "Chapitre premier", "CHAPITRE II", "Titre III", "Livre 1", "Partie 2", "Chapter 4", "Part One",
    "Title II", "الباب الأول", "الفرع 2", "القسم الثاني", "الكتاب الأول", "الجزء 3", "الباب الثاني: أحكام",
]  # fmt: skip
REFERENCES = [
    "conformément à l'article 448-2, la peine", "المنصوص عليها في الفصل 2-448",
    "Article 5 de la loi", "الفصل 2-448 من هذا القانون", "article 5.", "Voir Article 5",
]  # fmt: skip
WORDS = ["يعاقب", "بالسجن", "كل", "من", "la", "peine", "est", "doublée", "victime", "12", "(", ")", ".", "،"]
ENDINGS = ["", ":", " :", ".", " - Le texte", ". – نص", " : الضحية"]


@st.composite
def article_headings(draw: st.DrawFn) -> tuple[str, str]:
    """An article heading in one of the notations, with the number it must normalise to."""
    major, minor = draw(st.integers(1, 999)), draw(st.integers(1, 30))
    pair = f"{max(major, minor)}-{min(major, minor)}" if major != minor else f"{major}-{minor}"
    rank = draw(st.integers(1, 10))
    forms = [
        (f"Article {major}", str(major)),
        (f"ARTICLE {major}-{minor}", f"{major}-{minor}"),
        (f"Art. {major}.{minor}", f"{major}-{minor}"),
        ("Article premier", "1"),
        ("Article 1er", "1"),
        ("Article unique", "1"),
        (f"الفصل {minor}-{major}", pair),
        (f"الفصل {major}-{minor}", pair),
        (f"الفصل {minor}-{major}".translate(ARABIC_INDIC), pair),
        (f"المادة {major}", str(major)),
        (f"المادة {ORDINALS[rank - 1]}", str(rank)),
        ("مادة فريدة", "1"),
    ]
    line, number = draw(st.sampled_from(forms))
    indent = draw(st.sampled_from(["", " ", "\t", "\u00a0 "]))
    return indent + line + draw(st.sampled_from(ENDINGS)), number


filler = st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join)
line_item = st.one_of(
    article_headings().map(lambda heading: (heading[0], heading[1])),
    st.sampled_from(GROUPINGS).map(lambda line: (line, None)),
    st.sampled_from(REFERENCES).map(lambda line: (line, None)),
    filler.map(lambda line: (line, None)),
)
separators = st.sampled_from(["\n", "\r\n", "\r", "\u2028", "\x0c", "\x85"])


@settings(max_examples=300)
@given(st.lists(st.tuples(line_item, separators), max_size=25), st.booleans())
def test_law_like_text_splits_into_the_generated_articles(items, final_separator) -> None:
    source = "".join(line + separator for (line, _), separator in items)
    if items and not final_separator:
        source = source.removesuffix(items[-1][1])
    parts = check_invariant(source)
    expected = [number for (_, number), _ in items if number is not None]
    assert [part.number for part in parts if part.kind == "article"] == expected
    assert all(part.text.lstrip(" \t\u00a0")[:1] in "Aام" for part in parts if part.kind == "article")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("« Article 448-1. – Constitue la traite", ("article", "448-1")),
        ('"Article 448-2 Le texte', ("article", "448-2")),
        ("“Article 82-5-1. – Le parquet", ("article", "82-5-1")),
        ("«\u00a0Article 5 :", ("article", "5")),
        ("«الفصل 1-448. - يعد", ("article", "448-1")),
        ('"الفصل 2-448', ("article", "448-2")),
        ("« المادة 82-5-1. - تتخذ", ("article", "82-5-1")),
        ("« Section VI. – De la traite", ("heading", None)),
    ],
)
def test_quoted_headings_of_inserted_provisions(line, expected) -> None:
    parts = [p for p in split_articles(f"Article premier\nLe code est complété :\n{line}\nTexte.\n")]
    assert (parts[1].kind, parts[1].number) == expected
    assert parts[1].quoted and not parts[0].quoted


@pytest.mark.parametrize(
    "line",
    [
        "« Article 448-1 de la loi précitée",
        "« l'article 448-1 est abrogé",
        "«الفصل 2-448 من هذا القانون",
        "voir « Article 448-1 »",
        "« la peine prévue à l'Article 5",
    ],
)
def test_quoted_references_in_running_text_are_not_headings(line) -> None:
    assert heads(f"Préambule\n{line}\n") == []


def test_quoted_group_titles_do_not_follow_the_law_back_into_its_own_articles() -> None:
    source = (
        "Chapitre premier\nArticle premier\nLe code est complété :\n« Section VI\n« De la traite\n"
        "« Article 448-1. – Texte.\nArticle 2\nSuite.\n"
    )
    parts = [(p.number, p.context) for p in split_articles(source) if p.kind == "article"]
    assert parts == [
        ("1", ("Chapitre premier",)),
        ("448-1", ("Chapitre premier", "Section VI — De la traite")),
        ("2", ("Chapitre premier",)),
    ]


def test_a_contents_list_before_the_text_is_not_articles() -> None:
    source = (
        "Sommaire\nArticle premier : Objet\nArticle 2\nDéfinitions\nArticle 3\n"
        "Article premier : Objet\nLa présente loi vise la protection des victimes.\n"
        "Article 2\nDéfinitions\nAu sens de la présente loi, on entend par victime toute personne.\n"
        "Article 3\nCourt.\n"
    )
    parts = split_publication(source)
    assert "".join(p.text for p in parts) == source
    articles = [p for p in parts if p.kind == "article"]
    assert [p.number for p in articles] == ["1", "2", "3"]
    assert "protection" in articles[0].text and "victime toute" in articles[1].text
    assert articles[2].text == "Article 3\nCourt.\n"


def test_a_short_article_whose_number_never_comes_again_is_kept() -> None:
    parts = split_publication("Article 1\nArticle 2\nTexte.\n")
    assert [(p.kind, p.number) for p in parts] == [("article", "1"), ("article", "2")]
