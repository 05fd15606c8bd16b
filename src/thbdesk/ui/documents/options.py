"""What to generate: languages, layout, formats, folder and whether existing files may be replaced.

The layouts the languages cannot fill are disabled with the reason beside them, using the core's
own rule (``check_layout``), so the dialog never offers what the service would refuse.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from thbdesk.core.docgen.model import FORMATS, LANGS, LAYOUTS, check_layout
from thbdesk.core.errors import LayoutError
from thbdesk.core.i18n import N_, _, native_name
from thbdesk.ui.wizard.direction import follow_direction

LAYOUT_NAMES = {
    "parallel": N_("Side by side"),
    "sequential": N_("One language after another"),
    "single": N_("One language"),
}
LAYOUT_REASONS = {
    "parallel": N_("Side by side needs two or three languages."),
    "sequential": N_("Choose at least one document language."),
    "single": N_("One language needs exactly one language ticked."),
}
FORMAT_NAMES = {"pdf": "PDF", "docx": "DOCX (Word)"}


@dataclass(frozen=True)
class Choice:
    langs: tuple[str, ...]
    layout: str
    formats: tuple[str, ...]
    folder: Path
    overwrite: bool


def documents_folder() -> str:
    """The user's Documents folder (the home folder where there is none, as on a fresh account)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return location if location and Path(location).is_dir() else str(Path.home())


def default_langs(settings_langs: tuple[str, ...], notice_language: object) -> tuple[str, ...]:
    """A notice of rights is for the person: their language (when we print it) and Arabic;
    anything else starts from the languages chosen in the settings."""
    if isinstance(notice_language, str) and notice_language in LANGS:
        wanted = {"ar", notice_language}
        return tuple(lang for lang in LANGS if lang in wanted)
    chosen = tuple(lang for lang in LANGS if lang in settings_langs)
    return chosen or LANGS


def layout_fits(layout: str, langs: tuple[str, ...]) -> bool:
    try:
        check_layout(layout, langs)
    except LayoutError:
        return False
    return True


