"""The caregiver list: search, filters and every sort order, done by the database."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine

from steunpunt.db.kernel.engine import create_engine_for, make_session_factory, sqlite_url
from steunpunt.domain.age import AgeBracket, bracket_for
from steunpunt.domain.caregivers.list_filter import CaregiverFilter, SortKey
from steunpunt.domain.caregivers.search import (
    Anywhere,
    PostcodeStart,
    SearchQuery,
    SurnameStart,
    Vocabulary,
    parse_search,
)
from steunpunt.domain.choices import ActiveFilter
from steunpunt.domain.dates import format_date
from steunpunt.services.kernel.container import Services, build_services
from tests.helpers import TODAY, caregiver_data

# key: (first name, infix, last name, birth date, street, number, postcode, place, phone,
#       e-mail, registered on, ended on)
PEOPLE: dict[str, tuple[str, ...]] = {
    "A": ("Anna", "", "Bakker", "01-05-1950", "Kerkstraat", "5", "3811 AB", "Amersfoort",
          "06 12345678", "anna.bakker@example.nl", "10-01-2020", ""),
    "B": ("Piet", "van", "Dam", "03-03-2010", "Akkerweg", "2", "3761 CD", "Soest",
          "033-1234567", "piet@dam.nl", "02-02-2021", "01-01-2025"),
    "C": ("Ayşe", "", "Yılmaz", "15-06-2004", "Zandweg", "10", "3812 EF", "Amersfoort",
          "+49 30 12345678", "ayse@voorbeeld.nl", "03-03-2022", "01-01-2027"),
    "D": ("Łukasz", "", "Wiśniewski", "", "Marktplein", "1", "1011 AA", "Amsterdam",
          "020-1234567", "lukasz@przyklad.pl", "04-04-2023", "22-11-2026"),
    "E": ("Jan", "de", "Vries", "22-11-2001", "Dorpsstraat", "12", "3811 AB", "Amersfoort",
          "06-87654321", "jan.devries@example.nl", "30-06-2019", ""),
    "F": ("Emre", "", "Özdemir", "22-11-2008", "Kerkstraat", "7", "3811 BA", "Amersfoort",
          "0611111111", "emre@ozdemir.nl", "05-05-2024", ""),
    "G": ("Sanne", "", "Jansen", "23-11-2008", "Bergweg", "3", "3815 KL", "Amersfoort",
          "", "", "01-06-2025", ""),
    "H": ("Tom", "", "Jansen", "23-11-2001", "Lindelaan", "4", "3818 MN", "Amersfoort",
          "", "", "01-01-2026", ""),
}  # fmt: skip

ACTIVE = "ACEFGH"  # C ends in the future; D ended today and B long ago
ENDED = "BD"


@dataclass(frozen=True)
class Register:
    services: Services
    ids: dict[str, int]

    def keys(self, criteria: CaregiverFilter) -> str:
        by_id = {v: k for k, v in self.ids.items()}
        return "".join(by_id[i] for i in self.services.caregivers.search_ids(criteria))

    def find(self, text: str) -> str:
        """Keys of all caregivers (active or not) matching ``text``, in name order."""
        return self.keys(CaregiverFilter(text=text, active=ActiveFilter.ALL))


def form_of(person: tuple[str, ...]) -> dict[str, str]:
    first, infix, last, born, street, number, postcode, place, phone, email, since, end = person
    return {
        "first_name": first,
        "infix": infix,
        "last_name": last,
        "initials": "",
        "birth_date": born,
        "street": street,
        "house_number": number,
        "house_number_suffix": "",
        "postcode": postcode,
        "place": place,
        "phone": phone,
        "email": email,
        "iban": "",
        "registered_on": since,
        "ended_on": end,
        "end_reason": "verhuisd" if end else "",
    }


@pytest.fixture(scope="module")
def register(
    migrated_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Register]:
    """One database with the people above, shared read-only by the tests of this module."""
    file = tmp_path_factory.mktemp("search") / "steunpunt.sqlite"
    shutil.copy(migrated_template, file)
    engine = create_engine_for(sqlite_url(file))
    services = build_services(make_session_factory(engine), today=lambda: TODAY)
    actor = services.staff.default_actor("Tester")
    ids = {
        key: services.caregivers.create(actor, caregiver_data(**form_of(person))).id
        for key, person in PEOPLE.items()
    }
    yield Register(services, ids)
    engine.dispose()


# --- search ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("", "ABGHFEDC"),
        ("bakk", "A"),
        ("Bakker", "A"),
        ("anna", "A"),
        ("akke", "AB"),  # Bakker, Akkerweg
        ("ayse", "C"),  # diacritics do not matter ...
        ("Ayşe", "C"),
        ("YILMAZ", "C"),
        ("yılmaz", "C"),
        ("lukasz", "D"),
        ("Wiśniewski", "D"),
        ("ozdemir", "F"),
        ("Özdemir", "F"),
        ("vries", "E"),
        ("de vries", "E"),
        ("van dam", "B"),
    ],
)
def test_search_by_name(register: Register, text: str, keys: str) -> None:
    assert register.find(text) == keys


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("3811", "AFE"),
        ("3811 a", "AE"),
        ("3811a", "AE"),
        ("3811 AB", "AE"),
        ("3811ab", "AE"),
        ("3811 b", "F"),
        ("3811 BA", "F"),
        (" 1011 aa ", "D"),
        ("3761CD", "B"),
        ("3819", ""),
        ("381", "AGHFEC"),  # three digits: part of 3811, 3812, 3815 and 3818
    ],
)
def test_search_by_postcode(register: Register, text: str, keys: str) -> None:
    assert register.find(text) == keys


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("amersfoort", "AGHFEC"),
        ("Amsterdam", "D"),
        ("soest", "B"),
        ("kerkstraat", "AF"),
        ("amersfoort kerkstraat", "AF"),
    ],
)
def test_search_by_place_and_street(register: Register, text: str, keys: str) -> None:
    assert register.find(text) == keys


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("06-1234", "A"),
        ("06 1234", "A"),
        ("0612345678", "A"),
        ("06 12345678", "A"),
        ("+31 6 1234 5678", "A"),  # stored as 06 12345678
        ("0031 6 1234", "A"),
        ("+31 (0)6 12345678", "A"),
        ("+49 30 1234", "C"),
        ("0049 30 1234", "C"),
        ("033-123 45 67", "B"),
        ("0331234567", "B"),
        ("020 123", "D"),
        ("+4930", "C"),
        ("381", "AGHFEC"),  # up to four digits not starting with 0: the start of a postcode
        ("0611", "F"),
        ("87654321", "E"),
        ("06", ""),  # two digits: the start of a postcode, and no postcode starts with 06
    ],
)
def test_search_by_phone_written_differently(register: Register, text: str, keys: str) -> None:
    assert register.find(text) == keys


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("voorbeeld", "C"),
        ("example.nl", "AE"),
        ("@dam.nl", "B"),
        ("jan.devries@example.nl", "E"),
        ("przyklad.pl", "D"),
        ("anna.bakker@", "A"),
    ],
)
def test_search_by_email(register: Register, text: str, keys: str) -> None:
    assert register.find(text) == keys


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        # One or two characters: the start of the achternaam (the tussenvoegsel aside).
        ("yi", "C"),
        ("ja", "GH"),
        ("J", "GH"),
        ("v", "E"),  # de Vries sorts under V
        ("de", "E"),  # a tussenvoegsel word: people with that tussenvoegsel
        ("de v", "E"),
        ("ja de", ""),  # no Ja... with tussenvoegsel "de"
        ("van dam", "B"),
        ("z", ""),
        ("q", ""),
    ],
)
def test_search_with_one_or_two_letters(register: Register, text: str, keys: str) -> None:
    assert register.find(text) == keys


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("jansen tom", "H"),
        ("tom jansen", "H"),
        ("jansen amersfoort", "GH"),
        ("jansen soest", ""),
        ("jan 3811", "E"),  # 3811 is an ordinary term next to another word
        ("anna amersfoort kerkstraat", "A"),
        ("  anna    bakker  ", "A"),
    ],
)
def test_every_word_must_match(register: Register, text: str, keys: str) -> None:
    assert register.find(text) == keys


@pytest.mark.parametrize(
    "text",
    [
        '"',
        "'",
        '"""',
        "'s-hertogenbosch",
        'jan"',
        '"jan"',
        "o'brien",
        "%",
        "%%%",
        "100%",
        "_",
        "___",
        "\\",
        "*",
        "jan*",
        "NOT jan",
        "NEAR(jan piet)",
        "(",
        "^",
        "-",
        "+",
        "---",
        "caregiver_fts:jan",
        "'; DROP TABLE caregiver; --",
    ],
)
def test_odd_characters_do_not_crash(register: Register, text: str) -> None:
    assert register.find(text) == ""
    assert register.services.caregivers.count() == len(PEOPLE)


