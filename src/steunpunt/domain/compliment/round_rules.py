"""The rules of one compliment round: every number a setting, because every gemeente differs."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date
from enum import StrEnum
from typing import Any

from steunpunt.domain.age import AgeBracket
from steunpunt.domain.input_policy import (
    AMOUNT_MAX_CENTS,
    BUDGET_MAX_CENTS,
    HOURS_PER_WEEK_MAX,
    LATEST_DATE,
    MONTHS_MAX,
    WORK_DATE_FIRST,
    check_cents,
    check_range,
    check_work_date,
    refusal,
)
from steunpunt.domain.text import clean

AGE_MAX = 120
"""No one is older: a minimum age above it is a typing error."""
COUNT_MAX = 100
"""A maximum number of compliments or caregivers per person or address: far above any rule."""
WEEKS_MAX = 104
"""The term of a control letter: two years is far longer than any round lasts."""


class CompensationForm(StrEnum):
    """How the compliment is given."""

    MONEY = "geld"
    VOUCHER = "waardebon"


class Residence(StrEnum):
    """Who must live in the gemeente of the round."""

    CARE_RECIPIENT = "naaste"
    CAREGIVER = "mantelzorger"
    EITHER = "een_van_beiden"


class Applicant(StrEnum):
    """Who may apply (a round setting), or who did (an application)."""

    CAREGIVER = "mantelzorger"
    CARE_RECIPIENT = "naaste"
    BOTH = "beiden"

    @property
    def label(self) -> str:
        """``"de naaste"``, as it reads inside a sentence."""
        return {
            Applicant.CAREGIVER: "de mantelzorger",
            Applicant.CARE_RECIPIENT: "de naaste",
            Applicant.BOTH: "mantelzorger en naaste samen",
        }[self]

    def accepts(self, applied_by: Applicant) -> bool:
        """A round asking for the caregiver's application also takes one signed by both."""
        return applied_by is self or applied_by is Applicant.BOTH


@dataclass(frozen=True)
class RoundRules:
    """One gemeente's compliment for one year. Money is in euro cents.

    ``None`` for a limit means "no limit". ``amounts_by_bracket`` overrides ``amount`` for the
    brackets it names (e.g. a smaller gift for young caregivers).
    """

    year: int
    municipality: str
    opens_on: date
    closes_on: date
    form: CompensationForm = CompensationForm.MONEY
    amount_cents: int = 10_000
    amounts_by_bracket: dict[AgeBracket, int] = field(default_factory=dict)
    min_hours_per_week: float = 8.0
    min_months_of_care: int = 3
    count_to_month_end: bool = True
    """A month of care ending in a shorter month is complete on its last day (30 November +
    3 months = 28 February), as the usual legal way of counting months has it."""
    residence: Residence = Residence.CARE_RECIPIENT
    minimum_age: int | None = None
    age_reference_date: date | None = None
    """The peildatum for the caregiver's age (minimum age and bracket); None: the day received."""
    per_care_recipient: int | None = 1
    """Compliments per naaste per year (split over its caregivers when ``split`` is set)."""
    per_address: int | None = None
    per_caregiver: int | None = 1
    max_caregivers_per_recipient: int | None = None
    split_over_caregivers: bool = False
    fixed_budget_cents: int | None = None
    """A budget divided equally over all grants instead of a fixed amount."""
    exclude_wlz_institution: bool = True
    applicant: Applicant = Applicant.CAREGIVER
    control_letter_required: bool = False
    control_letter_weeks: int = 8
    payer_name: str = ""
    """Who pays (the gemeente, or the steunpunt on its behalf), for the SEPA file."""
    payer_iban: str = ""
    payer_bic: str = ""


def missing_payer(rules: RoundRules) -> str | None:
    """What a payment of the round still lacks of who pays, said in Dutch with where to fill it
    in; None when a payment can be made (or the round pays no money)."""
    if rules.form is not CompensationForm.MONEY:
        return None
    missing = [
        part
        for part, value in (("de naam", rules.payer_name), ("het IBAN", rules.payer_iban))
        if not value.strip()
    ]
    if not missing:
        return None
    return (
        f"Voor een betaalopdracht ontbreekt {' en '.join(missing)} van de betaler. Vul dat in "
        "via 'Regels wijzigen…', bij 'Betaling (voor het SEPA-bestand)': wie betaalt en het "
        "IBAN van die rekening."
    )


