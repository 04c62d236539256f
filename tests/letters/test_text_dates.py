"""Dates in a template's text, and which lie in the past on the letter's date (worked by hand)."""

from __future__ import annotations

from datetime import date

from steunpunt.domain.letters.text_dates import TextDate, dates_in, past_dates, past_dates_warning
from steunpunt.letters.default_templates import DEFAULT_TEMPLATES

DECEMBER_4 = date(2026, 12, 4)


def test_written_dates_with_and_without_a_year_and_numeric_dates_are_found_in_order() -> None:
    text = (
        "Op 10 November is het feest. Aanmelden kan tot 1 november 2025 of op 10-11-2026, "
        "of op 3/2/2027."
    )
    assert dates_in(text, 2026) == [
        TextDate("10 November", date(2026, 11, 10)),
        TextDate("1 november 2025", date(2025, 11, 1)),
        TextDate("10-11-2026", date(2026, 11, 10)),
        TextDate("3/2/2027", date(2027, 2, 3)),
    ]


def test_a_date_broken_over_two_lines_is_named_on_one() -> None:
    assert dates_in("tot 1\nnovember", 2026) == [TextDate("1 november", date(2026, 11, 1))]


def test_times_amounts_references_and_impossible_days_are_no_dates() -> None:
    text = (
        "van 14.00 tot 17.00 uur, € 10,11, kenmerk 2026-0011, nummer 110-11-2026, "
        "op 31 november, 12 novembers, 30-02-2026 en 5-6-78"
    )
    assert dates_in(text, 2026) == []


def test_a_date_without_a_year_is_taken_in_the_year_of_the_letter() -> None:
    text = "Op 10 november en op 20 december."
    assert past_dates(text, DECEMBER_4) == [TextDate("10 november", date(2026, 11, 10))]
    assert past_dates(text, date(2026, 11, 10)) == []  # the day itself is not past
    assert past_dates(text, date(2027, 1, 5)) == []  # both taken in 2027: still to come


def test_only_dates_before_the_letter_date_are_past_each_named_once() -> None:
    text = "tot 1 november, op 1 november, 3 december 2026, 4 december 2026, 1-1-2027"
    assert [found.written for found in past_dates(text, DECEMBER_4)] == [
        "1 november",
        "3 december 2026",
    ]


def test_the_default_invitation_mailed_on_4_december_names_its_past_dates() -> None:
    [invitation] = [t for t in DEFAULT_TEMPLATES if t.name == "Uitnodiging Dag van de Mantelzorg"]
    found = past_dates(f"{invitation.subject}\n{invitation.body}", DECEMBER_4)
    assert [text_date.written for text_date in found] == [
        "10 november",
        "14 november",
        "1 november",
    ]
    assert past_dates(invitation.body, date(2026, 10, 1)) == []


def test_the_warning_names_the_past_dates_and_where_to_change_them() -> None:
    text = "Op 10 november, tot 1 november, en op 20 december."
    assert past_dates_warning(text, DECEMBER_4) == (
        "De tekst van de brief noemt data die op de briefdatum (4 december 2026) al voorbij "
        "zijn: 10 november en 1 november. Pas zo nodig het sjabloon aan via Brieven › "
        "Briefsjablonen."
    )
    assert past_dates_warning("Tot 1 november.", DECEMBER_4) == (
        "De tekst van de brief noemt een datum die op de briefdatum (4 december 2026) al "
        "voorbij is: 1 november. Pas zo nodig het sjabloon aan via Brieven › Briefsjablonen."
    )
    assert past_dates_warning("Op 20 december.", DECEMBER_4) is None
