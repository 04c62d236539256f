"""Dates typed the Dutch way, and single form fields (house number, toevoeging, hours)."""

from __future__ import annotations

from datetime import date

import pytest

from steunpunt.domain.address import normalize_suffix, parse_house_number
from steunpunt.domain.dates import format_date, parse_date, parse_optional_date
from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.fields import hours_per_week, note_text

DATE_FORMAT_MESSAGE = "Vul een datum in als dd-mm-jjjj, bijvoorbeeld 01-02-1960."


@pytest.mark.parametrize(
    "typed",
    ["1-2-1960", "01-02-1960", "01/02/1960", "1.2.1960", "01021960", "1960-02-01", " 1-2-1960 "],
)
def test_date_is_read_day_first(typed: str) -> None:
    assert parse_date(typed) == date(1960, 2, 1)


@pytest.mark.parametrize("typed", ["31-02-2020", "29-02-2021", "32-01-2000", "01-13-2000"])
def test_date_that_does_not_exist_is_named(typed: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_date(typed)
    assert caught.value.message == f"{typed} is geen bestaande datum."


def test_leap_day_exists_in_a_leap_year() -> None:
    assert parse_date("29-02-2020") == date(2020, 2, 29)


@pytest.mark.parametrize("typed", ["rubbish", "", "1-2-60", "1960", "1 februari 1960", "1-2-1960x"])
def test_rubbish_asks_for_dd_mm_jjjj(typed: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_date(typed)
    assert caught.value.message == DATE_FORMAT_MESSAGE


def test_optional_date_may_be_empty() -> None:
    assert parse_optional_date("   ") is None
    assert parse_optional_date("1-2-1960") == date(1960, 2, 1)


def test_date_is_shown_as_dd_mm_jjjj() -> None:
    assert format_date(date(1960, 2, 1)) == "01-02-1960"
    assert format_date(None) == ""


@pytest.mark.parametrize(
    ("typed", "number"), [("12", 12), (" 7 ", 7), ("", None), ("99999", 99999)]
)
def test_house_number(typed: str, number: int | None) -> None:
    assert parse_house_number(typed) == number


@pytest.mark.parametrize("typed", ["12a", "12-2", "0", "100000", "-3", "twaalf"])
def test_house_number_with_letters_or_out_of_range_is_refused(typed: str) -> None:
    with pytest.raises(InvalidValue, match="huisnummer"):
        parse_house_number(typed)


@pytest.mark.parametrize(
    ("typed", "suffix"),
    [("a", "A"), ("-a", "A"), (" bis ", "bis"), ("2", "2"), ("2-hoog", "2-hoog")],
)
def test_toevoeging(typed: str, suffix: str) -> None:
    assert normalize_suffix(typed) == suffix


def test_toevoeging_longer_than_eight_is_refused() -> None:
    with pytest.raises(InvalidValue, match="toevoeging"):
        normalize_suffix("achterhuis")


@pytest.mark.parametrize(
    ("typed", "hours"),
    [("7,5", 7.5), ("7.5", 7.5), ("12", 12.0), ("0", 0.0), ("168", 168.0), ("", None)],
)
def test_hours_per_week(typed: str, hours: float | None) -> None:
    assert hours_per_week(typed) == hours


@pytest.mark.parametrize("typed", ["169", "-1", "168,5", "nan", "inf"])
def test_more_hours_than_a_week_has_are_refused(typed: str) -> None:
    with pytest.raises(InvalidValue, match="168 uur"):
        hours_per_week(typed)


def test_hours_that_are_no_number_are_refused() -> None:
    with pytest.raises(InvalidValue, match="als getal"):
        hours_per_week("veel")


def test_note_keeps_line_breaks_and_has_a_limit() -> None:
    assert note_text("  eerste regel\ntweede regel  \n") == "eerste regel\ntweede regel"
    assert len(note_text("x" * 4000)) == 4000
    with pytest.raises(InvalidValue, match="4000"):
        note_text("x" * 4001)
