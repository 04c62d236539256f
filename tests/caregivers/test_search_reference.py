"""The caregiver search against a brute-force reader of the README's table "How typed text is read".

The reference below is written from the table alone (it shares only ``fold``, the table's
"diacritics ignored"): it checks every person of a generated register against the typed text.
Queries are taken from real rows: names, parts of names, tussenvoegsels, streets, postcodes,
places (also of several words), phone numbers in every notation and e-mail addresses. Search
must find exactly the people the reference finds: precision and recall both 1.0.
"""

from __future__ import annotations

import random
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import pytest
from sqlalchemy import text

from steunpunt.db.kernel.engine import create_engine_for, make_session_factory, sqlite_url
from steunpunt.demo.fill import fill_demo_database
from steunpunt.domain.caregivers.list_filter import CaregiverFilter
from steunpunt.domain.choices import ActiveFilter
from steunpunt.domain.text import fold
from steunpunt.services.kernel.container import Services, build_services
from tests.helpers import TODAY, caregiver_data

GENERATED = 3000
QUERIES_PER_KIND = 12

# The table's list of tussenvoegsel words.
TUSSENVOEGSEL_WORDS = {
    "van", "de", "der", "den", "het", "'t", "t", "'s", "s", "ten", "ter", "te", "in", "op",
    "uit", "aan", "la", "le", "l'", "du", "d", "d'", "des", "von",
}  # fmt: skip
# Hand-added edge cases: (first name, tussenvoegsel, achternaam, street, postcode, place, phone)
EDGE_CASES = (
    ("Trees", "", "Groen", "Kerkweg", "3737 AB", "Groenekan", "030 1112233"),
    ("Karel", "", "Huisman", "Heidelaan", "3712 AB", "Huis ter Heide", "030 2223344"),
    ("Wendy", "van 't", "Hof", "Baarnseweg", "3731 AB", "De Bilt", "06.12.34.56.78"),
    ("Ulla", "'s", "Gravensande", "Dolderseweg", "3734 AB", "Den Dolder", "035/6012345"),
    ("Sara", "", "Dekker", "Vuursche Dreef", "3749 AB", "Lage Vuursche", "+31 35 601 2346"),
    ("Yara", "op den", "Kamp", "Duinweg", "3735 AB", "Bosch en Duin", "0031 30 123 4567"),
    ("Zeno", "", "Opdam", "Biltseweg", "3701 AB", "Zeist", ""),
    ("Xander", "", "Lambers", "De Bilt", "3811 AB", "Amersfoort", ""),
    ("Tom", "ter", "Dolder", "Lage Weg", "3741 AB", "Baarn", ""),
    ("Lotte", "", "Mulder", "Van Goghlaan", "3762 AB", "Soest", ""),
)


@dataclass
class Person:
    """One row of the register, each field folded the way the table compares it."""

    id: int
    first_name: str
    infix: str
    last_name: str
    initials: str
    street: str
    postcode: str
    """As stored: ``3811 AB``."""
    place: str
    phone_digits: str
    email: str

    @cached_property
    def fields(self) -> tuple[str, ...]:
        """Where a word of three or more characters is looked for."""
        compact = self.postcode.replace(" ", "").lower()
        return (
            self.first_name,
            self.infix,
            self.last_name,
            self.initials,
            self.street,
            compact,
            self.place,
            self.phone_digits,
            self.email,
        )

    @cached_property
    def haystack(self) -> str:
        """The fields on separate lines: a typed word (no white space) matches within one."""
        return "\n".join(self.fields)

    @cached_property
    def place_key(self) -> str:
        return _place_key(self.place)

    @cached_property
    def infix_key(self) -> str:
        return _infix_key(self.infix)


# --- the reference: the README's table, read literally -------------------------------------

_WHOLE_POSTCODE = re.compile(r"^\s*([1-9]\d{3})\s*([A-Za-z]{0,2})\s*$")
_POSTCODE_START = re.compile(r"^\s*([1-9]\d{0,3})\s*$")
_PHONE = re.compile(r"^[\d\s\-+()./]+$")


def _apostrophes(value: str) -> str:
    return value.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")


def _place_key(value: str) -> str:
    return " ".join(fold(value).replace("-", " ").split())


