"""The catalogue on open: an old manifest is migrated, damage is set aside and rebuilt, the user is
told, files are private, and a store that cannot be written still lists nothing rather than crash."""

from __future__ import annotations

import errno
import json
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from thbdesk.core.errors import (
    AmbiguousTextIdError,
    DiskFullError,
    LibraryBusyError,
    LibraryDamagedNotice,
    LibraryMigratedNotice,
    LibraryNewerError,
    LibraryUnavailableError,
    ReadOnlyStorageError,
    TextFilesMissingNotice,
    TextIdTooShortError,
    UnknownInstrumentError,
)
from thbdesk.core.legal import catalogue
from thbdesk.core.legal.catalogue import DB_FILE
from thbdesk.core.legal.imported import ImportedArticle, ImportedText

from .store_helpers import assert_consistent, library, publication


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def legacy_library(root: Path, source: Path) -> ImportedText:
    """The layout written by the JSON-manifest version: library.json, <id>/articles.json, a temp folder."""
    text = ImportedText(
        id="0123456789abcdef",
        sha256="0123456789abcdef" + "0" * 48,
        filename="ancienne.txt",
        instrument="27-14",
        lang="fr",
        format="txt",
        imported_at="2026-01-01T00:00:00+00:00",
        article_count=1,
        aligned=("448-1",),
    )
    folder = root / text.id
    folder.mkdir(parents=True)
    shutil.copyfile(source, folder / "original.txt")
    article = {
        "number": "448-1",
        "heading": "Article 448-1",
        "text": "Texte ancien.",
        "lang": "fr",
        "context": [],
    }
    (folder / "articles.json").write_text(json.dumps([article]), encoding="utf-8")
    (root / "library.json").write_text(
        json.dumps({"version": 1, "texts": [text.to_json()]}), encoding="utf-8"
    )
    (root / "fedcba9876543210").mkdir()  # an orphan of the old version: it blocked re-imports for ever
    (root / ".fedcba9876543210.x1y2").mkdir()  # an old temporary folder
    return text


def test_a_library_json_of_the_previous_version_is_migrated_without_loss(tmp_path: Path) -> None:
    root = library().root
    old = legacy_library(root, publication(tmp_path, 9))
    lib = library()
    assert lib.texts() == [old]
    assert lib.official_articles("27-14", "448-1")[0][1].text == "Texte ancien."
    assert [type(n) for n in lib.notices] == [LibraryMigratedNotice]
    assert not (root / "library.json").exists() and (root / "library.json.migrated").exists()
    assert not (root / "fedcba9876543210").exists() and not (root / ".fedcba9876543210.x1y2").exists()
    assert_consistent(lib)
    assert library().notices == [], "migration happens once"


def test_a_damaged_catalogue_is_set_aside_and_rebuilt_from_the_folders(tmp_path: Path) -> None:
    texts = [library().import_file(publication(tmp_path, n)).text for n in (1, 2)]
    root = library().root
    (root / DB_FILE).write_bytes(b"this is not a database" * 100)
    lib = library()
    assert sorted(lib.texts(), key=lambda t: t.id) == sorted(texts, key=lambda t: t.id)
    assert [type(n) for n in lib.notices] == [LibraryDamagedNotice]
    backups = list(root.glob(f"{DB_FILE}.damaged-*"))
    assert backups and backups[0].read_bytes().startswith(b"this is not")
    assert str(backups[0]) in lib.notices[0].user_message("en")
    assert "2 text(s) recovered" in lib.notices[0].user_message("en")
    assert_consistent(lib)


def test_a_folder_in_place_of_the_catalogue_is_set_aside(tmp_path: Path) -> None:
    root = library().root
    (root / DB_FILE).mkdir(parents=True)
    lib = library()
    assert lib.texts() == [] and [type(n) for n in lib.notices] == [LibraryDamagedNotice]
    assert lib.import_file(publication(tmp_path, 1)).duplicate is False


def test_a_text_whose_folder_vanished_is_dropped_and_the_user_told(tmp_path: Path) -> None:
    gone, kept = (library().import_file(publication(tmp_path, n)).text for n in (1, 2))
    shutil.rmtree(library().root / gone.id)
    lib = library()
    assert lib.texts() == [kept]
    assert [type(n) for n in lib.notices] == [TextFilesMissingNotice]
    assert lib.import_file(publication(tmp_path, 1)).duplicate is False


