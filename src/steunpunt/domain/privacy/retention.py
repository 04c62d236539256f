"""The retention period: how long after the last contact or the end of registration data is kept."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date

from steunpunt.domain.errors import ValidationFailed

YEARS_RANGE = (1, 30)
"""The retention period a steunpunt may choose, in whole years."""


@dataclass(frozen=True)
class RetentionSettings:
    years: int = 7
    """A person is past the period this many years after their last contact or end date."""

    def check(self) -> RetentionSettings:
        low, high = YEARS_RANGE
        if not low <= self.years <= high:
            raise ValidationFailed({"years": f"Kies een bewaartermijn van {low} tot {high} jaar."})
        return self


def retention_settings_to_json(settings: RetentionSettings) -> str:
    return json.dumps({"years": settings.years})


def retention_settings_from_json(text: str) -> RetentionSettings:
    """Stored settings; anything unreadable is its default."""
    try:
        data = json.loads(text)
    except ValueError:
        return RetentionSettings()
    years = data.get("years") if isinstance(data, dict) else None
    if not isinstance(years, int) or isinstance(years, bool):
        return RetentionSettings()
    try:
        return replace(RetentionSettings(), years=years).check()
    except ValidationFailed:
        return RetentionSettings()


def retention_cutoff(today: date, years: int) -> date:
    """The last day a last contact or end date may fall on for a person past the period."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def last_activity(registered_on: date, ended_on: date | None, last_contact_on: date | None) -> date:
    """The day the retention period runs from: the end date, else the last contact, else the
    registration (a person never contacted)."""
    if ended_on is not None:
        return ended_on
    return last_contact_on or registered_on


def retention_reason(ended_on: date | None, last_contact_on: date | None) -> str:
    """Why a person is listed, in Dutch."""
    if ended_on is not None:
        return "Inschrijving beëindigd"
    if last_contact_on is not None:
        return "Laatste contact"
    return "Ingeschreven, nooit contact"
