"""Dutch names: initials, tussenvoegsel, sorted and formal forms, and folding for search."""

from __future__ import annotations

import pytest

from steunpunt.domain.names import (
    PersonName,
    derive_initials,
    normalize_infix,
    normalize_initials,
    normalize_name_part,
)
from steunpunt.domain.text import clean, fold


@pytest.mark.parametrize(
    ("typed", "initials"),
    [
        ("jp", "J.P."),
        ("JP", "J.P."),
        ("J.P.", "J.P."),
        ("J. P.", "J.P."),
        ("J.P", "J.P."),
        ("j p", "J.P."),
        ("j", "J."),
        ("Th.", "Th."),
        ("Th. J.", "Th.J."),
        ("", ""),
        ("   ", ""),
    ],
)
def test_initials_are_normalised(typed: str, initials: str) -> None:
    assert normalize_initials(typed) == initials


@pytest.mark.parametrize(
    ("first_names", "initials"),
    [("Jan Pieter", "J.P."), ("jan", "J."), ("", ""), ("Ayşe", "A."), ("Łukasz Jan", "Ł.J.")],
)
def test_initials_are_derived_from_first_names(first_names: str, initials: str) -> None:
    assert derive_initials(first_names) == initials


@pytest.mark.parametrize(
    ("typed", "infix"), [("De", "de"), ("Van Der", "van der"), (" van  den ", "van den"), ("", "")]
)
def test_tussenvoegsel_is_lower_case(typed: str, infix: str) -> None:
    assert normalize_infix(typed) == infix


@pytest.mark.parametrize(
    ("typed", "part"),
    [("jan", "Jan"), ("  jan   pieter ", "Jan pieter"), ("ayşe", "Ayşe"), ("", "")],
)
def test_name_part_starts_with_a_capital(typed: str, part: str) -> None:
    assert normalize_name_part(typed) == part


JAN = PersonName("Jan", "de", "Vries")
JAN_PIETER = PersonName("Jan Pieter", "de", "Vries")


def test_surname_and_full_name_include_the_tussenvoegsel() -> None:
    assert JAN.surname == "de Vries"
    assert JAN.full == "Jan de Vries"


@pytest.mark.parametrize(
    ("name", "sorted_form"),
    [
        (JAN, "Vries, Jan de"),
        (PersonName("Piet", "van", "Dam"), "Dam, Piet van"),
        (PersonName("Anna", "", "Bakker"), "Bakker, Anna"),
        (PersonName("", "van der", "Berg"), "Berg, van der"),
        (PersonName("", "", "Bakker"), "Bakker"),
        (PersonName("", "", "El Amrani", "A."), "El Amrani, A."),  # only voorletters known
        (PersonName("", "van der", "Berg", "J."), "Berg, J. van der"),
        (PersonName("Jan", "", "Bakker", "J.P."), "Bakker, Jan"),  # the voornaam, when known
    ],
)
def test_sorted_form_puts_the_achternaam_first(name: PersonName, sorted_form: str) -> None:
    assert name.sorted_form == sorted_form


@pytest.mark.parametrize(
    ("name", "formal"),
    [
        (JAN_PIETER, "J.P. de Vries"),
        (PersonName("", "de", "Vries", "Th."), "Th. de Vries"),
        (PersonName("Jan Pieter", "", "Vries", "J.P.C."), "J.P.C. Vries"),
        (PersonName("", "", "Bakker"), "Bakker"),
    ],
)
def test_formal_name_uses_initials(name: PersonName, formal: str) -> None:
    assert name.formal == formal


def test_sort_key_leaves_out_the_tussenvoegsel_and_folds() -> None:
    assert JAN.sort_key == "vries jan"
    assert PersonName("Ayşe", "", "Yılmaz").sort_key == "yilmaz ayse"
    assert PersonName("Piet", "van", "Dam").sort_key < JAN.sort_key


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Ayşe Yılmaz", "ayse yilmaz"),
        ("Łukasz Wiśniewski", "lukasz wisniewski"),
        ("Emre Özdemir", "emre ozdemir"),
        ("Zoë  Müller-Strauß", "zoe muller-strauss"),
        ("Søren Ærø", "soren aero"),
        ("François Đorđević", "francois dordevic"),
        ("  JAN   DE VRIES ", "jan de vries"),
    ],
)
def test_fold_removes_case_and_diacritics(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_clean_collapses_white_space() -> None:
    assert clean("  Jan \t de\nVries ") == "Jan de Vries"
    assert clean(None) == ""