@lru_cache(maxsize=1024)
def _infix_key(value: str) -> str:
    return " ".join(_apostrophes(fold(value)).replace("'", "").split())


def reference_reader(typed: str) -> Callable[[Person], bool]:
    """Whether the README's table says ``typed`` finds a person (the text is read once)."""
    if match := _WHOLE_POSTCODE.match(typed):
        letters = match.group(2).upper()
        prefix = match.group(1) + (" " + letters if letters else "")
        return lambda person: person.postcode.startswith(prefix)
    if match := _POSTCODE_START.match(typed):
        start = match.group(1)
        return lambda person: person.postcode.startswith(start)
    if _PHONE.match(typed):
        digits = "".join(ch for ch in typed if ch.isdigit())
        if typed.strip().startswith("+") or digits.startswith("00"):
            digits = digits.removeprefix("00")
            if digits.startswith("31"):
                digits = "0" + digits[2:].removeprefix("0")
        if len(digits) >= 3:
            return lambda person: digits in person.haystack
    return _WordsReader(_apostrophes(fold(typed)).split()).finds


class _WordsReader:
    """Every word must match; a word may be read in each way the table gives it."""

    def __init__(self, words: list[str]) -> None:
        self.words = words
        self.runs = {
            (start, end): _place_key(" ".join(words[start:end]))
            for start in range(len(words))
            for end in range(start + 1, len(words) + 1)
        }

    def finds(self, person: Person) -> bool:
        return self.fit(person, 0, ())

    def fit(self, person: Person, start: int, infix_words: tuple[str, ...]) -> bool:
        """Some way of reading the words from ``start`` on finds the person."""
        words = self.words
        if start == len(words):
            return not infix_words or person.infix_key.startswith(_infix_key(" ".join(infix_words)))
        for end in range(start + 1, len(words) + 1):  # words that start the woonplaats
            run = self.runs[start, end]
            if (
                len(run) >= 3
                and person.place_key.startswith(run)
                and self.fit(person, end, infix_words)
            ):
                return True
        word = words[start]
        if word.isdigit() and len(word) <= 4 and word[0] != "0":
            return person.postcode.startswith(word) and self.fit(person, start + 1, infix_words)
        if word in TUSSENVOEGSEL_WORDS and self.fit(person, start + 1, (*infix_words, word)):
            return True
        if word in TUSSENVOEGSEL_WORDS or len(word) < 3:
            return person.last_name.startswith(word) and self.fit(person, start + 1, infix_words)
        return word in person.haystack and self.fit(person, start + 1, infix_words)


# --- the register and the queries ----------------------------------------------------------


@dataclass(frozen=True)
class Register:
    services: Services
    people: tuple[Person, ...]
    rows: list[tuple[str, ...]]
    """(first name, tussenvoegsel, achternaam, street, postcode, place, phone, e-mail) by id."""


@pytest.fixture(scope="module")
def register(
    migrated_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Register]:
    """The demo generators' people plus the edge cases, and every row as the reference sees it."""
    file = tmp_path_factory.mktemp("reference") / "steunpunt.sqlite"
    shutil.copy(migrated_template, file)
    engine = create_engine_for(sqlite_url(file))
    fill_demo_database(engine, GENERATED, seed=12, today=TODAY)
    services = build_services(make_session_factory(engine), today=lambda: TODAY)
    actor = services.staff.default_actor("Tester")
    for first, infix, last, street, postcode, place, phone in EDGE_CASES:
        data = caregiver_data(
            first_name=first,
            infix=infix,
            last_name=last,
            street=street,
            postcode=postcode,
            place=place,
            municipality=place,
            phone=phone,
        )
        services.caregivers.create(actor, data)
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT id, first_name, infix, last_name, initials, street, postcode, place, "
                "phone, email FROM caregiver ORDER BY id"
            )
        ).all()
    people = tuple(
        Person(
            id=row.id,
            first_name=fold(row.first_name),
            infix=fold(row.infix),
            last_name=fold(row.last_name),
            initials=fold(row.initials),
            street=fold(row.street),
            postcode=row.postcode,
            place=fold(row.place),
            phone_digits="".join(ch for ch in row.phone if ch.isdigit()),
            email=fold(row.email),
        )
        for row in rows
    )
    raw = [
        (r.first_name, r.infix, r.last_name, r.street, r.postcode, r.place, r.phone, r.email)
        for r in rows
    ]
    yield Register(services, people, raw)
    engine.dispose()


