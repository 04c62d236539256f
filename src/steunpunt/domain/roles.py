"""The roles an account can have: what a person at the steunpunt may see and do."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """One role per account; the permission table in the services decides what each may do."""

    BEHEERDER = "beheerder"
    """Accounts, settings, house style, erasure and the audit log, besides all work."""
    MEDEWERKER = "medewerker"
    """All work on caregivers, compliment decisions, mailings and reports."""
    VRIJWILLIGER = "vrijwilliger"
    """Only the caregivers assigned to them: read, contacts, measurements, referrals."""
    FINANCIEN = "financien"
    """Payment batches and the payment list only."""
    RAPPORTAGE = "rapportage"
    """The verantwoording and the dashboard, which hold no names."""

    @property
    def label(self) -> str:
        """The role as the window shows it."""
        return {
            Role.BEHEERDER: "Beheerder",
            Role.MEDEWERKER: "Medewerker",
            Role.VRIJWILLIGER: "Vrijwilliger",
            Role.FINANCIEN: "Financiën",
            Role.RAPPORTAGE: "Rapportage",
        }[self]
