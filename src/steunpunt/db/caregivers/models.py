"""The caregiver register's tables: staff, caregivers, naasten, relations, contacts, consents."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import Mapped, Mapper, mapped_column, relationship

from steunpunt.db.kernel.base import Base, Tracked, utc_now
from steunpunt.db.kernel.staff import StaffMember
from steunpunt.domain.address import Address
from steunpunt.domain.names import PersonName
from steunpunt.domain.phone import phone_digits
from steunpunt.domain.text import fold

LIST_FILTER_COLUMNS = (
    "ended_on",
    "birth_date",
    "sort_name",
    "postcode",
    "place",
    "infix",
    "overloaded",
)
"""Columns the list filters on, carried in every list index so no table row is read."""


def _list_index(name: str, *order: str) -> Index:
    """An index in a list sort order that also holds the filter columns (a covering index)."""
    extra = [column for column in LIST_FILTER_COLUMNS if column not in order]
    return Index(f"ix_caregiver_list_{name}", *order, "id", *extra)


class AddressColumns:
    """A Dutch postal address in columns (caregivers, naasten, partner organisations)."""

    street: Mapped[str] = mapped_column(String(100), default="")
    house_number: Mapped[int | None]
    house_number_suffix: Mapped[str] = mapped_column(String(8), default="")
    postcode: Mapped[str] = mapped_column(String(7), default="")
    place: Mapped[str] = mapped_column(String(80), default="")
    municipality: Mapped[str] = mapped_column(String(80), default="")

    @property
    def address(self) -> Address:
        return Address(
            self.street,
            self.house_number,
            self.house_number_suffix,
            self.postcode,
            self.place,
            self.municipality,
        )

    @address.setter
    def address(self, value: Address) -> None:
        self.street = value.street
        self.house_number = value.house_number
        self.house_number_suffix = value.house_number_suffix
        self.postcode = value.postcode
        self.place = value.place
        self.municipality = value.municipality


class PersonColumns(AddressColumns):
    """Name and address columns shared by caregivers and naasten."""

    first_name: Mapped[str] = mapped_column(String(80), default="")
    infix: Mapped[str] = mapped_column(String(20), default="")
    last_name: Mapped[str] = mapped_column(String(80), default="")
    birth_date: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    sort_name: Mapped[str] = mapped_column(String(170), default="")


class Caregiver(PersonColumns, Tracked, Base):
    """A registered mantelzorger."""

    __tablename__ = "caregiver"

    initials: Mapped[str] = mapped_column(String(20), default="")
    salutation: Mapped[str] = mapped_column(String(12), default="neutraal")
    phone: Mapped[str] = mapped_column(String(30), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    iban: Mapped[str] = mapped_column(String(34), default="")
    source: Mapped[str | None] = mapped_column(String(20))
    registered_on: Mapped[date] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str | None] = mapped_column(String(30))
    no_mail: Mapped[bool] = mapped_column(Boolean, default=False)
    search_text: Mapped[str] = mapped_column(Text, default="")
    burden_level: Mapped[str | None] = mapped_column(String(10))
    """The band of the latest EDIZ-plus (geen, licht, matig, zwaar); None when never measured."""
    overloaded: Mapped[bool] = mapped_column(Boolean, default=False)
    """The latest EDIZ-plus reached the overload threshold."""
    last_contact_on: Mapped[date | None] = mapped_column(Date)
    """The date of the latest contact moment, kept by the contact service (for the worklist)."""

    relations: Mapped[list[CareRelation]] = relationship(
        back_populates="caregiver", cascade="all, delete-orphan"
    )
    contacts: Mapped[list[Contact]] = relationship(
        back_populates="caregiver", cascade="all, delete-orphan"
    )

    __table_args__ = (
        # Covering indexes: the list's ids come from the index alone, in every sort order.
        _list_index("name", "sort_name"),
        _list_index("postcode", "postcode", "house_number"),
        _list_index("place", "place"),
        _list_index("birth_date", "birth_date"),
        _list_index("registered_on", "registered_on"),
        _list_index("street", "street", "house_number"),
        _list_index("phone", "phone"),
        _list_index("email", "email"),
        # search: a typed tussenvoegsel counts its matches from this index, not a full scan
        _list_index("infix", "infix"),
        Index("ix_caregiver_overloaded_contact", "overloaded", "last_contact_on"),
        # the report's counts per gemeente, read from the index alone
        Index(
            "ix_caregiver_report",
            "municipality",
            "registered_on",
            "ended_on",
            "birth_date",
            "source",
            "overloaded",
        ),
    )

    @property
    def name(self) -> PersonName:
        return PersonName(self.first_name, self.infix, self.last_name, self.initials)


class CareRecipient(PersonColumns, Tracked, Base):
    """A naaste: the person a caregiver cares for."""

    __tablename__ = "care_recipient"

    condition: Mapped[str] = mapped_column(String(200), default="")
    living_situation: Mapped[str] = mapped_column(String(20), default="thuis")

    relations: Mapped[list[CareRelation]] = relationship(
        back_populates="care_recipient", cascade="all, delete-orphan"
    )

    __table_args__ = (Index("ix_care_recipient_sort_name", "sort_name", "id"),)

    @property
    def name(self) -> PersonName:
        return PersonName(self.first_name, self.infix, self.last_name)


class CareRelation(Tracked, Base):
    """One caregiver caring for one naaste: relation type, hours and since when."""

    __tablename__ = "care_relation"

    caregiver_id: Mapped[int] = mapped_column(ForeignKey("caregiver.id", ondelete="CASCADE"))
    care_recipient_id: Mapped[int] = mapped_column(
        ForeignKey("care_recipient.id", ondelete="CASCADE"), index=True
    )
    relation_type: Mapped[str] = mapped_column(String(20))
    hours_per_week: Mapped[float | None] = mapped_column(Float)
    care_since: Mapped[date | None] = mapped_column(Date)

    caregiver: Mapped[Caregiver] = relationship(back_populates="relations")
    care_recipient: Mapped[CareRecipient] = relationship(back_populates="relations")

    __table_args__ = (UniqueConstraint("caregiver_id", "care_recipient_id"),)


class Contact(Tracked, Base):
    """A contact moment with a caregiver."""

    __tablename__ = "contact"

    caregiver_id: Mapped[int] = mapped_column(ForeignKey("caregiver.id", ondelete="CASCADE"))
    contact_date: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20))
    staff_member_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_member.id", ondelete="SET NULL")
    )
    note: Mapped[str] = mapped_column(Text, default="")

    caregiver: Mapped[Caregiver] = relationship(back_populates="contacts")
    staff_member: Mapped[StaffMember | None] = relationship()

    __table_args__ = (
        Index("ix_contact_caregiver_date", "caregiver_id", "contact_date"),
        Index("ix_contact_date_kind", "contact_date", "kind", "caregiver_id"),
    )


class CaregiverAssignment(Tracked, Base):
    """A caregiver in a vrijwilliger's caseload; a caregiver may have more than one."""

    __tablename__ = "caregiver_assignment"
    __table_args__ = (UniqueConstraint("caregiver_id", "staff_id"),)

    caregiver_id: Mapped[int] = mapped_column(ForeignKey("caregiver.id", ondelete="CASCADE"))
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_member.id"), index=True)


