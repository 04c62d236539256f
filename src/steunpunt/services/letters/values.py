"""The values of the merge fields for one letter."""

from __future__ import annotations

from datetime import date

from steunpunt.domain.dates import long_date
from steunpunt.domain.letters.addressee import Household
from steunpunt.domain.letters.house_style import HouseStyle


def household_values(
    household: Household, style: HouseStyle, reference: str, letter_date: date
) -> dict[str, str]:
    """Every common field (see ``domain.letters.merge_fields.COMMON_FIELDS``) filled for this letter."""
    address = household.address
    return {
        "aanhef": household.aanhef,
        "voornaam": household.first_names,
        "achternaam": household.surnames,
        "naam": household.full_names,
        "adres": address.street_line,
        "postcode": address.postcode,
        "woonplaats": address.place,
        "datum": long_date(letter_date),
        "kenmerk": f"{reference}/{household.key}",
        **house_style_values(style),
    }


def house_style_values(style: HouseStyle) -> dict[str, str]:
    """The fields that come from the house style (``domain.letters.merge_fields.HOUSE_STYLE_FIELDS``)."""
    return {
        "organisatie": style.organisation,
        "telefoon_organisatie": style.phone,
        "email_organisatie": style.email,
        "ondertekenaar": style.signatory_name,
    }