def rules_to_json(rules: RoundRules) -> str:
    """The rules for storage; dates as ISO text, brackets by their code."""
    data = asdict(rules)
    data["opens_on"] = rules.opens_on.isoformat()
    data["closes_on"] = rules.closes_on.isoformat()
    if rules.age_reference_date is not None:
        data["age_reference_date"] = rules.age_reference_date.isoformat()
    data["amounts_by_bracket"] = {
        bracket.value: cents for bracket, cents in rules.amounts_by_bracket.items()
    }
    return json.dumps(data, ensure_ascii=False)


def rules_from_json(text: str) -> RoundRules:
    """Read stored rules; a missing newer setting takes its default."""
    data: dict[str, Any] = json.loads(text)
    known = {item.name for item in fields(RoundRules)}
    values = {key: value for key, value in data.items() if key in known}
    values["opens_on"] = date.fromisoformat(values["opens_on"])
    values["closes_on"] = date.fromisoformat(values["closes_on"])
    if values.get("age_reference_date"):
        values["age_reference_date"] = date.fromisoformat(values["age_reference_date"])
    values["amounts_by_bracket"] = {
        AgeBracket(code): int(cents)
        for code, cents in (values.get("amounts_by_bracket") or {}).items()
    }
    for key, kind in (
        ("form", CompensationForm),
        ("residence", Residence),
        ("applicant", Applicant),
    ):
        if key in values:
            values[key] = kind(values[key])
    return RoundRules(**values)


def next_year(rules: RoundRules) -> RoundRules:
    """Last year's rules for a new round: the same settings, dates a year on."""
    reference = rules.age_reference_date
    return replace(
        rules,
        year=rules.year + 1,
        opens_on=years_after(rules.opens_on, 1),
        closes_on=years_after(rules.closes_on, 1),
        age_reference_date=None if reference is None else years_after(reference, 1),
    )


def years_after(day: date, years: int) -> date:
    """The same calendar day ``years`` later (29 February becomes the 28th)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def cleaned_rules(rules: RoundRules) -> RoundRules:
    """The rules with their texts by the input policy (trimmed, no invisible characters)."""
    return replace(
        rules,
        municipality=clean(rules.municipality),
        payer_name=clean(rules.payer_name),
        payer_iban=clean(rules.payer_iban),
        payer_bic=clean(rules.payer_bic),
    )


def range_errors(rules: RoundRules, today: date) -> dict[str, str]:
    """Every setting outside its range, per field, in Dutch."""
    reference = rules.age_reference_date
    found = {
        "year": refusal(
            check_range, rules.year, WORK_DATE_FIRST.year, LATEST_DATE.year, "Het jaar"
        ),
        "opens_on": refusal(check_work_date, rules.opens_on, today, "De opening"),
        "closes_on": refusal(check_work_date, rules.closes_on, today, "De sluiting"),
        "age_reference_date": ""
        if reference is None
        else refusal(check_work_date, reference, today, "De peildatum"),
    }
    return {name: message for name, message in found.items() if message} | number_errors(rules)


def number_errors(rules: RoundRules) -> dict[str, str]:
    """Every number outside its range, per field, in Dutch; unlike dates, these never depend
    on the day, so stored rules are checked with them before they are applied."""
    minimum_age, budget = rules.minimum_age, rules.fixed_budget_cents
    limits = (
        rules.per_care_recipient,
        rules.per_address,
        rules.per_caregiver,
        rules.max_caregivers_per_recipient,
    )
    found = {
        "amount_cents": refusal(check_cents, rules.amount_cents, AMOUNT_MAX_CENTS, "Het bedrag"),
        "min_hours_per_week": refusal(
            check_range, rules.min_hours_per_week, 0, HOURS_PER_WEEK_MAX, "Minimaal", " uur"
        ),
        "min_months_of_care": refusal(
            check_range, rules.min_months_of_care, 0, MONTHS_MAX, "Zorg sinds minimaal", " maanden"
        ),
        "per_care_recipient": next(
            (
                refusal(check_range, limit, 1, COUNT_MAX, "Een maximum (leeg: geen maximum)")
                for limit in limits
                if limit is not None and not 1 <= limit <= COUNT_MAX
            ),
            "",
        ),
        "control_letter_weeks": refusal(
            check_range, rules.control_letter_weeks, 0, WEEKS_MAX, "De termijn", " weken"
        ),
        "minimum_age": ""
        if minimum_age is None
        else refusal(check_range, minimum_age, 0, AGE_MAX, "De leeftijd", " jaar"),
        "fixed_budget_cents": ""
        if budget is None
        else refusal(check_cents, budget, BUDGET_MAX_CENTS, "Het budget"),
    }
    for bracket, cents in rules.amounts_by_bracket.items():
        found[bracket.value] = refusal(check_cents, cents, AMOUNT_MAX_CENTS, "Het bedrag")
    return {name: message for name, message in found.items() if message}
