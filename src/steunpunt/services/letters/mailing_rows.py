"""Recipient rows from the database as the addressees and left-out lines of a mailing."""

from __future__ import annotations

from typing import Any

from steunpunt.domain.address import Address
from steunpunt.domain.choices import LeftOutReason, Salutation
from steunpunt.domain.letters.addressee import Addressee
from steunpunt.domain.names import PersonName
from steunpunt.services.letters.dto import LeftOut

_SALUTATIONS = {salutation.value: salutation for salutation in Salutation}


def caregiver_addressee(row: Any) -> Addressee:
    return Addressee(
        row.id,
        PersonName(row.first_name, row.infix, row.last_name, row.initials),
        _SALUTATIONS.get(row.salutation, Salutation.NEUTRAL),
        row_address(row),
    )


def naaste_addressee(caregiver_id: int, row: Any) -> Addressee:
    """A naaste a letter about ``caregiver_id`` goes to; naasten have no known salutation."""
    return Addressee(
        caregiver_id,
        PersonName(row.first_name, row.infix, row.last_name),
        Salutation.NEUTRAL,
        row_address(row),
        care_recipient_id=row.id,
    )


def row_address(row: Any) -> Address:
    return Address(
        row.street,
        row.house_number,
        row.house_number_suffix,
        row.postcode,
        row.place,
        row.municipality,
    )


def reason_and_name(person: LeftOut) -> tuple[str, str]:
    """The order the left-out list is shown in."""
    return (person.reason, person.sort_key)


def left_out_line(row: Any) -> LeftOut:
    name = PersonName(row.first_name, row.infix, row.last_name, row.initials)
    return LeftOut(row.id, name.sorted_form, LeftOutReason(row.reason), name.sort_key)
