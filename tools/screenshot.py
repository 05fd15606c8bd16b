"""Grab the main window to PNG offscreen, and report whether every visible character has a glyph.

    python tools/screenshot.py docs --lang ar          # writes docs/window-ar.png
    python tools/screenshot.py /tmp/x --lang ar --check  # also prints a JSON coverage report
    python tools/screenshot.py docs --lang fr --documents referral --step person  # docs/wizard-fr.png
    python tools/screenshot.py docs --lang ar --documents referral --generate
        # docs/documents-ar.png (the Generate documents dialog) and docs/preview-ar.png (its preview)
    python tools/screenshot.py docs --lang ar --register
        # docs/register-ar.png (the Register area, invented records) and docs/unlock-ar.png (the
        # unlock dialog after a wrong passphrase, counting down)

The window opens on a new register in a temporary profile, unlocked with a throwaway passphrase.

Used for the README screenshots and by the no-system-fonts test (run under an empty fontconfig).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFontDatabase, QRawFont
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QWidget

from thbdesk.core.fonts import BUNDLED_FONTS, UI_FAMILIES, font_bytes
from thbdesk.core.settings import Settings, save_settings
from thbdesk.ui.app import create_main_window, prepare_application

IGNORED = set(" \n\t&\u2066\u2067\u2068\u2069\u200f\u200e")


def visible_texts(window: QWidget) -> list[str]:
    texts = [window.windowTitle()]
    texts += [label.text() for label in window.findChildren(QLabel) if label.isVisible()]
    texts += [a.text() for a in window.findChildren(type(window.menuBar().actions()[0]))]
    for nav in window.findChildren(QListWidget):
        texts += [nav.item(row).text() for row in range(nav.count())]
    return texts


def missing_glyphs(texts: list[str]) -> list[str]:
    raw_fonts = [
        QRawFont(QByteArray(font_bytes(font)), 12) for font in BUNDLED_FONTS if font.family in UI_FAMILIES
    ]
    missing = set()
    for text in texts:
        for char in text:
            if char in IGNORED or char in "<>/=\"'":
                continue
            if not any(raw.supportsCharacter(ord(char)) for raw in raw_fonts):
                missing.add(char)
    return sorted(missing)


def show_form(window: QWidget, form_id: str, answers: Path | None, step: str) -> None:
    """Open the Documents area on ``form_id``, filled with its example answers, at ``step``."""
    from thbdesk.core.forms.answers import read_answers
    from thbdesk.core.paths import bundled_dir

    window.nav.setCurrentRow(1)
    wizard = window.wizard
    wizard.start(form_id)
    path = answers or bundled_dir("forms") / "examples" / f"{form_id}.json"
    if path.exists():
        for field_id, value in read_answers(path).answers.items():
            wizard.interview.set(field_id, value)
        wizard.retranslate()  # rebuilds the view from the engine's answers
    if step:
        wizard.interview_view.go_to(step)


SHOT_PASSPHRASE = "a screenshot passphrase"


def unlock(window: QWidget) -> None:
    """Create the temporary profile's register (or unlock it) through the dialog the window opens."""
    dialog = window.register_ctl.dialog
    dialog.passphrase.setText(SHOT_PASSPHRASE)
    dialog.repeat.setText(SHOT_PASSPHRASE)
    dialog.ok_button.click()


def fill_register(window: QWidget) -> None:
    """Invented records: two documents (one final, one cancelled), one open and one new draft."""
    from dataclasses import replace

    from thbdesk.core.forms.answers import read_answers
    from thbdesk.core.paths import bundled_dir
    from thbdesk.core.register.store import DocumentRecord

    register = window.register_ctl.session.register
    forms = (
        ("referral", "TNG2-2026-0017", "خديجة البقالي"),
        ("notice-of-rights", "TNG1-2026-0042", "Grace Okafor"),
    )
    for index, (form, reference, name) in enumerate(forms):
        answers = read_answers(bundled_dir("forms") / "examples" / f"{form}.json")
        draft_id = f"{form}-20261130-10150{index}-abcdef"
        register.drafts().save(draft_id, answers)
        doc_id = register.add_document(
            DocumentRecord(
                reference=reference,
                form=form,
                form_version=answers.form_version,
                langs=("ar", "fr"),
                layout="parallel",
                fingerprint="3fa9c1",
                author="A. Benali",
                files={"pdf": b"%PDF-1.4"},
                person_names=(name,),
                draft_id=draft_id,
            )
        )
        if index == 0:
            register.set_status(doc_id, "final", "سُلّمت إلى النيابة العامة")
    answers = read_answers(bundled_dir("forms") / "examples" / "incident-report.json")
    register.drafts().save("incident-report-20261201-090000-123abc", replace(answers))
    window.register_ctl.view.refresh()


