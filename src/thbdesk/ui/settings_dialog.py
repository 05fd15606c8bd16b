"""Officer profile and default document languages."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from thbdesk.core.i18n import LANGUAGES, _, native_name
from thbdesk.core.settings import MAX_LOCK_MINUTES, OfficerProfile, Settings


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(_("Settings"))
        self._settings = settings
        self.name_edit = self._line_edit("officerName", settings.officer.name)
        self.rank_edit = self._line_edit("officerRank", settings.officer.rank)
        self.unit_edit = self._line_edit("officerUnit", settings.officer.unit)
        self.phone_edit = self._line_edit("officerPhone", settings.officer.phone)
        self.language_boxes = {lang: QCheckBox(native_name(lang)) for lang in LANGUAGES}
        for lang, box in self.language_boxes.items():
            box.setObjectName(f"docLang_{lang}")
            box.setChecked(lang in settings.document_languages)
            box.toggled.connect(self._update_ok)
        self.lock_spin = QSpinBox()
        self.lock_spin.setObjectName("lockAfterMinutes")
        self.lock_spin.setRange(0, MAX_LOCK_MINUTES)
        self.lock_spin.setValue(settings.lock_after_minutes)
        self.lock_spin.setSpecialValueText(_("never"))
        self.lock_spin.setSuffix(" " + _("min"))
        self.hint = QLabel(_("Choose at least one document language."))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._build_layout()
        self._update_ok()

    def _line_edit(self, name: str, text: str) -> QLineEdit:
        edit = QLineEdit(text)
        edit.setObjectName(name)
        return edit

    def _build_layout(self) -> None:
        profile = QGroupBox(_("Officer profile"))
        form = QFormLayout(profile)
        form.addRow(_("Name"), self.name_edit)
        form.addRow(_("Rank"), self.rank_edit)
        form.addRow(_("Unit or border post"), self.unit_edit)
        form.addRow(_("Phone"), self.phone_edit)
        languages = QGroupBox(_("Default document languages"))
        row = QHBoxLayout(languages)
        for box in self.language_boxes.values():
            row.addWidget(box)
        layout = QVBoxLayout(self)
        layout.addWidget(profile)
        layout.addWidget(languages)
        privacy = QGroupBox(_("Register"))
        privacy_form = QFormLayout(privacy)
        privacy_form.addRow(_("Lock after this long without use"), self.lock_spin)
        layout.addWidget(privacy)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)

    def _checked_languages(self) -> tuple[str, ...]:
        return tuple(lang for lang, box in self.language_boxes.items() if box.isChecked())

    def _update_ok(self) -> None:
        valid = bool(self._checked_languages())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(valid)
        self.hint.setVisible(not valid)

    def result_settings(self) -> Settings:
        officer = OfficerProfile(
            name=self.name_edit.text().strip(),
            rank=self.rank_edit.text().strip(),
            unit=self.unit_edit.text().strip(),
            phone=self.phone_edit.text().strip(),
        )
        return replace(
            self._settings,
            officer=officer,
            document_languages=self._checked_languages(),
            lock_after_minutes=self.lock_spin.value(),
        )
