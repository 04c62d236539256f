"""What the rules look at for one application: plain facts, gathered by the service."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from steunpunt.domain.compliment.round_rules import Applicant
from steunpunt.domain.text import fold


@dataclass(frozen=True)
class ApplicationFacts:
    """One application for a caregiver-naaste relation, as the rules see it.

    Names are for the Dutch explanations; places and gemeenten as registered.
    """

    application_id: int
    caregiver_id: int
    care_recipient_id: int
    received_on: date
    caregiver_birth_date: date | None
    caregiver_municipality: str
    caregiver_place: str
    recipient_municipality: str
    recipient_place: str
    hours_per_week: float | None
    care_since: date | None
    recipient_in_wlz_institution: bool
    caregiver_registration_ended: bool
    iban: str = ""
    address_key: str = ""
    """Postcode + huisnummer + toevoeging of the caregiver, to compare addresses."""
    caregiver_name: str = ""
    recipient_name: str = ""
    caregiver_identity: str = ""
    """Folded name and birth date of the caregiver, to find the same person as a naaste."""
    recipient_identity: str = ""
    applied_by: Applicant = Applicant.CAREGIVER


def person_identity(first_name: str, last_name: str, birth_date: date | None) -> str:
    """``"ayse yilmaz 1960-02-01"``: the same person as caregiver and as naaste; "" if unknown."""
    if birth_date is None or not last_name:
        return ""
    return f"{fold(first_name)} {fold(last_name)} {birth_date.isoformat()}"
