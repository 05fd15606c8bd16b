"""Atomic writes: a document or a draft is whole or absent, and never replaces a file silently."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from thbdesk.core import atomic
from thbdesk.core.atomic import write_new_atomic


def test_write_new_creates_a_private_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.pdf"
    write_new_atomic(target, b"%PDF-1.4 data")
    assert target.read_bytes() == b"%PDF-1.4 data"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.pdf"]


def test_write_new_refuses_an_existing_file_and_keeps_it(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"signed copy")
    with pytest.raises(FileExistsError):
        write_new_atomic(target, b"new")
    assert target.read_bytes() == b"signed copy"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_write_new_refuses_a_dangling_symlink(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    target.symlink_to(tmp_path / "elsewhere.pdf")
    with pytest.raises(FileExistsError):
        write_new_atomic(target, b"new")
    assert not (tmp_path / "elsewhere.pdf").exists()


def test_without_hard_links_it_still_refuses_an_existing_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(src: object, dst: object) -> None:
        raise PermissionError(1, "Operation not permitted")  # what a FAT USB stick answers

    monkeypatch.setattr(atomic.os, "link", no_links)
    fresh = tmp_path / "fresh.docx"
    write_new_atomic(fresh, b"one")
    assert fresh.read_bytes() == b"one"
    with pytest.raises(FileExistsError):
        write_new_atomic(fresh, b"two")
    assert fresh.read_bytes() == b"one"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fresh.docx"]


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full_disk)
    with pytest.raises(OSError):
        write_new_atomic(tmp_path / "report.pdf", b"x" * 1000)
    assert os.listdir(tmp_path) == []
