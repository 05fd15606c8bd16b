"""Version and licences, including the bundled fonts' OFL."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from thbdesk import __version__
from thbdesk.core.fonts import licence_text
from thbdesk.core.i18n import _, isolate_ltr


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(_("About thbdesk"))
        self.resize(620, 480)
        version = _("Version {version}").format(version=isolate_ltr(__version__))
        title = QLabel(f"<h2>thbdesk</h2><p>{version}</p>")
        title.setObjectName("aboutVersion")
        purpose = QLabel(
            _("An offline desk tool for the fight against human trafficking: legal library and documents.")
        )
        purpose.setWordWrap(True)
        licences = QLabel(
            _(
                "thbdesk is free software under the MIT licence. It uses Qt for Python (LGPL-3.0), "
                "python-docx (MIT), ReportLab (BSD), Whoosh (BSD) and Babel (BSD). Its bundled fonts, "
                "Noto Sans, Noto Naskh Arabic and Amiri, are under the SIL Open Font License 1.1:"
            )
        )
        licences.setWordWrap(True)
        ofl = QPlainTextEdit(licence_text())
        ofl.setObjectName("fontLicence")
        ofl.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (title, purpose, licences, ofl, buttons):
            layout.addWidget(widget)
