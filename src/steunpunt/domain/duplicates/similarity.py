"""Who is likely the same person: blocking on address, birth date, phone and e-mail, then names.

Only people who share a block are compared (same postcode and house number, same birth date,
same phone number, same e-mail address), so a register of 100,000 is compared in well under a
second instead of five billion pairs. Within a block two names are similar when the last
names (with their tussenvoegsel) and the first names or initials are (rapidfuzz). The first
names must always look alike (partners and twins share the rest), and two known birth dates
that differ by more than a slip of the keyboard rule a pair out (a parent and child with one
name at one address). ``tests/duplicates/test_similarity.py`` holds the rule to a precision
and recall on known duplicates and look-alikes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from rapidfuzz.distance import Indel

from steunpunt.domain.text import fold

NAME_THRESHOLD = 85
"""The name score (0-100) from which people in an address or birth-date block are a pair."""

CONTACT_NAME_THRESHOLD = 60
"""A shared phone or e-mail is strong evidence; a household sharing a landline is not the same
person, so the names must still look alike, only less so."""

LARGEST_BLOCK = 200
"""A block larger than this (a care home's address, an office number) is compared no further:
its people are not each other's duplicates and it would cost quadratic time."""

GIVEN_NAME_MINIMUM = 50
"""The first-name score (0-100) every pair needs: partners and twins share a last name, an
address and often a phone, but not their first name ("Anna" and "Bram": 25)."""

INITIAL_SCORE = 90
"""The first-name score when one side has only initials and the first letters agree."""


class MatchReason(StrEnum):
    """Why two people were compared, in the words the pair list shows."""

    SAME_ADDRESS = "zelfde adres"
    SAME_BIRTH_DATE = "zelfde geboortedatum"
    SAME_PHONE = "zelfde telefoonnummer"
    SAME_EMAIL = "zelfde e-mailadres"


@dataclass(frozen=True)
class PersonKey:
    """What duplicate finding compares of one person (a caregiver or an import row)."""

    id: int
    first_name: str
    infix: str
    last_name: str
    initials: str
    birth_date: date | None
    postcode: str
    house_number: int | None
    phone_digits: str
    email: str


@dataclass(frozen=True)
class LikelyPair:
    """Two people who are likely the same, the reasons they were compared and the name score."""

    first_id: int
    second_id: int
    score: int
    reasons: tuple[MatchReason, ...]


def birth_dates_conflict(first: PersonKey, second: PersonKey) -> bool:
    """Whether both birth dates are known and too far apart to be one typed wrongly.

    A slip changes one or two digits or swaps day and month (12-03 for 03-12); a parent and
    child with one name at one address, or two namesakes, differ in more.
    """
    if first.birth_date is None or second.birth_date is None:
        return False
    one, two = first.birth_date, second.birth_date
    if one == two or (one.year == two.year and (one.month, one.day) == (two.day, two.month)):
        return False
    digits = sum(
        a != b for a, b in zip(one.strftime("%Y%m%d"), two.strftime("%Y%m%d"), strict=True)
    )
    return digits > 2


def name_score(first: PersonKey, second: PersonKey) -> int:
    """0-100: how alike the two names are, last name and first name (or initials) together."""
    last = _last_name_score(_surname(first), _surname(second))
    given = _given_name_score(first, second)
    return round((last + given) / 2)


def _surname(person: PersonKey) -> str:
    return fold(f"{person.infix}{person.last_name}").replace(" ", "")


def _last_name_score(first: str, second: str) -> float:
    if not first or not second:
        return 0.0
    if first == second:
        return 100.0
    # "Jansen-de Vries" and "Jansen": one double name holds the other name whole
    first_parts, second_parts = set(first.split("-")), set(second.split("-"))
    if first_parts < second_parts or second_parts < first_parts:
        return float(INITIAL_SCORE)
    return Indel.normalized_similarity(first, second) * 100


def _given_name_score(first: PersonKey, second: PersonKey) -> float:
    first_name, second_name = fold(first.first_name), fold(second.first_name)
    if first_name and second_name:
        return Indel.normalized_similarity(first_name, second_name) * 100
    first_letter = (first_name or fold(first.initials).replace(".", ""))[:1]
    second_letter = (second_name or fold(second.initials).replace(".", ""))[:1]
    if first_letter and first_letter == second_letter:
        return float(INITIAL_SCORE)
    return 0.0


_BLOCKS: tuple[tuple[MatchReason, Callable[[PersonKey], Hashable | None], int], ...] = (
    (
        MatchReason.SAME_ADDRESS,
        lambda person: (
            (person.postcode, person.house_number)
            if person.postcode and person.house_number is not None
            else None
        ),
        NAME_THRESHOLD,
    ),
    (MatchReason.SAME_BIRTH_DATE, lambda person: person.birth_date, NAME_THRESHOLD),
    (
        MatchReason.SAME_PHONE,
        lambda person: person.phone_digits if len(person.phone_digits) >= 9 else None,
        CONTACT_NAME_THRESHOLD,
    ),
    (MatchReason.SAME_EMAIL, lambda person: person.email.lower() or None, CONTACT_NAME_THRESHOLD),
)


def likely_pairs(
    people: Iterable[PersonKey], against: Iterable[PersonKey] | None = None
) -> list[LikelyPair]:
    """The likely pairs among ``people``, or between ``people`` and ``against`` when given.

    Pairs come once, strongest first; with ``against`` the first id is always from ``people``.
    """
    people = list(people)
    others = None if against is None else list(against)
    found: dict[tuple[int, int], tuple[int, list[MatchReason]]] = {}
    for reason, key, threshold in _BLOCKS:
        for first, second in _block_pairs(people, others, key):
            pair = (first.id, second.id) if others is not None else _ordered(first, second)
            known = found.get(pair)
            if known is None:
                alike = _given_name_score(
                    first, second
                ) >= GIVEN_NAME_MINIMUM and not birth_dates_conflict(first, second)
                known = (name_score(first, second) if alike else 0, [])
                found[pair] = known
            if known[0] >= threshold:
                known[1].append(reason)
    pairs = [
        LikelyPair(first_id, second_id, score, tuple(reasons))
        for (first_id, second_id), (score, reasons) in found.items()
        if reasons
    ]
    pairs.sort(key=lambda pair: (-pair.score, -len(pair.reasons), pair.first_id, pair.second_id))
    return pairs


def _ordered(first: PersonKey, second: PersonKey) -> tuple[int, int]:
    return (first.id, second.id) if first.id < second.id else (second.id, first.id)


def _block_pairs(
    people: Sequence[PersonKey],
    others: Sequence[PersonKey] | None,
    key: Callable[[PersonKey], Hashable | None],
) -> Iterator[tuple[PersonKey, PersonKey]]:
    """Every pair sharing a block: within ``people``, or from ``people`` to ``others``."""
    blocks: dict[Hashable, list[PersonKey]] = defaultdict(list)
    for person in people if others is None else others:
        value = key(person)
        if value is not None:
            blocks[value].append(person)
    if others is None:
        for block in blocks.values():
            if 1 < len(block) <= LARGEST_BLOCK:
                for index, first in enumerate(block):
                    for second in block[index + 1 :]:
                        yield first, second
        return
    for person in people:
        value = key(person)
        shared = blocks.get(value) if value is not None else None
        if shared and len(shared) <= LARGEST_BLOCK:
            for other in shared:
                if other.id != person.id:
                    yield person, other
