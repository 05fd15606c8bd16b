"""Generating documents from the review page, as an officer does it in the Arabic UI."""

from __future__ import annotations

import threading
import zipfile
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QPointF, Qt, QUrl
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QApplication, QMessageBox

from thbdesk.core.errors import DocumentError, OutputExistsError
from thbdesk.core.forms.answers import read_answers
from thbdesk.core.forms.drafts import FileDraftStore, new_draft_id
from thbdesk.core.i18n import translate
from thbdesk.core.paths import bundled_dir
from thbdesk.core.settings import Settings, load_settings
from thbdesk.ui.documents import preview as preview_module
from thbdesk.ui.documents import service_access
from thbdesk.ui.documents.dialog import DocumentsDialog
from thbdesk.ui.documents.options import LAYOUT_REASONS
from thbdesk.ui.wizard.outline import REVIEW

from .keyboard import type_text


def open_example(open_window, form_id: str, settings: Settings | None = None, **changes):
    """The form's example answers, kept as a draft, resumed in the wizard and shown on the review."""
    answers = read_answers(bundled_dir("forms") / "examples" / f"{form_id}.json")
    if changes:
        answers = answers.__class__(
            answers.form, answers.form_version, {**answers.answers, **changes}, answers.saved_at
        )
    FileDraftStore().save(
        new_draft_id(form_id), answers
    )  # a file draft: it moves into the register on unlock
    window = open_window(settings or Settings())
    wizard = window.wizard
    wizard.start_page.banner.resume_button.click()
    wizard.interview_view.go_to(REVIEW)
    return window, wizard


def open_dialog(wizard) -> DocumentsDialog:
    wizard.interview_view.review.generate_button.click()
    dialog = wizard.documents_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def choose(dialog: DocumentsDialog, langs, layout: str, formats, folder: Path) -> None:
    options = dialog.options
    for lang, box in options.lang_boxes.items():
        box.setChecked(lang in langs)
    options.layout_buttons[layout].setChecked(True)
    for fmt, box in options.format_boxes.items():
        box.setChecked(fmt in formats)
    options.folder_edit.setText(str(folder))


def generate_and_wait(dialog: DocumentsDialog, qtbot) -> None:
    with qtbot.waitSignal(dialog.generated, timeout=60_000):
        dialog.generate_button.click()


def ink(widget) -> int:
    """How many sampled pixels of the widget are dark: a drawn page has text and lines."""
    image = widget.grab().toImage()
    return sum(
        1
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
        if image.pixelColor(x, y).lightness() < 100
    )


def visible_boxes(window) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox) if box.isVisible()]


def test_dialog_in_arabic_offers_only_layouts_that_fit(open_window, tmp_path) -> None:
    _window, wizard = open_example(open_window, "referral", Settings(document_languages=("ar", "fr")))
    review = wizard.interview_view.review
    assert "Ctrl+G" in review.generate_button.toolTip()
    assert review.generate_button.text() == translate("Generate documents…", "ar") != "Generate documents…"
    dialog = open_dialog(wizard)
    options = dialog.options
    assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert dialog.windowTitle() == translate("Generate documents", "ar")
    assert options.langs() == ("ar", "fr"), "the settings' default document languages"
    assert options.layout() == "parallel"
    assert Path(options.folder_edit.text()).name, "a folder is proposed"
    assert not options.replace_box.isChecked(), "never replace by default"

    options.lang_boxes["fr"].setChecked(False)
    assert options.layout() == "single", "one language: one layout"
    parallel = options.layout_buttons["parallel"]
    assert not parallel.isEnabled()
    reason = translate(LAYOUT_REASONS["parallel"], "ar")
    assert reason != LAYOUT_REASONS["parallel"]
    assert parallel.toolTip() == reason and options.layout_reasons["parallel"].text() == reason
    assert dialog.generate_button.isEnabled()

    for box in options.lang_boxes.values():
        box.setChecked(True)
    assert not options.layout_buttons["single"].isEnabled()
    assert options.layout_buttons["parallel"].isEnabled() and options.layout_buttons["sequential"].isEnabled()
    options.layout_buttons["sequential"].setChecked(True)
    for box in options.lang_boxes.values():
        box.setChecked(False)
    assert not dialog.generate_button.isEnabled()
    assert options.problem_label.text() == translate("Choose at least one document language.", "ar")
    options.lang_boxes["en"].setChecked(True)
    options.format_boxes["pdf"].setChecked(False)
    options.format_boxes["docx"].setChecked(False)
    assert not dialog.generate_button.isEnabled()
    assert options.problem_label.text() == translate("Choose at least one format.", "ar")