@pytest.mark.parametrize(
    ("text", "keys"), [("AND", "C"), ("NOT", ""), ("OR", ""), ("and jan", ""), ("near", "")]
)
def test_fts_operators_are_plain_words(register: Register, text: str, keys: str) -> None:
    """``AND`` finds z"and"weg like any other word: no query syntax leaks through."""
    assert register.find(text) == keys


def test_wildcards_are_taken_literally(register: Register) -> None:
    """``%`` and ``_`` in LIKE and ``*`` in FTS match only themselves."""
    assert register.find("a%") == ""
    assert register.find("a_") == ""
    assert register.find("ann*") == ""


def _one(*conditions: object) -> SearchQuery:
    return SearchQuery((frozenset(conditions),))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("3811 a", _one(PostcodeStart("3811 A"))),
        ("3811", _one(PostcodeStart("3811"))),
        ("06-1234", _one(Anywhere("061234", frozenset()))),
        ("+31 6 1234", _one(Anywhere("061234", frozenset()))),
        ("0031 (0)6 1234", _one(Anywhere("061234", frozenset()))),
        ("+49 30", _one(Anywhere("4930", frozenset()))),
        ("06.12.34.56.78", _one(Anywhere("0612345678", frozenset()))),
        ("035/6012345", _one(Anywhere("0356012345", frozenset()))),
        ("Ayşe  Yılmaz", _one(Anywhere("ayse", frozenset()), Anywhere("yilmaz", frozenset()))),
        ("06", _one(SurnameStart("06"))),
        ("", _one()),
    ],
)
def test_parse_search(text: str, query: SearchQuery) -> None:
    assert parse_search(text, Vocabulary()) == query


