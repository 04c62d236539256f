"""The key ring: the data key wrapped once per account and once under the recovery key.

Each account's copy is found by its staff uuid, which never changes; the login is kept beside
it only to find the copy when someone signs in (the database, where logins live, cannot be
read before the key is unwrapped) and can be renamed without unwrapping anything.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from steunpunt.domain.accounts.hashing import DEFAULT_COST, HashCost
from steunpunt.domain.accounts.logins import fold_login
from steunpunt.domain.keys.errors import WAY_BACK, KeyFileUnusable, SecretRefused
from steunpunt.domain.keys.wrapping import WrappedKey, key_check, unwrap_key, wrap_key

RECOVERY_LABEL = "herstel"


def account_label(staff_uuid: str) -> str:
    """What an account's copy is sealed for: its staff uuid."""
    return f"account:{staff_uuid}"


@dataclass(frozen=True)
class AccountCopy:
    """One account's copy of the data key, sealed under its password."""

    staff_uuid: str
    login: str
    key: WrappedKey


@dataclass(frozen=True)
class Unlocked:
    """The data key, and whose password unlocked it."""

    data_key: bytes
    staff_uuid: str


@dataclass(frozen=True)
class KeyRing:
    """Everything the key file holds: no secret in readable form."""

    key_check: bytes
    accounts: tuple[AccountCopy, ...]
    recovery: WrappedKey

    def unlock(self, login: str, password: str) -> Unlocked:
        """The data key from the copy of ``login``; :class:`SecretRefused` when it does not fit."""
        folded = fold_login(login)
        for copy in self.accounts:
            if copy.login == folded:
                found = unwrap_key(copy.key, password.encode(), account_label(copy.staff_uuid))
                if found is not None:
                    return Unlocked(self._checked(found), copy.staff_uuid)
        raise SecretRefused("De inlognaam of het wachtwoord klopt niet. Er is niets veranderd.")

    def unlock_with_recovery(self, secret: bytes) -> bytes:
        """The data key from the recovery copy; :class:`SecretRefused` for another key."""
        found = unwrap_key(self.recovery, secret, RECOVERY_LABEL)
        if found is None:
            raise SecretRefused(
                "Deze herstelsleutel hoort niet bij deze database, of er is sindsdien een nieuwe "
                "gemaakt. Er is niets veranderd."
            )
        return self._checked(found)

    def with_account(
        self,
        data_key: bytes,
        staff_uuid: str,
        login: str,
        password: str,
        cost: HashCost = DEFAULT_COST,
    ) -> KeyRing:
        """A new or replaced copy for ``staff_uuid`` (a new account, a changed or reset
        password)."""
        self._require(data_key)
        copy = AccountCopy(
            staff_uuid,
            fold_login(login),
            wrap_key(data_key, password.encode(), account_label(staff_uuid), cost),
        )
        others = tuple(held for held in self.accounts if held.staff_uuid != staff_uuid)
        return replace(self, accounts=(*others, copy))

    def with_login(self, staff_uuid: str, login: str) -> KeyRing:
        """The copy of ``staff_uuid`` found under a renamed login; nothing is unwrapped."""
        return replace(
            self,
            accounts=tuple(
                replace(held, login=fold_login(login)) if held.staff_uuid == staff_uuid else held
                for held in self.accounts
            ),
        )

    def without_account(self, staff_uuid: str) -> KeyRing:
        """Without the copy of ``staff_uuid`` (a deactivated account): their password opens
        nothing."""
        return replace(
            self, accounts=tuple(held for held in self.accounts if held.staff_uuid != staff_uuid)
        )

    def with_recovery(
        self, data_key: bytes, secret: bytes, cost: HashCost = DEFAULT_COST
    ) -> KeyRing:
        """A new recovery copy; the one before it is gone, so the old recovery key opens nothing."""
        self._require(data_key)
        return replace(self, recovery=wrap_key(data_key, secret, RECOVERY_LABEL, cost))

    def holders(self) -> dict[str, str]:
        """The staff uuid and login of every account that has a copy."""
        return {held.staff_uuid: held.login for held in self.accounts}

    def _checked(self, found: bytes) -> bytes:
        """``found`` when it is this ring's data key; a copy sealed for another key is damage."""
        if key_check(found) != self.key_check:
            raise KeyFileUnusable(
                "Het sleutelbestand is beschadigd: de sleutel die het geeft hoort niet bij deze "
                f"database. {WAY_BACK}"
            )
        return found

    def _require(self, data_key: bytes) -> None:
        if key_check(data_key) != self.key_check:
            raise ValueError("this is not the data key of the key ring")


def new_key_ring(
    data_key: bytes,
    staff_uuid: str,
    login: str,
    password: str,
    recovery_secret: bytes,
    cost: HashCost = DEFAULT_COST,
) -> KeyRing:
    """The key ring of a newly encrypted database: the first beheerder's copy and the recovery
    copy."""
    first = KeyRing(
        key_check(data_key), (), wrap_key(data_key, recovery_secret, RECOVERY_LABEL, cost)
    )
    return first.with_account(data_key, staff_uuid, login, password, cost)
