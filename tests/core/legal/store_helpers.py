"""Helpers for the store tests: small publications, child processes, and a consistency check."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from thbdesk.core.legal.catalogue import STAGING
from thbdesk.core.legal.library import Library
from thbdesk.core.legal.loader import bundled_corpus

CHILD = """
import os, signal, sys
from pathlib import Path
from thbdesk.core.legal import catalogue
from thbdesk.core.legal.library import Library
from thbdesk.core.legal.loader import bundled_corpus

step, action, *targets = sys.argv[1:]

def crash(name):
    if name == step:
        os.kill(os.getpid(), signal.SIGKILL)

catalogue.fault_hook = crash
library = Library(bundled_corpus())
if action == "list":
    print(len(library.texts()), [type(n).__name__ for n in library.notices])
for target in targets:
    if action == "import":
        library.import_file(Path(target))
    elif action == "remove":
        library.remove(target)
"""


def publication(folder: Path, n: int) -> Path:
    """A distinct small French publication whose articles align to Law 27-14."""
    path = folder / f"publication-{n}.txt"
    path.write_text(
        f"Loi n° 27-14 (copie {n})\nArticle 448-1\nUn texte fictif numéro {n}.\n"
        f"Article 448-2\nUne autre disposition fictive {n}.\n",
        encoding="utf-8",
    )
    return path


def child(step: str, action: str, *targets: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, step, action, *targets], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def library() -> Library:
    return Library(bundled_corpus())


def assert_consistent(lib: Library) -> None:
    """Every listed text has its folder and articles; no folder or staging is left over."""
    texts = lib.texts()
    ids = [t.id for t in texts]
    assert len(ids) == len(set(ids))
    folders = {p.name for p in lib.root.iterdir() if p.is_dir() and p.name != STAGING}
    assert folders == set(ids)
    staging = lib.root / STAGING
    assert not staging.exists() or not any(staging.iterdir())
    for text in texts:
        assert len(lib.articles(text.id)) == text.article_count > 0
        assert any(p.name.startswith("original") for p in (lib.root / text.id).iterdir())