# --- filters -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("active", "keys"),
    [
        (ActiveFilter.ACTIVE, set(ACTIVE)),
        (ActiveFilter.ENDED, set(ENDED)),
        (ActiveFilter.ALL, set(PEOPLE)),
    ],
)
def test_active_filter(register: Register, active: ActiveFilter, keys: set[str]) -> None:
    """An end date in the future still counts as active; an end date of today does not."""
    assert set(register.keys(CaregiverFilter(active=active))) == keys


def test_default_filter_shows_active_caregivers_by_name(register: Register) -> None:
    assert register.keys(CaregiverFilter()) == "AGHFEC"


@pytest.mark.parametrize(
    ("bracket", "keys"),
    [
        (AgeBracket.UNDER_18, "BG"),  # G turns 18 tomorrow
        (AgeBracket.FROM_18_TO_24, "HFC"),  # F turned 18 today, H turns 25 tomorrow
        (AgeBracket.FROM_25, "AE"),  # E turned 25 today
        (AgeBracket.UNKNOWN, "D"),
        (None, "ABGHFEDC"),
    ],
)
def test_age_bracket_filter(register: Register, bracket: AgeBracket | None, keys: str) -> None:
    assert register.keys(CaregiverFilter(active=ActiveFilter.ALL, bracket=bracket)) == keys


def test_filters_and_search_combine(register: Register) -> None:
    criteria = CaregiverFilter(
        text="amersfoort", active=ActiveFilter.ACTIVE, bracket=AgeBracket.FROM_18_TO_24
    )
    assert register.keys(criteria) == "HFC"
    assert register.keys(CaregiverFilter(text="amsterdam")) == ""  # D has ended


# --- sorting -----------------------------------------------------------------------------

ASCENDING = {
    SortKey.NAME: "ABGHFEDC",  # Bakker, van Dam, Jansen S., Jansen T., Özdemir, de Vries, ...
    SortKey.BIRTH_DATE: "DAEHCFGB",  # unknown first
    SortKey.ADDRESS: "BGEAFHDC",  # Akkerweg, Bergweg, Dorpsstraat, Kerkstraat 5, Kerkstraat 7
    SortKey.POSTCODE: "DBAEFCGH",  # 3811 AB 5 before 3811 AB 12
    SortKey.PLACE: "ACEFGHDB",  # Amersfoort in order of entry, Amsterdam, Soest
    SortKey.PHONE: "GHCDBFAE",  # empty, +49, 020, 033, 06 1.., 06 12.., 06 8..
    SortKey.EMAIL: "GHACFEDB",
    SortKey.REGISTERED_ON: "EABCDFGH",
    SortKey.STATUS: "AGHFECBD",  # active by name, then ended by name
    SortKey.BURDEN: "ABGHFEDC",  # nobody measured: by name (see test_services_support)
}


def test_every_sort_key_is_covered() -> None:
    assert set(ASCENDING) == set(SortKey)


