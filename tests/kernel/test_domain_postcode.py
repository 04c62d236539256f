"""Dutch postcodes: normalised to ``1234 AB``, impossible ones refused, partial ones for search."""

from __future__ import annotations

import pytest

from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.postcode import compact_postcode_query, normalize_postcode

POSTCODE_MESSAGE = "Vul een Nederlandse postcode in: vier cijfers en twee letters, zoals 1234 AB."


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("1234 AB", "1234 AB"),
        ("1234AB", "1234 AB"),
        ("1234ab", "1234 AB"),
        (" 3811  ab ", "3811 AB"),
        ("9999 ZZ", "9999 ZZ"),
    ],
)
def test_postcode_is_normalised(typed: str, stored: str) -> None:
    assert normalize_postcode(typed) == stored


@pytest.mark.parametrize(
    "typed",
    [
        "0123 AB",  # a postcode never starts with 0
        "1234 SA",  # SA, SD and SS are not used
        "1234 SD",
        "1234 SS",
        "12345",
        "123 AB",
        "1234 A",
        "1234 ABC",
        "ABCD EF",
        "AB",
        "",
    ],
)
def test_impossible_postcode_is_refused_in_dutch(typed: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        normalize_postcode(typed)
    assert caught.value.message == POSTCODE_MESSAGE


@pytest.mark.parametrize(
    ("typed", "query"),
    [
        ("3811", "3811"),
        ("3811 a", "3811A"),
        ("3811a", "3811A"),
        (" 3811 AB ", "3811AB"),
        ("3811ab", "3811AB"),
    ],
)
def test_partial_postcode_becomes_one_compact_search_term(typed: str, query: str) -> None:
    assert compact_postcode_query(typed) == query


@pytest.mark.parametrize("typed", ["381", "38111", "3811 abc", "jansen", "06 1234", ""])
def test_text_that_is_no_postcode_gives_no_postcode_query(typed: str) -> None:
    assert compact_postcode_query(typed) is None
