"""A caregiver's registration data and the rules it must meet before it is saved."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from steunpunt.domain.address import ADDRESS_PARTS, Address
from steunpunt.domain.caregivers.consent import ConsentData, consent_from_fields
from steunpunt.domain.choices import ConsentScope, EndReason, Salutation, Source
from steunpunt.domain.errors import ValidationFailed
from steunpunt.domain.fields import check_not_future, merge_errors, parse_fields, with_blanks
from steunpunt.domain.names import PersonName, derive_initials


@dataclass(frozen=True)
class CaregiverData:
    """Everything staff enter for a mantelzorger, normalised and checked."""

    name: PersonName
    salutation: Salutation
    birth_date: date | None
    address: Address
    phone: str
    email: str
    iban: str
    source: Source | None
    registered_on: date
    ended_on: date | None
    end_reason: EndReason | None
    no_mail: bool
    notes: str
    consent: ConsentData | None


ADDRESS_FIELDS = ("street", "house_number", "postcode", "place")
PERSON_TEXT_FIELDS = (
    "first_name",
    "infix",
    "last_name",
    "birth_date",
    *ADDRESS_PARTS,
    "notes",
    "consent_given_on",
)
CAREGIVER_TEXT_FIELDS = (
    *PERSON_TEXT_FIELDS,
    "initials",
    "phone",
    "email",
    "iban",
    "registered_on",
    "ended_on",
)


def address_from_values(values: Mapping[str, Any]) -> Address:
    """The address of a parsed person form."""
    return Address(
        values["street"],
        values["house_number"],
        values["house_number_suffix"],
        values["postcode"],
        values["place"],
        values["municipality"],
    )


def address_errors(values: Mapping[str, object]) -> dict[str, str]:
    """An address is either empty or complete enough to send a letter to."""
    given = [name for name in ADDRESS_FIELDS if values.get(name)]
    if not given or len(given) == len(ADDRESS_FIELDS):
        return {}
    return {
        name: "Vul het adres volledig in (straat, huisnummer, postcode en woonplaats)."
        for name in ADDRESS_FIELDS
        if not values.get(name)
    }


def caregiver_from_form(
    raw: Mapping[str, str],
    consent_scopes: frozenset[ConsentScope],
    no_mail: bool,
    today: date,
) -> CaregiverData:
    """Parse and check a filled-in caregiver form; raise :class:`ValidationFailed` per field."""
    values, errors = parse_fields(with_blanks(raw, CAREGIVER_TEXT_FIELDS), today=today)
    merge_errors(errors, address_errors(values))
    if not values.get("last_name") and "last_name" not in errors:
        errors["last_name"] = "Vul de achternaam in."
    if not values.get("first_name") and not values.get("initials") and "first_name" not in errors:
        errors["first_name"] = "Vul de voornaam of de voorletters in."
    message = check_not_future(values.get("registered_on"), today, "De inschrijfdatum")
    if message:
        errors["registered_on"] = message
    ended_on = values.get("ended_on")
    end_reason = values.get("end_reason", "")
    registered_on = values.get("registered_on")
    if ended_on and registered_on and ended_on < registered_on:
        errors["ended_on"] = "De einddatum ligt vóór de inschrijfdatum."
    if ended_on and not end_reason:
        errors["end_reason"] = "Kies de reden waarom de inschrijving eindigt."
    if end_reason and not ended_on and "ended_on" not in errors:
        errors["ended_on"] = "Vul de einddatum in, of maak de reden leeg."
    consent, consent_errors = consent_from_fields(
        values.get("consent_given_on"), consent_scopes, values.get("consent_method", ""), today
    )
    merge_errors(errors, consent_errors)
    if errors:
        raise ValidationFailed(errors)
    source = values.get("source", "")
    return CaregiverData(
        name=PersonName(
            values["first_name"],
            values["infix"],
            values["last_name"],
            values["initials"] or derive_initials(values["first_name"]),
        ),
        salutation=Salutation(values.get("salutation") or Salutation.NEUTRAL.value),
        birth_date=values["birth_date"],
        address=address_from_values(values),
        phone=values["phone"],
        email=values["email"],
        iban=values["iban"],
        source=Source(source) if source else None,
        registered_on=values["registered_on"],
        ended_on=ended_on,
        end_reason=EndReason(end_reason) if end_reason else None,
        no_mail=no_mail,
        notes=values["notes"],
        consent=consent,
    )
