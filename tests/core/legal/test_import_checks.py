"""The import report warns about imports that succeeded but look wrong, in the user's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from thbdesk.cli import main
from thbdesk.core import i18n
from thbdesk.core.legal.import_checks import import_warnings
from thbdesk.core.legal.library import ImportedArticle, Library
from thbdesk.core.legal.loader import bundled_corpus

from .publications import BO_FR, fixture_text


@pytest.fixture(autouse=True)
def english() -> None:
    i18n.set_language("en")  # the profile's default is Arabic; the warnings are read in English


def article(number: str | None, text: str = "Un alinéa d'essai.", heading: str = "") -> ImportedArticle:
    return ImportedArticle(number, heading or f"Article {number}", text, "fr")


NORMAL = [article(str(n), "Un alinéa d'essai. " * 10) for n in range(1, 6)]


def test_a_sound_import_has_no_warning() -> None:
    assert import_warnings(NORMAL, ["1", "2", "3", "4", "5"], "27-14", True) == ()


def test_one_article_swallowing_the_others_is_reported() -> None:
    swallowed = [*NORMAL, article("6", "Texte. " * 700)]
    [warning] = import_warnings(swallowed, ["1", "2", "3", "4", "5", "6"], "27-14", True)
    assert "Article 6 is 4900 characters long" in warning


def test_a_long_article_among_long_ones_or_in_a_short_text_is_not_reported() -> None:
    long_ones = [article(str(n), "Texte. " * 600) for n in range(1, 5)]
    assert import_warnings(long_ones, ["1", "2", "3", "4"], "27-14", True) == ()
    short_text = [article("1", "x" * 100), article("2", "x" * 100), article("3", "x" * 1900)]
    assert import_warnings(short_text, ["1", "2", "3"], "27-14", True) == ()


def test_few_matches_and_repeated_numbers_are_reported() -> None:
    repeated = [*NORMAL, article("2"), article("3")]
    matches, repeats = import_warnings(repeated, ["1"], "27-14", True)
    assert matches.startswith("Only 1 of 5 article numbers match provisions of 27-14")
    assert "(2, 3)" in repeats


def test_the_same_number_quoted_and_unquoted_is_not_a_repeat() -> None:
    articles = [*NORMAL, article("2", heading="« Article 2. – Le code")]
    assert import_warnings(articles, ["1", "2", "3", "4", "5"], "27-14", True) == ()


def test_a_text_no_bundled_instrument_matches_is_reported() -> None:
    [warning] = import_warnings(NORMAL, [], "doc-1234abcd", False)
    assert "doc-1234abcd" in warning
    assert import_warnings(NORMAL, ["27-14:448-1"], "doc-1234abcd", False) == ()


def test_the_old_bulletin_failure_is_no_longer_silent(tmp_path) -> None:
    """Headings the splitter cannot see (here: a quotation mark it does not know) must be reported."""
    unknown_quote = fixture_text(BO_FR).replace("« Article", "⟪ Article").replace("« Section", "⟪ Section")
    path = tmp_path / "bo.txt"
    path.write_text(unknown_quote, encoding="utf-8")
    report = Library(bundled_corpus()).import_file(path, instrument="27-14")
    assert any("far longer than the others" in w for w in report.warnings)


def test_the_cli_prints_warnings_on_stderr_in_the_users_language(tmp_path, capsys) -> None:
    path = tmp_path / "doublons.txt"
    path.write_text(
        "Loi 27-14\nArticle 448-1\nUn.\nArticle 448-1\nDeux.\nArticle 448-2\nTrois.\n", encoding="utf-8"
    )
    assert main(["--ui-lang", "fr", "import", str(path)]) == 0
    captured = capsys.readouterr()
    assert "448-1" in captured.err and "plus d'une fois" in captured.err
    assert "448-1" not in captured.out.replace(path.name, "")


def test_progress_goes_to_a_log_one_line_per_tenth(tmp_path, capsys) -> None:
    path = tmp_path / "loi.txt"
    path.write_text("Loi 27-14\nArticle 448-1\nUn texte.\n", encoding="utf-8")
    assert main(["--ui-lang", "en", "import", str(path)]) == 0
    lines = [line for line in capsys.readouterr().err.splitlines() if "%" in line]
    assert len(lines) >= 3 and lines[-1].endswith("100% loi.txt")
    assert all("\r" not in line for line in lines)


def test_warnings_follow_the_language(tmp_path: Path) -> None:
    i18n.set_language("ar")
    [warning] = import_warnings(NORMAL, [], "doc-1234abcd", False)
    assert "doc-1234abcd" in warning and warning != import_warnings.__doc__
    i18n.set_language("en")
    [english] = import_warnings(NORMAL, [], "doc-1234abcd", False)
    assert english != warning
