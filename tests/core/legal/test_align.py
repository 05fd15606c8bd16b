"""Imported articles are matched to the provisions of the right instrument, quoted ones included."""

from __future__ import annotations

from thbdesk.core.legal.align import align, mentions, provision_key, unaligned_numbers
from thbdesk.core.legal.library import ImportedArticle, ImportedText
from thbdesk.core.legal.loader import bundled_corpus


def article(number: str, heading: str, text: str = "") -> ImportedArticle:
    return ImportedArticle(number, heading, text or heading, "fr")


def imported(instrument: str, aligned: tuple[str, ...]) -> ImportedText:
    return ImportedText("id", "sha", "f.txt", instrument, "fr", "txt", "2026-01-01", 0, aligned)


def test_quoted_articles_of_a_code_named_by_the_host_go_to_that_code() -> None:
    articles = [
        article("1", "Article premier", "Article premier\nLe code pénal est complété :"),
        article("448-3", "« Article 448-3. – Texte"),
        article(
            "2", "Article 2", "Article 2\nLa loi n° 22-01 relative à la procédure pénale est complétée :"
        ),
        article("82-5-1", "« Article 82-5-1. – Texte"),
    ]
    assert align(articles, "27-14", bundled_corpus()) == ("1", "448-3", "2", "22-01:82-5-1")


def test_an_unquoted_article_never_leaves_its_own_text() -> None:
    articles = [article("82-5-1", "Article 82-5-1"), article("52", "Article 52")]
    assert align(articles, "27-14", bundled_corpus()) == ()


def test_a_plain_quoted_number_needs_its_code_named() -> None:
    quoted_four = [
        article("1", "Article premier", "Le texte suivant est inséré :"),
        article("4", "« Article 4"),
    ]
    assert align(quoted_four, "doc-1", bundled_corpus()) == ()
    named = [article("1", "Article premier", "La loi n° 02-03 est complétée :"), article("4", "« Article 4")]
    assert align(named, "doc-1", bundled_corpus()) == ("02-03:4",)


def test_the_arabic_host_names_the_code_by_its_number() -> None:
    articles = [
        ImportedArticle("2", "المادة الثانية", "يتمم القانون رقم 22.01 المتعلق بالمسطرة الجنائية", "ar"),
        ImportedArticle("82-7", "«المادة 82-7", "«المادة 82-7. - نص", "ar"),
    ]
    assert align(articles, "27-14", bundled_corpus()) == ("2", "22-01:82-7")


def test_keys_and_lookups_of_an_aligned_text() -> None:
    text = imported("27-14", ("1", "2", "448-1", "22-01:82-5-1", "22-01:2"))
    assert provision_key(text, article("448-1", "« Article 448-1")) == "27-14:448-1"
    assert provision_key(text, article("82-5-1", "« Article 82-5-1")) == "22-01:82-5-1"
    assert provision_key(text, article("2", "Article 2")) == "27-14:2"
    assert provision_key(text, article("2", "« Article 2")) == "22-01:2"
    assert provision_key(text, article("82-7", "« Article 82-7")) is None
    assert mentions(text, "22-01", "82-5-1") and mentions(text, "27-14", "448-1")
    assert not mentions(text, "27-14", "82-5-1")
    assert unaligned_numbers(["1", "82-5-1", "82-7", "82-7"], text.aligned) == ("82-7",)


def test_libraries_written_before_cross_alignment_still_read() -> None:
    old = imported("27-14", ("448-1", "448-2"))
    assert provision_key(old, article("448-2", "Article 448-2")) == "27-14:448-2"
