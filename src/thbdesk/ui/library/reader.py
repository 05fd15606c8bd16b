"""Pick an instrument, pick a provision, read it in three languages; links jump between provisions."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from thbdesk.core.i18n import LANGUAGES, _, current_language, native_name
from thbdesk.core.legal.citations import citation
from thbdesk.core.legal.display import provision_title, status_text
from thbdesk.core.legal.library import Library
from thbdesk.core.legal.model import Corpus, Provision
from thbdesk.ui.library.provision_html import LINK_SCHEME, provision_html

# Marks the bundled fonts can draw (⚠ cannot): † for doubtful, … for not yet summarised.
_STATUS_MARK = {"verified": "", "unverified": " †", "missing": " …"}
_STATUS_COLOUR = {"verified": None, "unverified": QColor("#9a5b00"), "missing": QColor("#6b6b6b")}
KEY_ROLE = Qt.ItemDataRole.UserRole


class ReaderView(QWidget):
    provision_opened = Signal(str)

    def __init__(self, corpus: Corpus, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerView")
        self.corpus, self.library = corpus, library
        self.current_key: str | None = None
        self.instrument_box = QComboBox()
        self.instrument_box.setObjectName("instrumentPicker")
        self.provision_list = QListWidget()
        self.provision_list.setObjectName("provisionList")
        self.provision_list.setWordWrap(True)
        self.provision_list.setSpacing(2)
        self.browser = QTextBrowser()
        self.browser.setObjectName("provisionBrowser")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._follow_link)
        self.pick_label = QLabel()
        self._build_layout()
        self.instrument_box.currentIndexChanged.connect(self._instrument_changed)
        self.provision_list.currentItemChanged.connect(self._provision_changed)
        self.retranslate()

    def _build_layout(self) -> None:
        browse = QWidget()
        column = QVBoxLayout(browse)
        column.setContentsMargins(4, 4, 4, 4)
        column.addWidget(self.pick_label)
        column.addWidget(self.instrument_box)
        column.addWidget(self.provision_list, 1)
        self.side_tabs = QTabWidget()
        self.side_tabs.setObjectName("librarySideTabs")
        self.browse_tab = browse
        self.side_tabs.addTab(browse, "")
        self.citation_button = QToolButton()
        self.citation_button.setObjectName("copyCitation")
        self.citation_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.citation_menu = QMenu(self.citation_button)
        self.citation_actions = {}
        for lang in LANGUAGES:
            action = self.citation_menu.addAction(native_name(lang))
            action.triggered.connect(lambda _checked=False, code=lang: self.copy_citation(code))
            self.citation_actions[lang] = action
        self.citation_button.setMenu(self.citation_menu)
        reading = QWidget()
        right = QVBoxLayout(reading)
        right.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.citation_button)
        right.addLayout(bar)
        right.addWidget(self.browser, 1)
        splitter = QSplitter()
        splitter.addWidget(self.side_tabs)
        splitter.addWidget(reading)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([380, 820])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def copy_citation(self, lang: str) -> str:
        """Put the open provision's citation, in ``lang``, on the clipboard."""
        provision = self.current_provision()
        if provision is None:
            return ""
        instrument = self.corpus.instrument(provision.instrument_id)
        assert instrument is not None
        text = citation(provision, instrument, lang)
        QApplication.clipboard().setText(text)
        return text

    def current_provision(self) -> Provision | None:
        if not self.current_key:
            return None
        instrument_id, _sep, number = self.current_key.rpartition(":")
        instrument = self.corpus.instrument(instrument_id)
        if instrument is None:
            return None
        return next((p for p in (*instrument.provisions, *instrument.unplaced) if p.number == number), None)

    def reload(self) -> None:
        """Show the open provision again (its official text may have been imported or removed)."""
        if self.current_key:
            self._show(self.current_key)

    def retranslate(self) -> None:
        lang = current_language()
        self.pick_label.setText(_("Text"))
        self.side_tabs.setTabText(self.side_tabs.indexOf(self.browse_tab), _("Browse"))
        self.citation_button.setText(_("Copy citation"))
        selected = self.instrument_box.currentData() or (
            self.corpus.instruments[0].id if self.corpus.instruments else None
        )
        self.instrument_box.blockSignals(True)
        self.instrument_box.clear()
        for instrument in self.corpus.instruments:
            self.instrument_box.addItem(instrument.short_title.get(lang), instrument.id)
        self.instrument_box.blockSignals(False)
        key = self.current_key
        self.select_instrument(selected)
        if key:
            self.open_provision(key)

    def select_instrument(self, instrument_id: str | None) -> None:
        index = self.instrument_box.findData(instrument_id)
        if index < 0:
            return
        if self.instrument_box.currentIndex() != index:
            self.instrument_box.setCurrentIndex(index)
        else:
            self._fill_provisions(instrument_id)

    def _instrument_changed(self, index: int) -> None:
        self._fill_provisions(self.instrument_box.itemData(index))

    def _fill_provisions(self, instrument_id: str | None) -> None:
        instrument = self.corpus.instrument(instrument_id or "")
        self.provision_list.blockSignals(True)
        self.provision_list.clear()
        if instrument is not None:
            lang = current_language()
            for provision in (*instrument.provisions, *instrument.unplaced):
                self.provision_list.addItem(self._item(provision, instrument.id, lang))
        self.provision_list.blockSignals(False)
        if self.provision_list.count():
            self.provision_list.setCurrentRow(0)

    def _item(self, provision: Provision, instrument_id: str, lang: str) -> QListWidgetItem:
        instrument = self.corpus.instrument(instrument_id)
        assert instrument is not None
        title = provision_title(provision, instrument, lang)
        if provision.heading and provision.placed:
            title = f"{title} — {provision.heading.get(lang)}"
        item = QListWidgetItem(title + _STATUS_MARK[provision.status])
        item.setData(KEY_ROLE, provision.key)
        item.setToolTip(status_text(provision.status, lang))
        colour = _STATUS_COLOUR[provision.status]
        if colour is not None:
            item.setForeground(colour)
        return item

    def _provision_changed(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self._show(item.data(KEY_ROLE))

    def open_provision(self, key: str) -> bool:
        """Show ``27-14:448-7`` (selecting its instrument); False when no such provision exists."""
        instrument_id, _sep, number = key.rpartition(":")
        if self.corpus.resolve(number, instrument_id) is None:
            return False
        self.select_instrument(instrument_id)
        for row in range(self.provision_list.count()):
            if self.provision_list.item(row).data(KEY_ROLE) == key:
                self.provision_list.setCurrentRow(row)
                self._show(key)
                return True
        return False

    def _show(self, key: str) -> None:
        instrument_id, _sep, number = key.rpartition(":")
        instrument = self.corpus.instrument(instrument_id)
        provision = (
            next((p for p in (*instrument.provisions, *instrument.unplaced) if p.key == key), None)
            if instrument
            else None
        )
        if provision is None:
            return
        official = self.library.official_articles(instrument_id, number)
        self.browser.setHtml(provision_html(provision, self.corpus, current_language(), official))
        self.current_key = key
        self.provision_opened.emit(key)

    def _follow_link(self, url: QUrl) -> None:
        if url.scheme() == LINK_SCHEME:
            self.open_provision(url.path())
