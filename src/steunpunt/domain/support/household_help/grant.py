"""A household-help grant as staff enter it: provider, household, period, hours and evaluation."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, Decimal, InvalidOperation
from typing import Any

from steunpunt.domain.dates import parse_optional_date
from steunpunt.domain.errors import InvalidValue, ValidationFailed
from steunpunt.domain.fields import (
    merge_errors,
    note_text,
    parse_fields,
    required_date,
    with_blanks,
)
from steunpunt.domain.input_policy import (
    HOURS_PER_WEEK_MAX,
    HOURS_PER_YEAR_MAX,
    LATEST_DATE,
    RATE_MAX_CENTS,
    WORK_DATE_FIRST,
    check_cents,
    check_date_range,
    refusal,
)
from steunpunt.domain.money import parse_optional_cents
from steunpunt.domain.support.household_help.settings import HOURS_STEP


@dataclass(frozen=True)
class GrantData:
    """What the grant form holds; ``care_recipient_id`` set means the naaste's household."""

    provider_id: int | None
    care_recipient_id: int | None
    starts_on: date
    ends_on: date
    extended_until: date | None
    hours_per_week: Decimal
    hours_per_year: Decimal
    own_contribution_cents: int
    household_has_wmo_help: bool
    evaluation_on: date | None
    note: str


GRANT_FIELDS = (
    "starts_on",
    "ends_on",
    "extended_until",
    "hours_per_week",
    "hours_per_year",
    "own_contribution",
    "evaluation_on",
    "note",
)


def hours_parser(limit: Decimal, what: str) -> Callable[[str], Decimal]:
    """A field parser for hours: ``"2,5"`` -> ``Decimal("2.5")``, from 0 to ``limit`` in at most
    two decimals, refused in Dutch."""

    def parse(text: str) -> Decimal:
        value = text.strip().replace(",", ".")
        if not value:
            raise InvalidValue(f"Vul het aantal uren {what} in.")
        if not value.isascii() or len(value) > 20:  # Decimal reads "١٢" and "1e999999" too
            raise InvalidValue("Vul een getal in, zoals 3 of 2,5.")
        try:
            hours = Decimal(value)
        except InvalidOperation as error:
            raise InvalidValue("Vul een getal in, zoals 3 of 2,5.") from error
        if not hours.is_finite():
            raise InvalidValue("Vul een getal in, zoals 3 of 2,5.")
        if not 0 <= hours <= limit:
            raise InvalidValue(f"Vul een aantal van 0 tot en met {limit:f} in.")
        if hours != hours.quantize(HOURS_STEP, rounding=ROUND_DOWN):
            raise InvalidValue("Vul de uren in met hoogstens twee cijfers achter de komma.")
        return hours.quantize(HOURS_STEP)

    return parse


GRANT_PARSERS: Mapping[str, Callable[[str], Any]] = {
    "starts_on": required_date,
    "ends_on": required_date,
    "extended_until": parse_optional_date,
    "hours_per_week": hours_parser(Decimal(HOURS_PER_WEEK_MAX), "per week"),
    "hours_per_year": hours_parser(Decimal(HOURS_PER_YEAR_MAX), "per jaar"),
    "own_contribution": lambda text: parse_optional_cents(
        text, RATE_MAX_CENTS, "De eigen bijdrage"
    ),
    "evaluation_on": parse_optional_date,
    "note": note_text,
}


def grant_from_form(
    raw: Mapping[str, str],
    provider_id: int | None,
    care_recipient_id: int | None,
    household_has_wmo_help: bool,
    default_contribution_cents: int,
    today: date,
) -> GrantData:
    """Parse the grant form; whether it fits the rules is the rules' verdict, not an error."""
    values, errors = parse_fields(with_blanks(raw, GRANT_FIELDS), GRANT_PARSERS, today)
    if provider_id is None:
        errors["provider"] = "Kies de thuiszorgaanbieder."
    merge_errors(errors, _order_errors(values))
    if errors:
        raise ValidationFailed(errors)
    contribution = values["own_contribution"]
    return GrantData(
        provider_id,
        care_recipient_id,
        values["starts_on"],
        values["ends_on"],
        values["extended_until"],
        values["hours_per_week"],
        values["hours_per_year"],
        default_contribution_cents if contribution is None else contribution,
        household_has_wmo_help,
        values["evaluation_on"],
        values["note"],
    )


def _order_errors(values: Mapping[str, Any]) -> dict[str, str]:
    """The end not before the start, an extension not before the end."""
    errors: dict[str, str] = {}
    starts, ends, extended = (
        values.get("starts_on"),
        values.get("ends_on"),
        values.get("extended_until"),
    )
    if starts is not None and ends is not None and ends < starts:
        errors["ends_on"] = "De hulp kan niet eindigen vóór de begindatum."
    if ends is not None and extended is not None and extended < ends:
        errors["extended_until"] = "Een verlenging loopt tot na de einddatum."
    return errors


def check_grant(data: GrantData) -> None:
    """Refuse a grant the form would have refused (for callers without the form), in Dutch."""
    errors = _order_errors(
        {
            "starts_on": data.starts_on,
            "ends_on": data.ends_on,
            "extended_until": data.extended_until,
        }
    )
    for name, day in (
        ("starts_on", data.starts_on),
        ("ends_on", data.ends_on),
        ("extended_until", data.extended_until),
        ("evaluation_on", data.evaluation_on),
    ):
        if day is not None and not WORK_DATE_FIRST <= day <= LATEST_DATE:
            errors[name] = refusal(
                check_date_range, day, WORK_DATE_FIRST, LATEST_DATE, "Deze datum"
            )
    for name, hours, limit in (
        ("hours_per_week", data.hours_per_week, HOURS_PER_WEEK_MAX),
        ("hours_per_year", data.hours_per_year, HOURS_PER_YEAR_MAX),
    ):
        text = str(hours) if hours.is_finite() else "x"
        errors.setdefault(name, refusal(hours_parser(Decimal(limit), ""), text))
    cents = data.own_contribution_cents
    errors.setdefault(
        "own_contribution", refusal(check_cents, cents, RATE_MAX_CENTS, "De eigen bijdrage")
    )
    errors.setdefault("note", refusal(note_text, data.note))
    errors = {name: message for name, message in errors.items() if message}
    if errors:
        raise ValidationFailed(errors)
