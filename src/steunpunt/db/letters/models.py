"""The tables of letters and mailings: house style, templates, saved filters and the letter log."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from steunpunt.db.kernel.base import Base, Tracked, utc_now


class HouseStyleRecord(Tracked, Base):
    """The steunpunt's letterhead, kept in one row: its settings as JSON, and the two images."""

    __tablename__ = "house_style"

    settings_json: Mapped[str] = mapped_column(Text, default="{}")
    logo: Mapped[bytes | None] = mapped_column(LargeBinary)
    signature: Mapped[bytes | None] = mapped_column(LargeBinary)


class HouseStyleSnapshot(Tracked, Base):
    """The house style as a mailing printed it, kept once however many mailings used it."""

    __tablename__ = "house_style_snapshot"

    digest: Mapped[str] = mapped_column(String(64), unique=True)
    """SHA-256 of the settings and images: the same house style is stored only once."""
    settings_json: Mapped[str] = mapped_column(Text)
    logo: Mapped[bytes | None] = mapped_column(LargeBinary)
    signature: Mapped[bytes | None] = mapped_column(LargeBinary)


class LetterTemplate(Tracked, Base):
    """A letter staff can edit: its kind decides which merge fields it may use."""

    __tablename__ = "letter_template"

    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(30), index=True)
    subject: Mapped[str] = mapped_column(String(200), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class SavedFilter(Tracked, Base):
    """A named choice of recipients for mailings, stored as the filter's JSON."""

    __tablename__ = "saved_filter"

    name: Mapped[str] = mapped_column(String(100), unique=True)
    criteria_json: Mapped[str] = mapped_column(Text)


class Mailing(Tracked, Base):
    """Letters made in one go (or one letter); the text is kept so a reprint reads the same.

    The row is made first, to take the number printed as kenmerk; it is completed with the
    letter log once every file is in place, or removed when the mailing is cancelled.
    """

    __tablename__ = "mailing"

    year: Mapped[int]
    number: Mapped[int]
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    completed: Mapped[bool] = mapped_column(Boolean, default=False)
    """False while the letters are being made: the number is taken, nothing was sent yet."""
    made_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    made_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_member.id", ondelete="SET NULL")
    )
    template_id: Mapped[int | None] = mapped_column(
        ForeignKey("letter_template.id", ondelete="SET NULL")
    )
    template_name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(30))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    letter_date: Mapped[date] = mapped_column(Date)
    recipients_description: Mapped[str] = mapped_column(String(300), default="")
    letter_count: Mapped[int] = mapped_column(default=0)
    house_style_id: Mapped[int | None] = mapped_column(
        ForeignKey("house_style_snapshot.id", ondelete="SET NULL")
    )
    """The house style the letters were printed with (None for mailings made before it was
    kept: a reprint of those uses today's house style)."""

    __table_args__ = (UniqueConstraint("year", "number"),)


class SentLetter(Tracked, Base):
    """The letter log: one row per caregiver per letter made for them or about them."""

    __tablename__ = "sent_letter"

    caregiver_id: Mapped[int] = mapped_column(ForeignKey("caregiver.id", ondelete="CASCADE"))
    mailing_id: Mapped[int] = mapped_column(ForeignKey("mailing.id", ondelete="CASCADE"))
    sent_on: Mapped[date] = mapped_column(Date)
    addressed_as: Mapped[str] = mapped_column(String(200))
    reprint: Mapped[bool] = mapped_column(Boolean, default=False)
    care_recipient_id: Mapped[int | None] = mapped_column(
        ForeignKey("care_recipient.id", ondelete="SET NULL"), index=True
    )
    """Set when the letter went to this naaste of the caregiver (a controlebrief)."""
    letter_values: Mapped[str] = mapped_column(Text, default="{}")
    """The letter kind's own values as printed (``{"bedrag": "€ 100,00"}``), for a reprint."""
    printed_json: Mapped[str] = mapped_column(Text, default="")
    """The letter as printed: name lines, address and every merge value (see
    ``services.letter_log``); empty for letters logged before it was kept."""

    __table_args__ = (
        Index("ix_sent_letter_caregiver", "caregiver_id", "sent_on"),
        Index("ix_sent_letter_mailing", "mailing_id"),
    )
