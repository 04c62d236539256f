"""What the account use cases return: accounts as the window lists them, and a sign-in."""

from __future__ import annotations

from dataclasses import dataclass

from steunpunt.domain.roles import Role
from steunpunt.services.kernel.actor import Actor


@dataclass(frozen=True)
class AccountView:
    """One staff member's account; ``login`` None: from before accounts, still to complete."""

    id: int
    version: int
    name: str
    login: str | None
    role: Role
    active: bool
    has_password: bool
    must_change_password: bool

    @property
    def to_complete(self) -> bool:
        """A staff member from before accounts: no login or no password yet."""
        return self.login is None or not self.has_password

    @property
    def state(self) -> str:
        """How the account list describes it, in Dutch."""
        if not self.active:
            return "gedeactiveerd"
        if self.to_complete:
            return "nog af te maken"
        if self.must_change_password:
            return "kiest nieuw wachtwoord"
        return "actief"


@dataclass(frozen=True)
class SignedIn:
    """A good sign-in: who acts from now on, and whether they must first choose a new password."""

    actor: Actor
    must_change_password: bool


@dataclass(frozen=True)
class AccountData:
    """What a beheerder types for an account: name, login and role."""

    name: str
    login: str
    role: Role
