"""Inzage: everything the program holds about one caregiver or naaste, as PDF and JSON."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from steunpunt.db.caregivers.models import Caregiver, CareRecipient, Consent
from steunpunt.db.compliment.models import ComplimentApplication
from steunpunt.db.kernel.audit import AuditEvent
from steunpunt.db.letters.models import SentLetter
from steunpunt.db.support.models import HouseholdHelpGrant
from steunpunt.domain.audit import AuditKind
from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.letters.house_style import HouseStyle
from steunpunt.domain.names import full_name
from steunpunt.domain.privacy.dossier import Dossier, dossier_json
from steunpunt.services.caregivers.register import WHAT
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.audit_log import AuditService
from steunpunt.services.kernel.records import load
from steunpunt.services.kernel.session_scope import SessionScope
from steunpunt.services.kernel.use_case import reads, writes
from steunpunt.services.letters.mailing_output import disk_problem
from steunpunt.services.privacy import dossier_sections as sections

RECIPIENT = "Deze naaste"


class InzageService:
    """The inzage dossier of one person, and writing it to a PDF with a JSON file beside it."""

    def __init__(self, scope: SessionScope, audit: AuditService, today: Callable[[], date]) -> None:
        self._scope = scope
        self._audit = audit
        self._today = today

    @reads
    def caregiver_dossier(self, caregiver_id: int) -> Dossier:
        """Personal data, naasten, contacts, measurements, referrals, household help,
        applications and decisions, letters, consents and who viewed or changed the record."""
        with self._scope() as session:
            caregiver = load(session, Caregiver, caregiver_id, WHAT)
            return Dossier(
                full_name(caregiver.first_name, caregiver.infix, caregiver.last_name),
                "mantelzorger",
                self._today(),
                (
                    sections.caregiver_personal(session, caregiver),
                    sections.naasten(session, caregiver_id),
                    sections.contacts(session, caregiver_id),
                    sections.measurements(session, caregiver_id),
                    sections.referrals(session, caregiver_id),
                    sections.household_help(
                        session, HouseholdHelpGrant.caregiver_id == caregiver_id
                    ),
                    sections.applications(
                        session, ComplimentApplication.caregiver_id == caregiver_id
                    ),
                    sections.letters(session, SentLetter.caregiver_id == caregiver_id),
                    sections.consents(session, Consent.caregiver_id == caregiver_id),
                    sections.audit_trail(session, AuditEvent.caregiver_id == caregiver_id),
                ),
                caregiver_id=caregiver_id,
            )

    @reads
    def recipient_dossier(self, care_recipient_id: int) -> Dossier:
        """The same for a naaste: their data, their mantelzorgers, and what concerns them."""
        with self._scope() as session:
            recipient = load(session, CareRecipient, care_recipient_id, RECIPIENT)
            return Dossier(
                full_name(recipient.first_name, recipient.infix, recipient.last_name),
                "naaste",
                self._today(),
                (
                    sections.recipient_personal(recipient),
                    sections.caregivers_of(session, care_recipient_id),
                    sections.household_help(
                        session, HouseholdHelpGrant.care_recipient_id == care_recipient_id
                    ),
                    sections.applications(
                        session, ComplimentApplication.care_recipient_id == care_recipient_id
                    ),
                    sections.letters(session, SentLetter.care_recipient_id == care_recipient_id),
                    sections.consents(session, Consent.care_recipient_id == care_recipient_id),
                    sections.audit_trail(
                        session, AuditEvent.care_recipient_id == care_recipient_id
                    ),
                ),
                care_recipient_id=care_recipient_id,
            )

    @writes
    def export(
        self, actor: Actor, target: Path, dossier: Dossier, style: HouseStyle
    ) -> tuple[Path, Path]:
        """The PDF at ``target`` and the same as JSON beside it (``.json``), each put in place
        whole, and the export recorded (kind inzage, the person, the sections' row counts);
        a failed write is a known problem with a Dutch message.
        ReportLab is imported here: it loads when an export is made, not at start-up."""
        from steunpunt.io.atomic import write_atomically
        from steunpunt.letters.inzage_pdf import render_dossier

        if target.suffix.lower() != ".pdf":
            raise InvalidValue(
                f"Kies een bestandsnaam die eindigt op .pdf; '{target.name}' kan niet worden "
                "gemaakt."
            )
        json_target = target.with_suffix(".json")
        text = dossier_json(dossier)
        try:
            journal = self._scope.staging_journal
            write_atomically(
                target, lambda temporary: render_dossier(temporary, dossier, style), journal
            )
            write_atomically(
                json_target, lambda temporary: temporary.write_text(text, "utf-8"), journal
            )
        except OSError as error:
            raise disk_problem(error) from error
        details = {
            "soort": dossier.about,
            "rijen": {section.key: len(section.rows) for section in dossier.sections},
        }
        self._audit.note(
            actor,
            AuditKind.INZAGE,
            caregiver_id=dossier.caregiver_id,
            care_recipient_id=dossier.care_recipient_id,
            details=details,
            made=(target, json_target),
        )
        return target, json_target