def test_notice_of_rights_starts_in_the_persons_language_and_arabic(open_window) -> None:
    _window, wizard = open_example(
        open_window, "notice-of-rights", Settings(document_languages=("ar", "en")), notice_language="fr"
    )
    assert open_dialog(wizard).options.langs() == ("ar", "fr")


def test_the_open_dialog_follows_a_language_switch(open_window) -> None:
    window, wizard = open_example(open_window, "referral")
    dialog = open_dialog(wizard)
    dialog.options.lang_boxes["fr"].setChecked(False)
    dialog.options.lang_boxes["en"].setChecked(False)
    window.language_actions["fr"].trigger()
    assert dialog.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert dialog.windowTitle() == "Générer les documents"
    assert dialog.options.layout_reasons["parallel"].text() == translate(LAYOUT_REASONS["parallel"], "fr")
    assert dialog.options.langs() == ("ar",), "the choice is kept"


def test_ctrl_g_opens_the_dialog_from_any_step(open_window, qtbot) -> None:
    window, wizard = open_example(open_window, "referral")
    window.windowHandle().requestActivate()  # shortcuts only reach the active window
    qtbot.waitUntil(window.isActiveWindow)
    wizard.interview_view.go_to("person")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert wizard.interview_view.current == REVIEW
    assert wizard.documents_dialog is not None and wizard.documents_dialog.isVisible()


def test_generate_previews_the_pdf_then_opens_it_or_its_folder(
    open_window, qtbot, tmp_path, monkeypatch
) -> None:
    window, wizard = open_example(open_window, "referral")
    view = wizard.interview_view
    view.go_to("person")
    name = view.field_input("person_name").edit
    name.selectAll()
    type_text(name, "خديجة البقالي")  # an answer changed just before generating
    view.go_to(REVIEW)
    dialog = open_dialog(wizard)
    out = tmp_path / "out"
    out.mkdir()
    choose(dialog, ("ar", "fr", "en"), "parallel", ("pdf", "docx"), out)
    seen: list[tuple[int, int]] = []
    dialog.run.progress.connect(lambda done, total: seen.append((done, total)))
    generate_and_wait(dialog, qtbot)

    paths = dialog.preview.paths()
    assert sorted(p.suffix for p in paths) == [".docx", ".pdf"]
    assert all(p.parent == out and p.stat().st_size > 0 for p in paths)
    stem = "TNG2-2026-0017-referral-parallel-ar-fr-en"  # the case reference first
    assert sorted(p.name for p in paths) == [f"{stem}.docx", f"{stem}.pdf"]
    assert seen and seen[-1][0] == seen[-1][1], "the progress bar reached the end"
    pdf = next(p for p in paths if p.suffix == ".pdf")
    docx = next(p for p in paths if p.suffix == ".docx")
    with zipfile.ZipFile(docx) as archive:
        assert "خديجة البقالي" in archive.read("word/document.xml").decode(), "the wizard's current answers"
    preview = dialog.preview
    assert dialog.pages.currentWidget() is preview
    assert preview.document.pageCount() == len(PdfReader(pdf).pages) > 0
    assert preview.view.isVisible()
    assert preview.view.pageMode() == QPdfView.PageMode.MultiPage
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    qtbot.waitUntil(lambda: ink(preview.view.viewport()) > 20, timeout=10_000)  # the page is drawn
    last = preview.document.pageCount() - 1
    assert last >= 1, "the trilingual referral runs over several pages"
    preview.view.pageNavigator().jump(last, QPointF())
    assert preview.view.pageNavigator().currentPage() == last
    qtbot.waitUntil(lambda: ink(preview.view.viewport()) > 20, timeout=10_000)  # and so is the last
    assert [preview.path_list.item(i).toolTip() for i in range(preview.path_list.count())] == [
        str(p) for p in paths
    ]

    opened: list[QUrl] = []
    monkeypatch.setattr(preview_module, "open_url", lambda url: opened.append(url) or True)
    preview.open_button.click()
    preview.folder_button.click()
    assert [url.toLocalFile() for url in opened] == [str(pdf), str(out)]
    assert load_settings()[0].document_folder == str(out), "the folder is remembered"
    assert window.settings.document_folder == str(out)


