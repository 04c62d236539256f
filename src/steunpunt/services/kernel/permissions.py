"""The permission table: which roles may call each use case, and the check every call starts with.

Every use case registered with ``@reads`` / ``@writes`` has one entry here (a test fails on a
use case without one). The use-case wrapper calls :func:`check_permission` before any work; the
window asks :func:`may` to hide or grey what a role may not do, but the check here is the guard.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from steunpunt.domain.roles import Role
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.errors import NotPermitted

EVERYONE = frozenset(Role)
"""Use cases that cannot tell who acts: file work before a database is open or signed into
(backups, the damage check), test pages, and rendering what a checked use case returned."""
ADMIN = frozenset({Role.BEHEERDER})
WORK = frozenset({Role.BEHEERDER, Role.MEDEWERKER})
CASELOAD = WORK | {Role.VRIJWILLIGER}
"""A vrijwilliger only for the caregivers assigned to them (the services check the caseload)."""
PAYMENTS = WORK | {Role.FINANCIEN}
REPORTS = WORK | {Role.RAPPORTAGE}


@dataclass(frozen=True)
class Permission:
    """Who may call one use case, and what it does in the refusal's words (``geen … doen``)."""

    roles: frozenset[Role]
    refused: str


def _group(roles: frozenset[Role], refused: str, *names: str) -> dict[str, Permission]:
    return dict.fromkeys(names, Permission(roles, refused))


