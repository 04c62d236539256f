"""The sections of an inzage dossier, each read from the database for one person."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from steunpunt.db.caregivers.models import (
    Caregiver,
    CaregiverAssignment,
    CareRecipient,
    CareRelation,
    Consent,
    Contact,
)
from steunpunt.db.compliment.models import (
    ApplicationStatusChange,
    ComplimentApplication,
    ComplimentRound,
)
from steunpunt.db.kernel.audit import AuditEvent
from steunpunt.db.kernel.staff import StaffMember
from steunpunt.db.letters.models import Mailing, SentLetter
from steunpunt.db.support.models import BurdenAssessment, HouseholdHelpGrant, Partner, Referral
from steunpunt.domain.caregivers.consent import scopes_from_text
from steunpunt.domain.choices import (
    ConsentMethod,
    ContactKind,
    EndReason,
    LabelledChoice,
    LivingSituation,
    RelationType,
    Salutation,
    Source,
)
from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.domain.money import cents_text
from steunpunt.domain.names import full_name
from steunpunt.domain.privacy.dossier import DossierSection, text_of
from steunpunt.domain.support.burden import BurdenLevel
from steunpunt.domain.support.household_help.status import HouseholdHelpStatus
from steunpunt.domain.support.referral import ReferralOutcome

AUDIT_HEADING = "Wie heeft dit dossier bekeken of gewijzigd"


def _label(kind: type[LabelledChoice], code: str | None) -> str:
    """The Dutch label of a stored code; an unknown code as it is."""
    if code is None:
        return ""
    try:
        return kind(code).label
    except (ValueError, KeyError):
        return code


def _section(
    key: str, heading: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> DossierSection:
    return DossierSection(
        key, heading, tuple(columns), tuple(tuple(text_of(v) for v in row) for row in rows)
    )


def _person_rows(person: Caregiver | CareRecipient) -> list[tuple[str, Any]]:
    address = person.address
    return [
        ("Voornaam", person.first_name),
        ("Tussenvoegsel", person.infix),
        ("Achternaam", person.last_name),
        ("Geboortedatum", person.birth_date),
        ("Adres", address.street_line),
        ("Postcode", person.postcode),
        ("Woonplaats", person.place),
        ("Gemeente", person.municipality),
    ]


def caregiver_personal(session: Session, caregiver: Caregiver) -> DossierSection:
    volunteers = session.scalars(
        select(StaffMember.name)
        .join(CaregiverAssignment, CaregiverAssignment.staff_id == StaffMember.id)
        .where(CaregiverAssignment.caregiver_id == caregiver.id)
        .order_by(StaffMember.name)
    ).all()
    rows = [
        ("Voorletters", caregiver.initials),
        *_person_rows(caregiver),
        ("Aanhef", _label(Salutation, caregiver.salutation)),
        ("Telefoon", caregiver.phone),
        ("E-mail", caregiver.email),
        ("IBAN", caregiver.iban),
        ("Aangemeld via", _label(Source, caregiver.source)),
        ("Ingeschreven op", caregiver.registered_on),
        ("Uitgeschreven op", caregiver.ended_on),
        ("Reden einde", _label(EndReason, caregiver.end_reason)),
        ("Geen post", caregiver.no_mail),
        ("Belasting (laatste meting)", _label(BurdenLevel, caregiver.burden_level)),
        ("Overbelast", caregiver.overloaded),
        ("Laatste contact", caregiver.last_contact_on),
        ("Toegewezen aan", ", ".join(volunteers)),
        ("Notities", caregiver.notes),
    ]
    return _section("persoonsgegevens", "Persoonsgegevens", ("Gegeven", "Waarde"), rows)


def recipient_personal(recipient: CareRecipient) -> DossierSection:
    rows = [
        *_person_rows(recipient),
        ("Woonsituatie", _label(LivingSituation, recipient.living_situation)),
        ("Aandoening of zorgsituatie", recipient.condition),
        ("Notities", recipient.notes),
    ]
    return _section("persoonsgegevens", "Persoonsgegevens", ("Gegeven", "Waarde"), rows)


def naasten(session: Session, caregiver_id: int) -> DossierSection:
    rows = session.execute(
        select(CareRecipient, CareRelation)
        .join(CareRelation, CareRelation.care_recipient_id == CareRecipient.id)
        .where(CareRelation.caregiver_id == caregiver_id)
        .order_by(CareRecipient.sort_name)
    ).all()
    columns: tuple[str, ...] = (
        "Naam",
        "Relatie",
        "Uren per week",
        "Zorg sinds",
        "Geboortedatum",
        "Adres",
    )
    columns += ("Woonsituatie", "Aandoening", "Notities")
    return _section(
        "naasten",
        "Naasten",
        columns,
        (
            (
                full_name(r.first_name, r.infix, r.last_name),
                _label(RelationType, relation.relation_type),
                relation.hours_per_week,
                relation.care_since,
                r.birth_date,
                r.address.one_line,
                _label(LivingSituation, r.living_situation),
                r.condition,
                r.notes,
            )
            for r, relation in rows
        ),
    )


def caregivers_of(session: Session, recipient_id: int) -> DossierSection:
    rows = session.execute(
        select(Caregiver.first_name, Caregiver.infix, Caregiver.last_name, CareRelation)
        .join(CareRelation, CareRelation.caregiver_id == Caregiver.id)
        .where(CareRelation.care_recipient_id == recipient_id)
        .order_by(Caregiver.sort_name)
    ).all()
    return _section(
        "mantelzorgers",
        "Mantelzorgers",
        ("Naam", "Relatie", "Uren per week", "Zorg sinds"),
        (
            (
                full_name(first, infix, last),
                _label(RelationType, relation.relation_type),
                relation.hours_per_week,
                relation.care_since,
            )
            for first, infix, last, relation in rows
        ),
    )


def contacts(session: Session, caregiver_id: int) -> DossierSection:
    rows = session.execute(
        select(Contact.contact_date, Contact.kind, StaffMember.name, Contact.note)
        .outerjoin(StaffMember, StaffMember.id == Contact.staff_member_id)
        .where(Contact.caregiver_id == caregiver_id)
        .order_by(Contact.contact_date, Contact.id)
    ).all()
    return _section(
        "contacten",
        "Contactmomenten",
        ("Datum", "Soort", "Medewerker", "Notitie"),
        ((day, _label(ContactKind, kind), staff, note) for day, kind, staff, note in rows),
    )


def measurements(session: Session, caregiver_id: int) -> DossierSection:
    rows = session.execute(
        select(
            BurdenAssessment.assessed_on,
            BurdenAssessment.total,
            BurdenAssessment.answers,
            BurdenAssessment.note,
        )
        .where(BurdenAssessment.caregiver_id == caregiver_id)
        .order_by(BurdenAssessment.assessed_on, BurdenAssessment.id)
    ).all()
    return _section(
        "metingen",
        "Metingen (EDIZ-plus)",
        ("Datum", "Totaal", "Antwoorden", "Notitie"),
        rows,
    )


def referrals(session: Session, caregiver_id: int) -> DossierSection:
    rows = session.execute(
        select(Referral, Partner.name)
        .join(Partner, Partner.id == Referral.partner_id)
        .where(Referral.caregiver_id == caregiver_id)
        .order_by(Referral.referred_on, Referral.id)
    ).all()
    columns: tuple[str, ...] = (
        "Datum",
        "Organisatie",
        "Reden",
        "Toestemming om te delen",
        "Opvolgen op",
    )
    columns += ("Uitkomst", "Afgesloten op")
    return _section(
        "doorverwijzingen",
        "Doorverwijzingen",
        columns,
        (
            (
                r.referred_on,
                partner,
                r.reason,
                r.consent_to_share,
                r.follow_up_on,
                _label(ReferralOutcome, r.outcome),
                r.closed_on,
            )
            for r, partner in rows
        ),
    )


def household_help(session: Session, where: ColumnElement[bool]) -> DossierSection:
    rows = session.execute(
        select(HouseholdHelpGrant, Partner.name)
        .outerjoin(Partner, Partner.id == HouseholdHelpGrant.provider_id)
        .where(where)
        .order_by(HouseholdHelpGrant.starts_on, HouseholdHelpGrant.id)
    ).all()
    columns: tuple[str, ...] = (
        "Begin",
        "Einde",
        "Verlengd tot",
        "Gestopt per",
        "Uren per week",
        "Uren per jaar",
    )
    columns += ("Uren gebruikt", "Status", "Aanbieder", "Notitie")
    return _section(
        "huishoudelijke_hulp",
        "Huishoudelijke hulp",
        columns,
        (
            (
                g.starts_on,
                g.ends_on,
                g.extended_until,
                g.stopped_on,
                g.hours_per_week,
                g.hours_per_year,
                g.hours_used,
                _label(HouseholdHelpStatus, g.status),
                provider,
                g.note,
            )
            for g, provider in rows
        ),
    )


def applications(session: Session, where: ColumnElement[bool]) -> DossierSection:
    rows = session.execute(
        select(ComplimentApplication, ComplimentRound, CareRecipient)
        .join(ComplimentRound, ComplimentRound.id == ComplimentApplication.round_id)
        .join(CareRecipient, CareRecipient.id == ComplimentApplication.care_recipient_id)
        .where(where)
        .order_by(ComplimentApplication.received_on, ComplimentApplication.id)
    ).all()
    ids = [application.id for application, _round, _recipient in rows]
    history: dict[int, list[str]] = {}
    for change in session.scalars(
        select(ApplicationStatusChange)
        .where(ApplicationStatusChange.application_id.in_(ids))
        .order_by(ApplicationStatusChange.changed_at, ApplicationStatusChange.id)
    ):
        line = f"{text_of(change.changed_at.date())}: {_label(ApplicationStatus, change.to_status)}"
        history.setdefault(change.application_id, []).append(
            f"{line} ({change.reason})" if change.reason else line
        )
    columns: tuple[str, ...] = (
        "Ronde",
        "Naaste",
        "Ontvangen",
        "Status",
        "Bedrag",
        "IBAN",
        "Rekeninghouder",
    )
    columns += ("Besluiten",)
    return _section(
        "aanvragen",
        "Complimentaanvragen en besluiten",
        columns,
        (
            (
                f"{round_.year} {round_.municipality}",
                full_name(recipient.first_name, recipient.infix, recipient.last_name),
                application.received_on,
                _label(ApplicationStatus, application.status),
                cents_text(application.amount_cents) if application.amount_cents else "",
                application.iban,
                application.account_holder,
                "; ".join(history.get(application.id, [])),
            )
            for application, round_, recipient in rows
        ),
    )


def letters(session: Session, where: ColumnElement[bool]) -> DossierSection:
    rows = session.execute(
        select(
            SentLetter.sent_on,
            Mailing.reference,
            Mailing.template_name,
            Mailing.subject,
            SentLetter.addressed_as,
            SentLetter.reprint,
        )
        .join(Mailing, Mailing.id == SentLetter.mailing_id)
        .where(where)
        .order_by(SentLetter.sent_on, SentLetter.id)
    ).all()
    return _section(
        "brieven",
        "Verstuurde brieven",
        ("Datum", "Kenmerk", "Brief", "Onderwerp", "Gericht aan", "Herdruk"),
        rows,
    )


def consents(session: Session, where: ColumnElement[bool]) -> DossierSection:
    rows = session.scalars(select(Consent).where(where).order_by(Consent.given_on, Consent.id))
    return _section(
        "toestemmingen",
        "Toestemmingen",
        ("Gegeven op", "Waarvoor", "Hoe", "Vastgelegd op"),
        (
            (
                consent.given_on,
                ", ".join(scope.label for scope in scopes_from_text(consent.scopes)),
                _label(ConsentMethod, consent.method),
                consent.recorded_at.date(),
            )
            for consent in rows
        ),
    )


def audit_trail(session: Session, where: ColumnElement[bool]) -> DossierSection:
    rows = session.execute(
        select(AuditEvent.at, AuditEvent.staff_name, AuditEvent.kind, AuditEvent.record_table)
        .where(where)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
    ).all()
    return _section(
        "audit",
        AUDIT_HEADING,
        ("Wanneer", "Wie", "Wat", "Gegeven"),
        (
            (f"{text_of(at.date())} {at:%H:%M}", who, kind, table or "")
            for at, who, kind, table in rows
        ),
    )
