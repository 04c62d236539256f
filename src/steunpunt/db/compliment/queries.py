"""Queries of the compliment round: the facts the rules need, for one or all applications."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, select
from sqlalchemy.orm import aliased

from steunpunt.db.caregivers.models import Caregiver, CareRecipient, CareRelation
from steunpunt.db.compliment.models import ComplimentApplication

Naaste = aliased(CareRecipient, name="naaste")

FACT_COLUMNS: tuple[Any, ...] = (
    ComplimentApplication.id,
    ComplimentApplication.round_id,
    ComplimentApplication.caregiver_id,
    ComplimentApplication.care_recipient_id,
    ComplimentApplication.received_on,
    ComplimentApplication.iban,
    ComplimentApplication.status,
    ComplimentApplication.amount_cents,
    Caregiver.first_name.label("caregiver_first_name"),
    Caregiver.infix.label("caregiver_infix"),
    Caregiver.last_name.label("caregiver_last_name"),
    Caregiver.birth_date.label("caregiver_birth_date"),
    Caregiver.municipality.label("caregiver_municipality"),
    Caregiver.place.label("caregiver_place"),
    Caregiver.postcode.label("caregiver_postcode"),
    Caregiver.house_number.label("caregiver_house_number"),
    Caregiver.house_number_suffix.label("caregiver_suffix"),
    Caregiver.ended_on.label("caregiver_ended_on"),
    Naaste.first_name.label("recipient_first_name"),
    Naaste.infix.label("recipient_infix"),
    Naaste.last_name.label("recipient_last_name"),
    Naaste.birth_date.label("recipient_birth_date"),
    Naaste.municipality.label("recipient_municipality"),
    Naaste.place.label("recipient_place"),
    Naaste.living_situation.label("recipient_living_situation"),
    CareRelation.hours_per_week,
    CareRelation.care_since,
    ComplimentApplication.applied_by,
    ComplimentApplication.payment_batch_id,
)


def application_facts_query() -> Select[Any]:
    """Each application with its caregiver, naaste and their relation (one row each)."""
    query: Select[Any] = (
        select(*FACT_COLUMNS)
        .join(Caregiver, Caregiver.id == ComplimentApplication.caregiver_id)
        .join(Naaste, Naaste.id == ComplimentApplication.care_recipient_id)
        .outerjoin(
            CareRelation,
            and_(
                CareRelation.caregiver_id == ComplimentApplication.caregiver_id,
                CareRelation.care_recipient_id == ComplimentApplication.care_recipient_id,
            ),
        )
    )
    return query


def recipient_identities_query() -> Select[int, str, str, date | None]:
    """Every naaste's name parts and birth date, to find a caregiver who is also a naaste."""
    return select(
        CareRecipient.id,
        CareRecipient.first_name,
        CareRecipient.last_name,
        CareRecipient.birth_date,
    ).where(CareRecipient.birth_date.is_not(None))


def held_places_query(
    round_id: int, statuses: Sequence[str]
) -> Select[int, int, int, int | None, str, int | None, int]:
    """The round's applications in these statuses (the places they hold), in order of arrival,
    with what was recorded as settled of their difference."""
    return (
        select(
            ComplimentApplication.id,
            ComplimentApplication.caregiver_id,
            ComplimentApplication.care_recipient_id,
            ComplimentApplication.amount_cents,
            ComplimentApplication.status,
            ComplimentApplication.payment_batch_id,
            ComplimentApplication.settled_cents,
        )
        .where(
            ComplimentApplication.round_id == round_id,
            ComplimentApplication.status.in_(statuses),
        )
        .order_by(ComplimentApplication.received_on, ComplimentApplication.id)
    )
