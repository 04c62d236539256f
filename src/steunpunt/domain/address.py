"""Dutch addresses, with huisnummer and toevoeging kept apart."""

from __future__ import annotations

from dataclasses import dataclass

from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.input_policy import HOUSE_NUMBER_MAX
from steunpunt.domain.text import clean

ADDRESS_PARTS = (
    "street",
    "house_number",
    "house_number_suffix",
    "postcode",
    "place",
    "municipality",
)
"""The parts of an address by name, as the fields of a form that holds one."""


@dataclass(frozen=True)
class Address:
    """A Dutch postal address; every part may be empty while it is unknown."""

    street: str = ""
    house_number: int | None = None
    house_number_suffix: str = ""
    postcode: str = ""
    place: str = ""
    municipality: str = ""

    @property
    def street_line(self) -> str:
        """``"Dorpsstraat 12 A"`` or ``"Dorpsstraat 12-2"``."""
        if self.house_number is None:
            return self.street
        suffix = self.house_number_suffix
        if suffix and suffix[0].isdigit():
            number = f"{self.house_number}-{suffix}"
        else:
            number = f"{self.house_number} {suffix}".strip()
        return f"{self.street} {number}".strip()

    @property
    def postal_line(self) -> str:
        """``"1234 AB  SOEST"``: two spaces and the place in capitals, as PostNL asks."""
        return f"{self.postcode}  {self.place.upper()}".strip()

    @property
    def is_complete(self) -> bool:
        """Whether a letter can be sent: street, number, postcode and place are known."""
        parts = (self.street, self.postcode, self.place)
        return bool(self.house_number) and all(part.strip() for part in parts)

    @property
    def one_line(self) -> str:
        """``"Dorpsstraat 12 A, 1234 AB Soest"`` for lists."""
        place = f"{self.postcode} {self.place}".strip()
        return ", ".join(part for part in (self.street_line, place) if part)

    def form_values(self) -> dict[str, str]:
        """The parts written back as the text of their form fields."""
        return {
            "street": self.street,
            "house_number": "" if self.house_number is None else str(self.house_number),
            "house_number_suffix": self.house_number_suffix,
            "postcode": self.postcode,
            "place": self.place,
            "municipality": self.municipality,
        }


def parse_house_number(value: str) -> int | None:
    """A huisnummer is a whole number from 1 to 99999 in the digits 0-9; empty means unknown."""
    text = clean(value)
    if not text:
        return None
    if not (text.isascii() and text.isdigit()):  # "²" and "①" are digits to isdigit, not to int
        raise InvalidValue(
            "Vul bij huisnummer alleen het nummer in; een letter of toevoeging hoort bij toevoeging."
        )
    digits = text.lstrip("0")
    if len(digits) > len(str(HOUSE_NUMBER_MAX)) or not 0 < int(digits or "0") <= HOUSE_NUMBER_MAX:
        raise InvalidValue(f"Een huisnummer is een getal van 1 tot en met {HOUSE_NUMBER_MAX}.")
    return int(digits)


def normalize_suffix(value: str) -> str:
    """A toevoeging such as ``a``, ``bis`` or ``2-hoog``: trimmed, letters upper case if short."""
    text = clean(value).lstrip("-").strip()
    if len(text) > 8:
        raise InvalidValue("Een toevoeging is hoogstens 8 tekens, zoals A, bis of 2.")
    return text.upper() if len(text) <= 2 else text


def household_key(postcode: str, house_number: int | None, suffix: str) -> str:
    """``"3761AB|12|A"``: one household however its address was typed; "" without a postcode."""
    compact = postcode.replace(" ", "").upper()
    if not compact:
        return ""
    return f"{compact}|{house_number or ''}|{suffix.replace(' ', '').upper()}"