def test_docx_only_lists_the_file_without_a_preview(open_window, qtbot, tmp_path) -> None:
    _window, wizard = open_example(open_window, "referral")
    dialog = open_dialog(wizard)
    choose(dialog, ("ar", "fr"), "sequential", ("docx",), tmp_path)
    generate_and_wait(dialog, qtbot)
    assert [p.suffix for p in dialog.preview.paths()] == [".docx"]
    assert not dialog.preview.view.isVisible()
    assert dialog.preview.document.pageCount() == 0


def test_an_existing_file_is_never_replaced_without_asking(open_window, qtbot, tmp_path) -> None:
    window, wizard = open_example(open_window, "referral")
    dialog = open_dialog(wizard)
    choose(dialog, ("ar", "fr", "en"), "parallel", ("pdf", "docx"), tmp_path)
    generate_and_wait(dialog, qtbot)
    written = {p: p.read_bytes() for p in dialog.preview.paths()}
    for path in written:
        path.write_bytes(b"kept by the officer")

    dialog.back_button.click()
    with qtbot.waitSignal(dialog.run.failed, timeout=60_000) as failure:
        dialog.generate_button.click()
    assert isinstance(failure.args[0], OutputExistsError)
    boxes = visible_boxes(window)
    assert len(boxes) == 1
    expected = failure.args[0].user_message("ar")
    assert boxes[0].text() == expected != failure.args[0].user_message("en"), "in the UI language"
    assert all(path.read_bytes() == b"kept by the officer" for path in written), "nothing overwritten"
    assert dialog.pages.currentWidget() is dialog.options_page

    replace_button = boxes[0].findChild(type(dialog.generate_button), "replaceButton")
    assert replace_button.text() == translate("Replace", "ar") != "Replace"
    with qtbot.waitSignal(dialog.generated, timeout=60_000):
        replace_button.click()
    assert dialog.options.replace_box.isChecked()
    assert all(path.read_bytes() != b"kept by the officer" for path in written), "replaced once asked"


def test_cancel_stops_before_the_next_file(open_window, qtbot, tmp_path, monkeypatch) -> None:
    window, wizard = open_example(open_window, "referral")
    dialog = open_dialog(wizard)
    choose(dialog, ("ar", "fr", "en"), "parallel", ("pdf", "docx"), tmp_path)
    real_generate = service_access.generate

    def user_cancels_at_first_step(spec, answers, out_dir, request, progress):
        def progress_then_cancel(done, total):
            if done >= 1:
                dialog.run.cancel()  # as if Cancel were pressed while the first file is written
            progress(done, total)

        return real_generate(spec, answers, out_dir, request, progress_then_cancel)

    monkeypatch.setattr(service_access, "generate", user_cancels_at_first_step)
    with qtbot.waitSignal(dialog.run.failed, timeout=60_000):
        dialog.generate_button.click()
    assert not visible_boxes(window), "cancelling is not an error"
    assert dialog.status_label.text().startswith(translate("Generation cancelled.", "ar"))
    assert dialog.pages.currentWidget() is dialog.options_page
    assert dialog.generate_button.isEnabled(), "the officer can start again"
    expected = dialog.run.expected
    assert expected and not all(p.exists() for p in expected), "the run stopped before writing every file"
    for path in dialog.run.written():
        assert str(path) in dialog.status_label.text(), "the files written before the cancel are named"


