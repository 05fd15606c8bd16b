"""A damaged catalogue of imported texts is told in the window, which still opens and searches."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from thbdesk.core.legal.catalogue import DB_FILE


def test_a_damaged_catalogue_is_told_at_start(open_window, thbdesk_home: Path) -> None:
    db = thbdesk_home / "data" / "library" / DB_FILE
    db.parent.mkdir(parents=True)
    db.write_bytes(b"not a database" * 64)
    window = open_window()
    texts = [box.text() for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert any(DB_FILE in text and ".damaged-" in text for text in texts)
    assert list(db.parent.glob(f"{DB_FILE}.damaged-*"))
