"""Guards against a Qt-binding defect that would crash the app during a long session."""

import sys

from PySide6.QtWidgets import QCheckBox


def test_signals_to_python_slots_do_not_leak_references_to_none(qtbot) -> None:
    box = QCheckBox()
    qtbot.addWidget(box)
    box.toggled.connect(lambda _checked: None)
    before = sys.getrefcount(None)
    for _ in range(2000):
        box.setChecked(not box.isChecked())
    assert sys.getrefcount(None) >= before - 50, "the Qt binding drops references to None on signals"