def test_a_catalogue_from_a_newer_version_is_left_alone(tmp_path: Path) -> None:
    library().import_file(publication(tmp_path, 1))
    path = library().root / DB_FILE
    with sqlite3.connect(path) as db:
        db.execute("UPDATE schema_version SET version = 99")
    before = path.read_bytes()
    lib = library()
    assert lib.texts() == [] and [type(n) for n in lib.notices] == [LibraryNewerError]
    with pytest.raises(LibraryNewerError):
        lib.import_file(publication(tmp_path, 2))
    assert path.read_bytes() == before


def test_the_store_is_private(tmp_path: Path, thbdesk_home: Path) -> None:
    (thbdesk_home / "data").mkdir(parents=True, mode=0o755)
    (thbdesk_home / "data").chmod(0o755)  # a folder made by an older version: tightened
    text = library().import_file(publication(tmp_path, 1)).text
    root = library().root
    assert mode(thbdesk_home / "data") == 0o700 and mode(root) == 0o700 and mode(root / text.id) == 0o700
    private = [root / DB_FILE, root / text.id / "original.txt", root / text.id / "record.json"]
    with sqlite3.connect(root / DB_FILE) as db:  # keep the WAL files in place to check them too
        db.execute("SELECT count(*) FROM texts").fetchone()
        private += [p for p in root.glob(f"{DB_FILE}-*")]
        assert len(private) == 5
        assert {p.name: mode(p) for p in private} == {p.name: 0o600 for p in private}


def test_remove_needs_an_exact_id_or_an_unambiguous_prefix(tmp_path: Path) -> None:
    lib = library()
    source = publication(tmp_path, 1)
    for suffix in ("1", "2"):
        text = ImportedText(
            f"abcd00000000000{suffix}",
            f"abcd00000000000{suffix}" + "0" * 48,
            f"t{suffix}.txt",
            "27-14",
            "fr",
            "txt",
            "2026-01-01",
            1,
        )
        lib._catalogue.add(text, [ImportedArticle("448-1", "Article 448-1", "x", "fr")], source)
    for bad, error in (
        ("", TextIdTooShortError),
        ("abc", TextIdTooShortError),
        ("abcd", AmbiguousTextIdError),
        ("ffff", UnknownInstrumentError),
    ):
        with pytest.raises(error):
            lib.remove(bad)
    assert len(library().texts()) == 2
    assert lib.remove("abcd000000000002").filename == "t2.txt"
    assert lib.remove("ABCD").filename == "t1.txt", "a prefix is unambiguous once the other is gone"
    assert library().texts() == []


def test_a_full_disk_during_an_import_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library().import_file(publication(tmp_path, 1))

    def full(source: Path, target: Path) -> None:
        target.write_bytes(source.read_bytes()[:10])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(catalogue, "copy_private", full)
    with pytest.raises(DiskFullError):
        library().import_file(publication(tmp_path, 2))
    lib = library()
    assert [t.filename for t in lib.texts()] == ["publication-1.txt"] and lib.notices == []
    assert_consistent(lib)


def test_a_read_only_data_folder_still_lists_and_refuses_imports_clearly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_only(path: Path) -> Path:
        raise OSError(errno.EROFS, "Read-only file system", str(path))

    monkeypatch.setattr(catalogue, "private_dir", read_only)
    lib = library()
    assert lib.texts() == []
    assert [type(n) for n in lib.notices] == [LibraryUnavailableError]
    with pytest.raises(ReadOnlyStorageError):
        lib.import_file(publication(tmp_path, 1))


def test_a_locked_catalogue_waits_then_reports_busy_and_is_never_set_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = library().import_file(publication(tmp_path, 1)).text
    root = library().root
    holder = sqlite3.connect(root / DB_FILE)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("DELETE FROM texts WHERE id = 'none'")
    monkeypatch.setattr(catalogue, "BUSY_TIMEOUT_S", 0.3)
    try:
        lib = library()
        assert lib.texts() == [] and [type(n) for n in lib.notices] == [LibraryBusyError]
        with pytest.raises(LibraryBusyError):
            lib.import_file(publication(tmp_path, 2))
    finally:
        holder.rollback()
        holder.close()
    assert not list(root.glob("*.damaged-*"))
    assert library().texts() == [text]
