import pytest
from PySide6.QtCore import QUrl

from thbdesk.core.legal.library import Library
from thbdesk.core.legal.loader import bundled_corpus, load_corpus
from thbdesk.core.settings import Settings
from thbdesk.ui.library.reader import ReaderView

from ..core.legal.publications import BO_AR, BO_FR, fixture_text
from ..core.legal.samples import make_pdf


def test_reader_shows_448_7_in_three_languages_in_arabic_ui(open_window) -> None:
    window = open_window(Settings(language="ar"))
    reader = window.reader
    assert reader.open_provision("27-14:448-7")
    text = reader.browser.toPlainText()
    assert "عدم التبليغ" in text
    assert "Non-dénonciation" in text
    assert "Failure to report" in text
    assert "الفصل \u20667-448\u2069" in text and "Article 448-7" in text
    assert reader.provision_list.currentItem().text().startswith("الفصل")


@pytest.mark.parametrize(
    ("lang", "title", "fine"),
    [("ar", "الفصل \u20662-448\u2069", "500.000"), ("fr", "Article 448-2", "500 000")],
)
def test_following_a_cross_reference_opens_the_target(open_window, lang, title, fine) -> None:
    window = open_window(Settings(language=lang))
    reader = window.reader
    reader.open_provision("27-14:448-7")
    html = reader.browser.toHtml()
    assert 'href="thb:27-14:448-2"' in html
    reader.browser.anchorClicked.emit(QUrl("thb:27-14:448-2"))
    assert reader.current_key == "27-14:448-2"
    assert reader.provision_list.currentItem().text().startswith(title)
    assert fine in reader.browser.toPlainText().replace("\u202f", " ")


def test_cross_instrument_link_switches_the_text(open_window) -> None:
    reader = open_window(Settings(language="en")).reader
    law = bundled_corpus().instrument("27-14")
    target = next(ref for p in law.provisions for ref in p.refs if ref.startswith("22-01:"))
    reader.browser.anchorClicked.emit(QUrl(f"thb:{target}"))
    assert reader.current_key == target
    assert reader.instrument_box.currentData() == "22-01"


# The bundled corpus no longer has a missing article or a fact without an article (the official text
# filled and placed them all), so those cases are shown from a small invented text.
INVENTED_TEXT = """format: 1
instrument:
  id: "99-01"
  kind: law
  official_numbering: true
  title: {ar: "قانون تجريبي", fr: "Loi d'essai", en: "Test law"}
  short_title: {ar: "قانون تجريبي", fr: "Loi d'essai", en: "Test law"}
  provision_label: {ar: "المادة", fr: "Article", en: "Article"}
  sources: ["example.org"]
provisions:
  - number: "1"
    status: missing
  - number: "2"
    status: unverified
    heading: {ar: "عنوان", fr: "Titre d'essai", en: "Test heading"}
    summary: {ar: "ملخص", fr: "Résumé d'essai.", en: "Test summary."}
    sources: ["example.org"]
unplaced:
  - id: "tier-without-article"
    status: unverified
    heading: {ar: "درجة بلا فصل", fr: "Palier sans article connu", en: "Tier with no known article"}
    summary: {ar: "ملخص", fr: "Résumé d'essai.", en: "Test summary."}
    sources: ["example.org"]
"""


@pytest.fixture
def invented_reader(qtbot, tmp_path) -> ReaderView:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "test-law.yaml").write_text(INVENTED_TEXT, encoding="utf-8")
    corpus = load_corpus(tmp_path / "texts")
    view = ReaderView(corpus, Library(corpus, root=tmp_path / "library"))
    qtbot.addWidget(view)
    return view


def test_unverified_and_missing_provisions_carry_a_badge(open_window, invented_reader) -> None:
    reader = open_window(Settings(language="en")).reader
    reader.open_provision("2-17-740:7")
    assert "Unverified: check the official text" in reader.browser.toPlainText()
    reader.open_provision("27-14:448-2")
    assert "Unofficial summary of verified facts" in reader.browser.toPlainText()
    invented_reader.open_provision("99-01:1")
    assert "No summary yet: import the official text" in invented_reader.browser.toPlainText()


def test_picking_an_instrument_lists_its_provisions(open_window) -> None:
    reader = open_window(Settings(language="fr")).reader
    reader.select_instrument("02-03")
    numbers = [reader.provision_list.item(i).text() for i in range(reader.provision_list.count())]
    assert any(n.startswith("Article 52") for n in numbers)
    assert reader.current_key and reader.current_key.startswith("02-03:")


