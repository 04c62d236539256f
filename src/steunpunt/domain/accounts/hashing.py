"""Password hashes: argon2id through argon2-cffi, its parameters kept in every hash."""

from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError


@dataclass(frozen=True)
class HashCost:
    """argon2id's cost parameters; raising them later rehashes each password at its next sign-in."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 4


DEFAULT_COST = HashCost()
"""RFC 9106's second recommended option (argon2-cffi's default): about 0.1 s per sign-in."""


class PasswordHashing:
    """Hash and verify passwords at one cost."""

    def __init__(self, cost: HashCost = DEFAULT_COST) -> None:
        self._hasher = PasswordHasher(
            time_cost=cost.time_cost,
            memory_cost=cost.memory_kib,
            parallelism=cost.parallelism,
            type=Type.ID,
        )

    def hash(self, password: str) -> str:
        """The argon2id hash with its salt and parameters (``$argon2id$v=19$m=...``)."""
        return self._hasher.hash(password)

    def verify(self, stored: str, password: str) -> bool:
        """Whether ``password`` is the one ``stored`` was made from (False for a broken hash)."""
        try:
            return self._hasher.verify(stored, password)
        except (VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, stored: str) -> bool:
        """Whether ``stored`` was made with other parameters than this cost."""
        try:
            return self._hasher.check_needs_rehash(stored)
        except InvalidHashError:
            return True
