"""The staff table: the people working at the steunpunt, who act in every service call."""

from __future__ import annotations

from sqlalchemy import Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

from steunpunt.db.kernel.base import Base, Tracked


class StaffMember(Tracked, Base):
    """A person working at the steunpunt; services record who acted."""

    __tablename__ = "staff_member"

    name: Mapped[str] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
