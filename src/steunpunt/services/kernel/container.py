"""All services of one database, handed to the window or the CLI.

Each service is made (and its module imported) the first time it is asked for: start-up pays
only for the register and the worklist, not for the compliment round or the reports.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session, sessionmaker

from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.changes import ChangeFeed
from steunpunt.services.kernel.session_scope import SessionScope

if TYPE_CHECKING:
    from steunpunt.services.accounts.accounts import AccountService
    from steunpunt.services.accounts.key_ring import KeyRingAccess
    from steunpunt.services.accounts.recovery import RecoveryService
    from steunpunt.services.caregivers.assignments import CaregiverAssignmentService
    from steunpunt.services.caregivers.care_recipients import CareRecipientService
    from steunpunt.services.caregivers.contacts import ContactService
    from steunpunt.services.caregivers.register import CaregiverService
    from steunpunt.services.compliment.applications import ApplicationService
    from steunpunt.services.compliment.letters import ComplimentLetterService
    from steunpunt.services.compliment.payment_corrections import PaymentCorrectionService
    from steunpunt.services.compliment.payments import PaymentService
    from steunpunt.services.compliment.rounds import RoundService
    from steunpunt.services.duplicates.duplicates import DuplicateService
    from steunpunt.services.duplicates.register_pairs import RegisterPairs
    from steunpunt.services.imports.service import ImportService
    from steunpunt.services.kernel.audit_log import AuditService
    from steunpunt.services.kernel.backup import BackupService
    from steunpunt.services.kernel.staff import StaffService
    from steunpunt.services.letters.mailings import MailingService
    from steunpunt.services.letters.templates import LetterService
    from steunpunt.services.privacy.erasure import ErasureService
    from steunpunt.services.privacy.inzage import InzageService
    from steunpunt.services.privacy.retention import RetentionService
    from steunpunt.services.reports.report import ReportService
    from steunpunt.services.support.burden import BurdenService
    from steunpunt.services.support.household_help import HouseholdHelpService
    from steunpunt.services.support.household_help_letters import HouseholdHelpLetterService
    from steunpunt.services.support.partners import PartnerService
    from steunpunt.services.support.referrals import ReferralService
    from steunpunt.services.today.worklist import WorklistService


class Services:
    """The use cases of one database; every service shares one session scope and clock."""

    def __init__(
        self,
        scope: SessionScope,
        today: Callable[[], date],
        key_ring: KeyRingAccess | None = None,
    ) -> None:
        self._scope = scope
        self._today = today
        self._key_ring = key_ring
        """The key file and data key of an encrypted database (None: a plain one)."""
        self._pairs: RegisterPairs | None = None

    def acting_as(self, actor: Actor) -> Services:
        """The same database's use cases, with every read held to ``actor``'s role and caseload."""
        return Services(self._scope.with_reader(actor), self._today, self._key_ring)

    @property
    def reader(self) -> Actor | None:
        """The user the reads act for (None: not bound to a signed-in user)."""
        return self._scope.reader

    @property
    def changes(self) -> ChangeFeed:
        """What every committed service call wrote, for the screens that show it."""
        return self._scope.changes

    @cached_property
    def caregivers(self) -> CaregiverService:
        from steunpunt.services.caregivers.register import CaregiverService

        return CaregiverService(self._scope, self._today)

    @cached_property
    def care_recipients(self) -> CareRecipientService:
        from steunpunt.services.caregivers.care_recipients import CareRecipientService

        return CareRecipientService(self._scope, self._today)

    @cached_property
    def assignments(self) -> CaregiverAssignmentService:
        from steunpunt.services.caregivers.assignments import CaregiverAssignmentService

        return CaregiverAssignmentService(self._scope)

    @cached_property
    def contacts(self) -> ContactService:
        from steunpunt.services.caregivers.contacts import ContactService

        return ContactService(self._scope)

    @cached_property
    def duplicates(self) -> DuplicateService:
        from steunpunt.services.duplicates.duplicates import DuplicateService

        return DuplicateService(self._scope, self._register_pairs())

    def _register_pairs(self) -> RegisterPairs:
        """The register's likely duplicates, kept for the scan and the round's fraud check (no
        use case of its own: made on first use, not at start-up)."""
        if self._pairs is None:
            from steunpunt.services.duplicates.register_pairs import RegisterPairs

            self._pairs = RegisterPairs(self._scope.changes)
        return self._pairs

    @cached_property
    def accounts(self) -> AccountService:
        from steunpunt.services.accounts.accounts import AccountService

        return AccountService(self._scope, key_ring=self._key_ring)

    @cached_property
    def recovery(self) -> RecoveryService:
        from steunpunt.services.accounts.recovery import RecoveryService

        return RecoveryService(self._scope, self._key_ring)

    @cached_property
    def staff(self) -> StaffService:
        from steunpunt.services.kernel.staff import StaffService

        return StaffService(self._scope)

    @cached_property
    def audit(self) -> AuditService:
        from steunpunt.services.kernel.audit_log import AuditService

        return AuditService(self._scope)

    @cached_property
    def letters(self) -> LetterService:
        from steunpunt.services.letters.templates import LetterService

        return LetterService(self._scope, self._today)

    @cached_property
    def mailings(self) -> MailingService:
        from steunpunt.services.letters.mailings import MailingService

        return MailingService(self._scope, self.letters, self._today)

    @cached_property
    def rounds(self) -> RoundService:
        from steunpunt.services.compliment.rounds import RoundService

        return RoundService(self._scope, self._today, self._register_pairs())

    @cached_property
    def applications(self) -> ApplicationService:
        from steunpunt.services.compliment.applications import ApplicationService

        return ApplicationService(self._scope, self._today, self._register_pairs())

    @cached_property
    def payments(self) -> PaymentService:
        from steunpunt.services.compliment.payments import PaymentService

        return PaymentService(self._scope, self.rounds, self._today)

    @cached_property
    def payment_corrections(self) -> PaymentCorrectionService:
        from steunpunt.services.compliment.payment_corrections import PaymentCorrectionService

        return PaymentCorrectionService(self._scope, self._today, self._register_pairs())

    @cached_property
    def compliment_letters(self) -> ComplimentLetterService:
        from steunpunt.services.compliment.letters import ComplimentLetterService

        return ComplimentLetterService(
            self._scope, self.letters, self.mailings, self.applications, self._today
        )

    @cached_property
    def burden(self) -> BurdenService:
        from steunpunt.services.support.burden import BurdenService

        return BurdenService(self._scope)

    @cached_property
    def partners(self) -> PartnerService:
        from steunpunt.services.support.partners import PartnerService

        return PartnerService(self._scope)

    @cached_property
    def referrals(self) -> ReferralService:
        from steunpunt.services.support.referrals import ReferralService

        return ReferralService(self._scope)

    @cached_property
    def household_help(self) -> HouseholdHelpService:
        from steunpunt.services.support.household_help import HouseholdHelpService

        return HouseholdHelpService(self._scope)

    @cached_property
    def worklist(self) -> WorklistService:
        from steunpunt.services.today.worklist import WorklistService

        return WorklistService(self._scope, self._today)

    @cached_property
    def household_help_letters(self) -> HouseholdHelpLetterService:
        from steunpunt.services.support.household_help_letters import HouseholdHelpLetterService

        return HouseholdHelpLetterService(
            self.letters, self.mailings, self.caregivers, self.household_help, self._today
        )

    @cached_property
    def reports(self) -> ReportService:
        from steunpunt.services.reports.report import ReportService

        return ReportService(self._scope, self._today)

    @cached_property
    def inzage(self) -> InzageService:
        from steunpunt.services.privacy.inzage import InzageService

        return InzageService(self._scope, self.audit, self._today)

    @cached_property
    def erasure(self) -> ErasureService:
        from steunpunt.services.privacy.erasure import ErasureService

        return ErasureService(self._scope, self._today)

    @cached_property
    def backups(self) -> BackupService:
        from steunpunt.services.kernel.backup import BackupService

        return BackupService(self._scope, self.audit, self._today)

    @cached_property
    def retention(self) -> RetentionService:
        from steunpunt.services.privacy.retention import RetentionService

        return RetentionService(self._scope, self._today)

    @cached_property
    def imports(self) -> ImportService:
        from steunpunt.services.imports.service import ImportService

        return ImportService(self._scope, self.audit, self._today)


def build_services(
    factory: sessionmaker[Session],
    today: Callable[[], date] = date.today,
    *,
    read_only: bool = False,
    key_ring: KeyRingAccess | None = None,
) -> Services:
    return Services(SessionScope(factory, read_only=read_only), today, key_ring)