@pytest.mark.parametrize("sort", list(SortKey))
def test_sort_ascending(register: Register, sort: SortKey) -> None:
    assert register.keys(CaregiverFilter(active=ActiveFilter.ALL, sort=sort)) == ASCENDING[sort]


@pytest.mark.parametrize("sort", list(SortKey))
def test_sort_descending(register: Register, sort: SortKey) -> None:
    criteria = CaregiverFilter(active=ActiveFilter.ALL, sort=sort, descending=True)
    assert register.keys(criteria) == ASCENDING[sort][::-1]


def test_sort_applies_to_search_results(register: Register) -> None:
    criteria = CaregiverFilter(
        text="3811", active=ActiveFilter.ALL, sort=SortKey.REGISTERED_ON, descending=True
    )
    assert register.keys(criteria) == "FAE"


# --- rows --------------------------------------------------------------------------------


def test_rows_show_the_list_columns(register: Register) -> None:
    ids = register.ids
    jan, anna, lukasz = register.services.caregivers.rows([ids["E"], ids["A"], ids["D"]])
    assert jan.id == ids["E"]
    assert jan.name == "Vries, Jan de"
    assert jan.birth_date == date(2001, 11, 22)
    assert jan.bracket is AgeBracket.FROM_25
    assert jan.street_line == "Dorpsstraat 12"
    assert (jan.postcode, jan.place) == ("3811 AB", "Amersfoort")
    assert jan.phone == "06 87654321"
    assert jan.email == "jan.devries@example.nl"
    assert jan.registered_on == date(2019, 6, 30)
    assert jan.active is True
    assert anna.name == "Bakker, Anna"
    assert lukasz.name == "Wiśniewski, Łukasz"
    assert lukasz.bracket is AgeBracket.UNKNOWN
    assert lukasz.active is False


def test_rows_keep_the_order_of_ids_and_skip_missing_ones(register: Register) -> None:
    ids = register.ids
    wanted = [ids["H"], 9999, ids["A"], ids["C"], -1, ids["B"]]
    rows = register.services.caregivers.rows(wanted)
    assert [r.id for r in rows] == [ids["H"], ids["A"], ids["C"], ids["B"]]
    assert [r.active for r in rows] == [True, True, True, False]
    assert register.services.caregivers.rows([]) == []


def test_rows_follow_search_ids(register: Register) -> None:
    criteria = CaregiverFilter(active=ActiveFilter.ALL, sort=SortKey.POSTCODE)
    ids = register.services.caregivers.search_ids(criteria)
    assert [r.id for r in register.services.caregivers.rows(ids)] == ids


# --- age brackets in SQL agree with Python around 29 February ---------------------------

BIRTH_DATES = [
    date(2008, 2, 29),
    date(2008, 2, 28),
    date(2008, 3, 1),
    date(2010, 2, 28),
    date(2010, 3, 1),
    date(2003, 2, 28),
    date(2003, 3, 1),
    date(2004, 2, 29),
    date(2001, 11, 22),
    date(2008, 11, 23),
]


@pytest.mark.parametrize(
    "day",
    [date(2026, 2, 28), date(2026, 3, 1), date(2028, 2, 28), date(2028, 2, 29), date(2029, 2, 28)],
)
def test_bracket_filter_agrees_with_bracket_for(
    services: Services, engine: Engine, day: date
) -> None:
    actor = services.staff.default_actor("Tester")
    born = {
        services.caregivers.create(
            actor,
            caregiver_data(birth_date=format_date(b), registered_on="01-01-2020"),
        ).id: b
        for b in BIRTH_DATES
    }
    on_day = build_services(make_session_factory(engine), today=lambda: day)
    for bracket in (AgeBracket.UNDER_18, AgeBracket.FROM_18_TO_24, AgeBracket.FROM_25):
        found = on_day.caregivers.search_ids(
            CaregiverFilter(active=ActiveFilter.ALL, bracket=bracket)
        )
        expected = {i for i, b in born.items() if bracket_for(b, day) is bracket}
        assert set(found) == expected, bracket
        assert {r.bracket for r in on_day.caregivers.rows(found)} <= {bracket}


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("38", "AGHFEC"),  # the start of the postcode
        ("amers", "AGHFEC"),  # the start of a woonplaats: everyone living there
        ("AMERSFOORT", "AGHFEC"),
        ("amersfoort jan", "GHE"),
        ("foort", "AGHFEC"),  # inside a place name: found through the search text
    ],
)
def test_search_by_postcode_start_and_place(register: Register, text: str, keys: str) -> None:
    assert register.find(text) == keys