def test_closing_the_window_stops_the_run_and_waits_for_it(open_window, qtbot, tmp_path, monkeypatch) -> None:
    window, wizard = open_example(open_window, "referral")
    dialog = open_dialog(wizard)
    out = tmp_path / "out"
    out.mkdir()
    choose(dialog, ("ar", "fr", "en"), "parallel", ("pdf", "docx"), out)
    release = threading.Event()
    real_generate = service_access.generate

    def slow_generate(*args):
        release.wait(30)
        return real_generate(*args)

    monkeypatch.setattr(service_access, "generate", slow_generate)
    dialog.generate_button.click()
    threading.Timer(0.3, release.set).start()  # the file being written finishes during the close
    window.close()
    assert dialog.run.tasks.pool.activeThreadCount() == 0, "the close waited for the worker"
    assert not list(out.iterdir()), "cancelled before the first file"


def test_missing_answers_are_announced_before_generating(open_window) -> None:
    window = open_window(Settings())
    window.nav.setCurrentRow(1)
    window.wizard.start("referral")
    dialog = window.wizard.generate_documents()
    assert dialog.problems_label.isVisible()
    assert "—" in dialog.problems_label.text() and dialog.problems_label.text().startswith("بعض")


def test_the_wizard_stays_usable_and_no_second_run_starts(open_window, qtbot, tmp_path, monkeypatch) -> None:
    _window, wizard = open_example(open_window, "referral")
    dialog = open_dialog(wizard)
    choose(dialog, ("ar", "fr"), "parallel", ("pdf",), tmp_path)
    release = threading.Event()
    real_generate = service_access.generate
    calls: list[int] = []

    def slow_generate(*args):
        calls.append(1)
        release.wait(30)
        return real_generate(*args)

    monkeypatch.setattr(service_access, "generate", slow_generate)
    dialog.generate_button.click()
    assert dialog.is_running() and dialog.cancel_button.isVisible()
    assert not dialog.generate_button.isVisible()
    assert not dialog.start(), "no second run while one is going on"
    view = wizard.interview_view
    view.go_to("person")
    assert view.pages["person"].isVisible(), "the wizard answers while the documents are written"
    assert wizard.generate_documents() is dialog, "Ctrl+G brings the running dialog back"
    release.set()
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=60_000)
    assert dialog.pages.currentWidget() is dialog.preview
    assert len(calls) == 1


def test_an_unexpected_failure_is_reported_not_fatal(open_window, qtbot, tmp_path, monkeypatch) -> None:
    window, wizard = open_example(open_window, "referral")
    dialog = open_dialog(wizard)
    choose(dialog, ("ar", "fr"), "parallel", ("pdf",), tmp_path)

    def broken(*args):
        raise RuntimeError("a bug in a writer")

    monkeypatch.setattr(service_access, "generate", broken)
    with qtbot.waitSignal(dialog.run.failed, timeout=60_000):
        dialog.generate_button.click()
    boxes = visible_boxes(window)
    assert [box.text() for box in boxes] == [
        translate("An unexpected error occurred. Your saved work is safe.", "ar")
    ]
    assert dialog.generate_button.isEnabled()


def test_a_file_in_place_of_the_folder_is_a_message_in_arabic(open_window, qtbot, tmp_path) -> None:
    window, wizard = open_example(open_window, "referral")
    dialog = open_dialog(wizard)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    choose(dialog, ("ar", "fr"), "parallel", ("pdf", "docx"), blocker / "documents")
    with qtbot.waitSignal(dialog.run.failed, timeout=60_000) as failure:
        dialog.generate_button.click()
    error = failure.args[0]
    assert isinstance(error, DocumentError)
    assert [box.text() for box in visible_boxes(window)] == [error.user_message("ar")]
    assert error.user_message("ar") != error.user_message("en")
    assert blocker.read_text(encoding="utf-8") == "x"
    assert dialog.pages.currentWidget() is dialog.options_page and dialog.generate_button.isEnabled()
