"""All services of one database, built together and handed to the window or the CLI."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from steunpunt.services.applications import ApplicationService
from steunpunt.services.care_recipients import CareRecipientService
from steunpunt.services.caregivers import CaregiverService
from steunpunt.services.compliment_rounds import RoundService
from steunpunt.services.contacts import ContactService
from steunpunt.services.letters import LetterService
from steunpunt.services.mailings import MailingService
from steunpunt.services.session_scope import SessionScope
from steunpunt.services.staff import StaffService


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


def build_services(
    factory: sessionmaker[Session], today: Callable[[], date] = date.today
) -> Services:
    scope = SessionScope(factory)
    letters = LetterService(scope, today)
    return Services(
        caregivers=CaregiverService(scope, today),
        care_recipients=CareRecipientService(scope, today),
        contacts=ContactService(scope),
        staff=StaffService(scope),
        letters=letters,
        mailings=MailingService(scope, letters, today),
        rounds=RoundService(scope, today),
        applications=ApplicationService(scope, today),
    )
