"""The daily worklist ("Vandaag"): what kinds of work it shows, and its settings."""

from __future__ import annotations

import json
from calendar import monthrange
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from steunpunt.domain.choices import LabelledChoice
from steunpunt.domain.dates import format_date
from steunpunt.domain.errors import ValidationFailed
from steunpunt.domain.support.household_help.settings import hours_text


class WorkKind(LabelledChoice):
    REFERRAL_FOLLOW_UP = "verwijzing"
    EVALUATION = "evaluatie"
    OVER_BUDGET = "budget"
    NO_CONTACT = "geen_contact"
    APPLICATIONS_WAITING = "aanvragen"
    CONTROL_LETTERS_OVERDUE = "controlebrieven"

    @property
    def label(self) -> str:
        return {
            WorkKind.REFERRAL_FOLLOW_UP: "Verwijzing nabellen",
            WorkKind.EVALUATION: "Evaluatie huishoudelijke hulp",
            WorkKind.OVER_BUDGET: "Uren boven budget",
            WorkKind.NO_CONTACT: "Overbelast, geen contact",
            WorkKind.APPLICATIONS_WAITING: "Aanvragen compliment",
            WorkKind.CONTROL_LETTERS_OVERDUE: "Controlebrieven verlopen",
        }[self]


@dataclass(frozen=True)
class WorklistSettings:
    months_without_contact: int = 3
    """Overloaded caregivers without a contact for this many months are listed."""
    no_contact_returns_on_new_measurement: bool = True
    """A "geen contact" item marked done comes back when a new EDIZ shows overload again."""

    def check(self) -> WorklistSettings:
        if not 1 <= self.months_without_contact <= 24:
            raise ValidationFailed(
                {"months_without_contact": "Kies een aantal maanden van 1 tot en met 24."}
            )
        return self


def worklist_settings_to_json(settings: WorklistSettings) -> str:
    return json.dumps(
        {
            "months_without_contact": settings.months_without_contact,
            "no_contact_returns_on_new_measurement": settings.no_contact_returns_on_new_measurement,
        }
    )


def worklist_settings_from_json(text: str) -> WorklistSettings:
    """Stored settings; anything unreadable is its default."""
    defaults = WorklistSettings()
    try:
        data = json.loads(text)
    except ValueError:
        return defaults
    if not isinstance(data, dict):
        return defaults
    months = data.get("months_without_contact")
    returns = data.get("no_contact_returns_on_new_measurement")
    settings = WorklistSettings(
        months
        if isinstance(months, int) and not isinstance(months, bool)
        else defaults.months_without_contact,
        returns if isinstance(returns, bool) else defaults.no_contact_returns_on_new_measurement,
    )
    try:
        return settings.check()
    except ValidationFailed:
        return replace(settings, months_without_contact=defaults.months_without_contact)


def months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier (the month's last day when that month is shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def work_detail(kind: WorkKind, facts: tuple[Any, ...]) -> str:
    """What to do, in Dutch, from the facts a worklist item keeps (made when it is shown)."""
    if kind is WorkKind.REFERRAL_FOLLOW_UP:
        partner, due = facts
        return f"Verwijzing naar {partner}: nabellen op {format_date(due)}"
    if kind is WorkKind.EVALUATION:
        (due,) = facts
        return f"Huishoudelijke hulp evalueren (gepland op {format_date(due)})"
    if kind is WorkKind.OVER_BUDGET:
        used, budget = facts
        return f"{hours_text(used)} uur geleverd, budget {hours_text(budget)} uur"
    if kind is WorkKind.NO_CONTACT:
        (last_contact,) = facts
        if last_contact is None:
            return "Overbelast en nog nooit gesproken"
        return f"Overbelast; laatste contact op {format_date(last_contact)}"
    if kind is WorkKind.APPLICATIONS_WAITING:
        (count,) = facts
        return f"{count} aanvragen wachten op een besluit"
    (count,) = facts
    return f"{count} controlebrieven zijn niet op tijd terug"
