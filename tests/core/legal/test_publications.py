"""Official publications in the layouts seen in real ones import whole: every article is found,
nothing else becomes one, and each is matched to the right bundled provision, in whichever
instrument it belongs to. The fixtures are in tests/data/publications (our own wording)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from thbdesk.cli import main
from thbdesk.core.legal.align import provision_key
from thbdesk.core.legal.library import ImportReport, Library
from thbdesk.core.legal.loader import bundled_corpus
from thbdesk.core.search.documents import imported_documents

from .publications import BO_AR, BO_FR, PORTAL, fixture_text, make_paged_pdf, swap_lam_alef
from .samples import make_docx, make_pdf


def own(number: str) -> str | None:
    """Law 27-14's own article, aligned when the bundled corpus has it."""
    law = bundled_corpus().instrument("27-14")
    placed = any(p.number == number and p.placed for p in law.provisions)
    return f"27-14:{number}" if placed else None


PENAL = [(f"448-{n}", f"27-14:448-{n}") for n in range(1, 15)]
BO_FR_ARTICLES = [
    ("1", "27-14:1"),
    *PENAL,
    ("2", own("2")),
    ("82-5-1", "22-01:82-5-1"),
    ("3", own("3")),
    ("82-7", "22-01:82-7"),
    ("4", own("4")),
    ("5", own("5")),
    ("6", "27-14:6"),
    ("7", "27-14:7"),
]
BO_AR_ARTICLES = [
    ("1", "27-14:1"),
    *[(n, key) for n, key in PENAL if n in {"448-1", "448-2", "448-3", "448-7", "448-14"}],
    ("2", own("2")),
    ("82-5-1", "22-01:82-5-1"),
    ("3", own("3")),
    ("82-7", "22-01:82-7"),
    ("6", "27-14:6"),
    ("7", "27-14:7"),
]
PORTAL_ARTICLES = [
    ("1", "27-14:1"),
    ("448-1", "27-14:448-1"),
    ("448-2", "27-14:448-2"),
    ("448-7", "27-14:448-7"),
    ("2", own("2")),
    ("82-5-1", "22-01:82-5-1"),
    ("6", "27-14:6"),
]


def library() -> Library:
    return Library(bundled_corpus())


def import_and_match(path: Path) -> tuple[ImportReport, list[tuple[str | None, str | None]]]:
    report = library().import_file(path)
    articles = library().articles(report.text.id)
    return report, [(a.number, provision_key(report.text, a)) for a in articles]


def put(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "build", "expected", "lang"),
    [
        ("bo-fr.txt", lambda: fixture_text(BO_FR).encode("utf-8"), BO_FR_ARTICLES, "fr"),
        ("bo-fr.docx", lambda: make_docx(fixture_text(BO_FR)), BO_FR_ARTICLES, "fr"),
        ("bo-ar.txt", lambda: fixture_text(BO_AR).encode("cp1256"), BO_AR_ARTICLES, "ar"),
        ("bo-ar.docx", lambda: make_docx(fixture_text(BO_AR)), BO_AR_ARTICLES, "ar"),
    ],
)
def test_bulletin_officiel_quoted_articles_are_each_found_and_matched(
    tmp_path, name, build, expected, lang
) -> None:
    report, matched = import_and_match(put(tmp_path, name, build()))
    assert matched == expected
    assert (report.text.instrument, report.text.lang) == ("27-14", lang)
    assert report.warnings == ()
    first = library().articles(report.text.id)[0]
    assert len(first.text) < 300, "the law's first article no longer swallows the inserted ones"


def test_a_reference_in_running_text_is_still_not_a_heading(tmp_path) -> None:
    text = fixture_text(BO_FR).replace("« Article 448-8. –", "« Article 448-8 de la loi")
    _report, matched = import_and_match(put(tmp_path, "bo.txt", text.encode()))
    assert [n for n, _ in matched if n and n.startswith("448-")] == [
        f"448-{n}" for n in range(1, 15) if n != 8
    ]
    swallowed = library().official_articles("27-14", "448-7")[0][1].text
    assert "« Article 448-8 de la loi" in swallowed


