"""Search as you type: debounced, run off the GUI thread, stale answers dropped."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from thbdesk.core.errors import ThbError
from thbdesk.core.i18n import LANGUAGES, LRI, N_, PDI, RLI, _, current_language, is_rtl, native_name, ngettext
from thbdesk.core.legal.model import Corpus
from thbdesk.core.search.labels import SEPARATOR, hit_label, provision_label, status_badge
from thbdesk.core.search.searcher import Filters, LegalSearch, SearchHit, SearchResults, TermDefinition
from thbdesk.ui.tasks import TaskRunner, default_failure

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
        self.status.setObjectName("searchStatus")
        self.status.setWordWrap(True)
        self.definition_card = DefinitionCard()
        self.definition_card.open_requested.connect(self.open_requested)
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
        layout.addWidget(self.definition_card)
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
            self.definition_card.show_definition(None, self.corpus)
            return
        filters, lang, ui_lang = self.filters(), self.lang_filter.currentData(), current_language()
        self.status.setText(_("Searching…"))
        self.runner.run(
            lambda: self.search.search(query, lang=lang, filters=filters, limit=20, ui_lang=ui_lang),
            lambda results: self._show(generation, results),
            lambda error: self._failed(generation, error),
        )

    def _failed(self, generation: int, error: BaseException) -> None:
        """A search the user can fix (too long) is explained where the results would be."""
        if not isinstance(error, ThbError):
            default_failure(error)
            return
        if generation == self.generation:
            self.results.clear()
            self.definition_card.show_definition(None, self.corpus)
            self.status.setText(error.user_message())

    def _show(self, generation: int, results: SearchResults) -> None:
        if generation != self.generation:
            return  # the user typed on; this answer is stale
        self.last_results = results
        self.results.clear()
        self.definition_card.show_definition(results.definition, self.corpus)
        defined = results.definition.key if results.definition else None
        for hit in results.hits:
            if hit.key == defined:
                continue  # shown as the definition card above the list
            item = QListWidgetItem()
            item.setData(KEY_ROLE, hit.key)
            label = QLabel(self._hit_html(hit))
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
        if self.results.count():
            self.results.setCurrentRow(0)
        self.status.setText(self._status_text(results))
        self.results_shown.emit(results)

    def _hit_html(self, hit: SearchHit) -> str:
        """Which text and kind, with the status; then the title (unless the kind names it) and snippet.

        Each part is its own block with its own direction: a French snippet under an Arabic label
        must not take the label's right-to-left order (its ellipsis and brackets would move).
        """
        lang = current_language()
        name = escape(hit_label(hit, self.corpus, lang))
        badge = escape(status_badge(hit.status, lang))
        head = _block(f'<span style="color:gray">{name}{SEPARATOR}<i>{badge}</i></span>', lang)
        # A glossary term's snippet is the term itself: show it once, highlighted.
        if hit.snippet.strip() == hit.title.strip():
            return head + _block(f"<b>{hit.snippet_html}</b>", hit.lang)
        named = hit.title in hit_label(hit, self.corpus, hit.lang)
        title = "" if named else _block(f"<b>{escape(hit.title)}</b>", hit.lang)
        return f"{head}{title}{_block(hit.snippet_html, hit.lang)}"

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


class DefinitionCard(QFrame):
    """The glossary entry a query names, above the hits: the term in three languages, its meaning,
    and a button to the provision it belongs to."""

    open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("definitionCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QLabel()
        self.text.setObjectName("definitionText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.open_button = QPushButton()
        self.open_button.setObjectName("definitionLink")
        self.open_button.clicked.connect(self._open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.text)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeading)
        self.definition: TermDefinition | None = None
        self.hide()

    def show_definition(self, definition: TermDefinition | None, corpus: Corpus) -> None:
        self.definition = definition
        if definition is None:
            self.hide()
            return
        lang = current_language()
        others = " · ".join(escape(definition.terms[x]) for x in LANGUAGES if x != lang)
        meaning = escape(definition.meaning[lang])
        caption = escape(_("Definition"))
        self.text.setText(
            f'<span style="color:gray">{caption}</span><br/>'
            f"<b>{escape(definition.terms[lang])}</b> ({others})" + (f"<br/>{meaning}" if meaning else "")
        )
        if definition.provision:
            label = provision_label(corpus, definition.provision, lang)
            self.open_button.setText(_("Open {provision}").format(provision=label))
        self.open_button.setVisible(definition.provision is not None)
        self.show()

    def _open(self) -> None:
        if self.definition is not None and self.definition.provision:
            self.open_requested.emit(self.definition.provision)


def _block(html: str, lang: str) -> str:
    direction = "rtl" if is_rtl(lang) else "ltr"
    align = "right" if is_rtl(lang) else "left"
    return f'<div dir="{direction}" align="{align}" style="margin:0">{html}</div>'
