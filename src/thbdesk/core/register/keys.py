"""The register key: scrypt from the passphrase, and the growing wait after a wrong one.

``register.key.json`` holds the salt, the scrypt parameters and a check value (an HMAC of a fixed
label under the key). The check tells a wrong passphrase from a damaged database, which SQLCipher
cannot: both say "file is not a database". It gives an attacker nothing the encrypted database
header does not already give, and each guess still costs one scrypt.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from thbdesk.core.atomic import write_text_atomic

KEY_FILE = "register.key.json"
ATTEMPTS_FILE = "register.attempts.json"
KEY_FORMAT = 1
DEFAULT_N = 2**15
MAX_WAIT = 60.0
_CHECK_LABEL = b"thbdesk register key check v1"


def derive_key(passphrase: str, salt: bytes, n: int = DEFAULT_N, r: int = 8, p: int = 1) -> bytes:
    """32 bytes for SQLCipher's raw key; 128*n*r bytes of memory, hence the explicit ``maxmem``."""
    return hashlib.scrypt(
        passphrase.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=32, maxmem=256 * n * r + (1 << 20)
    )


def key_check(key: bytes) -> str:
    return hmac.new(key, _CHECK_LABEL, hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class KeyFile:
    salt: bytes
    n: int
    r: int
    p: int
    check: str

    @classmethod
    def new(cls, passphrase: str, n: int = DEFAULT_N) -> tuple[KeyFile, bytes]:
        salt = secrets.token_bytes(16)
        key = derive_key(passphrase, salt, n)
        return cls(salt, n, 8, 1, key_check(key)), key

    def key_for(self, passphrase: str) -> bytes | None:
        """The key if ``passphrase`` is the right one, else None."""
        key = derive_key(passphrase, self.salt, self.n, self.r, self.p)
        return key if hmac.compare_digest(key_check(key), self.check) else None

    def write(self, folder: Path) -> None:
        data = {
            "format": KEY_FORMAT,
            "kdf": "scrypt",
            "salt": self.salt.hex(),
            "n": self.n,
            "r": self.r,
            "p": self.p,
            "check": self.check,
        }
        write_text_atomic(folder / KEY_FILE, json.dumps(data, indent=2) + "\n")

    @classmethod
    def read(cls, folder: Path) -> KeyFile | None:
        """None when the file is missing or not one of ours."""
        try:
            data = json.loads((folder / KEY_FILE).read_text(encoding="utf-8"))
            if data.get("format") != KEY_FORMAT or data.get("kdf") != "scrypt":
                return None
            params = [data["n"], data["r"], data["p"]]
            if not all(isinstance(v, int) and 1 <= v <= 2**20 for v in params):
                return None
            salt = bytes.fromhex(data["salt"])
            check = data["check"]
            if len(salt) < 16 or not isinstance(check, str):
                return None
            return cls(salt, params[0], params[1], params[2], check)
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None


def _read_attempts(folder: Path) -> tuple[int, float]:
    try:
        data = json.loads((folder / ATTEMPTS_FILE).read_text(encoding="utf-8"))
        failures, last = int(data["failures"]), float(data["last"])
    except (OSError, ValueError, TypeError, KeyError):
        return 0, 0.0
    return max(failures, 0), last


def _delay(failures: int) -> float:
    return 0.0 if failures <= 0 else min(MAX_WAIT, 2.0 ** (failures - 1))


def wait_remaining(folder: Path, now: float | None = None) -> float:
    """Seconds before the passphrase may be tried again (0 when it may be tried now)."""
    failures, last = _read_attempts(folder)
    now = time.time() if now is None else now
    # A clock set back must not stretch the wait beyond the delay itself.
    return max(0.0, min(_delay(failures), last + _delay(failures) - now))


def record_failure(folder: Path) -> float:
    """Count one more wrong passphrase; returns the wait it imposes."""
    failures, _ = _read_attempts(folder)
    failures += 1
    write_text_atomic(folder / ATTEMPTS_FILE, json.dumps({"failures": failures, "last": time.time()}))
    return _delay(failures)


def reset_failures(folder: Path) -> None:
    if (folder / ATTEMPTS_FILE).exists():
        os.unlink(folder / ATTEMPTS_FILE)
