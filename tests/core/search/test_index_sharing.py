"""One index file shared by several thbdesk processes: locks wait, only damage rebuilds, files private."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from thbdesk.core.errors import SearchIndexBusyError
from thbdesk.core.legal.library import Library
from thbdesk.core.legal.loader import bundled_corpus
from thbdesk.core.search import engine as search_engine
from thbdesk.core.search import index as search_index
from thbdesk.core.search.index import SearchIndex
from thbdesk.core.search.searcher import LegalSearch


def fresh(tmp_path: Path) -> tuple[LegalSearch, SearchIndex, Library]:
    corpus = bundled_corpus()
    library = Library(corpus, root=tmp_path / "library")
    index = SearchIndex(corpus, library, tmp_path / "index")
    return LegalSearch(corpus, library, index), index, library


def import_text(library: Library, folder: Path, word: str) -> None:
    source = folder / f"{word}.txt"
    source.write_text(f"Article 990\nTexte officiel fictif {word}.\n", encoding="utf-8")
    library.import_file(source, instrument="02-03", lang="fr")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_index_is_private(tmp_path: Path) -> None:
    engine, index, library = fresh(tmp_path)
    os.umask(0o022)
    engine.refresh()
    import_text(library, tmp_path, "quokkarien")  # a write: the WAL and its index appear
    engine.refresh()
    assert engine.search("quokkarien").hits
    assert mode(index.directory) == 0o700
    files = list(index.directory.iterdir())
    assert index.path in files and any(p.name.endswith("-wal") for p in files)
    assert {p.name: mode(p) for p in files} == {p.name: 0o600 for p in files}


def test_a_lock_held_by_another_process_is_waited_for(tmp_path: Path) -> None:
    engine, index, library = fresh(tmp_path)
    engine.refresh()
    holder = sqlite3.connect(index.path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # another process writing
    threading.Timer(0.8, lambda: holder.execute("COMMIT")).start()
    import_text(library, tmp_path, "zanzibarique")
    start = time.perf_counter()
    hits = LegalSearch(engine.corpus, library, SearchIndex(engine.corpus, library, index.directory)).search(
        "zanzibarique"
    )
    assert time.perf_counter() - start >= 0.5, "it waited for the lock"
    assert [h.source for h in hits.hits] == ["official"]
    holder.close()


def test_a_lock_held_too_long_is_a_message_never_a_rebuild(tmp_path: Path, monkeypatch) -> None:
    engine, index, library = fresh(tmp_path)
    engine.refresh()
    inode = index.path.stat().st_ino
    holder = sqlite3.connect(index.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    monkeypatch.setattr(search_index, "BUSY_TIMEOUT_S", 0.1)
    import_text(library, tmp_path, "verrouille")
    rebuilds: list[int] = []
    other = SearchIndex(engine.corpus, library, index.directory)
    monkeypatch.setattr(other, "rebuild", lambda *a: rebuilds.append(1))
    with pytest.raises(SearchIndexBusyError) as raised:
        LegalSearch(engine.corpus, library, other).search("verrouille")
    assert "another thbdesk window" in raised.value.user_message("en")
    holder.execute("ROLLBACK")
    holder.close()
    assert rebuilds == [] and index.path.stat().st_ino == inode


def test_database_is_locked_while_searching_never_rebuilds(tmp_path: Path, monkeypatch) -> None:
    engine, index, _library = fresh(tmp_path)
    engine.refresh()
    inode = index.path.stat().st_ino

    def locked(*_args: object) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(search_engine, "run", locked)
    rebuilds: list[int] = []
    monkeypatch.setattr(index, "rebuild", lambda *a: rebuilds.append(1))
    with pytest.raises(SearchIndexBusyError):
        engine.search("victime")
    assert rebuilds == [] and index.path.stat().st_ino == inode


def test_real_damage_is_rebuilt_under_a_temporary_name_then_replaced(tmp_path: Path) -> None:
    engine, index, _library = fresh(tmp_path)
    engine.refresh()
    engine.index_manager  # noqa: B018 - the manager exists before the damage
    engine._index.close()
    data = bytearray(index.path.read_bytes())
    data[100:4000] = b"\x00garbage" * 390
    index.path.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        Path(f"{index.path}{suffix}").unlink(missing_ok=True)
    reopened = LegalSearch(
        engine.corpus, engine.library, SearchIndex(engine.corpus, engine.library, index.directory)
    )
    assert [h.key for h in reopened.search("448-7").hits][:1] == ["27-14:448-7"]
    assert not list(index.directory.glob("*.building"))


_WORKER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from thbdesk.core.legal.library import Library
    from thbdesk.core.legal.loader import bundled_corpus
    from thbdesk.core.search.index import SearchIndex
    from thbdesk.core.search.searcher import LegalSearch

    role, folder, rounds, tag = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    original = SearchIndex.rebuild
    def rebuild(self, *args):
        with open(folder / "rebuilds.log", "a") as log:
            log.write(role + "\\n")
        return original(self, *args)
    SearchIndex.rebuild = rebuild
    corpus = bundled_corpus()
    library = Library(corpus)
    engine = LegalSearch(corpus, library)
    for n in range(rounds):
        if role == "importer":
            word = f"zorblax{tag}{n}k"  # a digit inside: never stemmed
            source = folder / f"{word}.txt"
            source.write_text(f"Article 99{n}\\nTexte officiel fictif {word}.\\n", encoding="utf-8")
            library.import_file(source, instrument="02-03", lang="fr")
        engine.refresh()
        hits = engine.search("448-7").hits
        assert hits and hits[0].key == "27-14:448-7", hits
    print("ok", role)
    """
)


def test_two_processes_importing_and_searching_at_once(tmp_path: Path) -> None:
    env = {**os.environ, "THBDESK_HOME": str(tmp_path / "home")}
    script = tmp_path / "worker.py"
    script.write_text(_WORKER, encoding="utf-8")
    setup = subprocess.run(
        [sys.executable, str(script), "searcher", str(tmp_path), "1", "s"], env=env, timeout=120
    )
    assert setup.returncode == 0  # the index exists before the race, as on a used machine
    workers = [
        subprocess.Popen(
            [sys.executable, str(script), role, str(tmp_path), str(rounds), tag],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for role, rounds, tag in (("importer", 15, "p"), ("searcher", 60, "s"), ("importer", 15, "q"))
    ]
    outputs = [worker.communicate(timeout=240) for worker in workers]
    for worker, (out, err) in zip(workers, outputs, strict=True):
        assert worker.returncode == 0, err[-2000:]
        assert out.startswith("ok")
    assert not (tmp_path / "rebuilds.log").exists(), "no process rebuilt the shared index"
    # whatever the catalogue kept, the index holds exactly it
    check = subprocess.run(
        [
            sys.executable,
            "-c",
            "from thbdesk.core.search.searcher import default_search\n"
            "engine = default_search()\n"
            "for text in engine.library.texts():\n"
            "    word = text.filename.removesuffix('.txt')\n"
            "    assert [h.source for h in engine.search(word).hits] == ['official'], word\n"
            "print(len(engine.library.texts()))\n",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert check.returncode == 0, check.stderr[-2000:]
    assert int(check.stdout) > 0
