"""The audit trail: who did what to which record, and when. Append-only.

Rows refer to people and records by id without foreign keys: an anonymised caregiver or a
deactivated account keeps its history. The database itself refuses to change or delete a row
(triggers on SQLite), so no code path in the program can.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DDL, DateTime, Index, Integer, String, Text, event
from sqlalchemy.orm import Mapped, mapped_column

from steunpunt.db.kernel.base import Base, new_uuid, utc_now

APPEND_ONLY_MESSAGE = "audit_event is append-only"
"""The error SQLite raises on any UPDATE or DELETE of an audit row."""

APPEND_ONLY_TRIGGERS = (
    "CREATE TRIGGER IF NOT EXISTS audit_event_no_update BEFORE UPDATE ON audit_event "
    f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}'); END",
    "CREATE TRIGGER IF NOT EXISTS audit_event_no_delete BEFORE DELETE ON audit_event "
    f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}'); END",
)
"""Run by the migration and after ``create_all``: the same two triggers either way."""


class AuditEvent(Base):
    """One thing a person did: signing in, viewing a record, a change, an export."""

    __tablename__ = "audit_event"
    __table_args__ = (
        Index("ix_audit_event_caregiver_at", "caregiver_id", "at"),
        Index("ix_audit_event_staff_at", "staff_id", "at"),
        Index("ix_audit_event_kind_at", "kind", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now, index=True)
    staff_id: Mapped[int | None] = mapped_column(Integer)
    """The account that acted; None for the program itself (a start-up clean-up)."""
    staff_name: Mapped[str] = mapped_column(String(100), default="")
    """The name at the time: readable without joining, also after a rename."""
    kind: Mapped[str] = mapped_column(String(40))
    caregiver_id: Mapped[int | None] = mapped_column(Integer)
    care_recipient_id: Mapped[int | None] = mapped_column(Integer)
    record_table: Mapped[str | None] = mapped_column(String(40))
    record_id: Mapped[int | None] = mapped_column(Integer)
    details_json: Mapped[str] = mapped_column(Text, default="{}")
    """What it was about: fields changed with old and new values, ids and counts; never a copy
    of exported data."""


for _statement in APPEND_ONLY_TRIGGERS:
    _trigger = DDL(_statement)  # type: ignore[no-untyped-call]
    event.listen(AuditEvent.__table__, "after_create", _trigger.execute_if(dialect="sqlite"))
