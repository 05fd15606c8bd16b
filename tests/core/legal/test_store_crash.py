"""A process killed between any two storage steps leaves a library that repairs itself on the next
open, and the interrupted import or removal can simply be done again."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from thbdesk.core.errors import LibraryRepairedNotice

from .store_helpers import assert_consistent, child, library, publication

IMPORT_STEPS = ("staged", "recorded", "placed", "committed")
REMOVE_STEPS = ("unrecorded", "moved", "committed")


@pytest.mark.parametrize("step", IMPORT_STEPS)
def test_an_import_killed_at_any_step_can_be_repeated(tmp_path: Path, step: str) -> None:
    kept = publication(tmp_path, 1)
    library().import_file(kept)
    source = publication(tmp_path, 2)
    process = child(step, "import", str(source))
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL, process.stderr.read() if process.stderr else ""

    after = library()
    assert_consistent(after)
    names = [t.filename for t in after.texts()]
    assert names in (["publication-1.txt"], ["publication-1.txt", "publication-2.txt"])
    if step != "committed":
        assert names == ["publication-1.txt"], "an import killed before its commit is rolled back"
        assert any(isinstance(n, LibraryRepairedNotice) for n in after.notices), "the user is told"

    again = after.import_file(source)
    assert again.duplicate == (step == "committed")
    assert [t.filename for t in after.texts()] == ["publication-1.txt", "publication-2.txt"]
    assert_consistent(library())


@pytest.mark.parametrize("step", REMOVE_STEPS)
def test_a_removal_killed_at_any_step_leaves_a_consistent_library(tmp_path: Path, step: str) -> None:
    sources = [publication(tmp_path, n) for n in (1, 2)]
    texts = [library().import_file(s).text for s in sources]
    process = child(step, "remove", texts[1].id)
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL

    after = library()
    assert_consistent(after)
    remaining = [t.id for t in after.texts()]
    assert remaining[0] == texts[0].id and len(remaining) <= 2
    if remaining == [texts[0].id, texts[1].id]:  # killed before the commit: removing again works
        after.remove(texts[1].id)
    assert [t.id for t in library().texts()] == [texts[0].id]
    assert after.import_file(sources[1]).duplicate is False, "a removed text can be imported again"
    assert_consistent(library())


def test_an_exception_between_steps_rolls_back_in_the_same_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from thbdesk.core.legal import catalogue

    def fail(name: str) -> None:
        if name == "placed":
            raise RuntimeError("injected")

    monkeypatch.setattr(catalogue, "fault_hook", fail)
    source = publication(tmp_path, 1)
    with pytest.raises(RuntimeError):
        library().import_file(source)
    monkeypatch.setattr(catalogue, "fault_hook", None)
    lib = library()
    assert lib.texts() == [] and lib.notices == []
    assert_consistent(lib)
    assert lib.import_file(source).duplicate is False


def test_a_rebuild_killed_after_setting_the_damaged_catalogue_aside_loses_no_text(tmp_path: Path) -> None:
    """The new empty catalogue next to the texts' folders is not a new library whose folders are
    leftovers: a second process saw exactly this while the first was rebuilding, and deleted them."""
    for n in range(3):
        library().import_file(publication(tmp_path, n))
    root = library().root
    (root / "catalogue.sqlite3").write_bytes(b"damaged" * 1000)
    process = child("set aside", "list")
    process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL
    assert len(list(root.glob("catalogue.sqlite3.damaged-*"))) == 1

    after = library()
    assert sorted(t.filename for t in after.texts()) == [f"publication-{n}.txt" for n in range(3)]
    assert any(isinstance(n, LibraryRepairedNotice) for n in after.notices), "the user is told"
    assert_consistent(after)
    assert library().notices == [], "repaired once"
