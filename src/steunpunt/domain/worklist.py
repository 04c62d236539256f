"""The daily worklist ("Vandaag"): what kinds of work it shows, and its settings."""

from __future__ import annotations

import json
from calendar import monthrange
from dataclasses import dataclass
from datetime import date
from typing import Any

from steunpunt.domain.choices import LabelledChoice
from steunpunt.domain.dates import format_date
from steunpunt.domain.errors import ValidationFailed


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

    def check(self) -> WorklistSettings:
        if not 1 <= self.months_without_contact <= 24:
            raise ValidationFailed(
                {"months_without_contact": "Kies een aantal maanden van 1 tot en met 24."}
            )
        return self


def worklist_settings_to_json(settings: WorklistSettings) -> str:
    return json.dumps({"months_without_contact": settings.months_without_contact})


def worklist_settings_from_json(text: str) -> WorklistSettings:
    """Stored settings; anything unreadable is the default."""
    try:
        data = json.loads(text)
        months = data["months_without_contact"]
        if isinstance(months, bool) or not isinstance(months, int):
            return WorklistSettings()
        return WorklistSettings(months).check()
    except (ValueError, KeyError, TypeError, ValidationFailed):
        return WorklistSettings()


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
        return f"{_hours(used)} uur geleverd, budget {_hours(budget)} uur"
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


def _hours(value: float) -> str:
    """``12.0`` -> ``"12"``, ``7.5`` -> ``"7,5"``."""
    if value == int(value):
        return str(int(value))
    return f"{value:.2f}".rstrip("0").replace(".", ",")
