"""A naaste (care recipient), the caregiver-naaste relation, and their form rules."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from steunpunt.domain.address import Address
from steunpunt.domain.caregivers.caregiver import (
    PERSON_TEXT_FIELDS,
    address_errors,
    address_from_values,
)
from steunpunt.domain.caregivers.consent import ConsentData, consent_from_fields
from steunpunt.domain.choices import ConsentScope, LivingSituation, RelationType
from steunpunt.domain.errors import ValidationFailed
from steunpunt.domain.fields import merge_errors, parse_fields, with_blanks
from steunpunt.domain.names import PersonName


@dataclass(frozen=True)
class CareRecipientData:
    """What staff record about a naaste."""

    name: PersonName
    birth_date: date | None
    address: Address
    condition: str
    living_situation: LivingSituation
    notes: str
    consent: ConsentData | None


@dataclass(frozen=True)
class RelationData:
    """How one caregiver cares for one naaste."""

    relation_type: RelationType
    hours_per_week: float | None
    care_since: date | None


def care_recipient_from_form(
    raw: Mapping[str, str], consent_scopes: frozenset[ConsentScope], today: date
) -> CareRecipientData:
    """Parse and check a naaste form; raise :class:`ValidationFailed` per field."""
    values, errors = parse_fields(with_blanks(raw, (*PERSON_TEXT_FIELDS, "condition")), today=today)
    merge_errors(errors, address_errors(values))
    if not values.get("last_name") and "last_name" not in errors:
        errors["last_name"] = "Vul de achternaam van de naaste in."
    consent, consent_errors = consent_from_fields(
        values.get("consent_given_on"), consent_scopes, values.get("consent_method", ""), today
    )
    merge_errors(errors, consent_errors)
    if errors:
        raise ValidationFailed(errors)
    return CareRecipientData(
        name=PersonName(values["first_name"], values["infix"], values["last_name"]),
        birth_date=values["birth_date"],
        address=address_from_values(values),
        condition=values["condition"],
        living_situation=LivingSituation(values.get("living_situation") or LivingSituation.AT_HOME),
        notes=values["notes"],
        consent=consent,
    )


def relation_from_form(raw: Mapping[str, str], today: date) -> RelationData:
    """Parse the relation fields (type, hours per week, care since)."""
    values, errors = parse_fields(with_blanks(raw, ("hours_per_week", "care_since")), today=today)
    if not values.get("relation_type") and "relation_type" not in errors:
        errors["relation_type"] = "Kies de relatie tot de naaste."
    if errors:
        raise ValidationFailed(errors)
    return RelationData(
        RelationType(values["relation_type"]), values["hours_per_week"], values["care_since"]
    )
