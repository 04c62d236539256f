"""Parsers for single form fields: text in, normalised value out, or a Dutch message."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from steunpunt.domain.address import normalize_suffix, parse_house_number
from steunpunt.domain.choices import (
    EndReason,
    LivingSituation,
    RelationType,
    Salutation,
    Source,
)
from steunpunt.domain.dates import parse_date, parse_optional_date
from steunpunt.domain.email import normalize_email
from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.iban import normalize_iban
from steunpunt.domain.input_policy import (
    HOURS_PER_WEEK_MAX,
    check_birth_date,
    check_work_date,
    normalise_text,
)
from steunpunt.domain.names import normalize_infix, normalize_initials, normalize_name_part
from steunpunt.domain.phone import normalize_phone
from steunpunt.domain.postcode import normalize_postcode
from steunpunt.domain.text import clean

T = TypeVar("T")


def optional(parser: Callable[[str], str]) -> Callable[[str], str]:
    """Let an empty field through as ``""``; otherwise apply ``parser``."""

    def parse(value: str) -> str:
        return parser(value) if value.strip() else ""

    return parse


def limited(length: int) -> Callable[[str], str]:
    """Clean text of at most ``length`` characters."""

    def parse(value: str) -> str:
        text = clean(value)
        if len(text) > length:
            raise InvalidValue(f"Hoogstens {length} tekens.")
        return text

    return parse


def note_text(value: str) -> str:
    """Free text: trailing white space trimmed, at most 4,000 characters, line breaks kept."""
    text = normalise_text(value).strip()
    if len(text) > 4000:
        raise InvalidValue("Een notitie is hoogstens 4000 tekens.")
    return text


def hours_per_week(value: str) -> float | None:
    """``"12,5"`` -> 12.5 hours; 0 to 168 (the hours of a week)."""
    text = normalise_text(value).strip().replace(",", ".")
    if not text:
        return None
    try:
        if not text.isascii():
            raise ValueError(text)
        hours = float(text)
    except ValueError as error:
        raise InvalidValue("Vul het aantal uren per week in als getal, zoals 12 of 7,5.") from error
    if not 0 <= hours <= HOURS_PER_WEEK_MAX:
        raise InvalidValue(
            f"Een week heeft {HOURS_PER_WEEK_MAX} uur: "
            f"vul een aantal van 0 tot en met {HOURS_PER_WEEK_MAX} in."
        )
    return hours


def name_part(value: str) -> str:
    return limited(80)(normalize_name_part(value))


def first_names(value: str) -> str:
    """Every voornaam starts with a capital: ``"jan pieter"`` -> ``"Jan Pieter"``."""
    return limited(80)(" ".join(normalize_name_part(part) for part in value.split()))


def choice_of(kind: type[StrEnum]) -> Callable[[str], str]:
    """A code from a fixed list, or empty; anything else is refused in Dutch."""

    def parse(value: str) -> str:
        if value and value not in kind._value2member_map_:
            raise InvalidValue("Kies een van de mogelijkheden uit de lijst.")
        return value

    return parse


def required_date(value: str) -> date:
    """A date that must be filled in."""
    if not value.strip():
        raise InvalidValue("Vul een datum in.")
    return parse_date(value)


PERSON_PARSERS: Mapping[str, Callable[[str], Any]] = {
    "first_name": first_names,
    "infix": lambda v: limited(20)(normalize_infix(v)),
    "last_name": name_part,
    "initials": lambda v: limited(20)(normalize_initials(v)),
    "birth_date": parse_optional_date,
    "street": lambda v: limited(100)(normalize_name_part(v)),
    "house_number": parse_house_number,
    "house_number_suffix": normalize_suffix,
    "postcode": optional(normalize_postcode),
    "place": lambda v: limited(80)(normalize_name_part(v)),
    "municipality": lambda v: limited(80)(normalize_name_part(v)),
    "phone": optional(normalize_phone),
    "email": optional(normalize_email),
    "iban": optional(normalize_iban),
    "registered_on": required_date,
    "ended_on": parse_optional_date,
    "consent_given_on": parse_optional_date,
    "condition": limited(200),
    "hours_per_week": hours_per_week,
    "care_since": parse_optional_date,
    "contact_date": required_date,
    "notes": note_text,
    "note": note_text,
    "salutation": choice_of(Salutation),
    "source": choice_of(Source),
    "end_reason": choice_of(EndReason),
    "living_situation": choice_of(LivingSituation),
    "relation_type": choice_of(RelationType),
}


LIFE_DATE_FIELDS = {"birth_date": "De geboortedatum", "care_since": "Zorg sinds"}
"""Dates of a life rather than of the steunpunt's work: from 1900 to today, not from 2000."""


def check_field_date(name: str, value: date, today: date) -> None:
    """Refuse a date outside its field's range: a life's date from 1900 to today, a work date
    from 2000 to a few years ahead."""
    if name in LIFE_DATE_FIELDS:
        check_birth_date(value, today, LIFE_DATE_FIELDS[name])
    else:
        check_work_date(value, today, "Deze datum")


def parse_fields(
    raw: Mapping[str, str],
    parsers: Mapping[str, Callable[[str], Any]] = PERSON_PARSERS,
    today: date | None = None,
) -> tuple[dict[str, Any], dict[str, str]]:
    """Parse every field of ``raw`` by the input policy: (values, errors by field).

    Every text is normalised first (:func:`normalise_text`), then given to its field's parser;
    with ``today`` every date is held to its field's range.
    """
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for name, typed in raw.items():
        text = normalise_text(typed)
        parser = parsers.get(name)
        if parser is None:
            values[name] = text
            continue
        try:
            value = parser(text)
            if today is not None and isinstance(value, date):
                check_field_date(name, value, today)
        except InvalidValue as error:
            errors[name] = error.message
        else:
            values[name] = value
    return values, errors


def merge_errors(errors: dict[str, str], more: Mapping[str, str]) -> None:
    """Add ``more`` without replacing a field's first (most specific) message."""
    for name, message in more.items():
        errors.setdefault(name, message)


def check_not_future(value: date | None, today: date, what: str) -> str | None:
    """A Dutch message when ``value`` lies after ``today``."""
    if value is not None and value > today:
        return f"{what} kan niet in de toekomst liggen."
    return None


def with_blanks(raw: Mapping[str, str], names: tuple[str, ...]) -> dict[str, str]:
    """The form's text with every expected field present (a missing field is empty)."""
    return {**dict.fromkeys(names, ""), **raw}