_TABLE: dict[str, Permission] = {
    **_group(
        CASELOAD,
        "geen mantelzorgers zoeken of inzien",
        "caregivers.CaregiverService.count",
        "caregivers.CaregiverService.get",
        "caregivers.CaregiverService.open",
        "caregivers.CaregiverService.page",
        "caregivers.CaregiverService.rows",
        "caregivers.CaregiverService.search",
        "caregivers.CaregiverService.search_ids",
        "caregivers.CaregiverService.vocabulary",
        "caregivers.CaregiverAssignmentService.volunteers_of",
        "caregivers.CareRecipientService.get",
        "letters.MailingService.letter_log",
    ),
    **_group(
        WORK,
        "geen mantelzorgers of naasten wijzigen",
        "caregivers.CaregiverService.create",
        "caregivers.CaregiverService.update",
        "caregivers.CareRecipientService.create_for_caregiver",
        "caregivers.CareRecipientService.find",
        "caregivers.CareRecipientService.link",
        "caregivers.CareRecipientService.unlink",
        "caregivers.CareRecipientService.update",
        "caregivers.CareRecipientService.update_relation",
    ),
    **_group(
        WORK,
        "geen mantelzorgers aan vrijwilligers toewijzen",
        "caregivers.CaregiverAssignmentService.assign",
        "caregivers.CaregiverAssignmentService.unassign",
        "caregivers.CaregiverAssignmentService.volunteers",
    ),
    **_group(
        CASELOAD,
        "geen contacten vastleggen",
        "caregivers.ContactService.add",
        "caregivers.ContactService.remove",
        "caregivers.ContactService.update",
    ),
    **_group(WORK, "geen lijst exporteren", "caregivers.export_caregiver_list"),
    **_group(
        WORK,
        "geen bestanden importeren of imports ongedaan maken",
        "imports.ImportService.delete_mapping",
        "imports.ImportService.mappings",
        "imports.ImportService.open_file",
        "imports.ImportService.plan",
        "imports.ImportService.plan_file",
        "imports.ImportService.run",
        "imports.ImportService.runs",
        "imports.ImportService.save_mapping",
        "imports.ImportService.undo",
        "imports.ImportService.write_report",
    ),
    **_group(
        WORK,
        "geen dubbele mantelzorgers zoeken of samenvoegen",
        "duplicates.DuplicateService.merge",
        "duplicates.DuplicateService.merge_proposal",
        "duplicates.DuplicateService.merges",
        "duplicates.DuplicateService.not_same",
        "duplicates.DuplicateService.scan",
        "duplicates.DuplicateService.undo_merge",
    ),
    **_group(
        WORK,
        "geen aanvragen voor het mantelzorgcompliment behandelen",
        "compliment.ApplicationService.applications",
        "compliment.ApplicationService.batch_decide",
        "compliment.ApplicationService.batch_preview",
        "compliment.ApplicationService.change_status",
        "compliment.ApplicationService.detail",
        "compliment.ApplicationService.details",
        "compliment.ApplicationService.draw_sample",
        "compliment.ApplicationService.refuse_overdue_control_letters",
        "compliment.ApplicationService.register",
        "compliment.ComplimentLetterService.application_letters",
        "compliment.ComplimentLetterService.pending",
        "compliment.ComplimentLetterService.reminder",
    ),
    **_group(
        WORK,
        "geen ronde van het mantelzorgcompliment inrichten",
        "compliment.RoundService.copy_for_next_year",
        "compliment.RoundService.create",
        "compliment.RoundService.update_rules",
    ),
    **_group(
        PAYMENTS,
        "geen betalingen inzien of maken",
        "compliment.PaymentCorrectionService.reverse",
        "compliment.PaymentCorrectionService.settle_difference",
        "compliment.PaymentService.batches",
        "compliment.PaymentService.confirm_paid",
        "compliment.PaymentService.make_batch",
        "compliment.PaymentService.open_batches",
        "compliment.RoundService.get",
        "compliment.RoundService.overview",
        "compliment.RoundService.rounds",
    ),
    **_group(ADMIN, "geen medewerkers toevoegen", "kernel.StaffService.add"),
    **_group(ADMIN, "geen demogegevens toevoegen", "kernel.add_demo_data"),
    **_group(
        ADMIN,
        "de database niet versleutelen",
        "accounts.AccountService.key_holder",
        "kernel.encrypt_database",
        "kernel.recovery_sheet_preview",
        "kernel.remove_plain_copies",
        "kernel.write_recovery_sheet",
    ),
    **_group(
        ADMIN,
        "geen reservekopieën beheren of terugzetten",
        "kernel.BackupService.before_restore",
        "kernel.BackupService.save_settings",
    ),
    **_group(
        EVERYONE,
        "het programma niet starten",
        "kernel.backups",
        "kernel.restore",
        "kernel.restore_before_sign_in",
        "kernel.BackupService.due",
        "kernel.BackupService.make",
        "kernel.BackupService.settings",
        "kernel.BackupService.warning",
        "kernel.StaffService.default_actor",
        "kernel.StaffService.list",
        "kernel.find_damage",
        "kernel.settle_interrupted_encryption",
        "kernel.clear_temporary_files",
        "kernel.plain_copies",
        "letters.clear_leftovers",
        "letters.LetterService.house_style",
        "letters.render_preview",
        "letters.write_calibration_page",
        "letters.write_label_test_sheet",
    ),
    **_group(REPORTS, "geen verantwoording maken", "reports.write_report_file"),
    **_group(
        ADMIN,
        "het auditlog niet inzien",
        "kernel.AuditService.events",
        "kernel.AuditService.export",
        "kernel.AuditService.for_caregiver",
    ),
    **_group(EVERYONE, "niets vastleggen", "kernel.AuditService.note"),
    **_group(
        EVERYONE,
        "niet aanmelden",
        "accounts.AccountService.change_own_password",
        "accounts.AccountService.create_first_beheerder",
        "accounts.AccountService.first_beheerder_needed",
        "accounts.AccountService.lock",
        "accounts.AccountService.settings",
        "accounts.AccountService.sign_in",
        "accounts.AccountService.sign_out",
        "accounts.AccountService.unlock",
    ),
    **_group(
        ADMIN,
        "geen accounts beheren",
        "accounts.AccountService.accounts",
        "accounts.AccountService.activate",
        "accounts.AccountService.add",
        "accounts.AccountService.deactivate",
        "accounts.AccountService.edit",
        "accounts.AccountService.reset_password",
        "accounts.AccountService.set_lock_minutes",
    ),
    **_group(
        ADMIN,
        "de herstelsleutel niet gebruiken of vervangen",
        "accounts.RecoveryService.beheerders",
        "accounts.RecoveryService.new_recovery_key",
        "accounts.RecoveryService.take_over",
    ),
    **_group(
        ADMIN,
        "geen gegevens verwijderen",
        "privacy.ErasureService.anonymise",
        "privacy.ErasureService.anonymise_many",
        "privacy.ErasureService.plan",
    ),
    **_group(
        ADMIN,
        "de bewaartermijn niet beheren",
        "privacy.RetentionService.past_period",
        "privacy.RetentionService.save_settings",
        "privacy.RetentionService.settings",
    ),
    **_group(
        WORK,
        "geen inzage-export maken",
        "privacy.InzageService.caregiver_dossier",
        "privacy.InzageService.export",
        "privacy.InzageService.recipient_dossier",
    ),
    **_group(
        ADMIN,
        "de huisstijl en de brieven niet wijzigen",
        "letters.LetterService.remove_template",
        "letters.LetterService.save_house_style",
        "letters.LetterService.save_template",
    ),
    **_group(
        WORK,
        "geen mailing maken",
        "letters.LetterService.filters",
        "letters.LetterService.first_template",
        "letters.LetterService.mailing_templates",
        "letters.LetterService.remove_filter",
        "letters.LetterService.save_filter",
        "letters.LetterService.template",
        "letters.LetterService.templates",
        "letters.MailingService.count_recipients",
        "letters.MailingService.left_out",
        "letters.MailingService.make_mailing",
        "letters.MailingService.preview_letters",
        "letters.MailingService.reprint",
        "letters.MailingService.select_recipients",
    ),
    **_group(
        REPORTS,
        "geen verantwoording of dashboard inzien",
        "reports.ReportService.municipalities",
        "reports.ReportService.report",
        "reports.ReportService.settings",
    ),
    **_group(
        ADMIN,
        "de instellingen niet wijzigen",
        "reports.ReportService.save_settings",
        "support.BurdenService.save_bands",
        "support.HouseholdHelpService.save_rules",
        "today.WorklistService.save_settings",
    ),
    **_group(
        CASELOAD,
        "geen metingen van de belasting vastleggen of inzien",
        "support.BurdenService.bands",
        "support.BurdenService.record",
        "support.BurdenService.remove",
        "support.BurdenService.statements",
        "support.BurdenService.summary",
    ),
    **_group(
        WORK,
        "geen huishoudelijke hulp behandelen",
        "support.HouseholdHelpLetterService.letter",
        "support.HouseholdHelpService.change_rate",
        "support.HouseholdHelpService.change_status",
        "support.HouseholdHelpService.get",
        "support.HouseholdHelpService.grants",
        "support.HouseholdHelpService.record_hours",
        "support.HouseholdHelpService.remove",
        "support.HouseholdHelpService.request",
        "support.HouseholdHelpService.rules",
        "support.HouseholdHelpService.update",
    ),
    **_group(
        WORK,
        "de sociale kaart niet wijzigen",
        "support.PartnerService.create",
        "support.PartnerService.remove",
        "support.PartnerService.update",
    ),
    **_group(
        CASELOAD,
        "geen doorverwijzingen vastleggen of inzien",
        "support.PartnerService.get",
        "support.PartnerService.partners",
        "support.ReferralService.add",
        "support.ReferralService.referrals",
        "support.ReferralService.remove",
        "support.ReferralService.update",
    ),
    **_group(
        CASELOAD,
        "de werklijst niet gebruiken",
        "today.WorklistService.done_items",
        "today.WorklistService.items",
        "today.WorklistService.mark_done",
        "today.WorklistService.reopen",
        "today.WorklistService.settings",
        "today.WorklistService.snooze",
    ),
}

PERMISSIONS: Mapping[str, Permission] = MappingProxyType(_TABLE)
"""Every use case by name (``caregivers.CaregiverService.update``): who may call it."""


def may(role: Role, feature: str, name: str) -> bool:
    """Whether ``role`` may call the use case ``name`` (``Class.method``) of ``feature``."""
    permission = PERMISSIONS.get(f"{feature}.{name}")
    return permission is not None and role in permission.roles


def check_permission(use_case: str, actor: Actor | None) -> None:
    """Refuse with a Dutch :class:`NotPermitted` when ``actor`` may not call ``use_case``.

    Without an actor (a call by the program itself, before anyone signed in) nothing is
    refused, as the default actor is a beheerder; a use case missing from the table is a
    programming error and refused for everyone.
    """
    if actor is None:
        return
    permission = PERMISSIONS.get(use_case)
    if permission is None:
        raise NotPermitted(f"Deze handeling ({use_case}) staat niet in de tabel van rechten.")
    if actor.role not in permission.roles:
        raise NotPermitted(f"Met de rol {actor.role.label} mag u {permission.refused}.")
