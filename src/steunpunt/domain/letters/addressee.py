"""Who a letter is addressed to: the name on the envelope, the aanhef, and shared addresses."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from steunpunt.domain.address import Address
from steunpunt.domain.choices import Grouping, Salutation
from steunpunt.domain.names import PersonName

RESIDENTS = "De bewoners van"
MAX_NAME_LINES = 2


@dataclass(frozen=True)
class Addressee:
    """One caregiver as a letter sees them, or a naaste a letter about that caregiver goes to."""

    caregiver_id: int
    """Whose letter log records the letter."""
    name: PersonName
    salutation: Salutation
    address: Address
    care_recipient_id: int | None = None
    """Set when the letter goes to this naaste of the caregiver (a controlebrief)."""

    @property
    def key(self) -> str:
        return letter_key(self.caregiver_id, self.care_recipient_id)

    @property
    def envelope_name(self) -> str:
        """``Mevrouw A. de Vries``, ``De heer J. Yılmaz`` or ``A. de Vries``."""
        title = {Salutation.MRS: "Mevrouw", Salutation.MR: "De heer"}.get(self.salutation)
        return f"{title} {self.name.formal}" if title else self.name.formal

    @property
    def aanhef(self) -> str:
        """``Beste mevrouw De Vries``; without a salutation ``Beste Anna de Vries``, with only
        initials ``Beste A. de Vries``, and with neither ``Beste heer/mevrouw De Vries``."""
        title = {Salutation.MRS: "mevrouw", Salutation.MR: "meneer"}.get(self.salutation)
        if title is None and self.name.first_name:
            return f"Beste {self.name.full}"
        if title is None and self.name.initials:
            return f"Beste {self.name.formal}"
        surname = self.name.surname
        return f"Beste {title or 'heer/mevrouw'} {surname[:1].upper()}{surname[1:]}"


def letter_key(caregiver_id: int, care_recipient_id: int | None = None) -> str:
    """``"17"``, or ``"17-42"`` for a letter to naaste 42 about caregiver 17: the end of the
    kenmerk, and how a letter's own values are found."""
    if care_recipient_id is None:
        return str(caregiver_id)
    return f"{caregiver_id}-{care_recipient_id}"


@dataclass(frozen=True)
class Household:
    """The people one letter goes to: one person, or everyone at one address."""

    members: tuple[Addressee, ...]
    grouping: Grouping

    @property
    def address(self) -> Address:
        return self.members[0].address

    @property
    def key(self) -> str:
        """The first member's key: the end of this letter's kenmerk."""
        return self.members[0].key

    @property
    def name_lines(self) -> tuple[str, ...]:
        """The name lines of the address block; 'De bewoners van' when the names do not fit."""
        if self.grouping is Grouping.RESIDENTS and len(self.members) > 1:
            return (RESIDENTS,)
        if len(self.members) > MAX_NAME_LINES:
            return (RESIDENTS,)
        return tuple(member.envelope_name for member in self.members)

    @property
    def aanhef(self) -> str:
        if self.name_lines == (RESIDENTS,):
            return "Beste bewoners"
        if len(self.members) == 1:
            return self.members[0].aanhef
        return " en ".join(
            [self.members[0].aanhef]
            + [member.aanhef.removeprefix("Beste ") for member in self.members[1:]]
        )

    @property
    def first_names(self) -> str:
        """``Jan`` or ``Jan en Ayşe``."""
        return _and(member.name.first_name for member in self.members)

    @property
    def surnames(self) -> str:
        return _and(member.name.surname for member in self.members)

    @property
    def full_names(self) -> str:
        return _and(member.name.full for member in self.members)


def _and(parts: Iterable[str]) -> str:
    unique = list(dict.fromkeys(part for part in parts if part))
    if len(unique) <= 1:
        return "".join(unique)
    return f"{', '.join(unique[:-1])} en {unique[-1]}"


def address_key(address: Address) -> tuple[str, int, str]:
    """The same address however it was typed: postcode, huisnummer and toevoeging."""
    suffix = address.house_number_suffix.replace("-", "").replace(" ", "").upper()
    return (address.postcode.replace(" ", "").upper(), address.house_number or 0, suffix)


def postal_order(address: Address) -> tuple[str, str, int, tuple[tuple[int, int, str], ...]]:
    """Sort order for the printer and the post: postcode, street, huisnummer, toevoeging;
    numbers in a toevoeging sort as numbers (``12-2`` before ``12-10``)."""
    postcode, number, suffix = address_key(address)
    return (postcode, address.street.casefold(), number, natural_key(suffix))


def natural_key(text: str) -> tuple[tuple[int, int, str], ...]:
    """``"2"`` before ``"10"`` and ``"A2"`` before ``"A10"``: digit runs compare as numbers,
    and a number comes before letters."""
    return tuple(
        (0, int(part), "") if part.isascii() and part.isdigit() else (1, 0, part)
        for part in re.split(r"(\d+)", text, flags=re.ASCII)
        if part
    )


def households(addressees: Iterable[Addressee], grouping: Grouping) -> list[Household]:
    """Letters to make, in postcode order; at one address together unless per person."""
    people = sorted(addressees, key=lambda a: (postal_order(a.address), a.name.sort_key))
    if grouping is Grouping.PER_PERSON:
        return [Household((person,), grouping) for person in people]
    by_address: dict[tuple[str, int, str], list[Addressee]] = {}
    for person in people:
        by_address.setdefault(address_key(person.address), []).append(person)
    return [Household(tuple(members), grouping) for members in by_address.values()]
