"""The staff table: the people working at the steunpunt, their accounts, who act in every call."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from steunpunt.db.kernel.base import Base, Tracked
from steunpunt.domain.roles import Role


class StaffMember(Tracked, Base):
    """A person working at the steunpunt, and their account; services record who acted.

    Accounts are never deleted (the audit trail refers to them), only deactivated. A staff
    member from before accounts existed has no login and no password until a beheerder
    completes the account.
    """

    __tablename__ = "staff_member"

    name: Mapped[str] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    login: Mapped[str | None] = mapped_column(String(64), unique=True)
    """The sign-in name, stored folded (lower case) so "Els" and "els" are one account."""
    password_hash: Mapped[str | None] = mapped_column(String(255))
    """argon2id, with its parameters in the hash; None: no password set yet."""
    role: Mapped[str] = mapped_column(String(20), default=Role.MEDEWERKER.value)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0)
    """Failed sign-ins since the last good one: from the fifth on, a growing wait."""
    last_failed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
