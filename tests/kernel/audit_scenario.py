"""A walk through the main writing use case of every feature, for the audit trail's tests.

Each step is one use case: its name, what it does, and the audit event it must leave (kind,
table, the caregiver it is about, fields that must be among those recorded as changed).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from steunpunt.domain.audit import AuditKind
from steunpunt.domain.choices import LetterKind
from steunpunt.domain.imports.read_row import ReadRow
from steunpunt.domain.letters.house_style import HouseStyle
from steunpunt.domain.letters.recipient_filter import RecipientFilter
from steunpunt.domain.roles import Role
from steunpunt.domain.support.burden import BurdenBands
from steunpunt.domain.support.partner import partner_from_form
from steunpunt.domain.support.referral import referral_from_form
from steunpunt.services.accounts.dto import AccountData
from steunpunt.services.caregivers.list_export import column, export_caregiver_list
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.services.letters.dto import MailingRequest
from steunpunt.services.reports.report_file import write_report_file
from tests.compliment.test_services_compliment import SOEST, apply, iban_number, pair
from tests.conftest import TODAY
from tests.helpers import add_caregiver, add_mailing_people, contact_data
from tests.support.test_services_support import partner_form, referral_form


@dataclass(frozen=True)
class Expected:
    """The audit event a step must leave."""

    kind: AuditKind
    table: str | None
    caregiver: bool
    """Whether the event names the step's caregiver."""
    fields: tuple[str, ...] = ()


@dataclass
class Walk:
    """What the steps share: the services, the acting user, a folder, the caregiver at hand."""

    services: Services
    actor: Actor
    folder: Path
    caregiver_id: int = 0
    contact_id: int = 0
    contact_version: int = 0
    round_id: int = 0
    import_run_id: int = 0
    merge_id: int = 0


Step = tuple[str, Callable[[Walk], object], Expected]

PASSWORD = "lange zin als wachtwoord"


def _create(walk: Walk) -> None:
    walk.caregiver_id = add_caregiver(walk.services, walk.actor, first_name="Anna").id


def _update(walk: Walk) -> None:
    detail = walk.services.caregivers.get(walk.caregiver_id)
    walk.services.caregivers.update(
        walk.actor, detail.id, detail.version, replace(detail.data, notes="Belt liever 's avonds")
    )


def _add_contact(walk: Walk) -> None:
    view = walk.services.contacts.add(walk.actor, walk.caregiver_id, contact_data())
    walk.contact_id, walk.contact_version = view.id, view.version


def _remove_contact(walk: Walk) -> None:
    walk.services.contacts.remove(walk.actor, walk.contact_id, walk.contact_version)


def _naaste(walk: Walk) -> None:
    from tests.helpers import care_recipient_data, relation_data

    walk.services.care_recipients.create_for_caregiver(
        walk.actor, walk.caregiver_id, care_recipient_data(), relation_data()
    )


def _referral(walk: Walk) -> None:
    partner = walk.services.partners.create(
        walk.actor, partner_from_form(partner_form(), active=True)
    )
    data = referral_from_form(referral_form(), partner.id, consent_to_share=True, today=TODAY)
    walk.services.referrals.add(walk.actor, walk.caregiver_id, data)


def _bands(walk: Walk) -> None:
    walk.services.burden.save_bands(walk.actor, BurdenBands())


def _worklist(walk: Walk) -> None:
    walk.services.worklist.mark_done(walk.actor, f"contact:{walk.caregiver_id}:nooit")


def _mailing(walk: Walk) -> None:
    add_mailing_people(walk.services, walk.actor)
    template = walk.services.letters.templates(LetterKind.DAY_OF_CARE)[0]
    request = MailingRequest(template.id, TODAY, walk.folder, criteria=RecipientFilter())
    walk.services.mailings.make_mailing(walk.actor, request)


def _export(walk: Walk) -> None:
    export_caregiver_list(
        walk.services.caregivers,
        walk.services.audit,
        walk.actor,
        [walk.caregiver_id],
        walk.folder / "lijst.xlsx",
        [column("naam")],
    )


def _report(walk: Walk) -> None:
    report = walk.services.reports.report(date(2026, 1, 1), date(2026, 12, 31), "", "Steunpunt")
    write_report_file(
        walk.services.audit, walk.actor, walk.folder / "verantwoording.xlsx", report, HouseStyle()
    )


def _payment_file(walk: Walk) -> None:
    services, actor = walk.services, walk.actor
    rules = replace(SOEST, payer_name="Gemeente Soest", payer_iban=iban_number(99))
    walk.round_id = services.rounds.create(actor, rules).id
    application = apply(
        services, actor, walk.round_id, pair(services, actor, "bram"), iban_number(1)
    )
    services.applications.batch_decide(actor, walk.round_id, [application])
    services.payments.make_batch(actor, walk.round_id, date(2026, 12, 1), walk.folder)


def _account(walk: Walk) -> None:
    data = AccountData("Vera Vrijwilliger", "vera", Role.VRIJWILLIGER)
    walk.services.accounts.add(walk.actor, data, PASSWORD, PASSWORD)


