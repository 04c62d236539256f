"""The input policy over any text: every shared field parser gives a valid value or a Dutch
refusal, and what it gives back holds to the policy."""

from __future__ import annotations

import unicodedata
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from steunpunt.domain.address import normalize_suffix, parse_house_number
from steunpunt.domain.dates import parse_date, parse_optional_date
from steunpunt.domain.fields import PERSON_PARSERS, parse_fields
from steunpunt.domain.file_names import safe_file_name
from steunpunt.domain.input_policy import (
    AMOUNT_MAX_CENTS,
    EARLIEST_DATE,
    HOUSE_NUMBER_MAX,
    LATEST_DATE,
    normalise_text,
)
from steunpunt.domain.money import parse_cents, parse_optional_cents
from steunpunt.domain.text import clean
from tests.helpers import TODAY, caregiver_form
from tests.strategies import PROPERTY, any_text, form, outcome

INVISIBLE = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F)}
INVISIBLE |= {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\x00"}


def _policy_holds(text: str) -> None:
    assert not INVISIBLE & set(text)
    assert unicodedata.is_normalized("NFC", text)
    assert all(unicodedata.category(ch) != "Cc" or ch in "\n\t" for ch in text)


@PROPERTY
@given(any_text)
def test_normalised_text_holds_to_the_policy_and_stays_put(text: str) -> None:
    once = normalise_text(text)
    _policy_holds(once)
    assert normalise_text(once) == once
    _policy_holds(clean(text))


@PROPERTY
@given(any_text)
def test_a_date_is_a_date_in_the_policy_range_or_a_dutch_refusal(text: str) -> None:
    for parser in (parse_date, parse_optional_date):
        day = outcome(lambda parser=parser: parser(text)).value  # type: ignore[misc]
        assert day is None or EARLIEST_DATE <= day <= LATEST_DATE


@PROPERTY
@given(any_text)
def test_an_amount_is_whole_cents_in_range_or_a_dutch_refusal(text: str) -> None:
    cents = outcome(lambda: parse_cents(text)).value
    assert cents is None or 0 <= cents <= AMOUNT_MAX_CENTS
    optional = outcome(lambda: parse_optional_cents(text, 500)).value
    assert optional is None or 0 <= optional <= 500


@PROPERTY
@given(any_text)
def test_a_house_number_is_in_range_or_a_dutch_refusal(text: str) -> None:
    number = outcome(lambda: parse_house_number(text)).value
    assert number is None or 1 <= number <= HOUSE_NUMBER_MAX
    suffix = outcome(lambda: normalize_suffix(text)).value
    assert suffix is None or (len(suffix) <= 8 and suffix == clean(suffix))


@PROPERTY
@given(st.sampled_from(sorted(PERSON_PARSERS)), any_text)
def test_every_shared_field_parser_gives_a_value_or_a_dutch_refusal(name: str, text: str) -> None:
    values = outcome(lambda: PERSON_PARSERS[name](normalise_text(text))).value
    if isinstance(values, str):
        _policy_holds(values)


@PROPERTY
@given(form(caregiver_form()))
def test_parse_fields_gives_values_or_messages_for_every_field(raw: dict[str, str]) -> None:
    values, errors = parse_fields(raw, today=TODAY)
    assert set(values) | set(errors) == set(raw)
    assert not set(values) & set(errors)
    for value in values.values():
        if isinstance(value, str):
            _policy_holds(value)
        if isinstance(value, date):
            assert EARLIEST_DATE <= value <= LATEST_DATE


@PROPERTY
@given(any_text, st.sampled_from(("", ".pdf", " (2).pdf")))
def test_a_file_name_from_personal_data_is_safe(stem: str, suffix: str) -> None:
    name = safe_file_name(stem, suffix)
    assert name.endswith(suffix) and len(name) > len(suffix)
    _policy_holds(name)
    assert not set('<>:"/\\|?*\n\t') & set(name[: len(name) - len(suffix)])
    assert name == name.strip()
