"""The demo database's accounts: one per role a demonstration needs, with published passwords."""

from __future__ import annotations

from steunpunt.domain.roles import Role
from steunpunt.services.accounts.accounts import AccountService
from steunpunt.services.accounts.dto import AccountData
from steunpunt.services.kernel.actor import Actor

DEMO_ACCOUNTS = (
    ("Demo Beheerder", "beheerder", Role.BEHEERDER, "mantelzorg-beheerder"),
    ("Demo Medewerker", "medewerker", Role.MEDEWERKER, "mantelzorg-medewerker"),
    ("Demo Vrijwilliger", "vrijwilliger", Role.VRIJWILLIGER, "mantelzorg-vrijwilliger"),
)
"""Name, login, role and password; printed by ``steunpunt demo`` and listed in the README.
Only for the demo database: anyone who reads the README knows them."""
DEMO_LOGIN, DEMO_PASSWORD = DEMO_ACCOUNTS[0][1], DEMO_ACCOUNTS[0][3]


def add_demo_accounts(accounts: AccountService, beheerder: Actor) -> None:
    """The demo accounts beside the demo beheerder (``DEMO_ACCOUNTS[0]``, the first beheerder)."""
    for name, login, role, password in DEMO_ACCOUNTS[1:]:
        data = AccountData(name, login, role)
        accounts.add(beheerder, data, password, password, must_change_password=False)


def demo_accounts_text() -> str:
    """The accounts as ``steunpunt demo`` prints them."""
    lines = ["Demo-accounts (inlognaam / wachtwoord):"]
    lines += [
        f"  {login:<13} {password:<26} {role.label}" for _n, login, role, password in DEMO_ACCOUNTS
    ]
    return "\n".join(lines)