class Consent(Tracked, Base):
    """Consent given by a caregiver or a naaste; a change adds a row, history is kept."""

    __tablename__ = "consent"

    caregiver_id: Mapped[int | None] = mapped_column(
        ForeignKey("caregiver.id", ondelete="CASCADE"), index=True
    )
    care_recipient_id: Mapped[int | None] = mapped_column(
        ForeignKey("care_recipient.id", ondelete="CASCADE"), index=True
    )
    given_on: Mapped[date] = mapped_column(Date)
    scopes: Mapped[str] = mapped_column(String(200))
    method: Mapped[str] = mapped_column(String(20))
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    recorded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_member.id", ondelete="SET NULL")
    )

    __table_args__ = (
        CheckConstraint("(caregiver_id IS NULL) <> (care_recipient_id IS NULL)", name="one_person"),
    )


# Derived columns: the folded text search matches on and the Dutch sort key.


def caregiver_search_text(caregiver: Caregiver) -> str:
    """Name, initials, postcode (without space), street, phone digits and e-mail.

    The woonplaats is left out: search matches places from the short list of known places.
    """
    compact_postcode = caregiver.postcode.replace(" ", "")
    parts = (
        caregiver.first_name,
        caregiver.infix,
        caregiver.last_name,
        caregiver.initials,
        compact_postcode,
        caregiver.street,
        phone_digits(caregiver.phone),
        caregiver.email,
    )
    return fold(" ".join(part for part in parts if part))


@event.listens_for(Caregiver, "before_insert")
@event.listens_for(Caregiver, "before_update")
def _refresh_caregiver(_mapper: Mapper[Any], _connection: Any, target: Caregiver) -> None:
    target.search_text = caregiver_search_text(target)
    target.sort_name = target.name.sort_key


@event.listens_for(CareRecipient, "before_insert")
@event.listens_for(CareRecipient, "before_update")
def _refresh_recipient(_mapper: Mapper[Any], _connection: Any, target: CareRecipient) -> None:
    target.sort_name = target.name.sort_key