def _phone_notations(phone: str, rng: random.Random) -> list[str]:
    digits = "".join(ch for ch in phone if ch.isdigit())
    if not digits.startswith("0") or len(digits) != 10:
        return [phone]
    area = 2 if digits.startswith("06") else 3
    pairs = ".".join(digits[i : i + 2] for i in range(0, 10, 2))
    return [
        phone,
        digits,
        pairs,
        f"{digits[: area + 1]}/{digits[area + 1 :]}",
        f"{digits[: area + 1]}-{digits[area + 1 :]}",
        f"+31 {digits[1 : area + 1]} {digits[area + 1 :]}",
        f"0031 {digits[1:]}",
        f"+31 (0){digits[1:]}",
        f"{digits[: area + 1]}-{digits[area + 1 : area + 1 + rng.randint(1, 4)]}",
        digits[rng.randint(3, 6) :],
    ]


def generated_queries(people: tuple[Person, ...], rows: list[tuple[str, ...]]) -> list[str]:
    """A few hundred queries of every kind, taken from real rows (seeded)."""
    rng = random.Random(12)
    sample = rng.sample(rows, QUERIES_PER_KIND)
    queries: list[str] = []
    for first, infix, last, street, postcode, place, phone, email in sample:
        first_word = first.split()[0]
        queries += [
            last,
            last[: rng.randint(3, max(3, len(last)))],
            last[: rng.randint(1, 2)],
            first_word,
            f"{first_word} {last}",
            f"{last} {first_word}",
            " ".join(part for part in (first_word, infix, last) if part),
            " ".join(part for part in (infix, last[:1]) if part),
            street,
            street[: rng.randint(3, len(street))],
            f"{street} {place}",
            postcode[:4],
            postcode[:6],
            postcode,
            postcode.replace(" ", ""),
            postcode[: rng.randint(2, 3)],
            place,
            place[: rng.randint(3, len(place))],
            f"{first_word} {place}",
        ]
        if "@" in email:
            local, domain = email.split("@")
            queries += [email, local, "@" + domain[:5]]
        queries += _phone_notations(phone, rng)
    for first, infix, last, street, _postcode, place, phone, _email in rows[-len(EDGE_CASES) :]:
        queries += [infix, f"{first} {infix} {last}", place, place[: len(place) - 2], street]
        queries += _phone_notations(phone, rng)
    queries += ["huis", "bos", "groen", "west", "baarn", "bilt", "trees groen", "de bilt"]
    queries += ["den dolder", "huis ter heide", "bosch en duin", "lage vu", "van 't", "'s"]
    queries += ["Wendy van 't Hof", "'s gravensande", "d", "t", "la", "op", "de", "van de"]
    queries += ["van den b", "s gravensande", "van t hof", "ter", "den", "de b", "op den"]
    queries += ["van gogh", "van goghlaan", "de jong", "van den berg", "jan van dijk"]
    queries += [fold(p.infix) for p in rng.sample(people, QUERIES_PER_KIND) if p.infix]
    return [q for q in dict.fromkeys(queries) if q.strip()]


def test_search_finds_exactly_what_the_readme_promises(register: Register) -> None:
    queries = generated_queries(register.people, register.rows)
    assert len(queries) >= 300
    wrong: list[str] = []
    found = expected = correct = 0
    for typed in queries:
        finds = reference_reader(typed)
        want = {p.id for p in register.people if finds(p)}
        got = set(
            register.services.caregivers.search_ids(
                CaregiverFilter(text=typed, active=ActiveFilter.ALL)
            )
        )
        found += len(got)
        expected += len(want)
        correct += len(got & want)
        if got != want:
            wrong.append(f"{typed!r}: {len(got - want)} too many, {len(want - got)} missing")
    precision = correct / found if found else 1.0
    recall = correct / expected if expected else 1.0
    assert (precision, recall, wrong) == (1.0, 1.0, [])
    assert expected > 10 * len(queries)  # the queries do find people
