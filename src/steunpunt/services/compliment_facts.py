"""Gathering a round's applications as facts for the rules, in one query."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from steunpunt.db.compliment_models import ComplimentApplication
from steunpunt.db.compliment_queries import application_facts_query, recipient_identities_query
from steunpunt.domain.choices import LivingSituation
from steunpunt.domain.compliment.facts import ApplicationFacts, person_identity
from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.domain.names import PersonName


@dataclass(frozen=True)
class StoredApplication:
    """An application's facts with what is stored about its decision."""

    facts: ApplicationFacts
    round_id: int
    status: ApplicationStatus
    amount_cents: int | None


def round_applications(
    session: Session, today: date, round_ids: list[int]
) -> list[StoredApplication]:
    """Every application of these rounds, as facts, in order of arrival."""
    query = (
        application_facts_query()
        .where(ComplimentApplication.round_id.in_(round_ids))
        .order_by(ComplimentApplication.received_on, ComplimentApplication.id)
    )
    return [_stored(row, today) for row in session.connection().execute(query)]


def recipient_identities(session: Session) -> dict[str, int]:
    """Every naaste in the register by identity (folded name and birth date)."""
    identities: dict[str, int] = {}
    for recipient_id, first, last, born in session.execute(recipient_identities_query()):
        identity = person_identity(first, last, born)
        if identity:
            identities[identity] = recipient_id
    return identities


def _stored(row: Any, today: date) -> StoredApplication:
    caregiver = PersonName(row.caregiver_first_name, row.caregiver_infix, row.caregiver_last_name)
    recipient = PersonName(row.recipient_first_name, row.recipient_infix, row.recipient_last_name)
    suffix = (row.caregiver_suffix or "").replace(" ", "").upper()
    postcode = (row.caregiver_postcode or "").replace(" ", "").upper()
    address_key = f"{postcode}|{row.caregiver_house_number or ''}|{suffix}" if postcode else ""
    facts = ApplicationFacts(
        application_id=row.id,
        caregiver_id=row.caregiver_id,
        care_recipient_id=row.care_recipient_id,
        received_on=row.received_on,
        caregiver_birth_date=row.caregiver_birth_date,
        caregiver_municipality=row.caregiver_municipality,
        caregiver_place=row.caregiver_place,
        recipient_municipality=row.recipient_municipality,
        recipient_place=row.recipient_place,
        hours_per_week=row.hours_per_week,
        care_since=row.care_since,
        recipient_in_wlz_institution=row.recipient_living_situation
        == LivingSituation.WLZ_INSTITUTION,
        caregiver_registration_ended=row.caregiver_ended_on is not None
        and row.caregiver_ended_on <= today,
        iban=row.iban,
        address_key=address_key,
        caregiver_name=caregiver.full,
        recipient_name=recipient.full,
        caregiver_identity=person_identity(
            row.caregiver_first_name, row.caregiver_last_name, row.caregiver_birth_date
        ),
        recipient_identity=person_identity(
            row.recipient_first_name, row.recipient_last_name, row.recipient_birth_date
        ),
    )
    return StoredApplication(facts, row.round_id, ApplicationStatus(row.status), row.amount_cents)
