"""All services of one database, built together and handed to the window or the CLI."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from steunpunt.services.applications import ApplicationService
from steunpunt.services.burden import BurdenService
from steunpunt.services.care_recipients import CareRecipientService
from steunpunt.services.caregivers import CaregiverService
from steunpunt.services.compliment_letters import ComplimentLetterService
from steunpunt.services.compliment_rounds import RoundService
from steunpunt.services.contacts import ContactService
from steunpunt.services.household_help import HouseholdHelpService
from steunpunt.services.household_help_letters import HouseholdHelpLetterService
from steunpunt.services.letters import LetterService
from steunpunt.services.mailings import MailingService
from steunpunt.services.office_settings import OfficeSettingService
from steunpunt.services.partners import PartnerService
from steunpunt.services.payments import PaymentService
from steunpunt.services.referrals import ReferralService
from steunpunt.services.reports import ReportService
from steunpunt.services.session_scope import SessionScope
from steunpunt.services.staff import StaffService
from steunpunt.services.worklist import WorklistService


@dataclass(frozen=True)
class Services:
    caregivers: CaregiverService
    care_recipients: CareRecipientService
    contacts: ContactService
    staff: StaffService
    letters: LetterService
    mailings: MailingService
    rounds: RoundService
    applications: ApplicationService
    payments: PaymentService
    compliment_letters: ComplimentLetterService
    settings: OfficeSettingService
    burden: BurdenService
    partners: PartnerService
    referrals: ReferralService
    household_help: HouseholdHelpService
    worklist: WorklistService
    household_help_letters: HouseholdHelpLetterService
    reports: ReportService


def build_services(
    factory: sessionmaker[Session], today: Callable[[], date] = date.today
) -> Services:
    scope = SessionScope(factory)
    letters = LetterService(scope, today)
    rounds = RoundService(scope, today)
    mailings = MailingService(scope, letters, today)
    applications = ApplicationService(scope, today)
    caregivers = CaregiverService(scope, today)
    household_help = HouseholdHelpService(scope)
    return Services(
        caregivers=caregivers,
        care_recipients=CareRecipientService(scope, today),
        contacts=ContactService(scope),
        staff=StaffService(scope),
        letters=letters,
        mailings=mailings,
        rounds=rounds,
        applications=applications,
        payments=PaymentService(scope, rounds, today),
        compliment_letters=ComplimentLetterService(scope, letters, mailings, applications, today),
        settings=OfficeSettingService(scope),
        burden=BurdenService(scope),
        partners=PartnerService(scope),
        referrals=ReferralService(scope),
        household_help=household_help,
        worklist=WorklistService(scope, today),
        household_help_letters=HouseholdHelpLetterService(
            letters, mailings, caregivers, household_help, today
        ),
        reports=ReportService(scope, today),
    )
