"""The Library area as a liaison officer uses it: type, read, cite, import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel

from thbdesk.core.settings import Settings
from thbdesk.ui.library.import_dialog import ImportDialog

from .keyboard import type_text


def hit_labels(panel) -> list[str]:
    return [panel.results.itemWidget(panel.results.item(i)).text() for i in range(panel.results.count())]


def test_typing_arabic_shows_highlighted_hits_and_opens_one(open_window, qtbot) -> None:
    window = open_window(Settings(language="ar"))
    panel = window.library_view.search_panel
    window.activateWindow()
    qtbot.waitActive(window)
    window.nav.setCurrentRow(2)
    window.find_action.trigger()  # Ctrl+F: back to the Library, cursor in the search box
    assert window.nav.currentRow() == 0
    qtbot.waitUntil(panel.search_box.hasFocus, timeout=2_000)
    with qtbot.waitSignal(panel.results_shown, timeout=30_000):
        type_text(panel.search_box, "عدم التبليغ")
    labels = hit_labels(panel)
    assert labels and any("<b" in label for label in labels), "matches are highlighted"
    first = panel.results.itemWidget(panel.results.item(0))
    assert isinstance(first, QLabel) and first.layoutDirection() == Qt.LayoutDirection.RightToLeft
    keys = [panel.results.item(i).data(Qt.ItemDataRole.UserRole) for i in range(panel.results.count())]
    assert "27-14:448-7" in keys[:3]
    panel.results.setCurrentRow(keys.index("27-14:448-7"))
    qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)
    assert window.reader.current_key == "27-14:448-7"
    assert "عدم التبليغ" in window.reader.browser.toPlainText()


def test_an_input_method_commit_searches_too(open_window, qtbot) -> None:
    panel = open_window(Settings(language="ar")).library_view.search_panel
    panel.search_box.setFocus()
    event = QInputMethodEvent()
    event.setCommitString("الفصل ٧-٤٤٨")
    with qtbot.waitSignal(panel.results_shown, timeout=30_000):
        QApplication.sendEvent(panel.search_box, event)
    assert panel.results.item(0).data(Qt.ItemDataRole.UserRole) == "27-14:448-7"


def test_enter_opens_the_first_hit_and_arrows_move(open_window, qtbot) -> None:
    window = open_window(Settings(language="fr"))
    panel = window.library_view.search_panel
    with qtbot.waitSignal(panel.results_shown, timeout=30_000):
        type_text(panel.search_box, "victime")
    assert panel.results.count() > 2 and panel.results.currentRow() == 0
    down = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(panel.search_box, down)
    assert panel.results.currentRow() == 1
    expected = panel.results.item(1).data(Qt.ItemDataRole.UserRole)
    qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)
    assert window.reader.current_key == expected


def test_stale_answers_are_dropped(open_window, qtbot) -> None:
    panel = open_window(Settings(language="fr")).library_view.search_panel
    panel.search_box.setText("migrants")
    panel.start_search()
    panel.search_box.setText("448-7")
    with qtbot.waitSignal(panel.results_shown, timeout=30_000):
        panel.start_search()
    panel.runner.wait()
    qtbot.wait(50)
    assert panel.last_results is not None and panel.last_results.query == "448-7"
    assert panel.results.item(0).data(Qt.ItemDataRole.UserRole) == "27-14:448-7"


def test_filters_restrict_the_results(open_window, qtbot) -> None:
    panel = open_window(Settings(language="fr")).library_view.search_panel
    panel.kind_filter.setCurrentIndex(panel.kind_filter.findData("glossary"))
    with qtbot.waitSignal(panel.results_shown, timeout=30_000):
        type_text(panel.search_box, "victime")
    assert panel.last_results.hits and all(hit.kind == "glossary" for hit in panel.last_results.hits)


def test_copy_citation_puts_it_on_the_clipboard(open_window) -> None:
    window = open_window(Settings(language="ar"))
    window.reader.open_provision("27-14:448-7")
    window.reader.citation_actions["fr"].trigger()
    assert (
        QApplication.clipboard().text() == "Article 448-7 du Code pénal, tel que complété par la loi n° 27-14"
    )
    window.reader.citation_actions["ar"].trigger()
    assert QApplication.clipboard().text().startswith("الفصل 7-448 من مجموعة القانون الجنائي")


def test_penalties_are_shown_as_a_table(open_window) -> None:
    window = open_window(Settings(language="en"))
    window.reader.open_provision("27-14:448-2")
    html = window.reader.browser.toHtml()
    assert html.count("<table") >= 4  # the three language columns each hold a penalty table
    assert "10,000" in window.reader.browser.toPlainText()


def test_import_shows_progress_then_the_official_text_is_found(open_window, qtbot, tmp_path: Path) -> None:
    window = open_window(Settings(language="fr"))
    view = window.library_view
    source = tmp_path / "loi-officielle.txt"
    source.write_text(
        "Chapitre premier\nArticle 448-7\nLibellé officiel fictif quokkarien.\n", encoding="utf-8"
    )
    steps: list[int] = []
    dialog = view.import_files([source])
    dialog.progress.stepped.connect(lambda done, total, _m: steps.append(done))
    qtbot.waitUntil(lambda: dialog.finished_all, timeout=30_000)
    assert dialog.bar.value() == dialog.bar.maximum()
    assert "1 article importé comme 27-14 (fr)" in dialog.log.toPlainText()
    view.runner.wait()
    qtbot.wait(50)
    with qtbot.waitSignal(view.search_panel.results_shown, timeout=30_000):
        type_text(view.search_panel.search_box, "quokkarien")
    hits = view.search_panel.last_results.hits
    assert [(h.key, h.source) for h in hits] == [("27-14:448-7", "official")]
    dialog.accept()


def test_cancelled_import_adds_nothing(open_window, qtbot, tmp_path: Path) -> None:
    view = open_window(Settings(language="en")).library_view
    source = tmp_path / "law.txt"
    source.write_text("Article 448-1\nFictional text.\n", encoding="utf-8")
    dialog = ImportDialog([source], view.library, view.runner, view.library_changed, view)
    dialog.progress.cancel_event.set()
    dialog.start()
    qtbot.waitUntil(lambda: dialog.finished_all, timeout=10_000)
    assert view.library.texts() == []
    assert "cancelled" in dialog.log.toPlainText()


def test_imported_texts_can_be_removed(open_window, qtbot, tmp_path: Path) -> None:
    view = open_window(Settings(language="en")).library_view
    source = tmp_path / "law.txt"
    source.write_text("Article 448-1\nFictional text.\n", encoding="utf-8")
    view.library.import_file(source, instrument="27-14")
    manager = view.manage_imports()
    assert manager.table.rowCount() == 1 and manager.table.item(0, 0).text() == "law.txt"
    manager.table.selectRow(0)
    assert manager.remove_selected(confirm=False)
    assert manager.table.rowCount() == 0 and view.library.texts() == []
    manager.reject()


def test_a_field_word_shows_its_definition_above_labelled_hits(open_window, qtbot) -> None:
    window = open_window(Settings(language="fr"))
    panel = window.library_view.search_panel
    with qtbot.waitSignal(panel.results_shown, timeout=30_000):
        type_text(panel.search_box, "passeur")
    card = panel.definition_card
    assert card.isVisibleTo(panel) and "trafic illicite de migrants" in card.text.text()
    assert "migrant smuggling" in card.text.text() and "تهريب المهاجرين" in card.text.text()
    keys = [panel.results.item(i).data(Qt.ItemDataRole.UserRole) for i in range(panel.results.count())]
    assert keys[0] == "02-03:52" and "glossary:G-002" not in keys, "the definition is not a competing hit"
    first = hit_labels(panel)[0]
    assert "Loi 02-03 · Article 52" in first and "résumé vérifié" in first
    assert card.open_button.text() == "Ouvrir Loi 02-03 · Article 52"
    card.open_button.click()
    assert window.reader.current_key == "02-03:52"


def test_glossary_and_indicator_hits_say_what_they_are(open_window, qtbot) -> None:
    panel = open_window(Settings(language="fr")).library_view.search_panel
    panel.kind_filter.setCurrentIndex(panel.kind_filter.findData("indicators"))
    with qtbot.waitSignal(panel.results_shown, timeout=30_000):
        type_text(panel.search_box, "passeport")
    assert all(label.count("Indicateur ") == 1 for label in hit_labels(panel))
    panel.kind_filter.setCurrentIndex(panel.kind_filter.findData("glossary"))
    with qtbot.waitSignal(panel.results_shown, timeout=30_000):
        panel.start_search()
    assert hit_labels(panel) and all("Glossaire" in label for label in hit_labels(panel))


def test_an_arabic_query_puts_the_article_first_with_its_arabic_label(open_window, qtbot) -> None:
    panel = open_window(Settings(language="ar")).library_view.search_panel
    panel.search_box.setFocus()
    event = QInputMethodEvent()
    event.setCommitString("الاستغلال الجنسي")
    with qtbot.waitSignal(panel.results_shown, timeout=30_000):
        QApplication.sendEvent(panel.search_box, event)
    assert panel.results.item(0).data(Qt.ItemDataRole.UserRole) == "27-14:448-1"
    assert "القانون 27.14" in hit_labels(panel)[0] and "ملخص مؤكد" in hit_labels(panel)[0]
    assert "الاستغلال الجنسي" in panel.definition_card.text.text()


def test_a_query_too_long_is_explained_in_the_panel(open_window, qtbot) -> None:
    panel = open_window(Settings(language="fr")).library_view.search_panel
    panel.search_box.setMaxLength(200_000)
    panel.search_box.setText("a" * 100_000)
    panel.start_search()
    qtbot.waitUntil(lambda: "trop longue" in panel.status.text(), timeout=10_000)
    assert "100000" in panel.status.text() and panel.results.count() == 0
    assert not panel.definition_card.isVisibleTo(panel)
