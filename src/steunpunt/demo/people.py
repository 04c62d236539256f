"""Generated Dutch people for the demo: names, birth dates, addresses, phones, e-mails, IBANs."""

from __future__ import annotations

import random
import string
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache
from typing import Any, TypeVar

from faker import Faker

from steunpunt.demo import words
from steunpunt.domain.address import Address, normalize_suffix
from steunpunt.domain.age import years_before
from steunpunt.domain.email import normalize_email
from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.iban import normalize_iban
from steunpunt.domain.names import PersonName
from steunpunt.domain.phone import normalize_phone
from steunpunt.domain.postcode import normalize_postcode
from steunpunt.domain.text import fold

T = TypeVar("T")
Place = tuple[str, str, int, int, int, str]
LETTERS = string.ascii_uppercase
_PLACES = {place[0]: place for place in words.PLACES}
_INFIXES = sorted(words.INFIXES, key=len, reverse=True)


@dataclass
class Person:
    """A generated person, before it becomes a caregiver or a naaste row."""

    first_name: str
    infix: str
    last_name: str
    male: bool
    birth_date: date | None
    address: Address

    def columns(self) -> dict[str, Any]:
        """The name and address columns caregivers and naasten share."""
        return {
            "first_name": self.first_name,
            "infix": self.infix,
            "last_name": self.last_name,
            "birth_date": self.birth_date,
            "sort_name": _sort_key(self.first_name, self.infix, self.last_name),
            **vars(self.address),
        }


class DemoRandom(random.Random):
    """``random.Random`` with quicker uniform picks than ``choice`` and ``randint``."""

    def one_of(self, items: Sequence[T]) -> T:
        return items[int(self.random() * len(items))]

    def between(self, low: int, high: int) -> int:
        """A whole number from ``low`` to ``high``, both included."""
        return low + int(self.random() * (high - low + 1))


