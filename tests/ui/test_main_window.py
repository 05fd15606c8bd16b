import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox, QPlainTextEdit

from thbdesk.core.logs import LOG_FILE
from thbdesk.core.settings import OfficerProfile, Settings, load_settings, settings_path
from thbdesk.ui.errors import install_crash_hook

from .keyboard import type_text

EXPECTED = {
    "ar": ("&ملف", "&اللغة", "&مساعدة", "المكتبة", Qt.LayoutDirection.RightToLeft),
    "fr": ("&Fichier", "&Langue", "&Aide", "Bibliothèque", Qt.LayoutDirection.LeftToRight),
    "en": ("&File", "&Language", "&Help", "Library", Qt.LayoutDirection.LeftToRight),
}


@pytest.mark.parametrize("lang", ["ar", "fr", "en"])
def test_window_opens_in_each_language(open_window, lang: str) -> None:
    window = open_window(Settings(language=lang))
    file_title, lang_title, help_title, library, direction = EXPECTED[lang]
    assert [window.file_menu.title(), window.language_menu.title(), window.help_menu.title()] == [
        file_title,
        lang_title,
        help_title,
    ]
    assert window.nav.item(0).text() == library
    assert window.layoutDirection() == direction
    assert window.language_actions[lang].isChecked()


def test_arabic_layout_is_mirrored(open_window) -> None:
    window = open_window(Settings(language="ar"))
    assert (
        window.nav.mapTo(window, window.nav.rect().topLeft()).x()
        > window.stack.mapTo(window, window.stack.rect().topLeft()).x()
    ), "navigation should sit on the right in Arabic"
    english = open_window(Settings(language="en"))
    assert (
        english.nav.mapTo(english, english.nav.rect().topLeft()).x()
        < english.stack.mapTo(english, english.stack.rect().topLeft()).x()
    )


def test_language_menu_switches_at_once_and_persists(open_window, qtbot) -> None:
    window = open_window(Settings(language="ar"))
    window.language_actions["fr"].trigger()
    assert window.file_menu.title() == "&Fichier"
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.nav.currentItem().text() == "Bibliothèque"
    assert load_settings()[0].language == "fr"
    window.close()
    reopened = open_window()
    assert reopened.file_menu.title() == "&Fichier"
    reopened.language_actions["ar"].trigger()
    assert reopened.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert reopened.help_menu.title() == "&مساعدة"


@pytest.mark.parametrize(("lang", "cancel"), [("ar", "ألغِ"), ("fr", "Annuler"), ("en", "Cancel")])
def test_qt_own_buttons_follow_the_language(open_window, lang: str, cancel: str) -> None:
    window = open_window(Settings(language=lang))
    dialog = window.open_settings()
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert button.text().replace("&", "") == cancel
    dialog.reject()


def test_officer_profile_survives_a_restart(open_window, qtbot) -> None:
    window = open_window(Settings(language="ar"))
    dialog = window.open_settings()
    type_text(dialog.name_edit, "سعيد العلوي")
    type_text(dialog.rank_edit, "Commissaire divisionnaire")
    type_text(dialog.unit_edit, "Poste-frontière Bab Sebta")
    type_text(dialog.phone_edit, "0539000000")
    dialog.language_boxes["en"].setChecked(True)
    dialog.language_boxes["fr"].setChecked(False)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    window.close()

    reopened = open_window()
    again = reopened.open_settings()
    assert again.name_edit.text() == "سعيد العلوي"
    assert again.unit_edit.text() == "Poste-frontière Bab Sebta"
    assert reopened.settings.officer == OfficerProfile(
        "سعيد العلوي", "Commissaire divisionnaire", "Poste-frontière Bab Sebta", "0539000000"
    )
    assert reopened.settings.document_languages == ("ar", "en")


def test_settings_need_one_document_language(open_window) -> None:
    dialog = open_window(Settings(language="en")).open_settings()
    for box in dialog.language_boxes.values():
        box.setChecked(False)
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert dialog.hint.isVisibleTo(dialog)


def test_cancel_keeps_the_old_profile(open_window, qtbot) -> None:
    window = open_window(Settings(language="en", officer=OfficerProfile(name="A. Benali")))
    dialog = window.open_settings()
    type_text(dialog.name_edit, "X")
    dialog.reject()
    assert load_settings()[0].officer.name == "A. Benali"


def test_corrupt_settings_file_warns_the_user(open_window, qtbot) -> None:
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text("{ broken", encoding="utf-8")
    window = open_window()
    boxes = window.findChildren(QMessageBox)
    assert len(boxes) == 1
    assert "settings.json.bak" in boxes[0].text()
    assert "الإعدادات" in boxes[0].text()  # told in the default UI language, Arabic
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_about_shows_version_and_font_licence(open_window) -> None:
    from thbdesk import __version__

    dialog = open_window(Settings(language="fr")).open_about()
    assert __version__ in dialog.findChild(QLabel, "aboutVersion").text()
    licence = dialog.findChild(QPlainTextEdit, "fontLicence")
    assert "SIL OPEN FONT LICENSE" in licence.toPlainText()


def test_uncaught_error_shows_a_dialog_and_logs_no_personal_data(
    open_window, thbdesk_home, monkeypatch
) -> None:
    window = open_window(Settings(language="fr"))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_crash_hook()
    try:
        raise RuntimeError("victime: Amina K., passeport X998877")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert len(boxes) == 1 and "inattendue" in boxes[0].text()
    log = (thbdesk_home / "log" / LOG_FILE).read_text(encoding="utf-8")
    assert "RuntimeError" in log and "Amina" not in log and "X998877" not in log
    for box in boxes:
        box.close()
