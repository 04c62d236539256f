"""A referral: handing a caregiver on to a partner organisation, and how it turned out."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from steunpunt.domain.choices import LabelledChoice
from steunpunt.domain.dates import parse_optional_date
from steunpunt.domain.errors import InvalidValue, ValidationFailed
from steunpunt.domain.fields import (
    PERSON_PARSERS,
    check_not_future,
    choice_of,
    note_text,
    parse_fields,
    required_date,
    with_blanks,
)

NO_CONSENT = (
    "Zonder toestemming van de mantelzorger om gegevens te delen wordt er niet doorverwezen. "
    "Vraag eerst toestemming."
)


class ReferralOutcome(LabelledChoice):
    HELPED = "geholpen"
    WAITING_LIST = "wachtlijst"
    NOT_SUITABLE = "niet_passend"
    NO_CONTACT = "geen_contact"

    @property
    def label(self) -> str:
        return {
            ReferralOutcome.HELPED: "Geholpen",
            ReferralOutcome.WAITING_LIST: "Wachtlijst",
            ReferralOutcome.NOT_SUITABLE: "Niet passend",
            ReferralOutcome.NO_CONTACT: "Geen contact",
        }[self]


@dataclass(frozen=True)
class ReferralData:
    """One referral; it is closed when its outcome is known."""

    partner_id: int
    referred_on: date
    reason: str
    consent_to_share: bool
    follow_up_on: date | None
    outcome: ReferralOutcome | None
    closed_on: date | None

    @property
    def is_open(self) -> bool:
        return self.closed_on is None


REFERRAL_FIELDS = ("referred_on", "reason", "follow_up_on", "closed_on")
REASON_LIMIT = 500


def _reason(value: str) -> str:
    """Why, as typed: line breaks kept, at most 500 characters."""
    text = note_text(value)
    if len(text) > REASON_LIMIT:
        raise InvalidValue(f"Een reden is hoogstens {REASON_LIMIT} tekens.")
    return text


REFERRAL_PARSERS = {
    **PERSON_PARSERS,
    "referred_on": required_date,
    "reason": _reason,
    "follow_up_on": parse_optional_date,
    "closed_on": parse_optional_date,
    "outcome": choice_of(ReferralOutcome),
}


def referral_from_form(
    raw: Mapping[str, str], partner_id: int | None, consent_to_share: bool, today: date
) -> ReferralData:
    """Parse the referral form. Without consent to share data nothing is referred.

    An outcome closes the referral (today, unless a date is given); a closing date needs one.
    """
    values, errors = parse_fields(with_blanks(raw, REFERRAL_FIELDS), REFERRAL_PARSERS, today)
    if partner_id is None:
        errors["partner"] = "Kies de organisatie waarnaar u doorverwijst."
    if not consent_to_share:
        errors["consent_to_share"] = NO_CONSENT
    referred_on = values.get("referred_on")
    message = check_not_future(referred_on, today, "De datum van de verwijzing")
    if message:
        errors["referred_on"] = message
    if not values.get("reason") and "reason" not in errors:
        errors["reason"] = "Vul in waarom u doorverwijst."
    outcome_code = values.get("outcome", "")
    outcome = ReferralOutcome(outcome_code) if outcome_code else None
    closed_on = values.get("closed_on")
    if outcome is not None and closed_on is None and "closed_on" not in errors:
        closed_on = today
    if closed_on is not None and outcome is None:
        errors["outcome"] = "Kies de uitkomst, of maak de datum van afsluiten leeg."
    for name, later in (("follow_up_on", values.get("follow_up_on")), ("closed_on", closed_on)):
        if referred_on and later and later < referred_on and name not in errors:
            errors[name] = "Deze datum ligt vóór de datum van de verwijzing."
    if errors or partner_id is None or referred_on is None:
        raise ValidationFailed(errors)
    return ReferralData(
        partner_id,
        referred_on,
        values["reason"],
        consent_to_share,
        values["follow_up_on"],
        outcome,
        closed_on,
    )
