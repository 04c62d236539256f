"""The daily worklist ("Vandaag"): what kinds of work it shows, and its settings."""

from __future__ import annotations

import json
from calendar import monthrange
from dataclasses import dataclass
from datetime import date

from steunpunt.domain.choices import LabelledChoice
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
