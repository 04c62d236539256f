"""The office's settings for household help, stored as JSON and checked in Dutch."""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, fields, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from steunpunt.domain.input_policy import HOURS_PER_YEAR_MAX, MONTHS_MAX, RATE_MAX_CENTS, euro_range
from steunpunt.domain.money import parse_cents

MAX_WEEKLY_HOURS = 40.0
"""The most hours per week an office may set: a full working week."""

HOURS_STEP = Decimal("0.01")
"""Hours are exact to the hundredth (tenths and quarters alike)."""


def exact_hours(value: Decimal | float) -> Decimal:
    """Hours as an exact decimal in hundredths: ``4.3`` -> ``Decimal("4.30")``."""
    number = value if isinstance(value, Decimal) else Decimal(repr(float(value)))
    return number.quantize(HOURS_STEP, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class HouseholdHelpRules:
    """The office's settings for household help; every number a setting (gemeenten differ)."""

    max_hours_per_week: float = 3.0
    max_hours_per_year: float = 52.0
    max_months: int = 12
    extension_months: int = 6
    """Months an extension may add; 0 means no extension."""
    own_contribution_cents: int = 750
    """Eigen bijdrage per hour, paid by the caregiver to the provider."""
    only_overloaded: bool = False
    """Only for caregivers the EDIZ shows to be overloaded."""
    no_wmo_household_help: bool = True
    one_caregiver_per_household: bool = True
    one_grant_per_year: bool = True
    budget_pro_rata: bool = True
    """A grant shorter than a year gets its hours per year pro rata per started month."""
    partial_month_pro_rata: bool = True
    """In a month the grant covers in part, the weekly maximum counts only the grant's days."""
    earlier_request_counts: bool = True
    """An undecided request counts against later ones (first come, first served); when off,
    only decided grants count against a request."""


def rules_to_json(rules: HouseholdHelpRules) -> str:
    """The settings for storage."""
    return json.dumps(asdict(rules), ensure_ascii=False)


def _stored(value: Any, default: Any) -> Any:
    """A stored value of the setting's type (a bool is no number), else the default."""
    if isinstance(default, bool) or isinstance(value, bool):
        return value if isinstance(value, bool) and isinstance(default, bool) else default
    if isinstance(default, int):
        return value if isinstance(value, int) else default
    if isinstance(default, float) and isinstance(value, int | float):
        try:
            number = float(value)
        except OverflowError:  # an integer too large for a float
            return default
        return number if math.isfinite(number) else default
    return default


def rules_from_json(text: str) -> HouseholdHelpRules:
    """Read stored settings; broken text, unknown keys and mistyped values give the defaults."""
    try:
        raw = json.loads(text)
    except (TypeError, ValueError, RecursionError):
        raw = {}
    data: dict[str, Any] = raw if isinstance(raw, dict) else {}
    defaults = HouseholdHelpRules()
    rules = HouseholdHelpRules(
        **{
            item.name: _stored(data.get(item.name), getattr(defaults, item.name))
            for item in fields(HouseholdHelpRules)
        }
    )
    wrong = check_rules(rules)  # saved before the ranges: each wrong value is its default
    rules = replace(rules, **{name: getattr(defaults, name) for name in wrong})
    return defaults if check_rules(rules) else rules


def check_rules(rules: HouseholdHelpRules) -> dict[str, str]:
    """Every impossible setting, per field name, in Dutch; empty when all is well."""
    errors: dict[str, str] = {}
    weekly, yearly = rules.max_hours_per_week, rules.max_hours_per_year
    if not math.isfinite(weekly) or weekly <= 0:
        errors["max_hours_per_week"] = "Vul een maximum per week van meer dan 0 uur in."
    elif weekly > MAX_WEEKLY_HOURS:
        errors["max_hours_per_week"] = (
            f"Hoogstens {hours_text(MAX_WEEKLY_HOURS)} uur per week, een volle werkweek."
        )
    if not math.isfinite(yearly) or not 0 <= yearly <= HOURS_PER_YEAR_MAX:
        errors["max_hours_per_year"] = (
            f"Vul een maximum per jaar van 0 tot en met {HOURS_PER_YEAR_MAX} uur in "
            "(de uren van een jaar)."
        )
    elif yearly < weekly:
        errors["max_hours_per_year"] = "Het maximum per jaar is kleiner dan het maximum per week."
    if not 1 <= rules.max_months <= MONTHS_MAX:
        errors["max_months"] = f"De hulp duurt 1 tot en met {MONTHS_MAX} maanden."
    if not 0 <= rules.extension_months <= MONTHS_MAX:
        errors["extension_months"] = (
            f"Een verlenging is 0 tot en met {MONTHS_MAX} maanden; 0 is geen verlenging."
        )
    if not 0 <= rules.own_contribution_cents <= RATE_MAX_CENTS:
        errors["own_contribution_cents"] = (
            f"De eigen bijdrage per uur is {euro_range(RATE_MAX_CENTS)}."
        )
    return errors


def contribution_cents(text: str) -> int:
    """The typed eigen bijdrage per hour in cents, within the policy's range of rates."""
    return parse_cents(text, RATE_MAX_CENTS, "De eigen bijdrage")


def hours_text(value: Decimal | float) -> str:
    """``12.0`` -> ``"12"``, ``7.5`` -> ``"7,5"``, ``13.25`` -> ``"13,25"``."""
    number = exact_hours(value)
    if number == number.to_integral_value():
        return str(int(number))
    return f"{number:f}".rstrip("0").replace(".", ",")
