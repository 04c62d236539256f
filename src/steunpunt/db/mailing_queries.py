"""The query behind a mailing's recipients: caregivers by filter, with what a letter needs."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Select, and_, exists, or_, select

from steunpunt.db.letter_models import Mailing, SentLetter
from steunpunt.db.models import Caregiver
from steunpunt.domain.age import AgeBracket, birth_date_range
from steunpunt.domain.recipient_filter import RecipientFilter

ADDRESSEE_COLUMNS: tuple[Any, ...] = (
    Caregiver.id,
    Caregiver.first_name,
    Caregiver.infix,
    Caregiver.last_name,
    Caregiver.initials,
    Caregiver.salutation,
    Caregiver.street,
    Caregiver.house_number,
    Caregiver.house_number_suffix,
    Caregiver.postcode,
    Caregiver.place,
    Caregiver.municipality,
    Caregiver.ended_on,
    Caregiver.no_mail,
)

AddresseeSelect = Select[*tuple[Any, ...]]


def recipients_query(criteria: RecipientFilter, today: date) -> AddresseeSelect:
    """Everyone the filter names, ended registrations included (so they can be reported)."""
    query = select(*ADDRESSEE_COLUMNS)
    if criteria.brackets:
        query = query.where(or_(*(_bracket(bracket, today) for bracket in criteria.brackets)))
    if criteria.places:
        query = query.where(Caregiver.place.in_(criteria.places))
    if criteria.municipalities:
        query = query.where(Caregiver.municipality.in_(criteria.municipalities))
    if criteria.registered_from:
        query = query.where(Caregiver.registered_on >= criteria.registered_from)
    if criteria.registered_until:
        query = query.where(Caregiver.registered_on <= criteria.registered_until)
    if criteria.not_yet_sent:
        sent = (
            select(SentLetter.id)
            .join(Mailing, SentLetter.mailing_id == Mailing.id)
            .where(SentLetter.caregiver_id == Caregiver.id, Mailing.kind == criteria.not_yet_sent)
        )
        query = query.where(~exists(sent))
    return query


def addressees_query(caregiver_ids: list[int]) -> AddresseeSelect:
    """The same columns for chosen caregivers (a single letter, a reprint)."""
    return select(*ADDRESSEE_COLUMNS).where(Caregiver.id.in_(caregiver_ids))


def _bracket(bracket: AgeBracket, today: date) -> Any:
    if bracket is AgeBracket.UNKNOWN:
        return Caregiver.birth_date.is_(None)
    born_after, born_until = birth_date_range(bracket, today)
    conditions = []
    if born_after is not None:
        conditions.append(Caregiver.birth_date > born_after)
    if born_until is not None:
        conditions.append(Caregiver.birth_date <= born_until)
    return and_(*conditions)
