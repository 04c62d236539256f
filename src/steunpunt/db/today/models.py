"""The worklist's table: items marked done or snoozed."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from steunpunt.db.kernel.base import Base, Tracked


class WorklistMark(Tracked, Base):
    """A worklist item marked done or put off until a date, by its key."""

    __tablename__ = "worklist_mark"

    item_key: Mapped[str] = mapped_column(String(80), unique=True)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    snoozed_until: Mapped[date | None] = mapped_column(Date)
    marked_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_member.id", ondelete="SET NULL")
    )
