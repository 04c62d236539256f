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

from rapidfuzz import process
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
    first_digits = one.year * 10_000 + one.month * 100 + one.day
    second_digits = two.year * 10_000 + two.month * 100 + two.day
    digits = 0
    while first_digits or second_digits:  # YYYYMMDD digit by digit, without making text
        digits += first_digits % 10 != second_digits % 10
        first_digits, second_digits = first_digits // 10, second_digits // 10
    return digits > 2


def name_score(first: PersonKey, second: PersonKey) -> int:
    """0-100: how alike the two names are, last name and first name (or initials) together."""
    one, two = _names(first, fold), _names(second, fold)
    return round((_last_name_score(one[0], two[0]) + _given_name_score(one, two)) / 2)


_Names = tuple[str, str, str]
"""A person's names as compared, folded: the surname with its tussenvoegsel and without
spaces, the first name, and the first letter of the first name or the initials."""


def _names(person: PersonKey, folded: Callable[[str], str]) -> _Names:
    given = folded(person.first_name)
    letter = (given or folded(person.initials).replace(".", ""))[:1]
    return folded(f"{person.infix}{person.last_name}").replace(" ", ""), given, letter


def _names_of() -> Callable[[PersonKey], _Names]:
    """Every person's :data:`_Names`, made once: in a register names repeat, folding is slow."""
    people: dict[int, _Names] = {}
    known: dict[str, str] = {}

    def folded(text: str) -> str:
        found = known.get(text)
        if found is None:
            found = known[text] = fold(text)
        return found

    def names(person: PersonKey) -> _Names:
        # by the object, not its id: an import row and a caregiver may carry the same number
        found = people.get(id(person))
        if found is None:
            found = people[id(person)] = _names(person, folded)
        return found

    return names


def _last_name_score(first: str, second: str) -> float:
    if not first or not second:
        return 0.0
    if first == second:
        return 100.0
    if "-" in first or "-" in second:
        # "Jansen-de Vries" and "Jansen": one double name holds the other name whole;
        # "de Vries-Jansen" and "Jansen-de Vries": the same names, the other way round
        first_parts, second_parts = set(first.split("-")), set(second.split("-"))
        if first_parts <= second_parts or second_parts <= first_parts:
            return float(INITIAL_SCORE)
    return Indel.normalized_similarity(first, second) * 100


def _given_name_score(first: _Names, second: _Names) -> float:
    if first[1] and second[1]:
        return Indel.normalized_similarity(first[1], second[1]) * 100
    if first[2] and first[2] == second[2]:
        return float(INITIAL_SCORE)
    return 0.0


def _pair_score(first: PersonKey, one: _Names, second: PersonKey, two: _Names) -> int:
    """The name score of a pair in a block (with their names), or 0 when the first names
    differ too much or the birth dates rule it out."""
    given = _given_name_score(one, two)
    if given < GIVEN_NAME_MINIMUM or birth_dates_conflict(first, second):
        return 0
    return round((_last_name_score(one[0], two[0]) + given) / 2)


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

    Pairs come once, strongest first; with ``against`` the first id is always from ``people``,
    and the two sets' ids are independent (equal ids are two people).
    """
    people = list(people)
    others = None if against is None else list(against)
    found: dict[tuple[int, int], tuple[int, list[MatchReason]]] = {}
    names = _names_of()
    for reason, key, threshold in _BLOCKS:
        for block, shared in _blocks(people, others, key, names):
            for first, one, second, two in _alike_given_names(block, shared):
                if shared is None:
                    pair = (first.id, second.id) if first.id < second.id else (second.id, first.id)
                else:  # two sets: an import's row 17 and caregiver 17 are two people
                    pair = (first.id, second.id)
                known = found.get(pair)
                if known is None:
                    known = found[pair] = (_pair_score(first, one, second, two), [])
                if known[0] >= threshold:
                    known[1].append(reason)
    pairs = [
        LikelyPair(first_id, second_id, score, tuple(reasons))
        for (first_id, second_id), (score, reasons) in found.items()
        if reasons
    ]
    pairs.sort(key=lambda pair: (-pair.score, -len(pair.reasons), pair.first_id, pair.second_id))
    return pairs


def _alike_given_names(
    block: list[_Entry], shared: list[_Entry] | None
) -> Iterator[tuple[PersonKey, _Names, PersonKey, _Names]]:
    """The pairs of a block whose first names may be alike enough (the rest cannot be a pair):
    full first names are compared in rapidfuzz's own loop, which is many times faster than a
    Python loop over every pair of a birth-date block."""
    cutoff = GIVEN_NAME_MINIMUM / 100
    for index, (first, one) in enumerate(block):
        candidates = shared if shared is not None else block[index + 1 :]
        if not one[1]:  # initials only: the first letters decide, pair by pair
            for second, two in candidates:
                yield first, one, second, two
            continue
        givens = [two[1] for _second, two in candidates]
        for _given, _score, at in process.extract(
            one[1], givens, scorer=Indel.normalized_similarity, score_cutoff=cutoff, limit=None
        ):
            second, two = candidates[at]
            yield first, one, second, two
        for second, two in candidates:
            if not two[1]:
                yield first, one, second, two


_Entry = tuple[PersonKey, _Names]
_Block = tuple[list[_Entry], list[_Entry] | None]
"""People to compare: among themselves (``None``), or each with the shared block's people."""


def _blocks(
    people: Sequence[PersonKey],
    others: Sequence[PersonKey] | None,
    key: Callable[[PersonKey], Hashable | None],
    names: Callable[[PersonKey], _Names],
) -> Iterator[_Block]:
    """Every block of more than one: within ``people``, or of ``people`` with ``others``; each
    person with their names (made only for people who share a block)."""
    blocks: dict[Hashable, list[PersonKey]] = defaultdict(list)
    for person in people if others is None else others:
        value = key(person)
        if value is not None:
            blocks[value].append(person)
    if others is None:
        for block in blocks.values():
            if 1 < len(block) <= LARGEST_BLOCK:
                yield [(person, names(person)) for person in block], None
        return
    for person in people:
        value = key(person)
        shared = blocks.get(value) if value is not None else None
        if shared and len(shared) <= LARGEST_BLOCK:
            yield [(person, names(person))], [(other, names(other)) for other in shared]