class OptionsPanel(QWidget):
    """Emits ``changed`` whenever the choice or its validity may have changed."""

    changed = Signal()

    def __init__(self, langs: tuple[str, ...], folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentOptions")
        self.lang_boxes = {lang: QCheckBox(native_name(lang)) for lang in LANGS}
        for lang, box in self.lang_boxes.items():
            box.setObjectName(f"docLang_{lang}")
            box.setChecked(lang in langs)
            box.toggled.connect(self._update)
        self.layout_group = QButtonGroup(self)
        self.layout_buttons: dict[str, QRadioButton] = {}
        self.layout_reasons: dict[str, QLabel] = {}
        for index, layout in enumerate(LAYOUTS):
            button = QRadioButton()
            button.setObjectName(f"layout_{layout}")
            button.toggled.connect(self._update)
            self.layout_group.addButton(button, index)
            self.layout_buttons[layout] = button
            reason = QLabel()
            reason.setObjectName(f"layoutReason_{layout}")
            reason.setStyleSheet("color:#5f6368")
            reason.setWordWrap(True)
            self.layout_reasons[layout] = reason
        self.format_boxes = {fmt: QCheckBox(FORMAT_NAMES[fmt]) for fmt in FORMATS}
        for fmt, box in self.format_boxes.items():
            box.setObjectName(f"format_{fmt}")
            box.setChecked(True)
            box.toggled.connect(self._update)
        remembered = folder if folder and Path(folder).is_dir() else ""  # a folder since removed: the default
        self.folder_edit = QLineEdit(remembered or documents_folder())
        self.folder_edit.setObjectName("outputFolder")
        follow_direction(self.folder_edit)  # a path reads left to right, even in the Arabic UI
        self.folder_edit.textChanged.connect(self._update)
        self.browse_button = QPushButton()
        self.browse_button.setObjectName("browseFolder")
        self.browse_button.clicked.connect(self.browse)
        self.replace_box = QCheckBox()
        self.replace_box.setObjectName("replaceExisting")
        self.problem_label = QLabel()
        self.problem_label.setObjectName("optionsProblem")
        self.problem_label.setStyleSheet("color:#b3261e")
        self.problem_label.setWordWrap(True)
        self._build_layout()
        self.retranslate()
        self._pick_fitting_layout()

    def _build_layout(self) -> None:
        self.form = QFormLayout()
        langs_row = QHBoxLayout()
        for box in self.lang_boxes.values():
            langs_row.addWidget(box)
        langs_row.addStretch(1)
        layouts_column = QVBoxLayout()
        for layout in LAYOUTS:
            layouts_column.addWidget(self.layout_buttons[layout])
            layouts_column.addWidget(self.layout_reasons[layout])
        formats_row = QHBoxLayout()
        for box in self.format_boxes.values():
            formats_row.addWidget(box)
        formats_row.addStretch(1)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse_button)
        self.langs_label, self.layout_label = QLabel(), QLabel()
        self.formats_label, self.folder_label = QLabel(), QLabel()
        self.form.addRow(self.langs_label, langs_row)
        self.form.addRow(self.layout_label, layouts_column)
        self.form.addRow(self.formats_label, formats_row)
        self.form.addRow(self.folder_label, folder_row)
        self.form.addRow("", self.replace_box)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.form)
        column.addWidget(self.problem_label)
        column.addStretch(1)

    def retranslate(self) -> None:
        self.langs_label.setText(_("Languages"))
        self.layout_label.setText(_("Layout"))
        self.formats_label.setText(_("Formats"))
        self.folder_label.setText(_("Folder"))
        self.browse_button.setText(_("Choose…"))
        self.replace_box.setText(_("Replace files that already exist"))
        for layout, button in self.layout_buttons.items():
            button.setText(_(LAYOUT_NAMES[layout]))
        self._update()

    # ---- the choice ---------------------------------------------------------------------------
    def langs(self) -> tuple[str, ...]:
        return tuple(lang for lang, box in self.lang_boxes.items() if box.isChecked())

    def layout(self) -> str:
        return next((name for name, button in self.layout_buttons.items() if button.isChecked()), "")

    def formats(self) -> tuple[str, ...]:
        return tuple(fmt for fmt, box in self.format_boxes.items() if box.isChecked())

    def choice(self) -> Choice:
        return Choice(
            self.langs(),
            self.layout(),
            self.formats(),
            Path(self.folder_edit.text().strip()),
            self.replace_box.isChecked(),
        )

    def problem(self) -> str:
        """Why the documents cannot be generated as chosen; empty when they can."""
        langs = self.langs()
        if not langs:
            return _("Choose at least one document language.")
        if not layout_fits(self.layout(), langs):
            return _(LAYOUT_REASONS.get(self.layout(), LAYOUT_REASONS["sequential"]))
        if not self.formats():
            return _("Choose at least one format.")
        if not self.folder_edit.text().strip():
            return _("Choose a folder for the documents.")
        return ""

    # ---- keeping it consistent ----------------------------------------------------------------
    def _pick_fitting_layout(self) -> None:
        """One language means one layout; several mean side by side unless the user chose otherwise."""
        langs = self.langs()
        current = self.layout()
        if current and layout_fits(current, langs):
            return
        preferred = "single" if len(langs) == 1 else "parallel"
        self.layout_buttons[preferred].setChecked(True)

    def _update(self) -> None:
        langs = self.langs()
        if langs:
            self._pick_fitting_layout()
        for layout, button in self.layout_buttons.items():
            fits = layout_fits(layout, langs)
            button.setEnabled(fits)
            reason = "" if fits else _(LAYOUT_REASONS[layout])
            button.setToolTip(reason)
            self.layout_reasons[layout].setText(reason)
            self.layout_reasons[layout].setVisible(bool(reason))
        problem = self.problem()
        self.problem_label.setText(problem)
        self.problem_label.setVisible(bool(problem))
        self.changed.emit()

    def browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, _("Folder for the documents"), self.folder_edit.text()
        )
        if folder:
            self.folder_edit.setText(folder)
