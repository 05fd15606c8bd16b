"""Backups of the register: an archive that is useless without the passphrase, and a restore that
checks everything before it touches the register in use.

The archive is a ZIP (stored, not compressed: encrypted pages do not compress) holding
``register.sqlite3`` (the register's own encrypted copy, ``Register.backup_to``), ``register.key.json``
(salt and scrypt parameters, no secret: without it the passphrase cannot rebuild the key) and
``manifest.json`` (format, creation time, size and SHA-256 of both). A ZIP rather than a tar because
its central directory sits at the end: a truncated copy fails to open at all instead of restoring half.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from thbdesk.core.atomic import fsync_dir
from thbdesk.core.errors import (
    BackupInvalidError,
    OutputExistsError,
    RegisterCorruptError,
    RegisterLockedError,
    storage_error,
)
from thbdesk.core.i18n import N_
from thbdesk.core.paths import private_dir
from thbdesk.core.register.db import DB_FILE
from thbdesk.core.register.keys import DEFAULT_N, KEY_FILE, KeyFile
from thbdesk.core.register.store import Register
from thbdesk.core.register.swap import STAGING_PREFIX, finish_interrupted, pending, swap_in

FORMAT = "thbdesk-register-backup"
FORMAT_VERSION = 1
DATABASE = DB_FILE
MANIFEST = "manifest.json"
SUFFIX = ".thbbackup"
_MEMBERS = {DATABASE, KEY_FILE, MANIFEST}
_MANIFEST_LIMIT = 64 * 1024
_CHUNK = 1 << 20
_MAX_KDF_COST = 4 * DEFAULT_N * 8  # n·r·p: four times the memory of the default key
DEFAULT_KEEP = 7
_SHM_DMS_BYTE = 128  # (22 + 8) * 4 + 8 in SQLite's os_unix.c


def backup(register: Register, out: Path) -> Path:
    """Write the archive to ``out``; an existing ``out`` is never replaced (``OutputExistsError``).

    The finished archive appears under its name in one step, so a crash leaves no half archive."""
    if out.exists() or out.is_symlink():
        raise OutputExistsError(path=str(out))
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with _private_temp_dir(out.parent) as work:
            database = work / DATABASE
            register.backup_to(database)
            archive = work / "archive.zip"
            _write_archive(archive, database, register.key_file_path)
            _publish(archive, out)
    except OSError as exc:  # a full disk or a read-only folder: the user's to fix, nothing left behind
        raise storage_error(exc, out.parent) or exc from exc
    return out


def _write_archive(archive: Path, database: Path, key: Path) -> None:
    manifest = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "created": datetime.now().astimezone().isoformat(timespec="seconds"),
        "files": {name: _describe(path) for name, path in ((DATABASE, database), (KEY_FILE, key))},
    }
    fd = os.open(archive, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        with zipfile.ZipFile(handle, "w", zipfile.ZIP_STORED) as zf:
            zf.writestr(MANIFEST, json.dumps(manifest, indent=2))
            zf.write(key, KEY_FILE)
            zf.write(database, DATABASE)
        handle.flush()
        os.fsync(handle.fileno())


def _describe(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return {"size": path.stat().st_size, "sha256": _sha256(handle)}


def _sha256(handle: IO[bytes]) -> str:
    digest = hashlib.sha256()
    for block in iter(lambda: handle.read(_CHUNK), b""):
        digest.update(block)
    return digest.hexdigest()


def _publish(archive: Path, out: Path) -> None:
    """Give the finished archive its name, refusing one that appeared meanwhile (a hard link fails
    if the name is taken; without hard links, a check first leaves only a short race)."""
    try:
        os.link(archive, out)
    except FileExistsError as exc:
        raise OutputExistsError(path=str(out)) from exc
    except OSError:
        if out.exists() or out.is_symlink():
            raise OutputExistsError(path=str(out)) from None
        os.replace(archive, out)
    fsync_dir(out.parent)


@contextmanager
def _private_temp_dir(parent: Path) -> Iterator[Path]:
    """A 0700 working folder next to the target, so the final rename stays on one file system."""
    work = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=parent))
    try:
        yield work
    finally:
        if not pending(parent, work):  # a swap stopped midway: the next opening finishes it from here
            shutil.rmtree(work, ignore_errors=True)


# --- restore ---------------------------------------------------------------------------------------


def restore(in_path: Path, passphrase: str, folder: Path) -> Path | None:
    """Replace the register in ``folder`` by the archive's, once the archive has passed every check
    (manifest, sizes and SHA-256, the passphrase opens it, ``PRAGMA integrity_check``, audit chain,
    schema not newer than this version). Any failure raises and leaves ``folder`` untouched.

    Returns where the previous database was kept (``*.before-restore-<time>``), or None if there
    was none."""
    _check_regular(in_path)
    private_dir(folder)
    finish_interrupted(folder)
    with _private_temp_dir(folder) as staging:
        _extract_checked(in_path, staging)
        _open_checked(in_path, staging, passphrase)
        if in_use_elsewhere(folder):
            raise RegisterLockedError()
        return swap_in(staging, folder)


def in_use_elsewhere(folder: Path) -> bool:
    """Whether another process has the register open: its SQLite connection holds a shared lock on
    byte 128 of the ``-shm`` file (SQLite's "DMS" lock, unix VFS). Replacing the file under it would
    send its later saves to the set-aside copy. Locks of this process are not seen (POSIX), so the
    caller closes its own ``Register`` first; elsewhere than POSIX this check is skipped."""
    shm = folder / f"{DATABASE}-shm"
    if os.name != "posix" or not shm.is_file():
        return False
    import fcntl

    fd = os.open(shm, os.O_RDWR)
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, _SHM_DMS_BYTE)
    except OSError:
        return True
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN, 1, _SHM_DMS_BYTE)
        return False
    finally:
        os.close(fd)


def _invalid(path: Path, reason: str) -> BackupInvalidError:
    return BackupInvalidError(name=path.name, reason=reason)


def _check_regular(path: Path) -> None:
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise _invalid(path, N_("the file does not exist")) from None
    if not stat.S_ISREG(mode):
        raise _invalid(path, N_("it is not an ordinary file"))


def _extract_checked(in_path: Path, staging: Path) -> None:
    try:
        with zipfile.ZipFile(in_path) as zf:
            manifest = _read_manifest(in_path, zf)
            for name in (DATABASE, KEY_FILE):
                _extract_one(in_path, zf, name, manifest["files"].get(name), staging / name)
    except (zipfile.BadZipFile, EOFError) as exc:
        raise _invalid(in_path, N_("it is not a thbdesk backup, or it is incomplete")) from exc


def _read_manifest(in_path: Path, zf: zipfile.ZipFile) -> dict[str, Any]:
    if set(zf.namelist()) != _MEMBERS or len(zf.namelist()) != len(_MEMBERS):
        raise _invalid(in_path, N_("it is not a thbdesk backup, or it is incomplete"))
    if zf.getinfo(MANIFEST).file_size > _MANIFEST_LIMIT:
        raise _invalid(in_path, N_("its list of contents is damaged"))
    try:
        manifest = json.loads(zf.read(MANIFEST))
    except (ValueError, UnicodeDecodeError):
        raise _invalid(in_path, N_("its list of contents is damaged")) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _invalid(in_path, N_("it is not a thbdesk backup, or it is incomplete"))
    if not isinstance(manifest.get("version"), int) or manifest["version"] > FORMAT_VERSION:
        raise _invalid(in_path, N_("it was made by a newer version of thbdesk"))
    if not isinstance(manifest.get("files"), dict):
        raise _invalid(in_path, N_("its list of contents is damaged"))
    return manifest


def _extract_one(in_path: Path, zf: zipfile.ZipFile, name: str, expected: object, target: Path) -> None:
    """Copy one member out, refusing more bytes than the manifest announced (a ZIP bomb stops there)
    and a content whose SHA-256 differs."""
    if not isinstance(expected, dict) or not isinstance(expected.get("size"), int):
        raise _invalid(in_path, N_("its list of contents is damaged"))
    digest, written = hashlib.sha256(), 0
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out, zf.open(name) as member:
        for block in iter(lambda: member.read(_CHUNK), b""):
            written += len(block)
            if written > expected["size"]:
                raise _invalid(in_path, N_("its content does not match its checksums"))
            digest.update(block)
            out.write(block)
        out.flush()
        os.fsync(out.fileno())
    if written != expected["size"] or digest.hexdigest() != expected.get("sha256"):
        raise _invalid(in_path, N_("its content does not match its checksums"))


def _open_checked(in_path: Path, staging: Path, passphrase: str) -> None:
    """Open the copy as the register would be opened; a wrong passphrase raises the register's own
    ``WrongPassphraseError``, a newer schema its own error. scrypt parameters far above ours are
    refused first: a crafted key file could otherwise ask for gigabytes of memory."""
    key = KeyFile.read(staging)
    if key is None or key.n * key.r * key.p > _MAX_KDF_COST:
        raise _invalid(in_path, N_("its key file is damaged"))
    try:
        register = Register.open(passphrase, staging)
    except RegisterCorruptError as exc:
        raise _invalid(in_path, N_("its database is damaged")) from exc
    try:
        if not register.integrity_ok():  # after open, so a newer schema is named as such first
            raise _invalid(in_path, N_("its database is damaged"))
        if register.verify_audit():
            raise _invalid(in_path, N_("its audit log was edited or has missing rows"))
    finally:
        register.close()


# --- automatic backups -----------------------------------------------------------------------------


def auto_backup(register: Register, keep: int = DEFAULT_KEEP, now: datetime | None = None) -> Path | None:
    """At most one backup a day into ``<register>/backups/``, keeping the ``keep`` newest.

    Returns the new archive, or None when today's already exists."""
    folder = private_dir(register.folder / "backups")
    day = (now or datetime.now()).strftime("%Y-%m-%d")
    target = folder / f"register-{day}{SUFFIX}"
    if target.exists():
        return None
    backup(register, target)
    for old in automatic_backups(register.folder)[: -max(keep, 1)]:
        old.unlink(missing_ok=True)
    return target


def automatic_backups(folder: Path) -> list[Path]:
    """The automatic backups of the register in ``folder``, oldest first (the names sort by date)."""
    backups = folder / "backups"
    if not backups.is_dir():
        return []
    return sorted(p for p in backups.glob(f"register-*{SUFFIX}") if p.is_file())
