"""The input policy by example: each bad input of issue 14 gets a Dutch refusal, never a crash."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from steunpunt.domain.address import parse_house_number
from steunpunt.domain.caregivers.caregiver import caregiver_from_form
from steunpunt.domain.dates import parse_date
from steunpunt.domain.errors import InvalidValue, ValidationFailed
from steunpunt.domain.fields import parse_fields
from steunpunt.domain.file_names import safe_file_name
from steunpunt.domain.input_policy import normalise_text
from steunpunt.domain.money import parse_cents
from steunpunt.domain.text import clean
from tests.helpers import TODAY, caregiver_form


@pytest.mark.parametrize("typed", ["²", "①", "1²", "٣"])
def test_a_house_number_in_other_digits_is_refused_in_dutch(typed: str) -> None:
    with pytest.raises(InvalidValue, match="Vul bij huisnummer alleen het nummer in"):
        parse_house_number(typed)


def test_a_house_number_with_thousands_of_digits_is_refused_in_dutch() -> None:
    with pytest.raises(InvalidValue, match="van 1 tot en met 99999"):
        parse_house_number("0" * 5000 + "1" + "0" * 5)
    assert parse_house_number("0012") == 12


@pytest.mark.parametrize("typed", ["31-12-9999", "9999-12-31", "01-01-0001", "0001-01-01"])
def test_a_date_in_year_9999_or_1_is_refused_in_dutch(typed: str) -> None:
    with pytest.raises(InvalidValue, match="vul een datum van 01-01-1900 tot en met 31-12-2100"):
        parse_date(typed)


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("registered_on", "01-01-0001", "01-01-1900 tot en met 31-12-2100"),
        ("registered_on", "31-12-1999", "01-01-2000 tot en met 31-12-2031"),
        ("registered_on", "31-12-2099", "31-12-2031"),
        ("birth_date", "31-12-1899", "01-01-1900"),
        ("birth_date", "23-11-2026", "De geboortedatum kan niet in de toekomst liggen."),
        ("consent_given_on", "01-01-1999", "01-01-2000"),
    ],
)
def test_each_date_field_holds_to_its_range(field: str, typed: str, message: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        caregiver_from_form(caregiver_form(**{field: typed}), frozenset(), False, TODAY)
    assert message in refused.value.errors[field]


@pytest.mark.parametrize("typed", ["1" + "0" * 23, "100000000000000000000000,00", "9" * 5000])
def test_a_huge_amount_is_refused_in_dutch(typed: str) -> None:
    with pytest.raises(InvalidValue, match=r"vul een bedrag van € 0 tot en met € 100\.000 in"):
        parse_cents(typed)


@pytest.mark.parametrize("invisible", ["\x00", "\u200b", "\ufeff", "\u2060", "\u200d", "\u202e"])
def test_a_name_of_invisible_characters_is_empty(invisible: str) -> None:
    form = caregiver_form(first_name=invisible, initials=invisible, last_name=invisible * 3)
    with pytest.raises(ValidationFailed) as refused:
        caregiver_from_form(form, frozenset(), False, TODAY)
    assert refused.value.errors["last_name"] == "Vul de achternaam in."
    assert refused.value.errors["first_name"] == "Vul de voornaam of de voorletters in."


def test_invisible_characters_are_taken_out_of_every_field() -> None:
    values, errors = parse_fields(
        {"last_name": "Vr\u200bies\u202e", "street": "Dorps\x00straat", "notes": "a\u2066\nb"}
    )
    assert errors == {}
    assert values == {"last_name": "Vries", "street": "Dorpsstraat", "notes": "a\nb"}


def test_text_is_stored_in_nfc() -> None:
    decomposed = "Zoe\u0308"  # e + combining diaeresis, as some keyboards on a Mac type it
    assert normalise_text(decomposed) == "Zoë"
    assert clean(f"  {decomposed}  ") == "Zoë"


def test_a_right_to_left_override_never_reaches_a_file_name() -> None:
    name = safe_file_name("3811 AB Vries\u202efdp.exe, Jan 12", ".pdf")
    assert name == "3811 AB Vriesfdp.exe, Jan 12.pdf"
    assert safe_file_name("\u200b\u202e\x00", ".pdf") == "brief.pdf"
    assert safe_file_name("con", ".pdf") == "_con.pdf"


def test_dates_are_refused_not_crashed_where_they_are_read_without_a_field() -> None:
    assert parse_date("1-2-1960") == date(1960, 2, 1)
    with pytest.raises(InvalidValue):
        parse_date("1-2-1960\x00x")


def test_a_toevoeging_in_other_digits_sorts_without_a_crash() -> None:
    from steunpunt.domain.letters.addressee import natural_key

    assert natural_key("²") == ((1, 0, "²"),)
    assert natural_key("2") < natural_key("10") < natural_key("A")


def test_no_isdigit_guards_an_int_without_isascii() -> None:
    """``"²".isdigit()`` is true but ``int("²")`` fails: a guard must also ask for 0-9."""
    import steunpunt

    source = Path(steunpunt.__file__).parent
    unguarded = [
        f"{path.relative_to(source)}:{number}"
        for path in sorted(source.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if ".isdigit()" in line and "int(" in line and ".isascii()" not in line
    ]
    assert unguarded == []


def test_one_safe_file_name_function_in_domain() -> None:
    import steunpunt

    source = Path(steunpunt.__file__).parent
    defined = [
        str(path.relative_to(source))
        for path in sorted(source.rglob("*.py"))
        if "def safe_file_name" in path.read_text(encoding="utf-8")
        or '<>:"/' in path.read_text(encoding="utf-8")
    ]
    assert defined == ["domain/file_names.py"]


def test_a_code_outside_its_list_is_refused_in_dutch() -> None:
    form = caregiver_form(salutation="koning", source="huisarts\x00?", end_reason="weg")
    with pytest.raises(ValidationFailed) as refused:
        caregiver_from_form(form, frozenset(), False, TODAY)
    assert {
        name: refused.value.errors[name] for name in ("salutation", "source", "end_reason")
    } == {
        name: "Kies een van de mogelijkheden uit de lijst."
        for name in ("salutation", "source", "end_reason")
    }
