"""Addressees, shared addresses and recipient filters: pure rules, no database."""

from __future__ import annotations

from datetime import date

import pytest

from steunpunt.domain.address import Address
from steunpunt.domain.age import AgeBracket
from steunpunt.domain.choices import Grouping, LetterKind, Salutation
from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.letters.addressee import Addressee, households
from steunpunt.domain.letters.recipient_filter import RecipientFilter
from steunpunt.domain.names import PersonName

HOME = Address("Kerkstraat", 5, "a", "3812 BB", "Amersfoort")


def person(
    number: int,
    first: str,
    infix: str,
    last: str,
    salutation: Salutation,
    address: Address = HOME,
) -> Addressee:
    return Addressee(number, PersonName(first, infix, last), salutation, address)


@pytest.mark.parametrize(
    ("salutation", "envelope", "aanhef"),
    [
        (Salutation.MRS, "Mevrouw A. de Vries", "Beste mevrouw De Vries"),
        (Salutation.MR, "De heer A. de Vries", "Beste meneer De Vries"),
        (Salutation.NEUTRAL, "A. de Vries", "Beste Anna de Vries"),
    ],
)
def test_envelope_name_and_aanhef_follow_the_salutation(
    salutation: Salutation, envelope: str, aanhef: str
) -> None:
    anna = person(1, "Anna", "de", "Vries", salutation)
    assert (anna.envelope_name, anna.aanhef) == (envelope, aanhef)


def test_people_at_one_address_are_grouped_however_it_was_typed() -> None:
    ayse = person(1, "Ayşe", "", "Yılmaz", Salutation.MRS)
    other_typing = Address("kerkstraat", 5, "A", "3812bb", "AMERSFOORT")
    lukasz = person(2, "Łukasz", "", "Wiśniewski", Salutation.MR, other_typing)
    elsewhere = person(
        3, "Jan", "", "Bakker", Salutation.MR, Address("Dorp", 1, "", "1234 AB", "Soest")
    )
    together = households([ayse, lukasz, elsewhere], Grouping.NAMES)
    assert [len(h.members) for h in together] == [1, 2]  # postcode order: 1234 first
    shared = together[1]
    assert shared.name_lines == ("De heer Ł. Wiśniewski", "Mevrouw A. Yılmaz")
    assert shared.aanhef == "Beste meneer Wiśniewski en mevrouw Yılmaz"
    assert shared.first_names == "Łukasz en Ayşe"
    residents = households([ayse, lukasz], Grouping.RESIDENTS)[0]
    assert (residents.name_lines, residents.aanhef) == (("De bewoners van",), "Beste bewoners")
    assert len(households([ayse, lukasz], Grouping.PER_PERSON)) == 2


def test_three_or_more_names_do_not_fit_and_become_the_residents() -> None:
    family = [person(n, name, "", "Jansen", Salutation.NEUTRAL) for n, name in enumerate("ABC")]
    [household] = households(family, Grouping.NAMES)
    assert household.name_lines == ("De bewoners van",)
    assert household.first_names == "A, B en C"


def test_a_filter_survives_storage_and_broken_storage_means_no_limit() -> None:
    criteria = RecipientFilter(
        brackets=(AgeBracket.UNDER_18,),
        places=("Soest", "Baarn"),
        municipalities=("Soest",),
        registered_from=date(2026, 1, 1),
        registered_until=date(2026, 6, 30),
        not_yet_sent=LetterKind.WELCOME,
        compliment_year=2025,
    )
    assert RecipientFilter.from_json(criteria.to_json()) == criteria
    assert RecipientFilter.from_json("{kapot") == RecipientFilter()
    broken = '{"brackets": ["99+"], "registered_from": "gisteren", "compliment_year": "vorig"}'
    assert RecipientFilter.from_json(broken) == RecipientFilter()


def test_a_filter_with_dates_the_wrong_way_round_is_refused() -> None:
    with pytest.raises(InvalidValue, match="begindatum"):
        RecipientFilter(registered_from=date(2026, 2, 1), registered_until=date(2026, 1, 1)).check()


@pytest.mark.parametrize(
    ("name", "aanhef"),
    [
        (PersonName("", "", "Jansen", "L."), "Beste L. Jansen"),  # initials, no first name
        (PersonName("", "de", "Vries", "A.B."), "Beste A.B. de Vries"),
        (PersonName("", "", "Jansen"), "Beste heer/mevrouw Jansen"),  # only a surname
        (PersonName("", "de", "Vries"), "Beste heer/mevrouw De Vries"),
        (PersonName("Lies", "", "Jansen", "L."), "Beste Lies Jansen"),
    ],
)
def test_without_salutation_or_first_name_the_greeting_stays_formal(
    name: PersonName, aanhef: str
) -> None:
    assert Addressee(1, name, Salutation.NEUTRAL, HOME).aanhef == aanhef


def test_toevoegingen_sort_as_numbers_at_one_house_number() -> None:
    # 12-2 before 12-10 (as text "10" < "2"); letters after numbers; A2 before A10
    suffixes = ["10", "A10", "2", "B", "A2", "1"]
    people = [
        person(
            n, "Jan", "", f"Bakker{n}", Salutation.MR, Address("Dorp", 12, s, "1234 AB", "Soest")
        )
        for n, s in enumerate(suffixes)
    ]
    ordered = households(people, Grouping.NAMES)
    assert [h.address.street_line for h in ordered] == [
        "Dorp 12-1",
        "Dorp 12-2",
        "Dorp 12-10",
        "Dorp 12 A2",
        "Dorp 12 A10",
        "Dorp 12 B",
    ]


def test_a_street_or_place_of_only_spaces_is_not_a_complete_address() -> None:
    assert Address("Dorp", 1, "", "1234 AB", "Soest").is_complete
    assert not Address("   ", 1, "", "1234 AB", "Soest").is_complete
    assert not Address("Dorp", 1, "", "1234 AB", "  ").is_complete
