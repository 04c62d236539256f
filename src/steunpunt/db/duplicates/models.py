"""The duplicates' tables: pairs decided "niet dezelfde" and merges with their undo snapshot."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from steunpunt.db.kernel.base import Base, Tracked, utc_now


class DuplicateDecision(Tracked, Base):
    """Two caregivers a person decided are not the same: the scan never shows them again."""

    __tablename__ = "duplicate_decision"
    __table_args__ = (UniqueConstraint("first_caregiver_id", "second_caregiver_id"),)

    first_caregiver_id: Mapped[int] = mapped_column(ForeignKey("caregiver.id", ondelete="CASCADE"))
    """The lower id of the two."""
    second_caregiver_id: Mapped[int] = mapped_column(
        ForeignKey("caregiver.id", ondelete="CASCADE"), index=True
    )
    decided_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_member.id", ondelete="SET NULL")
    )
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


class CaregiverMerge(Tracked, Base):
    """One caregiver merged into another, with the snapshot that undoes it."""

    __tablename__ = "caregiver_merge"
    __table_args__ = (Index("ix_caregiver_merge_survivor", "survivor_id", "merged_at"),)

    survivor_id: Mapped[int] = mapped_column(ForeignKey("caregiver.id", ondelete="CASCADE"))
    merged_uuid: Mapped[str] = mapped_column(String(36))
    """The uuid of the person merged away (their row is in the snapshot)."""
    snapshot_json: Mapped[str] = mapped_column(Text, default="")
    """The merged-away caregiver's row, every moved or removed row and the survivor's fields
    before the merge: personal data, cleared when the survivor is erased (then no undo)."""
    merged_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_member.id", ondelete="SET NULL")
    )
    merged_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
