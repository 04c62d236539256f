"""Merging an imported row into a person already known: only empty fields are filled."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from steunpunt.domain.address import ADDRESS_PARTS, Address
from steunpunt.domain.caregivers.care_recipient import CareRecipientData, RelationData
from steunpunt.domain.caregivers.caregiver import CaregiverData
from steunpunt.domain.choices import Salutation
from steunpunt.domain.text import fold

SINGLE_FIELDS: tuple[str, ...] = (
    "first_name",
    "initials",
    "salutation",
    "birth_date",
    "phone",
    "email",
    "iban",
    "notes",
)
"""Fields filled one by one when empty. The last name and tussenvoegsel are never filled: the
match was made on them."""
ADDRESS_FIELDS = ADDRESS_PARTS
"""Filled together, and only when the person has no address at all: half of another address
would make a wrong one."""
FILLABLE = (*SINGLE_FIELDS, *ADDRESS_FIELDS)


def caregiver_values(data: CaregiverData) -> dict[str, Any]:
    """The caregiver's column values (as ``services/caregivers/mapping.apply_caregiver`` sets
    them), for rows written in bulk."""
    return {
        "first_name": data.name.first_name,
        "infix": data.name.infix,
        "last_name": data.name.last_name,
        "initials": data.name.initials,
        "salutation": data.salutation.value,
        "birth_date": data.birth_date,
        **address_values(data.address),
        "phone": data.phone,
        "email": data.email,
        "iban": data.iban,
        "source": data.source.value if data.source else None,
        "registered_on": data.registered_on,
        "ended_on": data.ended_on,
        "end_reason": data.end_reason.value if data.end_reason else None,
        "no_mail": data.no_mail,
        "notes": data.notes,
    }


def address_values(address: Address) -> dict[str, Any]:
    """The address's column values by part."""
    return {part: getattr(address, part) for part in ADDRESS_PARTS}


def is_empty(name: str, value: object) -> bool:
    """Whether a field holds nothing yet (the neutral salutation is the form's default)."""
    if name == "salutation":
        return value in (None, "", Salutation.NEUTRAL.value)
    return value is None or value == ""


def fills(current: Mapping[str, Any], offered: Mapping[str, Any]) -> dict[str, Any]:
    """The values ``offered`` brings for the fields of ``current`` that are empty."""
    filled = {
        name: offered[name]
        for name in SINGLE_FIELDS
        if is_empty(name, current.get(name)) and not is_empty(name, offered.get(name))
    }
    no_address = all(is_empty(name, current.get(name)) for name in ADDRESS_FIELDS)
    if no_address and any(not is_empty(name, offered.get(name)) for name in ADDRESS_FIELDS):
        filled.update({name: offered[name] for name in ADDRESS_FIELDS})
    return filled


def same_naaste(first: tuple[str, str, str], second: tuple[str, str, str]) -> bool:
    """Whether two naasten (first name, tussenvoegsel, last name) are the same by name."""
    return [fold(part) for part in first] == [fold(part) for part in second]


def care_recipient_values(data: CareRecipientData) -> dict[str, Any]:
    """The naaste's column values, for rows written in bulk."""
    return {
        "first_name": data.name.first_name,
        "infix": data.name.infix,
        "last_name": data.name.last_name,
        "birth_date": data.birth_date,
        **address_values(data.address),
        "condition": data.condition,
        "living_situation": data.living_situation.value,
        "notes": data.notes,
        "sort_name": data.name.sort_key,
    }


def relation_values(data: RelationData) -> dict[str, Any]:
    """The relation's column values (without the two people it links)."""
    return {
        "relation_type": data.relation_type.value,
        "hours_per_week": data.hours_per_week,
        "care_since": data.care_since,
    }
