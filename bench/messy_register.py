"""A messy old register of 20,000 rows as a steunpunt keeps it in Excel, for the import bench.

Title rows above the headers (one merged), names in one cell in several styles, the address in
one cell, postcode and place together, phones with remarks or as numbers, dates as Excel dates
and as text, hours as "ca. 10" or "8-10", empty rows, bad cells, people entered twice, and a
total row at the bottom. A share of the rows are people already in the register (from
``existing``), written the messy way, so the import finds them.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from faker import Faker
from openpyxl import Workbook  # type: ignore[import-untyped]

HEADERS = (
    "Naam",
    "Adres",
    "Postcode en woonplaats",
    "Tel.",
    "E-mail",
    "Geb. datum",
    "Voor wie zorgt u",
    "Relatie",
    "Uren p/w",
    "Ingeschreven",
    "IBAN",
    "Opmerking",
)
RELATIONS = ("moeder", "vader", "partner", "echtgenote", "zoon", "dochter", "buurvrouw", "zus")
MONTHS = ("jan", "feb", "maart", "april", "mei", "juni", "juli", "aug", "sept", "okt", "nov", "dec")


@dataclass(frozen=True)
class Person:
    """What the sheet says of one person (from the register or made up)."""

    first_name: str
    infix: str
    last_name: str
    birth_date: date | None
    street: str
    house_number: int
    postcode: str
    place: str
    phone: str


def write_messy_register(
    target: Path, rows: int, existing: Sequence[Person], seed: int = 19
) -> Path:
    """Write ``rows`` data rows (plus title, empty and total rows) to ``target`` (.xlsx)."""
    rng = random.Random(seed)
    fake = Faker("nl_NL")
    fake.seed_instance(seed)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Mantelzorgers")
    sheet.append(["Mantelzorgregister Steunpunt (oud)"])
    sheet.append(["Bijgewerkt tot en met december"])
    sheet.append([])
    sheet.append(list(HEADERS))
    written: list[list[object]] = []
    for index in range(rows):
        if written and index % 50 == 7:
            sheet.append(list(rng.choice(written)))  # the same person twice
            continue
        if index % 97 == 3:
            sheet.append([])
            continue
        person = existing[index % len(existing)] if existing and index % 10 == 0 else None
        row = _row(rng, fake, person or _made_up(rng, fake), bad=index % 211 == 5)
        written.append(row)
        sheet.append(row)
    sheet.append(["Totaal", None, None, None, None, None, None, None, rows])
    target.parent.mkdir(parents=True, exist_ok=True)
    book.save(target)
    return target


def _made_up(rng: random.Random, fake: Faker) -> Person:
    infix = rng.choice(("", "", "", "", "van", "de", "van der", "van den"))
    return Person(
        first_name=fake.first_name(),
        infix=infix,
        last_name=fake.last_name().split(" ")[-1],
        birth_date=fake.date_between(date(1930, 1, 1), date(2005, 12, 31)),
        street=fake.street_name(),
        house_number=rng.randint(1, 250),
        postcode=fake.postcode().replace(" ", ""),
        place=fake.city(),
        phone=f"06{rng.randint(1, 5)}{rng.randint(1_000_000, 9_999_999)}",  # in use: 06-1 to 06-5
    )


def _row(rng: random.Random, fake: Faker, person: Person, bad: bool) -> list[object]:
    """One person written the way old sheets write them."""
    infix = f" {person.infix}" if person.infix else ""
    style = rng.randrange(4)
    if style == 0:
        name = f"{person.last_name}{infix and ','}{infix}, {person.first_name}".replace(",,", ",")
    elif style == 1:
        name = f"{person.first_name}{infix} {person.last_name}".upper()
    elif style == 2:
        name = f"{rng.choice(('mevr.', 'dhr.'))} {person.first_name[0]}.{infix} {person.last_name}"
    else:
        name = f"{person.first_name}{infix} {person.last_name}"
    suffix = rng.choice(("", "", "", " a", "-II", "bis"))
    postcode = person.postcode
    postcode = rng.choice((postcode, postcode.lower(), f" {postcode[:4]} {postcode[4:]} "))
    phone: object = rng.choice(
        (
            f"{person.phone[:2]}-{person.phone[2:]}",
            f"{person.phone[:2]}-{person.phone[2:]} (dochter)",
            float(person.phone),
            person.phone,
        )
    )
    born = person.birth_date
    birth: object = born
    if born is not None and rng.random() < 0.5:
        birth = rng.choice(
            (
                f"{born.day}-{born.month}-{born.year}",
                f"{born.day:02d}/{born.month:02d}/{born.year % 100:02d}",
                f"{born.day} {MONTHS[born.month - 1]} {born.year}",
            )
        )
    hours = rng.choice(("10", "ca. 10", "8-10", "12,5", "+/- 20", None))
    registered = fake.date_between(date(2010, 1, 1), date(2026, 11, 30))
    row: list[object] = [
        name,
        f"{person.street} {person.house_number}{suffix}",
        f"{postcode} {person.place.upper() if rng.random() < 0.3 else person.place}",
        phone,
        rng.choice(("", "", f"{person.first_name.lower()}{rng.randint(1, 99)}@example.nl")),
        birth,
        f"{fake.first_name()} {person.last_name}" if rng.random() < 0.8 else None,
        rng.choice(RELATIONS),
        hours,
        registered if rng.random() < 0.7 else registered.strftime("%d-%m-%Y"),
        fake.iban() if rng.random() < 0.3 else None,
        rng.choice((None, None, None, "Belt liever 's avonds", "Via de huisarts")),
    ]
    if bad:
        row[5] = "31-02-1956"  # a date that does not exist
        row[2] = "37 Soest"  # no postcode
    return row
