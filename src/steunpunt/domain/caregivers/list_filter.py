"""What the caregiver list shows: search text, filters and the order, as plain values."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from steunpunt.domain.age import AgeBracket
from steunpunt.domain.choices import ActiveFilter


class SortKey(StrEnum):
    """Columns the list can be sorted on."""

    NAME = "naam"
    BIRTH_DATE = "geboortedatum"
    ADDRESS = "adres"
    POSTCODE = "postcode"
    PLACE = "woonplaats"
    PHONE = "telefoon"
    EMAIL = "email"
    REGISTERED_ON = "ingeschreven"
    STATUS = "status"
    BURDEN = "belasting"


@dataclass(frozen=True)
class CaregiverFilter:
    """What the caregiver list shows: search text, filters and order."""

    text: str = ""
    active: ActiveFilter = ActiveFilter.ACTIVE
    bracket: AgeBracket | None = None
    overloaded_only: bool = False
    """Only caregivers whose latest EDIZ-plus reached the overload threshold."""
    sort: SortKey = SortKey.NAME
    descending: bool = False
