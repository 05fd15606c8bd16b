"""Countries and languages picked by typing part of their name, spelt as people really type it.

``اسبانيا`` must find ``إسبانيا`` and ``senegal`` must find ``Sénégal``: names and what is typed are
both reduced to a search key with the legal search's own folding rules, so the two features forgive
the same spellings.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSignalBlocker,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from thbdesk.core.search.normalize import fold_latin, normalize_arabic
from thbdesk.ui.wizard.inputs import FieldInput

_SEPARATORS = str.maketrans({"-": " ", "'": " ", "’": " ", "ʼ": " ", ".": " ", ",": " "})


def search_key(text: str) -> str:
    """Hamza seats, taa marbuta, alef maqsura, harakat, tatweel, accents, case and punctuation folded.

    >>> search_key("إسبانيا") == search_key("اسبانيا"), search_key("Sénégal") == search_key("senegal")
    (True, True)
    >>> search_key("Côte d’Ivoire") == search_key("cote d'ivoire"), search_key("مِصْر") == search_key("مصر")
    (True, True)
    """
    return " ".join(fold_latin(normalize_arabic(text)).translate(_SEPARATORS).split())


Index = QModelIndex | QPersistentModelIndex


class NameFilter(QSortFilterProxyModel):
    """The entries whose key contains what is typed, those that begin with it first."""

    def __init__(self, keys: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keys = list(keys)
        self.needle = ""

    def set_text(self, text: str) -> None:
        self.needle = search_key(text)
        self.invalidate()
        self.sort(0)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        key = self.keys[source_row] if source_row < len(self.keys) else ""
        return bool(key) and self.needle in key

    def lessThan(self, left: Index, right: Index) -> bool:
        return self._rank(left.row()) < self._rank(right.row())

    def _rank(self, row: int) -> tuple[int, int]:
        key = self.keys[row]
        begins = key.startswith(self.needle) or f" {self.needle}" in f" {key}"
        return (0 if begins else 1, row)


class CatalogInput(FieldInput):
    """A country or a language: type part of its name in the UI language, store its code."""

    def __init__(self, entries: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.addItem("", None)
        for code, name in entries:
            self.combo.addItem(name, code)
        self.keys = [""] + [search_key(name) for _code, name in entries]
        self.matches = NameFilter(self.keys, self)
        self.matches.setSourceModel(self.combo.model())
        completer = QCompleter(self.matches, self.combo)
        # The filter above decides what matches; the completer only shows it.
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.combo.setCompleter(completer)
        self.combo.setMinimumWidth(220)
        self.row.addWidget(self.combo)
        self.row.addStretch(1)
        self.setFocusProxy(self.combo)
        self.combo.currentIndexChanged.connect(self._emit)
        line = self.combo.lineEdit()
        assert line is not None
        line.textEdited.connect(self.matches.set_text)
        line.editingFinished.connect(self._settle)

    def shown_names(self) -> list[str]:
        """The names the list under the input offers for what has been typed."""
        return [self.matches.index(row, 0).data() for row in range(self.matches.rowCount())]

    def _settle(self) -> None:
        """A typed name that matches one entry (exactly, or as the only one containing it) picks it;
        anything else goes back to the current choice."""
        line = self.combo.lineEdit()
        assert line is not None
        index = self.entry_for(line.text())
        if index is not None:
            self.combo.setCurrentIndex(index)
        line.setText(self.combo.itemText(self.combo.currentIndex()))

    def entry_for(self, text: str) -> int | None:
        key = search_key(text)
        if not key:
            return 0
        exact = [row for row, name in enumerate(self.keys) if name == key]
        partial = [row for row, name in enumerate(self.keys) if name and key in name]
        found = exact or partial
        return found[0] if len(found) == 1 else None

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self.combo):
            self.combo.setCurrentIndex(max(0, self.combo.findData(value)))
