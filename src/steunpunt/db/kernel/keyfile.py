"""The key file beside an encrypted database: read, written atomically, and its operations.

The file holds the database's data key wrapped once per account (under the account's password)
and once under the steunpunt's recovery key (``domain/keys``); the database cannot be read
before one of them unwraps it. A write goes to a hidden temporary file that is flushed to disk
and then renamed over the old one, so the key file is always the old or the new, never half.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from steunpunt.db.kernel.database_file import sync_folder
from steunpunt.domain.accounts.hashing import DEFAULT_COST, HashCost
from steunpunt.domain.file_errors import dutch_cause
from steunpunt.domain.keys.errors import WAY_BACK, KeyFileNotWritten, KeyFileUnusable
from steunpunt.domain.keys.file_format import key_ring_from_bytes, key_ring_to_bytes
from steunpunt.domain.keys.recovery import (
    format_recovery_key,
    new_recovery_secret,
    parse_recovery_key,
)
from steunpunt.domain.keys.ring import KeyRing, Unlocked, new_key_ring
from steunpunt.domain.keys.wrapping import new_data_key

log = logging.getLogger(__name__)

SUFFIX = ".sleutels"


def key_file_for(database_file: Path) -> Path:
    """Where the key file of ``database_file`` is: beside it (``steunpunt.sqlite.sleutels``)."""
    return database_file.with_name(database_file.name + SUFFIX)


@dataclass(frozen=True)
class NewKeys:
    """What setting up encryption gives: the data key, and the recovery key to show once."""

    data_key: bytes
    recovery_key: str


def create_key_file(
    path: Path, staff_uuid: str, login: str, password: str, cost: HashCost = DEFAULT_COST
) -> NewKeys:
    """A new key file with a new data key for the first beheerder, and a new recovery key.

    Refuses to replace an existing key file (its database would be lost).
    """
    if path.exists():
        raise FileExistsError(path)
    data_key, recovery = new_data_key(), new_recovery_secret()
    _write(path, new_key_ring(data_key, staff_uuid, login, password, recovery, cost))
    return NewKeys(data_key, format_recovery_key(recovery))


def unlock_with_password(path: Path, login: str, password: str) -> Unlocked:
    """The data key from the copy of ``login``; :class:`SecretRefused` for a wrong password."""
    return read_key_ring(path).unlock(login, password)


def unlock_with_recovery_key(path: Path, typed: str) -> bytes:
    """The data key from the recovery copy; :class:`InvalidValue` for a mistyped key,
    :class:`SecretRefused` for another one."""
    secret = parse_recovery_key(typed)
    return read_key_ring(path).unlock_with_recovery(secret)


def set_password(
    path: Path,
    data_key: bytes,
    staff_uuid: str,
    login: str,
    password: str,
    cost: HashCost = DEFAULT_COST,
) -> None:
    """Give ``staff_uuid`` a copy under ``password`` (new account, password changed or reset);
    every other copy stays as it is."""
    _write(path, read_key_ring(path).with_account(data_key, staff_uuid, login, password, cost))


def rename_login(path: Path, staff_uuid: str, login: str) -> None:
    """Find the copy of ``staff_uuid`` under its new login."""
    _write(path, read_key_ring(path).with_login(staff_uuid, login))


def remove_account(path: Path, staff_uuid: str) -> None:
    """Remove the copy of ``staff_uuid`` (deactivated): their password no longer opens anything."""
    _write(path, read_key_ring(path).without_account(staff_uuid))


def new_recovery_key(path: Path, data_key: bytes, cost: HashCost = DEFAULT_COST) -> str:
    """A new recovery key, to show once; the old one no longer opens this key file."""
    secret = new_recovery_secret()
    _write(path, read_key_ring(path).with_recovery(data_key, secret, cost))
    return format_recovery_key(secret)


def key_holders(path: Path) -> dict[str, str]:
    """The staff uuid and login of every account with a copy of the key."""
    return read_key_ring(path).holders()


def read_key_ring(path: Path) -> KeyRing:
    """The key ring in ``path``; :class:`KeyFileUnusable` in Dutch when it is gone or damaged."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError as error:
        raise KeyFileUnusable(
            f"Het sleutelbestand {path.name} ontbreekt in {path.parent}; zonder dat bestand kan "
            f"de versleutelde database niet worden geopend. {WAY_BACK}"
        ) from error
    except OSError as error:
        raise KeyFileUnusable(
            f"Het sleutelbestand {path.name} kan niet worden gelezen ({error.strerror}). {WAY_BACK}"
        ) from error
    return key_ring_from_bytes(raw, path.name)


def _write(path: Path, ring: KeyRing) -> None:
    """Write ``ring`` to ``path`` atomically: a flushed temporary file renamed over the old."""
    partial = path.with_name(f".{path.name}.nieuw")
    try:
        with partial.open("wb") as handle:
            handle.write(key_ring_to_bytes(ring))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise KeyFileNotWritten(
            f"Het sleutelbestand {path.name} kon niet worden geschreven: {dutch_cause(error)}. "
            "Het sleutelbestand van daarvoor is niet veranderd."
        ) from error
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    sync_folder(path.parent)
    log.info("Key file written: %s (%d accounts)", path.name, len(ring.accounts))
