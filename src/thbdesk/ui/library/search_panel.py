"""Search as you type: debounced, run off the GUI thread, stale answers dropped."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from thbdesk.core.i18n import LANGUAGES, LRI, N_, PDI, RLI, _, current_language, is_rtl, native_name, ngettext
from thbdesk.core.legal.model import Corpus
from thbdesk.core.search.searcher import Filters, LegalSearch, SearchResults
from thbdesk.ui.tasks import TaskRunner

DEBOUNCE_MS = 250
KEY_ROLE = Qt.ItemDataRole.UserRole
_KINDS = (
    ("law", N_("Laws")),
    ("decree", N_("Decrees")),
    ("procedure", N_("Procedure")),
    ("plan", N_("Plans")),
    ("indicators", N_("Indicators")),
    ("glossary", N_("Glossary")),
)
_STATUSES = (
    ("verified", N_("Verified summaries")),
    ("unverified", N_("Unverified summaries")),
    ("missing", N_("Not yet summarised")),
    ("official", N_("Official texts (imported)")),
)


class SearchPanel(QWidget):
    open_requested = Signal(str)
    results_shown = Signal(object)

    def __init__(
        self, search: LegalSearch, corpus: Corpus, runner: TaskRunner, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.search, self.corpus, self.runner = search, corpus, runner
        self.generation = 0
        self.last_results: SearchResults | None = None
        self.search_box = QLineEdit()
        self.search_box.setObjectName("searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setObjectName("searchResults")
        self.results.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.instrument_filter, self.kind_filter = QComboBox(), QComboBox()
        self.status_filter, self.lang_filter = QComboBox(), QComboBox()
        self.filter_form = QFormLayout()
        self._build_layout()
        self.timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.timer.timeout.connect(self.start_search)
        self.search_box.textChanged.connect(lambda _text: self.timer.start())
        self.search_box.returnPressed.connect(self.open_selected_or_first)
        self.search_box.installEventFilter(self)
        self.results.itemActivated.connect(lambda item: self.open_requested.emit(item.data(KEY_ROLE)))
        for box in (self.instrument_filter, self.kind_filter, self.status_filter, self.lang_filter):
            box.currentIndexChanged.connect(lambda _index: self.timer.start())
        self.retranslate()

    def _build_layout(self) -> None:
        self.filter_labels = [QLabel() for _box in range(4)]
        boxes = (self.instrument_filter, self.kind_filter, self.status_filter, self.lang_filter)
        for label, box in zip(self.filter_labels, boxes, strict=True):
            label.setBuddy(box)
            self.filter_form.addRow(label, box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search_box)
        layout.addLayout(self.filter_form)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)

    def retranslate(self) -> None:
        # The Arabic example is isolated: in a left-to-right line its number would otherwise be
        # displayed as "448-7 الفصل", the wrong way round for an Arabic reader.
        examples = f"448-7, {RLI}الفصل {LRI}7-448{PDI}{PDI}"
        self.search_box.setPlaceholderText(_("Search: words, {examples}…").format(examples=examples))
        for label, text in zip(
            self.filter_labels, (_("Text"), _("Kind"), _("Status"), _("Language")), strict=True
        ):
            label.setText(text)
        lang = current_language()
        self._fill(self.instrument_filter, [(i.id, i.short_title.get(lang)) for i in self.corpus.instruments])
        self._fill(self.kind_filter, [(key, _(label)) for key, label in _KINDS])
        self._fill(self.status_filter, [(key, _(label)) for key, label in _STATUSES])
        self._fill(self.lang_filter, [(code, native_name(code)) for code in LANGUAGES])
        if self.search_box.text().strip():
            self.timer.start()

    @staticmethod
    def _fill(box: QComboBox, choices: list[tuple[str, str]]) -> None:
        selected = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(_("All"), None)
        for key, label in choices:
            box.addItem(label, key)
        box.setCurrentIndex(max(0, box.findData(selected)))
        box.blockSignals(False)

    def filters(self) -> Filters:
        status, lang = self.status_filter.currentData(), self.lang_filter.currentData()
        return Filters(
            langs=(lang,) if lang else (),
            instruments=tuple(x for x in [self.instrument_filter.currentData()] if x),
            kinds=tuple(x for x in [self.kind_filter.currentData()] if x),
            statuses=(status,) if status and status != "official" else (),
            sources=("official",) if status == "official" else (),
        )

    def start_search(self) -> None:
        """Ask in the background; only the answer to the latest question is shown."""
        query = self.search_box.text().strip()
        self.generation += 1
        generation = self.generation
        if not query:
            self.results.clear()
            self.status.clear()
            return
        filters, lang, ui_lang = self.filters(), self.lang_filter.currentData(), current_language()
        self.status.setText(_("Searching…"))
        self.runner.run(
            lambda: self.search.search(query, lang=lang, filters=filters, limit=20, ui_lang=ui_lang),
            lambda results: self._show(generation, results),
        )

    def _show(self, generation: int, results: SearchResults) -> None:
        if generation != self.generation:
            return  # the user typed on; this answer is stale
        self.last_results = results
        self.results.clear()
        for hit in results.hits:
            item = QListWidgetItem()
            item.setData(KEY_ROLE, hit.key)
            # A glossary term's snippet is the term itself: show it once, highlighted.
            same = hit.snippet.strip() == hit.title.strip()
            label = QLabel(
                f"<b>{hit.snippet_html}</b>" if same else f"<b>{hit.title}</b><br/>{hit.snippet_html}"
            )
            label.setObjectName("hitLabel")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setLayoutDirection(
                Qt.LayoutDirection.RightToLeft if is_rtl(hit.lang) else Qt.LayoutDirection.LeftToRight
            )
            label.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
            label.setContentsMargins(4, 4, 4, 4)
            self.results.addItem(item)
            self.results.setItemWidget(item, label)
            item.setSizeHint(label.sizeHint())
        if results.hits:
            self.results.setCurrentRow(0)
        self.status.setText(self._status_text(results))
        self.results_shown.emit(results)

    @staticmethod
    def _status_text(results: SearchResults) -> str:
        if not results.hits:
            return _("No result.")
        count = ngettext("{count} result", "{count} results", len(results.hits)).format(
            count=len(results.hits)
        )
        if results.corrected:
            return _("Showing results for «{corrected}».").format(corrected=results.corrected) + " " + count
        return count

    def open_selected_or_first(self) -> None:
        item = self.results.currentItem() or self.results.item(0)
        if item is not None:
            self.open_requested.emit(item.data(KEY_ROLE))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and down in the search box move through the hits without leaving the box."""
        if watched is self.search_box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
            if step and self.results.count():
                row = min(max(self.results.currentRow() + step, 0), self.results.count() - 1)
                self.results.setCurrentRow(row)
                return True
        return super().eventFilter(watched, event)
