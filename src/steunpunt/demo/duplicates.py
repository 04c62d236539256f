"""Known duplicates and known look-alikes made from demo people, for the tests and the bench.

A *duplicate* is the same person entered again the way it happens at a steunpunt: a typo in
the last name, initials instead of the first name, a double name, a new address after a move,
a birth date with day and month swapped, capitals and accents lost. A *look-alike* is another
person who shares a block with them: a partner at the same address (often the same last
name, phone and e-mail), a twin (same birth date and address), a parent and child with the
same name at one address, a namesake elsewhere. Both work on the columns duplicate finding
reads (``first_name``, ``infix``, ``last_name``, ``initials``, ``birth_date``, ``street``,
``postcode``, ``house_number``, ``phone``, ``email``), so a bench can insert them as rows.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from datetime import date, timedelta
from typing import Any

from steunpunt.demo import words
from steunpunt.domain.text import fold

Person = dict[str, Any]
"""The columns duplicate finding reads, by name."""

_FIRST_NAMES = sorted({*words.MID_MALE, *words.MID_FEMALE, *words.OLD_MALE, *words.OLD_FEMALE})


def _typo(rng: random.Random, text: str) -> str:
    """One slip of the keyboard: two neighbours swapped, a letter dropped or doubled."""
    if len(text) < 4:
        return text + text[-1:]
    at = rng.randrange(1, len(text) - 2)
    kind = rng.randrange(3)
    if kind == 0:
        return text[:at] + text[at + 1] + text[at] + text[at + 2 :]
    if kind == 1:
        return text[:at] + text[at + 1 :]
    return text[:at] + text[at] + text[at:]


def _initials(person: Person) -> str:
    return "".join(f"{part[0].upper()}." for part in person["first_name"].split() if part)


def _moved(rng: random.Random, person: Person) -> Person:
    number = int(person["house_number"] or 1)
    return {
        **person,
        "street": person["street"] + "laan",
        "postcode": f"{rng.randrange(1000, 9999)} {rng.choice('ABCDEFGHJK')}{rng.choice('LMNPRTVWXZ')}",
        "house_number": number + rng.randrange(1, 90),
        "phone": "",
    }


def _swap_day_month(day: date | None) -> date | None:
    """Day and month swapped, or (when that is no date) the day one off."""
    if day is None:
        return None
    if day.day > 12 or day.day == day.month:
        return day + timedelta(days=1 if day.day < 28 else -1)
    return date(day.year, day.day, day.month)


DUPLICATES: Mapping[str, Callable[[random.Random, Person], Person]] = {
    "typo in last name": lambda rng, p: {**p, "last_name": _typo(rng, p["last_name"])},
    "initials only": lambda rng, p: {
        **p,
        "first_name": "",
        "initials": _initials(p),
        "birth_date": None,
        "email": "",
    },
    "double name": lambda rng, p: {
        **p,
        "last_name": f"{p['last_name']}-{rng.choice(words.COMMON_SURNAMES)}",
        "phone": "",
    },
    "moved house": lambda rng, p: {**_moved(rng, p), "first_name": _typo(rng, p["first_name"])},
    "first name typo, no birth date": lambda rng, p: {
        **p,
        "first_name": _typo(rng, p["first_name"]),
        "birth_date": None,
        "postcode": "",
        "house_number": None,
    },
    "capitals and accents lost": lambda rng, p: {
        **p,
        "first_name": fold(p["first_name"]).upper(),
        "last_name": fold(p["last_name"]).upper(),
        "infix": fold(p["infix"]).upper(),
        "birth_date": None,
    },
    "day and month swapped": lambda rng, p: {
        **p,
        "birth_date": _swap_day_month(p["birth_date"]),
        "email": "",
    },
}
"""How the same person comes in a second time; each keeps at least one block in common."""


def _other_first_name(rng: random.Random, first_name: str) -> str:
    letter = fold(first_name)[:1]
    while True:
        name = rng.choice(_FIRST_NAMES)
        if fold(name)[:1] != letter:
            return name


def _years_apart(day: date | None, years: int) -> date:
    base = day or date(1960, 6, 15)
    return date(base.year + years, (base.month + 4) % 12 + 1, min(base.day + 3, 28))


LOOK_ALIKES: Mapping[str, Callable[[random.Random, Person], Person]] = {
    "partner at the same address": lambda rng, p: {
        **p,
        "first_name": _other_first_name(rng, p["first_name"]),
        "initials": "",
        "birth_date": _years_apart(p["birth_date"], rng.choice((-4, -2, 3))),
    },
    "twin": lambda rng, p: {
        **p,
        "first_name": _other_first_name(rng, p["first_name"]),
        "initials": "",
        "phone": "",
        "email": "",
    },
    "parent and child with the same name": lambda rng, p: {
        **p,
        "birth_date": _years_apart(p["birth_date"], -rng.choice((26, 29, 33))),
        "email": "",
    },
    "namesake elsewhere": lambda rng, p: {
        **_moved(rng, p),
        "birth_date": _years_apart(p["birth_date"], rng.choice((-11, 7))),
        "email": "",
    },
}
"""Other people who share a block (address, birth date, phone or e-mail) or a name with one."""


def variant(
    kinds: Mapping[str, Callable[[random.Random, Person], Person]], index: int
) -> tuple[str, Callable[[random.Random, Person], Person]]:
    """The ``index``-th kind, round the table."""
    name = sorted(kinds)[index % len(kinds)]
    return name, kinds[name]
