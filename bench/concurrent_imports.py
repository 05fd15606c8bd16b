"""Texts kept when two `thbdesk import` processes run at once, round after round.

    python bench/concurrent_imports.py [--rounds 20] [--src PATH_TO_SRC]

Each round starts two imports of different files at the same moment, in a fresh profile; at the
end `thbdesk texts --json` counts the imported texts. ``--src`` measures another checkout (for
example the previous version) with the same interpreter. Prints imported, listed and exit codes.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path


def publication(folder: Path, n: int) -> str:
    path = folder / f"publication-{n}.txt"
    path.write_text(
        f"Loi n° 27-14 ({n})\nArticle 448-1\nTexte {n}.\nArticle 448-2\nAutre {n}.\n", encoding="utf-8"
    )
    return str(path)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--src", default=str(Path(__file__).resolve().parent.parent / "src"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = {**os.environ, "THBDESK_HOME": str(folder / "home"), "PYTHONPATH": args.src}
        codes = []
        for round_ in range(args.rounds):
            running = [
                subprocess.Popen(
                    [sys.executable, "-m", "thbdesk", "import", publication(folder, 10 * round_ + k)],
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                for k in (1, 2)
            ]
            codes += [process.wait() for process in running]
        listing = subprocess.run(
            [sys.executable, "-m", "thbdesk", "texts", "--json"], env=env, capture_output=True, check=True
        )
        listed = [row for row in json.loads(listing.stdout) if row["source"] == "official"]
        print(f"imported {2 * args.rounds}, listed {len(listed)}, exit codes {sorted(set(codes))}")


if __name__ == "__main__":
    main()
