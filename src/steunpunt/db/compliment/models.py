"""The tables of the compliment round: rounds, applications, their status history, payments
and reversals."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from steunpunt.db.kernel.base import Base, Tracked, utc_now


class ComplimentRound(Tracked, Base):
    """One gemeente's compliment for one year; its rules are kept as JSON (``RoundRules``)."""

    __tablename__ = "compliment_round"

    year: Mapped[int]
    municipality: Mapped[str] = mapped_column(String(80))
    rules_json: Mapped[str] = mapped_column(Text)

    __table_args__ = (UniqueConstraint("year", "municipality"),)


class ComplimentApplication(Tracked, Base):
    """An application for one caregiver-naaste relation in one round."""

    __tablename__ = "compliment_application"

    round_id: Mapped[int] = mapped_column(ForeignKey("compliment_round.id", ondelete="CASCADE"))
    caregiver_id: Mapped[int] = mapped_column(ForeignKey("caregiver.id", ondelete="CASCADE"))
    care_recipient_id: Mapped[int] = mapped_column(
        ForeignKey("care_recipient.id", ondelete="CASCADE")
    )
    received_on: Mapped[date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(20))
    applied_by: Mapped[str] = mapped_column(String(20), default="mantelzorger")
    """Who applied and signed: mantelzorger, naaste or beiden."""
    iban: Mapped[str] = mapped_column(String(34), default="")
    account_holder: Mapped[str] = mapped_column(String(70), default="")
    voucher_code: Mapped[str] = mapped_column(String(40), default="")
    status: Mapped[str] = mapped_column(String(30), default="ontvangen")
    amount_cents: Mapped[int | None]
    override_reason: Mapped[str] = mapped_column(Text, default="")
    """Why staff decided against the rules' verdict; empty when they followed it."""
    warnings_acknowledged: Mapped[bool] = mapped_column(Boolean, default=False)
    in_sample: Mapped[bool] = mapped_column(Boolean, default=False)
    control_letter_due_on: Mapped[date | None] = mapped_column(Date)
    letters_sent: Mapped[str] = mapped_column(String(200), default="")
    """The letter kinds already made for this application, space separated."""
    payment_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("payment_batch.id", ondelete="SET NULL")
    )
    settled_cents: Mapped[int] = mapped_column(default=0, server_default="0")
    """The part of a paid grant's difference (paid minus share) a person recorded as settled."""

    __table_args__ = (
        UniqueConstraint("round_id", "caregiver_id", "care_recipient_id"),
        Index("ix_compliment_application_status", "round_id", "status"),
        Index("ix_compliment_application_caregiver", "caregiver_id"),
        Index("ix_compliment_application_recipient", "care_recipient_id"),
    )


class ApplicationStatusChange(Tracked, Base):
    """Who changed an application's status, when, and why."""

    __tablename__ = "application_event"

    application_id: Mapped[int] = mapped_column(
        ForeignKey("compliment_application.id", ondelete="CASCADE"), index=True
    )
    from_status: Mapped[str | None] = mapped_column(String(30))
    to_status: Mapped[str] = mapped_column(String(30))
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    changed_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_member.id", ondelete="SET NULL")
    )
    reason: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        # the verantwoording reads the status at the end of a period from the index alone
        Index("ix_application_event_history", "application_id", "changed_at", "to_status"),
    )


class PaymentBatch(Tracked, Base):
    """Grants paid together: one SEPA file (or voucher list), marked paid when confirmed."""

    __tablename__ = "payment_batch"

    round_id: Mapped[int] = mapped_column(ForeignKey("compliment_round.id", ondelete="CASCADE"))
    made_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    made_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_member.id", ondelete="SET NULL")
    )
    execution_date: Mapped[date] = mapped_column(Date)
    payment_count: Mapped[int]
    total_cents: Mapped[int]
    file_name: Mapped[str] = mapped_column(String(260), default="")
    confirmed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class PaymentReversal(Tracked, Base):
    """A grant taken back out of its payment batch: the bank returned it or it was reclaimed."""

    __tablename__ = "payment_reversal"

    application_id: Mapped[int] = mapped_column(
        ForeignKey("compliment_application.id", ondelete="CASCADE")
    )
    payment_batch_id: Mapped[int] = mapped_column(
        ForeignKey("payment_batch.id", ondelete="CASCADE")
    )
    amount_cents: Mapped[int]
    kind: Mapped[str] = mapped_column(String(30))
    note: Mapped[str] = mapped_column(Text)
    reversed_on: Mapped[date] = mapped_column(Date)
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    recorded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_member.id", ondelete="SET NULL")
    )

    __table_args__ = (
        Index("ix_payment_reversal_application", "application_id", "recorded_at"),
        Index("ix_payment_reversal_batch", "payment_batch_id"),
    )
