"""The tables of support work: burden measurements, the sociale kaart, referrals, household
help with its delivered hours, and office settings."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from steunpunt.db.caregivers.models import AddressColumns
from steunpunt.db.kernel.base import Base, Tracked
from steunpunt.db.kernel.hours import Hours


class BurdenAssessment(Tracked, Base):
    """One EDIZ-plus of a caregiver; the latest one sets the caregiver's band."""

    __tablename__ = "burden_assessment"

    caregiver_id: Mapped[int] = mapped_column(ForeignKey("caregiver.id", ondelete="CASCADE"))
    assessed_on: Mapped[date] = mapped_column(Date)
    total: Mapped[int]
    answers: Mapped[str] = mapped_column(String(50), default="")
    """``"0110..."`` per statement; empty when only the total is known."""
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        Index("ix_burden_assessment_caregiver", "caregiver_id", "assessed_on"),
        # the verantwoording finds each caregiver's latest total by a period's end from it
        Index("ix_burden_assessment_total", "caregiver_id", "assessed_on", "total"),
    )


class Partner(AddressColumns, Tracked, Base):
    """An organisation of the sociale kaart; a thuiszorg provider has an hourly rate."""

    __tablename__ = "partner"

    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(30))
    contact_person: Mapped[str] = mapped_column(String(120), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    hourly_rate_cents: Mapped[int | None]


class Referral(Tracked, Base):
    """A caregiver handed on to a partner, with consent, a follow-up date and the outcome."""

    __tablename__ = "referral"

    caregiver_id: Mapped[int] = mapped_column(ForeignKey("caregiver.id", ondelete="CASCADE"))
    partner_id: Mapped[int] = mapped_column(ForeignKey("partner.id", ondelete="RESTRICT"))
    staff_member_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_member.id", ondelete="SET NULL")
    )
    referred_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    consent_to_share: Mapped[bool] = mapped_column(Boolean)
    follow_up_on: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(String(20))
    closed_on: Mapped[date | None] = mapped_column(Date)

    __table_args__ = (
        Index("ix_referral_caregiver", "caregiver_id", "referred_on"),
        Index("ix_referral_follow_up", "closed_on", "follow_up_on"),
        Index("ix_referral_partner", "partner_id"),
    )


class HouseholdHelpGrant(Tracked, Base):
    """Subsidised household help for a caregiver, in their own household or the naaste's."""

    __tablename__ = "household_help_grant"

    caregiver_id: Mapped[int] = mapped_column(ForeignKey("caregiver.id", ondelete="CASCADE"))
    provider_id: Mapped[int | None] = mapped_column(ForeignKey("partner.id", ondelete="RESTRICT"))
    care_recipient_id: Mapped[int | None] = mapped_column(
        ForeignKey("care_recipient.id", ondelete="SET NULL"), index=True
    )
    """Set when the help is given in the naaste's household."""
    household_key: Mapped[str] = mapped_column(String(20), default="")
    """Postcode, huisnummer and toevoeging of the household helped, to compare households."""
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    extended_until: Mapped[date | None] = mapped_column(Date)
    stopped_on: Mapped[date | None] = mapped_column(Date)
    """The first day without help of a grant ended early ("beëindigd per")."""
    hours_per_week: Mapped[Decimal] = mapped_column(Hours)
    hours_per_year: Mapped[Decimal] = mapped_column(Hours)
    hours_used: Mapped[Decimal] = mapped_column(Hours, default=Decimal(0))
    """The delivered hours of every month together, kept by the service (for the worklist)."""
    own_contribution_cents: Mapped[int]
    """The eigen bijdrage per hour from the start; later rates are ``HouseholdHelpRate`` rows."""
    status: Mapped[str] = mapped_column(String(20))
    household_has_wmo_help: Mapped[bool] = mapped_column(Boolean, default=False)
    evaluation_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    override_reason: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        Index("ix_household_help_grant_caregiver", "caregiver_id", "starts_on"),
        Index("ix_household_help_grant_household", "household_key"),
        Index("ix_household_help_grant_evaluation", "status", "evaluation_on"),
    )


class HouseholdHelpMonth(Tracked, Base):
    """Hours a provider delivered in one month, from its statement."""

    __tablename__ = "household_help_month"

    grant_id: Mapped[int] = mapped_column(ForeignKey("household_help_grant.id", ondelete="CASCADE"))
    year: Mapped[int]
    month: Mapped[int]
    hours: Mapped[Decimal] = mapped_column(Hours)

    __table_args__ = (
        UniqueConstraint("grant_id", "year", "month"),
        Index("ix_household_help_month_period", "year", "month", "grant_id", "hours"),
    )


class HouseholdHelpRate(Tracked, Base):
    """A change of a grant's eigen bijdrage per hour, in force from the month of ``starts_on``."""

    __tablename__ = "household_help_rate"

    grant_id: Mapped[int] = mapped_column(ForeignKey("household_help_grant.id", ondelete="CASCADE"))
    starts_on: Mapped[date] = mapped_column(Date)
    """The first day of the month from which the rate applies."""
    own_contribution_cents: Mapped[int]

    __table_args__ = (UniqueConstraint("grant_id", "starts_on"),)
