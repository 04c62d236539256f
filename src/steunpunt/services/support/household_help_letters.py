"""Letters of household help: the proof of registration for the provider, and the grant."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from steunpunt.domain.choices import LetterKind
from steunpunt.domain.compliment.allocation import euro
from steunpunt.domain.dates import long_date
from steunpunt.domain.letters.addressee import letter_key
from steunpunt.domain.support.household_help.settings import hours_text
from steunpunt.domain.support.household_help.status import HouseholdHelpStatus
from steunpunt.services.caregivers.register import CaregiverService
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.errors import NotAllowed
from steunpunt.services.kernel.use_case import writes
from steunpunt.services.letters.dto import MailingRequest, MailingResult
from steunpunt.services.letters.mailings import MailingService
from steunpunt.services.letters.templates import LetterService
from steunpunt.services.support.dto import GrantView
from steunpunt.services.support.household_help import HouseholdHelpService

GRANTED_STATUSES = (
    HouseholdHelpStatus.GRANTED,
    HouseholdHelpStatus.RUNNING,
    HouseholdHelpStatus.ENDED,
)


class HouseholdHelpLetterService:
    """One letter about one grant, made with the letter engine and logged on the caregiver."""

    def __init__(
        self,
        letters: LetterService,
        mailings: MailingService,
        caregivers: CaregiverService,
        household_help: HouseholdHelpService,
        today: Callable[[], date],
    ) -> None:
        self._letters = letters
        self._mailings = mailings
        self._caregivers = caregivers
        self._household_help = household_help
        self._today = today

    @writes
    def letter(self, actor: Actor, grant_id: int, kind: LetterKind, folder: Path) -> MailingResult:
        grant = self._household_help.get(grant_id)
        if kind is LetterKind.HOUSEHOLD_HELP_PROOF:
            values = self._proof(grant)
        elif kind is LetterKind.HOUSEHOLD_HELP_GRANTED:
            if grant.status not in GRANTED_STATUSES:
                raise NotAllowed(
                    f"Deze hulp is {grant.status.label.lower()}; een toekenningsbrief past "
                    "daar niet bij."
                )
            values = _granted(grant)
        else:
            raise NotAllowed("Deze brief hoort niet bij huishoudelijke hulp.")
        request = MailingRequest(
            template_id=self._letters.first_template(kind),
            letter_date=self._today(),
            folder=folder,
            caregiver_ids=(grant.caregiver_id,),
            description=f"{kind.label}, {grant.provider_name}",
            extra_values={letter_key(grant.caregiver_id): values},
        )
        return self._mailings.make_mailing(actor, request)

    def _proof(self, grant: GrantView) -> dict[str, str]:
        registered = self._caregivers.get(grant.caregiver_id).data.registered_on
        return {
            "ingeschreven_sinds": long_date(registered),
            "aanbieder": grant.provider_name or "de thuiszorgaanbieder",
        }


def _granted(grant: GrantView) -> dict[str, str]:
    data = grant.data
    household = (
        "in uw eigen huishouden"
        if data.care_recipient_id is None
        else f"in het huishouden van {grant.household.removeprefix('bij ')}"
    )
    return {
        "aanbieder": grant.provider_name,
        "huishouden": household,
        "begindatum": long_date(data.starts_on),
        "einddatum": long_date(data.extended_until or data.ends_on),
        "uren_per_week": hours_text(data.hours_per_week),
        "uren_per_jaar": hours_text(data.hours_per_year),
        "eigen_bijdrage": euro(data.own_contribution_cents),
    }