def grab_register(app: QApplication, window: QWidget, out_dir: Path, lang: str) -> list[Path]:
    """The Register area, then the unlock dialog after a wrong passphrase (the wait counting down)."""
    fill_register(window)
    window.nav.setCurrentRow(2)
    window.register_ctl.view.select(0)
    settle(app, 0.3)
    shots = [out_dir / f"register-{lang}.png", out_dir / f"unlock-{lang}.png"]
    window.grab().toImage().save(str(shots[0]))
    window.register_ctl.lock()
    dialog = window.register_ctl.dialog
    dialog.passphrase.setText("not the passphrase")
    dialog.ok_button.click()
    settle(app, 0.3)
    dialog.grab().toImage().save(str(shots[1]))
    return shots


def settle(app: QApplication, seconds: float = 0.0) -> None:
    """Let Qt lay out and paint (QtPdf renders its pages in the background)."""
    deadline = time.monotonic() + seconds
    while True:
        app.processEvents()
        if time.monotonic() >= deadline:
            return
        time.sleep(0.02)


def grab_documents(app: QApplication, window: QWidget, out_dir: Path, lang: str, layout: str) -> list[Path]:
    """The Generate documents dialog as it opens, then the preview of what it wrote."""
    dialog = window.wizard.generate_documents()
    options = dialog.options
    for box in options.lang_boxes.values():
        box.setChecked(True)
    options.layout_buttons[layout].setChecked(True)
    options.folder_edit.setText(tempfile.mkdtemp(prefix="thbdesk-docs-"))
    settle(app, 0.2)
    shots = [out_dir / f"documents-{lang}.png", out_dir / f"preview-{lang}.png"]
    dialog.grab().toImage().save(str(shots[0]))
    if not dialog.start():
        raise SystemExit(f"cannot generate: {options.problem()}")
    while dialog.is_running():
        settle(app, 0.05)
    settle(app, 1.0)
    dialog.grab().toImage().save(str(shots[1]))
    return shots


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--lang", default="ar", choices=["ar", "fr", "en"])
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--open", default="27-14:448-7", help="provision to show in the reader")
    parser.add_argument("--search", default="", help="type this into the search box first")
    parser.add_argument(
        "--import",
        dest="imports",
        action="append",
        default=[],
        type=Path,
        help="import this publication first (its official text opens above the summaries)",
    )
    parser.add_argument("--name", default="", help="suffix of the PNG's name")
    parser.add_argument(
        "--documents", default="", metavar="FORM", help="show this form in the Documents area"
    )
    parser.add_argument(
        "--answers", type=Path, help="fill the form with these answers (default: its example)"
    )
    parser.add_argument("--step", default="", help="the step to show (default: the first)")
    parser.add_argument(
        "--generate",
        default="",
        nargs="?",
        const="parallel",
        metavar="LAYOUT",
        help="with --documents: grab the Generate documents dialog and the preview (default parallel)",
    )
    parser.add_argument(
        "--register", action="store_true", help="grab the Register area and the unlock dialog"
    )
    args = parser.parse_args()
    os.environ.setdefault("THBDESK_HOME", tempfile.mkdtemp(prefix="thbdesk-shot-"))
    save_settings(Settings(language=args.lang))
    if args.imports:
        from thbdesk.core.legal.library import Library
        from thbdesk.core.legal.loader import bundled_corpus

        for path in args.imports:
            Library(bundled_corpus()).import_file(path)
    app = QApplication(sys.argv[:1])
    prepare_application(app)
    window = create_main_window(app)
    unlock(window)
    window.resize(1280, 760)
    window.reader.open_provision(args.open)
    if args.search:
        panel = window.library_view.search_panel
        panel.search_box.setText(args.search)
        panel.start_search()
        panel.runner.wait()
        for _ in range(20):
            app.processEvents()
    suffix = args.name or ("-search" if args.search else "")
    prefix = "window"
    if args.documents:
        show_form(window, args.documents, args.answers, args.step)
        prefix = "wizard"
    for _ in range(5):
        app.processEvents()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    if args.register:
        for shot in grab_register(app, window, args.out_dir, args.lang):
            print(shot)
        return 0
    if args.documents and args.generate:
        for shot in grab_documents(app, window, args.out_dir, args.lang, args.generate):
            print(shot)
        return 0
    out = args.out_dir / f"{prefix}-{args.lang}{suffix}.png"
    image = window.grab().toImage()
    image.save(str(out))
    if args.check:
        colours = {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
        report = {
            "png": str(out),
            "families": sorted(QFontDatabase.families()),
            "missing": missing_glyphs(visible_texts(window)),
            "colours": len(colours),
            "rtl": window.isRightToLeft(),
        }
        print(json.dumps(report, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
