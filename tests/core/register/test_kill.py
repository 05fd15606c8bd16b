"""Acceptance: an autosaving process killed at random points loses no returned save and never
leaves a damaged database."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from thbdesk.core.register.store import Register

from .conftest import PASSPHRASE, TEST_KDF_N

RUNS = 50
CHILD = Path(__file__).with_name("autosave_child.py")


def _run_and_kill(folder: Path, run: int, rng: random.Random) -> list[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(folder), PASSPHRASE, str(run)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert child.stdout is not None
    first = child.stdout.readline()  # the register is open and saving
    assert first, child.stderr.read() if child.stderr else ""
    time.sleep(rng.uniform(0.0, 0.15))
    child.send_signal(signal.SIGKILL)
    out, _ = child.communicate()
    assert child.returncode == -signal.SIGKILL
    # A line cut by the kill was not a completed print, so it is not trusted.
    return [line for line in (first.decode() + out.decode()).splitlines() if line.count(" ") == 2]


def test_sigkill_during_autosave_loses_no_returned_save(folder: Path) -> None:
    Register.create(PASSPHRASE, folder, kdf_n=TEST_KDF_N).close()
    rng = random.Random(int(os.environ.get("THBDESK_KILL_SEED", "1027")))
    total = 0
    for run in range(RUNS):
        lines = _run_and_kill(folder, run, rng)
        reg = Register.open(PASSPHRASE, folder)
        try:
            assert reg.integrity_ok(), f"run {run}"
            store = reg.drafts()
            for line in lines:
                kind, draft_id, n = line.split()
                stored = store.load(draft_id).answers["n"]
                # The same draft may have been saved once more after its last printed line.
                assert stored == int(n) if kind == "new" else stored >= int(n), (run, line)
            total += len(lines)
        finally:
            reg.close()
    assert total >= RUNS  # every run saved at least once before being killed
