"""Cold start to window shown: thbdesk against a bare PySide6 window, measured in the same run.

    python bench/startup.py [--runs 7]

Each run is a fresh interpreter (offscreen); the time is from process spawn to the first event-loop
turn after the window is shown. Prints medians and the ratio thbdesk / bare (target: <= 2.5).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1100, 720)
window.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""

THBDESK = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from thbdesk.core.logs import setup_logging
from thbdesk.ui.app import create_main_window, prepare_application
from thbdesk.ui.errors import install_crash_hook
setup_logging()
app = QApplication([])
prepare_application(app)
install_crash_hook()
window = create_main_window(app)
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""


def time_start(script: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, env=env, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.wait(timeout=60)
    if line.strip() != "shown":
        raise RuntimeError("window was not shown")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "THBDESK_HOME": tempfile.mkdtemp(prefix="thb-bench-"),
    }
    time_start(BARE, env)  # warm the OS file cache once for both, so the order does not favour one
    time_start(THBDESK, env)
    bare, thbdesk = [], []
    for _ in range(args.runs):
        bare.append(time_start(BARE, env))
        thbdesk.append(time_start(THBDESK, env))
    bare_ms, thb_ms = statistics.median(bare) * 1000, statistics.median(thbdesk) * 1000
    print(f"bare PySide6 window : median {bare_ms:7.1f} ms over {args.runs} runs")
    print(f"thbdesk main window : median {thb_ms:7.1f} ms over {args.runs} runs")
    print(f"ratio thbdesk/bare  : {thb_ms / bare_ms:.2f}  (target <= 2.5)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
