"""The key file's bytes: JSON with a format name, a version and a checksum per copy.

Any damage (not JSON, a field missing or changed, parameters out of range) is
:class:`KeyFileUnusable` with the way back; a changed sealed key that still passes its checksum
can only be told from a wrong password by GCM, and is refused as one.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from typing import Any

from steunpunt.domain.accounts.hashing import HashCost
from steunpunt.domain.keys.errors import WAY_BACK, KeyFileUnusable
from steunpunt.domain.keys.ring import AccountCopy, KeyRing
from steunpunt.domain.keys.wrapping import NONCE_BYTES, SALT_BYTES, WRAPPED_BYTES, WrappedKey

FORMAT = "steunpunt-sleutelbestand"
VERSION = 1
"""Raise with a new layout; an older program refuses a newer file instead of misreading it."""

_LIMITS = {"time_cost": (1, 50), "memory_kib": (8, 4 * 1024 * 1024), "parallelism": (1, 64)}
"""What a stored argon2id parameter may be: a damaged file must not ask for 1 TiB of memory."""


class _Damaged(Exception):
    """Inside the parser: the file is not as this program writes it."""


def key_ring_to_bytes(ring: KeyRing) -> bytes:
    """The key file's content for ``ring``."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "key_check": _text(ring.key_check),
        "accounts": [
            _sealed({"staff": held.staff_uuid, "login": held.login, **_wrapped(held.key)})
            for held in ring.accounts
        ],
        "recovery": _sealed(_wrapped(ring.recovery)),
    }
    return (json.dumps(document, indent=2, ensure_ascii=True) + "\n").encode("ascii")


def key_ring_from_bytes(raw: bytes, name: str) -> KeyRing:
    """The key ring in the key file ``name``; :class:`KeyFileUnusable` in Dutch when damaged."""
    damaged = KeyFileUnusable(f"Het sleutelbestand {name} is beschadigd. {WAY_BACK}")
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise damaged from error
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise KeyFileUnusable(
            f"Het bestand {name} is geen sleutelbestand van Steunpunt. {WAY_BACK}"
        )
    version = document.get("version")
    if type(version) is int and version > VERSION:
        raise KeyFileUnusable(
            f"Het sleutelbestand {name} is gemaakt met een nieuwere versie van Steunpunt. "
            "Installeer de nieuwste versie om de database te openen; er is niets veranderd."
        )
    try:
        if version != VERSION:
            raise _Damaged("version")
        accounts = _field(document, "accounts", list)
        return KeyRing(
            _bytes(document, "key_check", 16),
            tuple(_account(_checked(held)) for held in accounts),
            _wrapped_key(_checked(_field(document, "recovery", dict))),
        )
    except _Damaged as error:
        raise damaged from error


def _wrapped(key: WrappedKey) -> dict[str, Any]:
    return {
        "kdf": "argon2id",
        "time_cost": key.cost.time_cost,
        "memory_kib": key.cost.memory_kib,
        "parallelism": key.cost.parallelism,
        "salt": _text(key.salt),
        "nonce": _text(key.nonce),
        "sealed": _text(key.sealed),
    }


def _sealed(fields: dict[str, Any]) -> dict[str, Any]:
    """``fields`` with the checksum that tells damage from a wrong password."""
    return {**fields, "check": _checksum(fields)}


def _checksum(fields: dict[str, Any]) -> str:
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":")).encode()
    return hashlib.sha256(canonical).hexdigest()[:32]


def _checked(fields: Any) -> dict[str, Any]:
    if not isinstance(fields, dict):
        raise _Damaged("copy")
    rest = {name: value for name, value in fields.items() if name != "check"}
    if fields.get("check") != _checksum(rest):
        raise _Damaged("checksum")
    return rest


def _account(fields: dict[str, Any]) -> AccountCopy:
    return AccountCopy(
        _field(fields, "staff", str), _field(fields, "login", str), _wrapped_key(fields)
    )


def _wrapped_key(fields: dict[str, Any]) -> WrappedKey:
    if fields.get("kdf") != "argon2id":
        raise _Damaged("kdf")
    cost = {name: _field(fields, name, int) for name in _LIMITS}
    for name, (low, high) in _LIMITS.items():
        if not low <= cost[name] <= high:
            raise _Damaged(name)
    if cost["memory_kib"] < 8 * cost["parallelism"]:
        raise _Damaged("memory_kib")
    return WrappedKey(
        HashCost(**cost),
        _bytes(fields, "salt", SALT_BYTES),
        _bytes(fields, "nonce", NONCE_BYTES),
        _bytes(fields, "sealed", WRAPPED_BYTES),
    )


def _field(fields: dict[str, Any], name: str, kind: type) -> Any:
    value = fields.get(name)
    if type(value) is not kind:
        raise _Damaged(name)
    return value


def _bytes(fields: dict[str, Any], name: str, length: int) -> bytes:
    try:
        value = base64.b64decode(_field(fields, name, str), validate=True)
    except binascii.Error as error:
        raise _Damaged(name) from error
    if len(value) != length:
        raise _Damaged(name)
    return value


def _text(value: bytes) -> str:
    return base64.b64encode(value).decode("ascii")
