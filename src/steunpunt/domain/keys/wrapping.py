"""The data key wrapped under a secret: argon2id derives the wrapping key, AES-256-GCM seals.

The parameters and the salt travel with each wrapped copy, so they can be raised later, and
they are part of what GCM authenticates, together with the copy's label (whose copy it is):
a copy moved to another account or with lowered parameters no longer opens.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from steunpunt.domain.accounts.hashing import DEFAULT_COST, HashCost

DATA_KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12
WRAPPED_BYTES = DATA_KEY_BYTES + 16
"""The sealed key and GCM's tag."""


def new_data_key() -> bytes:
    """A new random AES-256 data key for a database."""
    return os.urandom(DATA_KEY_BYTES)


@dataclass(frozen=True)
class WrappedKey:
    """One sealed copy of the data key and what is needed to open it with its secret."""

    cost: HashCost
    salt: bytes
    nonce: bytes
    sealed: bytes


def _binding(label: str, cost: HashCost, salt: bytes) -> bytes:
    """What GCM authenticates besides the key: whose copy, and how its key is derived."""
    return (
        f"steunpunt-sleutel/{label}/argon2id/{cost.time_cost}/{cost.memory_kib}/"
        f"{cost.parallelism}/".encode()
        + salt
    )


def _wrapping_key(secret: bytes, cost: HashCost, salt: bytes) -> bytes:
    return hash_secret_raw(
        secret,
        salt,
        time_cost=cost.time_cost,
        memory_cost=cost.memory_kib,
        parallelism=cost.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def wrap_key(
    data_key: bytes, secret: bytes, label: str, cost: HashCost = DEFAULT_COST
) -> WrappedKey:
    """``data_key`` sealed under ``secret`` (a password's or recovery key's bytes) for ``label``."""
    if len(data_key) != DATA_KEY_BYTES:
        raise ValueError("a data key is 32 bytes")
    salt, nonce = os.urandom(SALT_BYTES), os.urandom(NONCE_BYTES)
    sealed = AESGCM(_wrapping_key(secret, cost, salt)).encrypt(
        nonce, data_key, _binding(label, cost, salt)
    )
    return WrappedKey(cost, salt, nonce, sealed)


def unwrap_key(wrapped: WrappedKey, secret: bytes, label: str) -> bytes | None:
    """The data key, or None when ``secret`` (or the label, or anything sealed) does not fit."""
    try:
        return AESGCM(_wrapping_key(secret, wrapped.cost, wrapped.salt)).decrypt(
            wrapped.nonce, wrapped.sealed, _binding(label, wrapped.cost, wrapped.salt)
        )
    except InvalidTag:
        return None


def key_check(data_key: bytes) -> bytes:
    """A value that tells whether a key is this data key, without revealing it."""
    return hmac.new(data_key, b"steunpunt-sleutelcontrole", hashlib.sha256).digest()[:16]
