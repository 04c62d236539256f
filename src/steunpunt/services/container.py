"""All services of one database, built together and handed to the window or the CLI."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from steunpunt.services.care_recipients import CareRecipientService
from steunpunt.services.caregivers import CaregiverService
from steunpunt.services.contacts import ContactService
from steunpunt.services.session_scope import SessionScope
from steunpunt.services.staff import StaffService


@dataclass(frozen=True)
class Services:
    caregivers: CaregiverService
    care_recipients: CareRecipientService
    contacts: ContactService
    staff: StaffService


def build_services(
    factory: sessionmaker[Session], today: Callable[[], date] = date.today
) -> Services:
    scope = SessionScope(factory)
    return Services(
        caregivers=CaregiverService(scope, today),
        care_recipients=CareRecipientService(scope, today),
        contacts=ContactService(scope),
        staff=StaffService(scope),
    )
