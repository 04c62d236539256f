"""Copying between ORM rows and the frozen data the services hand out."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from steunpunt.db.caregivers.models import Caregiver, CareRecipient, CareRelation, Consent, Contact
from steunpunt.db.kernel.base import utc_now
from steunpunt.domain.caregivers.care_recipient import CareRecipientData, RelationData
from steunpunt.domain.caregivers.caregiver import CaregiverData
from steunpunt.domain.caregivers.consent import ConsentData, scopes_from_text
from steunpunt.domain.caregivers.contact import ContactData
from steunpunt.domain.choices import (
    ConsentMethod,
    ContactKind,
    EndReason,
    LivingSituation,
    RelationType,
    Salutation,
    Source,
)
from steunpunt.services.caregivers.dto import ContactView, RelationView


def latest_consent(
    session: Session, *, caregiver_id: int | None = None, care_recipient_id: int | None = None
) -> ConsentData | None:
    """The consent recorded last for one person, or None."""
    query = select(Consent)
    if caregiver_id is not None:
        query = query.where(Consent.caregiver_id == caregiver_id)
    else:
        query = query.where(Consent.care_recipient_id == care_recipient_id)
    row = session.scalars(query.order_by(Consent.id.desc()).limit(1)).first()
    if row is None or not row.scopes:
        return None  # never given, or withdrawn
    return ConsentData(row.given_on, scopes_from_text(row.scopes), ConsentMethod(row.method))


def record_consent_change(
    session: Session,
    consent: ConsentData | None,
    previous: ConsentData | None,
    staff_id: int,
    today: date,
    *,
    caregiver_id: int | None = None,
    care_recipient_id: int | None = None,
) -> bool:
    """Add a consent row when consent changed; earlier rows stay as history.

    Clearing consent records a withdrawal (a row without scopes, dated today). Returns
    whether anything was recorded.
    """
    if consent == previous:
        return False
    if consent is None:
        assert previous is not None
        given_on, scopes, method = today, "", previous.method.value
    else:
        given_on, scopes, method = consent.given_on, consent.scope_text, consent.method.value
    session.add(
        Consent(
            caregiver_id=caregiver_id,
            care_recipient_id=care_recipient_id,
            given_on=given_on,
            scopes=scopes,
            method=method,
            recorded_by_id=staff_id,
        )
    )
    return True


def store_consent(
    session: Session,
    row: Caregiver | CareRecipient,
    consent: ConsentData | None,
    staff_id: int,
    today: date,
    is_edit: bool,
) -> None:
    """Record a person's consent if it changed; in an edit that counts as a change of the
    person, so the version goes up and an older copy elsewhere becomes stale."""
    person = (
        {"caregiver_id": row.id} if isinstance(row, Caregiver) else {"care_recipient_id": row.id}
    )
    with session.no_autoflush:  # one UPDATE of the person, so the version goes up by one
        previous = latest_consent(session, **person) if is_edit else None
    if record_consent_change(session, consent, previous, staff_id, today, **person) and is_edit:
        row.updated_at = utc_now()


def caregiver_data(row: Caregiver, consent: ConsentData | None) -> CaregiverData:
    return CaregiverData(
        name=row.name,
        salutation=Salutation(row.salutation),
        birth_date=row.birth_date,
        address=row.address,
        phone=row.phone,
        email=row.email,
        iban=row.iban,
        source=Source(row.source) if row.source else None,
        registered_on=row.registered_on,
        ended_on=row.ended_on,
        end_reason=EndReason(row.end_reason) if row.end_reason else None,
        no_mail=row.no_mail,
        notes=row.notes,
        consent=consent,
    )


def apply_caregiver(row: Caregiver, data: CaregiverData) -> None:
    row.first_name = data.name.first_name
    row.infix = data.name.infix
    row.last_name = data.name.last_name
    row.initials = data.name.initials
    row.salutation = data.salutation.value
    row.birth_date = data.birth_date
    row.address = data.address
    row.phone = data.phone
    row.email = data.email
    row.iban = data.iban
    row.source = data.source.value if data.source else None
    row.registered_on = data.registered_on
    row.ended_on = data.ended_on
    row.end_reason = data.end_reason.value if data.end_reason else None
    row.no_mail = data.no_mail
    row.notes = data.notes


def care_recipient_data(row: CareRecipient, consent: ConsentData | None) -> CareRecipientData:
    return CareRecipientData(
        name=row.name,
        birth_date=row.birth_date,
        address=row.address,
        condition=row.condition,
        living_situation=LivingSituation(row.living_situation),
        notes=row.notes,
        consent=consent,
    )


def apply_care_recipient(row: CareRecipient, data: CareRecipientData) -> None:
    row.first_name = data.name.first_name
    row.infix = data.name.infix
    row.last_name = data.name.last_name
    row.birth_date = data.birth_date
    row.address = data.address
    row.condition = data.condition
    row.living_situation = data.living_situation.value
    row.notes = data.notes


def relation_view(row: CareRelation) -> RelationView:
    return RelationView(
        id=row.id,
        version=row.version,
        caregiver_id=row.caregiver_id,
        caregiver_name=row.caregiver.name.full,
        care_recipient_id=row.care_recipient_id,
        care_recipient_name=row.care_recipient.name.full,
        data=RelationData(RelationType(row.relation_type), row.hours_per_week, row.care_since),
    )


def apply_relation(row: CareRelation, data: RelationData) -> None:
    row.relation_type = data.relation_type.value
    row.hours_per_week = data.hours_per_week
    row.care_since = data.care_since


def contact_view(row: Contact) -> ContactView:
    return ContactView(
        id=row.id,
        version=row.version,
        caregiver_id=row.caregiver_id,
        data=ContactData(row.contact_date, ContactKind(row.kind), row.staff_member_id, row.note),
        staff_name=row.staff_member.name if row.staff_member else "",
    )
