"""The import dialog tells what the import report warns about, in the UI language."""

from __future__ import annotations

import os
from pathlib import Path

from thbdesk.core.settings import Settings
from thbdesk.ui.library.import_dialog import ImportDialog


def test_the_dialog_shows_the_warnings_of_a_doubtful_import(open_window, qtbot, tmp_path: Path) -> None:
    view = open_window(Settings(language="fr")).library_view
    source = tmp_path / "doublons.txt"
    source.write_text(
        "Loi 27-14\nArticle 448-1\nUn.\nArticle 448-1\nDeux.\nArticle 448-2\nTrois.\n", encoding="utf-8"
    )
    dialog = ImportDialog([source], view.library, view.runner, view.library_changed, view)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.finished_all, timeout=20_000)
    log = dialog.log.toPlainText()
    assert "3 articles importés comme 27-14" in log
    assert "Avertissement" in log and "plus d'une fois (448-1)" in log
    view.runner.wait()
    dialog.accept()


def test_a_fifo_is_refused_in_the_dialog_without_hanging(open_window, qtbot, tmp_path: Path) -> None:
    view = open_window(Settings(language="en")).library_view
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    dialog = ImportDialog([fifo], view.library, view.runner, view.library_changed, view)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.finished_all, timeout=5_000)
    assert "pipe.pdf is not an ordinary file" in dialog.log.toPlainText()
    dialog.accept()