def test_reader_follows_a_language_switch(open_window) -> None:
    window = open_window(Settings(language="en"))
    window.reader.open_provision("27-14:448-9")
    window.language_actions["ar"].trigger()
    assert window.reader.current_key == "27-14:448-9"
    assert window.reader.instrument_box.currentText() == bundled_corpus().instrument("27-14").short_title.ar


def test_imported_official_text_opens_first_above_the_summaries(open_window, tmp_path) -> None:
    source = tmp_path / "loi.txt"
    source.write_text(
        "Chapitre premier\nArticle 448-7\nTexte officiel fictif pour le test de lecture.\n", encoding="utf-8"
    )
    Library(bundled_corpus()).import_file(source, instrument="27-14", lang="fr")
    reader = open_window(Settings(language="fr")).reader
    reader.open_provision("27-14:448-7")
    text = reader.browser.toPlainText()
    official = text.index("Texte officiel (importé)")
    assert (
        official
        < text.index("Texte officiel fictif pour le test de lecture.")
        < text.index("Résumé non officiel")  # the badge labels the summaries, not the official text
        < text.index("Non-dénonciation")
    )
    assert "Chapitre premier" in text  # the chapter it sits in


def test_a_fact_without_a_confirmed_article_can_be_opened(open_window, invented_reader) -> None:
    open_window(Settings(language="fr"))  # the UI language the reader writes in
    assert invented_reader.open_provision("99-01:tier-without-article")
    assert invented_reader.current_key == "99-01:tier-without-article"
    text = invented_reader.browser.toPlainText()
    assert "Palier sans article connu" in text and "Non vérifié" in text


def test_a_pdf_publication_reads_as_paragraphs_in_both_languages(open_window, tmp_path) -> None:
    library = Library(bundled_corpus())
    for fixture, name in ((BO_FR, "bo-fr.pdf"), (BO_AR, "bo-ar.pdf")):
        path = tmp_path / name
        path.write_bytes(make_pdf(fixture_text(fixture).splitlines(), stored="visual", lines_per_page=30))
        library.import_file(path)
    reader = open_window(Settings(language="en")).reader
    reader.open_provision("27-14:448-1")
    paragraphs = [line for line in reader.browser.toPlainText().splitlines() if line.strip()]
    joined_fr = (
        "« Article 448-1. – Constitue la traite des êtres humains le fait de recruter, d'attirer, de "
        "transporter, de transférer, d'héberger ou d'accueillir une personne, ou de servir d'intermédiaire "
        "à ces actes, par la menace, la force, l'enlèvement, la tromperie ou l'abus d'une situation de "
        "faiblesse, en vue de son exploitation."
    )
    assert joined_fr in paragraphs, "the PDF's printed lines are one paragraph again"
    assert any(p.startswith("« Lorsque la victime a moins de dix-huit ans") for p in paragraphs)
    arabic = (
        "«لا يشترط استعمال أي وسيلة من هذه الوسائل إذا كان الضحية دون الثامنة عشرة من عمره، ويكفي عندئذ أن"
    )
    assert any(p.startswith(arabic) and p.endswith("هو استغلاله.") for p in paragraphs)
    heading = next(p for p in paragraphs if "يعد اتجارا بالبشر" in p)
    assert heading.startswith("«الفصل 1-448. - يعد") and heading.endswith(
        "بالتهديد أو بالخداع أو باستغلال ضعفه، قصد استغلاله."
    )
    assert paragraphs.index(joined_fr) < next(i for i, p in enumerate(paragraphs) if "Definition" in p)


def test_an_article_a_law_inserts_into_a_code_opens_under_that_code(open_window, tmp_path) -> None:
    path = tmp_path / "bo-fr.txt"
    path.write_text(fixture_text(BO_FR), encoding="utf-8")
    Library(bundled_corpus()).import_file(path)
    reader = open_window(Settings(language="en")).reader
    assert reader.open_provision("22-01:82-5-1")
    text = reader.browser.toPlainText()
    assert "Official text (imported)" in text and "Le procureur du Roi ou le juge d'instruction" in text
    reader.open_provision("22-01:82-7")
    assert "le témoin peut être entendu sans que son identité soit révélée" in reader.browser.toPlainText()
    reader.open_provision("22-01:82-6")
    assert "Official text (imported)" not in reader.browser.toPlainText()