def _inzage(walk: Walk) -> None:
    services = walk.services
    dossier = services.inzage.caregiver_dossier(walk.caregiver_id)
    style, _version = services.letters.house_style()
    services.inzage.export(walk.actor, walk.folder / "inzage.pdf", dossier, style)


def _not_same(walk: Walk) -> None:
    sister = add_caregiver(walk.services, walk.actor, first_name="Anne")
    walk.services.duplicates.not_same(walk.actor, walk.caregiver_id, sister.id)


def _merge(walk: Walk) -> None:
    twin = add_caregiver(walk.services, walk.actor, first_name="Anna", email="")
    proposal = walk.services.duplicates.merge_proposal(walk.caregiver_id, twin.id)
    walk.merge_id = walk.services.duplicates.merge(
        walk.actor, walk.caregiver_id, twin.id, {}, dict(proposal.versions)
    ).merge_id


def _undo_merge(walk: Walk) -> None:
    walk.services.duplicates.undo_merge(walk.actor, walk.merge_id)


def _erase(walk: Walk) -> None:
    walk.services.erasure.anonymise(walk.actor, walk.caregiver_id)


def _import(walk: Walk) -> None:
    rows = [ReadRow(2, ("Bea Bos",), {"first_name": "Bea", "last_name": "Bos"})]
    plan = walk.services.imports.plan(rows)
    result = walk.services.imports.run(walk.actor, plan, "aanmeldingen.csv", "", {})
    walk.import_run_id = result.run_id


def _import_report(walk: Walk) -> None:
    rows = [ReadRow(2, ("Bea Bos",), {"first_name": "Bea", "last_name": "Bos"})]
    plan = walk.services.imports.plan(rows)
    walk.services.imports.write_report(walk.actor, walk.folder / "rapport.xlsx", plan, ["Naam"])


def _undo_import(walk: Walk) -> None:
    walk.services.imports.undo(walk.actor, walk.import_run_id)


def _open(walk: Walk) -> None:
    walk.services.caregivers.open(walk.actor, walk.caregiver_id)


STEPS: tuple[Step, ...] = (
    (
        "caregivers.CaregiverService.create",
        _create,
        Expected(AuditKind.CREATED, "caregiver", True, ("first_name",)),
    ),
    (
        "caregivers.CaregiverService.update",
        _update,
        Expected(AuditKind.CHANGED, "caregiver", True, ("notes",)),
    ),
    ("caregivers.CaregiverService.open", _open, Expected(AuditKind.VIEWED, None, True)),
    (
        "caregivers.ContactService.add",
        _add_contact,
        Expected(AuditKind.CREATED, "contact", True, ("contact_date",)),
    ),
    (
        "caregivers.ContactService.remove",
        _remove_contact,
        Expected(AuditKind.DELETED, "contact", True, ("contact_date",)),
    ),
    (
        "caregivers.CareRecipientService.create_for_caregiver",
        _naaste,
        Expected(AuditKind.CREATED, "care_relation", True, ("hours_per_week",)),
    ),
    (
        "support.ReferralService.add",
        _referral,
        Expected(AuditKind.CREATED, "referral", True, ("partner_id",)),
    ),
    ("support.BurdenService.save_bands", _bands, Expected(AuditKind.CHANGED, "caregiver", False)),
    (
        "today.WorklistService.mark_done",
        _worklist,
        Expected(AuditKind.CREATED, "worklist_mark", False, ("item_key", "done")),
    ),
    ("caregivers.export_caregiver_list", _export, Expected(AuditKind.EXPORT, None, False)),
    ("reports.write_report_file", _report, Expected(AuditKind.REPORT, None, False)),
    (
        "letters.MailingService.make_mailing",
        _mailing,
        Expected(AuditKind.MAILING, "mailing", False),
    ),
    (
        "compliment.PaymentService.make_batch",
        _payment_file,
        Expected(AuditKind.PAYMENT_FILE, "payment_batch", False),
    ),
    (
        "accounts.AccountService.add",
        _account,
        Expected(AuditKind.CREATED, "staff_member", False, ("login", "role")),
    ),
    ("privacy.InzageService.export", _inzage, Expected(AuditKind.INZAGE, None, True)),
    (
        "imports.ImportService.write_report",
        _import_report,
        Expected(AuditKind.EXPORT, None, False),
    ),
    ("imports.ImportService.run", _import, Expected(AuditKind.IMPORTED, "import_run", False)),
    (
        "imports.ImportService.undo",
        _undo_import,
        Expected(AuditKind.IMPORT_UNDONE, "import_run", False),
    ),
    ("duplicates.DuplicateService.not_same", _not_same, Expected(AuditKind.NOT_SAME, None, True)),
    (
        "duplicates.DuplicateService.merge",
        _merge,
        Expected(AuditKind.MERGED, "caregiver_merge", True),
    ),
    (
        "duplicates.DuplicateService.undo_merge",
        _undo_merge,
        Expected(AuditKind.MERGE_UNDONE, "caregiver_merge", True),
    ),
    ("privacy.ErasureService.anonymise", _erase, Expected(AuditKind.ERASED, "caregiver", True)),
)
"""The steps in order; later ones use what earlier ones made."""