def test_inserted_code_articles_open_from_that_code_and_are_searched_as_its_provisions(tmp_path) -> None:
    report, _matched = import_and_match(put(tmp_path, "bo.txt", fixture_text(BO_FR).encode()))
    assert "22-01:82-5-1" in report.text.aligned and "82-5-1" not in report.unaligned
    [(text, article)] = library().official_articles("22-01", "82-5-1")
    assert article.heading.startswith("« Article 82-5-1") and "hébergement" in article.text
    assert library().official_articles("27-14", "82-5-1") == []
    documents = {d.number: d for d in imported_documents(library(), text)}
    assert (documents["82-5-1"].instrument, documents["82-5-1"].provision_key) == ("22-01", "22-01:82-5-1")
    assert (documents["448-3"].instrument, documents["448-3"].provision_key) == ("27-14", "27-14:448-3")


def test_web_page_keeps_the_law_and_leaves_menus_contents_and_footer_out(tmp_path) -> None:
    report, matched = import_and_match(PORTAL)
    assert matched == PORTAL_ARTICLES
    assert report.warnings == ()
    text = "\n".join(a.text for a in library().articles(report.text.id))
    for furniture in ("Accueil", "Rechercher", "Aller au contenu", "Conditions d'utilisation", "Partager"):
        assert furniture not in text
    assert "Article 999" not in text and "Article 12" not in text
    assert "voir aussi l'article 448-2" in text  # a link inside the law's text stays


def bo_header_fr(page: int) -> list[str]:
    """Recto and verso pages carry their running header the other way round, as the BO does."""
    folio = 6643 + page
    if page % 2:
        return [f"BULLETIN OFFICIEL     {folio}", "Nº 6526 – 3 novembre 2016"]
    return [f"{folio}     BULLETIN OFFICIEL", "Nº 6526 – 3 novembre 2016"]


def bo_header_ar(page: int) -> list[str]:
    return ["الجريدة الرسمية", f"عدد 6501 - 19 شتنبر 2016 الصفحة {6643 + page}"]


@pytest.mark.parametrize(
    ("fixture", "header", "footer", "expected"),
    [
        (BO_FR, bo_header_fr, lambda page: [f"Page {page}"], BO_FR_ARTICLES),
        (BO_AR, bo_header_ar, lambda page: [f"- {page} -"], BO_AR_ARTICLES),
    ],
)
def test_page_furniture_never_ends_up_inside_an_article(tmp_path, fixture, header, footer, expected) -> None:
    body = [line for line in fixture_text(fixture).splitlines() if len(line) < 120]
    pdf = make_paged_pdf(body, lines_per_page=9, header=header, footer=footer)
    report, matched = import_and_match(put(tmp_path, "bo.pdf", pdf))
    assert report.text.format == "pdf" and matched == expected
    lines = [line for a in library().articles(report.text.id) for line in a.text.splitlines()]
    furniture = {line for page in range(1, 10) for line in (*header(page), *footer(page))}
    assert not furniture & set(lines)
    assert not [line for line in lines if line.strip(" -").isdecimal()]
    # Mixed Arabic-and-digit lines may come back with punctuation moved (see pdf.py): Latin only.
    headings = [line for line in body if "Article" in line[:12]]
    assert set(headings) <= set(lines), "every article heading kept, page breaks or not"


def test_swapped_lam_alef_from_a_pdf_is_repaired(tmp_path, capsys) -> None:
    swapped = swap_lam_alef(fixture_text(BO_AR))
    assert "المادة األولى" in swapped and "االتجار" in swapped  # the artefact as seen in real files
    report, matched = import_and_match(
        put(tmp_path, "bo-ar.pdf", make_pdf(swapped.splitlines(), stored="visual"))
    )
    assert matched == BO_AR_ARTICLES
    articles = library().articles(report.text.id)
    assert articles[0].heading == "المادة الأولى"
    text = "\n".join(a.text for a in articles)
    assert "الاتجار بالبشر" in text and "االتجار" not in text
    assert main(["search", "مكافحة الاتجار بالبشر", "--json", "--limit", "50"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert any(hit["source"] == "official" for hit in hits)