class People:
    """Seeded source of people living in the gemeenten around Amersfoort, Soest and Zeist."""

    def __init__(self, fake: Faker, rng: DemoRandom, today: date) -> None:
        self.fake = fake
        self.rng = rng
        self.today = today
        self.places = words.Weighted({place: place[2] for place in words.PLACES})
        self.streets = {place[0]: self._streets(place) for place in words.PLACES}
        self.postcodes: dict[str, str] = {}
        self.phone_groups: dict[str, list[tuple[int, int]]] = {}
        for domain in words.EMAIL_DOMAINS.values:
            normalize_email(f"demo@{domain}")
        for bank in words.BANKS.values:
            normalize_iban(f"NL{iban_check_digits('NL', bank + '0123456789')}{bank}0123456789")

    def person(
        self, male: bool, age: int | None, origin: int | None, name: tuple[str, str], home: Address
    ) -> Person:
        birth = self.birth_date(age) if age is not None else None
        return Person(self.first_name(male, birth, origin), *name, male, birth, home)

    def staff_name(self) -> str:
        male = self.rng.random() < 0.3
        first = self.rng.one_of(words.MID_MALE if male else words.MID_FEMALE)
        infix, last = self.surname(None, male)
        return " ".join(part for part in (first, infix, last) if part)

    def origin(self) -> int | None:
        """Now and then a family with names from abroad (Turkish, Polish, French spelling)."""
        if self.rng.random() < 0.045:
            return self.rng.between(0, len(words.OTHER_ORIGINS) - 1)
        return None

    def first_name(self, male: bool, birth: date | None, origin: int | None) -> str:
        """A voornaam that fits the generation; born from 1985 on, one of Faker's nl_NL names."""
        rng = self.rng
        if origin is not None:
            return rng.one_of(words.OTHER_ORIGINS[origin][0 if male else 1])
        year = birth.year if birth else 1965
        if year >= 1985:
            return self.fake.first_name_male() if male else self.fake.first_name_female()
        if year < 1958:
            first = rng.one_of(words.OLD_MALE if male else words.OLD_FEMALE)
        else:
            first = rng.one_of(words.MID_MALE if male else words.MID_FEMALE)
        if year < 1975 and rng.random() < 0.1:
            second = rng.one_of(words.SECOND_MALE if male else words.SECOND_FEMALE)
            first = first if second == first else f"{first} {second}"
        return first

    def surname(self, origin: int | None, male: bool) -> tuple[str, str]:
        """(tussenvoegsel, achternaam): mostly frequent names, else one of Faker's nl_NL list."""
        if origin is not None:
            return split_surname(self.rng.one_of(words.OTHER_ORIGINS[origin][2 if male else 3]))
        if self.rng.random() < 0.7:
            return split_surname(self.rng.one_of(words.COMMON_SURNAMES))
        while True:
            infix, last = split_surname(self.fake.last_name())
            if (
                last.isalpha()
                and last[0].isupper()
                and last not in words.FAKER_SURNAME_SKIP
                and f"{infix} {last}" not in words.FAKER_INFIX_SKIP
            ):
                return infix, last

    def birth_date(self, age: int) -> date:
        """A birth date on which the person is exactly ``age`` today."""
        return years_before(self.today, age) - timedelta(days=self.rng.between(0, 364))

    def address(self, place_name: str | None = None) -> Address:
        """An address in ``place_name``, or in a place picked by its number of inhabitants."""
        rng = self.rng
        place = self.places.pick(rng) if place_name is None else _PLACES[place_name]
        street, digits, first = rng.one_of(self.streets[place[0]])
        number = int(rng.triangular(1, 180, 12))
        suffix = ""
        if rng.random() < 0.08:
            suffix = normalize_suffix(words.HOUSE_NUMBER_SUFFIXES.pick(rng))
        second = LETTERS[(LETTERS.index(first) + number // 24) % 26]
        postcode = self._postcode(f"{digits}{first}{second}")
        return Address(street, number, suffix, postcode, place[0], place[1])

    def phone(self, place: str, mobile: bool) -> str:
        """A mobile number, or a landline with the place's area code, as the validator writes it."""
        prefix = "06" + self.rng.one_of("123458") if mobile else _PLACES[place][5]
        subscriber = self.rng.between(2 * 10 ** (9 - len(prefix)), 10 ** (10 - len(prefix)) - 1)
        number = f"{prefix}{subscriber}"
        groups = self.phone_groups.get(prefix)
        if groups is None:
            groups = self.phone_groups[prefix] = _phone_groups(number)
        if not groups:
            return normalize_phone(number)
        return " ".join(number[start:end] for start, end in groups)

    def email(self, person: Person) -> str:
        """An address at a reserved ``.example`` domain, so demo mail never reaches anyone.

        The local part is lower-case letters and digits joined by dots, which is always valid;
        each domain was checked with the validator once.
        """
        rng = self.rng
        first = _ascii(person.first_name.split()[0])
        last = _ascii(person.infix + person.last_name)
        year = person.birth_date.year % 100 if person.birth_date else rng.between(1, 99)
        local = rng.one_of(
            (f"{first}.{last}", f"{first[0]}{last}", f"{first}{last}{year:02d}", f"{last}.{first}")
        )
        return f"{local}@{words.EMAIL_DOMAINS.pick(rng)}"

    def iban(self) -> str:
        """A Dutch IBAN with correct check digits, in the validator's compact form."""
        bban = f"{words.BANKS.pick(self.rng)}0{self.rng.between(0, 10**9 - 1):09d}"
        return f"NL{iban_check_digits('NL', bban)}{bban}"

    def _streets(self, place: Place) -> list[tuple[str, int, str]]:
        """A place's streets, each with its own postcode digits and first postcode letter."""
        rng = self.rng
        names = set(rng.sample(words.COMMON_STREETS, 6))
        while len(names) < max(10, place[2] * 3):
            names.add(rng.one_of(words.STREET_STEMS) + words.STREET_SUFFIXES.pick(rng))
        return [
            (name, rng.between(place[3], place[4]), rng.one_of(LETTERS)) for name in sorted(names)
        ]

    def _postcode(self, raw: str) -> str:
        """The checked postcode; a letter pair the validator refuses (SA, SD, SS) is replaced."""
        if raw not in self.postcodes:
            try:
                self.postcodes[raw] = normalize_postcode(raw)
            except InvalidValue:
                self.postcodes[raw] = self._postcode(raw[:5] + ("T" if raw[5] != "T" else "U"))
        return self.postcodes[raw]


@cache
def split_surname(full: str) -> tuple[str, str]:
    """``"van den Berg"`` -> ``("van den", "Berg")``."""
    for infix in _INFIXES:
        if full.startswith(infix + " "):
            return infix, full[len(infix) + 1 :]
    return "", full


def years_after(day: date, years: int) -> date:
    """The same calendar day ``years`` later (29 February falls back to the 28th)."""
    return years_before(day, -years)


def iban_check_digits(country: str, bban: str) -> str:
    """The two check digits of an IBAN (ISO 7064 mod 97-10)."""
    digits = "".join(str(int(ch, 36)) for ch in f"{bban}{country}00")
    return f"{98 - int(digits) % 97:02d}"


def _phone_groups(number: str) -> list[tuple[int, int]]:
    """Where :func:`normalize_phone` puts its spaces for numbers starting like ``number``.

    Dutch numbers are grouped by their area code or mobile prefix alone, so the validator runs
    once per prefix instead of once per number (0.1 ms each, 10 s for 100,000 caregivers).
    An empty list means the groups could not be learnt and every number is normalised.
    """
    formatted = normalize_phone(number)
    if formatted.replace(" ", "") != number:
        return []
    groups, start = [], 0
    for part in formatted.split(" "):
        groups.append((start, start + len(part)))
        start += len(part)
    return groups


@lru_cache(maxsize=65_536)
def _sort_key(first_name: str, infix: str, last_name: str) -> str:
    return PersonName(first_name, infix, last_name).sort_key


@cache
def _ascii(text: str) -> str:
    return "".join(ch for ch in fold(text) if ch.isascii() and ch.isalnum())
