"""Gathering a round's applications as facts for the rules, in one query."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from steunpunt.db.compliment.models import ComplimentApplication
from steunpunt.db.compliment.queries import application_facts_query, recipient_identities_query
from steunpunt.domain.address import household_key
from steunpunt.domain.choices import LivingSituation
from steunpunt.domain.compliment.facts import ApplicationFacts, person_identity
from steunpunt.domain.compliment.round_rules import Applicant
from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.domain.names import full_name

WLZ = LivingSituation.WLZ_INSTITUTION.value
_STATUSES = {status.value: status for status in ApplicationStatus}
_APPLICANTS = {applicant.value: applicant for applicant in Applicant}


@dataclass(frozen=True)
class StoredApplication:
    """An application's facts with what is stored about its decision."""

    facts: ApplicationFacts
    round_id: int
    status: ApplicationStatus
    amount_cents: int | None
    payment_batch_id: int | None = None

    @property
    def paid(self) -> bool:
        """Paid, or in a payment batch: its amount can no longer change."""
        return self.status is ApplicationStatus.PAID or self.payment_batch_id is not None


def round_applications(session: Session, round_ids: list[int]) -> list[StoredApplication]:
    """Every application of these rounds, as facts, in order of arrival.

    Facts are as they stood when the application was received: a registration that ended
    later does not count against it.
    """
    query = (
        application_facts_query()
        .where(ComplimentApplication.round_id.in_(round_ids))
        .order_by(ComplimentApplication.received_on, ComplimentApplication.id)
    )
    return [_stored(row) for row in session.connection().execute(query)]


def recipient_identities(session: Session) -> dict[str, int]:
    """Every naaste in the register by identity (folded name and birth date)."""
    identities: dict[str, int] = {}
    rows = session.connection().execute(recipient_identities_query())
    for recipient_id, first, last, born in rows:
        identity = person_identity(first, last, born)
        if identity:
            identities[identity] = recipient_id
    return identities


def _stored(row: Any) -> StoredApplication:
    # Unpacked by position, in the order of ``FACT_COLUMNS``: reading 29 attributes by name
    # from 20,000 rows took most of the time of judging a round.
    (
        application_id,
        round_id,
        caregiver_id,
        care_recipient_id,
        received_on,
        iban,
        status,
        amount_cents,
        caregiver_first,
        caregiver_infix,
        caregiver_last,
        caregiver_born,
        caregiver_municipality,
        caregiver_place,
        postcode,
        house_number,
        suffix,
        ended_on,
        recipient_first,
        recipient_infix,
        recipient_last,
        recipient_born,
        recipient_municipality,
        recipient_place,
        living_situation,
        hours_per_week,
        care_since,
        applied_by,
        payment_batch_id,
    ) = row
    facts = ApplicationFacts(
        application_id=application_id,
        caregiver_id=caregiver_id,
        care_recipient_id=care_recipient_id,
        received_on=received_on,
        caregiver_birth_date=caregiver_born,
        caregiver_municipality=caregiver_municipality,
        caregiver_place=caregiver_place,
        recipient_municipality=recipient_municipality,
        recipient_place=recipient_place,
        hours_per_week=hours_per_week,
        care_since=care_since,
        recipient_in_wlz_institution=living_situation == WLZ,
        caregiver_registration_ended=ended_on is not None and ended_on <= received_on,
        iban=iban,
        address_key=household_key(postcode or "", house_number, suffix or ""),
        caregiver_name=full_name(caregiver_first, caregiver_infix, caregiver_last),
        recipient_name=full_name(recipient_first, recipient_infix, recipient_last),
        caregiver_identity=person_identity(caregiver_first, caregiver_last, caregiver_born),
        recipient_identity=person_identity(recipient_first, recipient_last, recipient_born),
        applied_by=_APPLICANTS[applied_by],
    )
    return StoredApplication(facts, round_id, _STATUSES[status], amount_cents, payment_batch_id)
