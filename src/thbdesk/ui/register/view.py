"""The Register area: documents and drafts, found by a name or a reference, filtered, acted on.

Searching runs on the GUI thread after a short pause in typing: the register answers in
milliseconds (see bench/register.py), and a background thread would need its own connection.
Everything shown is dropped when the register locks.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QDate, QItemSelectionModel, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from thbdesk.core.errors import OutputWriteError, ThbError, storage_error
from thbdesk.core.forms.drafts import DraftInfo
from thbdesk.core.forms.model import FormSpec
from thbdesk.core.i18n import LRI, N_, PDI, _, ngettext
from thbdesk.ui.errors import show_error
from thbdesk.ui.register.access import DocumentFilter, DocumentRow
from thbdesk.ui.register.export import export_documents, file_name
from thbdesk.ui.register.session import RegisterSession
from thbdesk.ui.register.status_dialog import StatusDialog
from thbdesk.ui.wizard import drafts_access as drafts
from thbdesk.ui.wizard.inputs import tr

NO_DATE = QDate(2000, 1, 1)  # the minimum of the date boxes, shown as "any"
STATUSES = (("draft", N_("Draft")), ("final", N_("Final")), ("cancelled", N_("Cancelled")))
COLUMNS = (N_("Kind"), N_("Reference"), N_("Form"), N_("Date"), N_("Status"), N_("Files"))
Row = DocumentRow | DraftInfo


class RegisterView(QWidget):
    def __init__(
        self,
        session: RegisterSession,
        forms: Mapping[str, FormSpec],
        reopen_draft: Callable[[str], object],
        regenerate: Callable[[str], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("registerView")
        self.session, self.forms = session, forms
        self.reopen_draft, self.regenerate_draft = reopen_draft, regenerate
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self.choose_folder: Callable[[], Path | None] = self._ask_folder
        self.rows: list[Row] = []
        self.status_dialog: StatusDialog | None = None
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(200)
        self.search_timer.timeout.connect(self.refresh)
        self._build_filters()
        self._build_table()
        self._build_actions()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.filters)
        column.addWidget(self.table, 1)
        column.addWidget(self.details)
        column.addLayout(self.buttons)
        self.retranslate()

    # ---- building ------------------------------------------------------------------------------
    def _build_filters(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("registerSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.search_timer.start())
        self.form_box = QComboBox()
        self.form_box.setObjectName("registerForm")
        self.status_box = QComboBox()
        self.status_box.setObjectName("registerStatus")
        self.date_from, self.date_to = self._date_box("registerFrom"), self._date_box("registerTo")
        for box in (self.form_box, self.status_box):
            box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.filters = QHBoxLayout()
        self.filters.addWidget(self.search, 2)
        for widget in (self.form_box, self.status_box, self.date_from, self.date_to):
            self.filters.addWidget(widget)

    def _date_box(self, name: str) -> QDateEdit:
        box = QDateEdit()
        box.setObjectName(name)
        box.setCalendarPopup(True)
        box.setDisplayFormat("yyyy-MM-dd")  # ISO whatever the language: the dates are compared as such
        box.setMinimumDate(NO_DATE)
        box.setDate(NO_DATE)
        box.dateChanged.connect(lambda _d: self.refresh())
        return box

    def _build_table(self) -> None:
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("registerTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.details = QLabel()
        self.details.setObjectName("registerDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)

    def _build_actions(self) -> None:
        self.reopen_button = self._button("reopenDraft", self.reopen_selected)
        self.duplicate_button = self._button("duplicateDraft", self.duplicate_selected)
        self.regenerate_button = self._button("regenerate", self.regenerate_selected)
        self.final_button = self._button("markFinal", lambda: self.ask_status("final"))
        self.cancel_button = self._button("markCancelled", lambda: self.ask_status("cancelled"))
        self.open_button = self._button("openDocument", self.open_selected)
        self.export_button = self._button("exportDocuments", self.export_selected)
        self.buttons = QHBoxLayout()
        for button in (self.reopen_button, self.duplicate_button, self.regenerate_button):
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)
        for button in (self.final_button, self.cancel_button, self.open_button, self.export_button):
            self.buttons.addWidget(button)

    def _button(self, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def retranslate(self) -> None:
        self.search.setPlaceholderText(_("Search by a person's name or a reference"))
        self._fill_box(self.form_box, _("All forms"), [(k, tr(s.title)) for k, s in self.forms.items()])
        self._fill_box(self.status_box, _("Any status"), [(k, _(label)) for k, label in STATUSES])
        for box, label in ((self.date_from, _("From: any")), (self.date_to, _("To: any"))):
            box.setSpecialValueText(label)
        self.date_from.setToolTip(_("Created on or after"))
        self.date_to.setToolTip(_("Created on or before"))
        self.table.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        self.reopen_button.setText(_("Reopen draft"))
        self.duplicate_button.setText(_("Duplicate as new"))
        self.regenerate_button.setText(_("Regenerate…"))
        self.final_button.setText(_("Mark final…"))
        self.cancel_button.setText(_("Cancel document…"))
        self.open_button.setText(_("Open"))
        self.export_button.setText(_("Export…"))
        if self.session.is_unlocked():
            self.refresh()
        self._selection_changed()

    def _fill_box(self, box: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
        current = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(everything, None)
        for key, label in items:
            box.addItem(label, key)
        box.setCurrentIndex(max(0, box.findData(current)) if current is not None else 0)
        box.blockSignals(False)

    # ---- listing -------------------------------------------------------------------------------
    def current_filter(self) -> DocumentFilter:
        def iso(box: QDateEdit) -> str | None:
            return None if box.date() == NO_DATE else box.date().toString("yyyy-MM-dd")

        return DocumentFilter(
            text=self.search.text().strip(),
            form=self.form_box.currentData(),
            status=self.status_box.currentData(),
            date_from=iso(self.date_from),
            date_to=iso(self.date_to),
        )

    def refresh(self) -> None:
        """List what matches the filters: documents, then the drafts (which have no status but draft)."""
        register = self.session.register
        if register is None:
            self.clear()
            return
        filt = self.current_filter()
        try:
            rows: list[Row] = list(register.documents(filt))
            if filt.status in (None, "draft"):
                draft_filter = DocumentFilter(
                    filt.text, filt.form, None, filt.date_from, filt.date_to, filt.limit
                )
                rows += [d for d in register.drafts_matching(draft_filter) if d.form in self.forms]
        except ThbError as error:
            show_error(self, error)
            rows = []
        self._show_rows(rows)

    def _show_rows(self, rows: list[Row]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            for col, text in enumerate(self._cells(row)):
                self.table.setItem(index, col, QTableWidgetItem(text))
        self._selection_changed()

    def _cells(self, row: Row) -> list[str]:
        form = self.forms.get(row.form)
        title = tr(form.title) if form is not None else row.form
        if isinstance(row, DraftInfo):
            return [_("Draft in progress"), "", title, drafts.when(row.saved_at), _("Draft"), ""]
        status = dict(STATUSES).get(row.status, row.status)
        formats = ", ".join(fmt.upper() for fmt in row.formats)
        return [_("Document"), row.reference, title, drafts.when(row.created_at), _(status), formats]

    def clear(self) -> None:
        """The register locked: nothing personal stays on screen, not even the search text."""
        for dialog in (self.status_dialog,):
            if dialog is not None:
                dialog.reject()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.search_timer.stop()
        self.rows = []
        self.table.setRowCount(0)
        self.details.clear()

    # ---- selection -----------------------------------------------------------------------------
    def selected(self) -> list[Row]:
        indexes = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.rows[i] for i in indexes if i < len(self.rows)]

    def selected_documents(self) -> list[DocumentRow]:
        return [row for row in self.selected() if isinstance(row, DocumentRow)]

    def select(self, index: int) -> None:
        """Select one row whatever keys are held (``selectRow`` would extend with Ctrl or Shift)."""
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(self.table.model().index(index, 0), flags)

    def _draft_of(self, row: Row) -> str | None:
        return row.id if isinstance(row, DraftInfo) else row.draft_id

    def _selection_changed(self) -> None:
        rows = self.selected()
        one = rows[0] if len(rows) == 1 else None
        has_draft = one is not None and self._draft_of(one) is not None
        one_doc = isinstance(one, DocumentRow)
        self.reopen_button.setEnabled(has_draft)
        self.duplicate_button.setEnabled(has_draft)
        self.regenerate_button.setEnabled(has_draft)
        self.final_button.setEnabled(one_doc and one.status != "final")  # type: ignore[union-attr]
        self.cancel_button.setEnabled(one_doc and one.status != "cancelled")  # type: ignore[union-attr]
        self.open_button.setEnabled(one_doc)
        self.export_button.setEnabled(bool(self.selected_documents()))
        self.details.setText(self._details(one) if one is not None else "")

    def _details(self, row: Row) -> str:
        if isinstance(row, DraftInfo):
            return ""
        lines = [_("Languages: {langs}").format(langs=", ".join(row.langs))]
        if row.author:
            lines.append(_("Author: {name}").format(name=row.author))
        if row.status_reason:
            lines.append(_("Reason: {reason}").format(reason=row.status_reason))
        if row.exported_to:
            lines.append(
                _("Exported to: {paths}").format(paths=", ".join(LRI + p + PDI for p in row.exported_to))
            )
        return "\n".join(lines)

    # ---- actions -------------------------------------------------------------------------------
    def reopen_selected(self) -> None:
        rows = self.selected()
        draft_id = self._draft_of(rows[0]) if len(rows) == 1 else None
        if draft_id is not None:
            self.reopen_draft(draft_id)

    def regenerate_selected(self) -> None:
        rows = self.selected()
        draft_id = self._draft_of(rows[0]) if len(rows) == 1 else None
        if draft_id is not None:
            self.regenerate_draft(draft_id)

    def duplicate_selected(self) -> str | None:
        """A new draft with the same answers, opened in the wizard; the original stays as it was."""
        rows, register = self.selected(), self.session.register
        draft_id = self._draft_of(rows[0]) if len(rows) == 1 else None
        if draft_id is None or register is None:
            return None
        store = register.drafts()
        try:
            answers = store.load(draft_id)
            new_id = drafts.new_id(answers.form)
            store.save(new_id, answers)
        except ThbError as error:
            show_error(self, error)
            return None
        self.reopen_draft(new_id)
        return new_id

    def ask_status(self, status: str) -> StatusDialog | None:
        rows = self.selected_documents()
        if len(rows) != 1:
            return None
        row = rows[0]
        dialog = StatusDialog(status, row.reference or str(row.id), self)
        dialog.accepted.connect(lambda: self._set_status(row, status, dialog.reason_text()))
        self.status_dialog = dialog
        dialog.open()
        return dialog

    def _set_status(self, row: DocumentRow, status: str, reason: str) -> None:
        register = self.session.register
        if register is None:
            return
        try:
            register.set_status(row.id, status, reason)  # type: ignore[arg-type]
        except ThbError as error:
            show_error(self, error)
        self.refresh()

    def open_selected(self) -> Path | None:
        """Decrypt one file to a private temporary file and hand it to the system's viewer."""
        rows, register = self.selected_documents(), self.session.register
        if len(rows) != 1 or register is None or not rows[0].formats:
            return None
        row = rows[0]
        fmt = "pdf" if "pdf" in row.formats else row.formats[0]
        try:
            path = self.session.temp.write(file_name(row, fmt), register.document_file(row.id, fmt))
        except ThbError as error:
            show_error(self, error)
            return None
        except OSError as error:
            show_error(self, _write_error(error, self.session.temp.folder))
            return None
        self.open_url(QUrl.fromLocalFile(str(path)))
        return path

    def _ask_folder(self) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(self, _("Export to folder"))
        return Path(chosen) if chosen else None

    def export_selected(self) -> QMessageBox | None:
        rows, register = self.selected_documents(), self.session.register
        if not rows or register is None:
            return None
        folder = self.choose_folder()
        if folder is None:
            return None
        try:
            result = export_documents(register, rows, folder)
        except ThbError as error:
            return show_error(self, error)
        except OSError as error:
            return show_error(self, _write_error(error, folder))
        self.refresh()
        return self._tell_export(len(result.written), result.existing)

    def _tell_export(self, written: int, existing: list[Path]) -> QMessageBox:
        box = QMessageBox(self)
        box.setObjectName("exportResult")
        box.setIcon(QMessageBox.Icon.Warning if existing else QMessageBox.Icon.Information)
        box.setWindowTitle(_("Export"))
        text = ngettext("{n} file was exported.", "{n} files were exported.", written).format(n=written)
        if existing:
            names = ", ".join(LRI + p.name + PDI for p in existing)
            text += "\n" + _("Already in the folder, left unchanged: {names}").format(names=names)
        box.setText(html.escape(text).replace("\n", "<br>"))
        box.open()
        return box


def _write_error(error: OSError, path: Path | None) -> ThbError:
    return storage_error(error, path or "") or OutputWriteError(details=str(error), path=str(path or ""))
