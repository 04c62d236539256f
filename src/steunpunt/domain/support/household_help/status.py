"""The life of a household-help grant: its statuses and which changes are allowed."""

from __future__ import annotations

from steunpunt.domain.choices import LabelledChoice
from steunpunt.domain.errors import InvalidValue


class HouseholdHelpStatus(LabelledChoice):
    REQUESTED = "aangevraagd"
    GRANTED = "toegekend"
    RUNNING = "lopend"
    ENDED = "beeindigd"
    REFUSED = "afgewezen"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]


BUDGET_STATUSES = (HouseholdHelpStatus.GRANTED, HouseholdHelpStatus.RUNNING)
"""Grants whose hours are being used (the worklist watches their budget)."""

_STATUS_LABELS = {
    HouseholdHelpStatus.REQUESTED: "Aangevraagd",
    HouseholdHelpStatus.GRANTED: "Toegekend",
    HouseholdHelpStatus.RUNNING: "Lopend",
    HouseholdHelpStatus.ENDED: "Beëindigd",
    HouseholdHelpStatus.REFUSED: "Afgewezen",
}

_ALLOWED: dict[HouseholdHelpStatus, frozenset[HouseholdHelpStatus]] = {
    HouseholdHelpStatus.REQUESTED: frozenset(
        {HouseholdHelpStatus.GRANTED, HouseholdHelpStatus.REFUSED}
    ),
    # A grant that never starts is ended without running.
    HouseholdHelpStatus.GRANTED: frozenset(
        {HouseholdHelpStatus.RUNNING, HouseholdHelpStatus.ENDED}
    ),
    HouseholdHelpStatus.RUNNING: frozenset({HouseholdHelpStatus.ENDED}),
    # After an objection (bezwaar) a refusal is requested again.
    HouseholdHelpStatus.REFUSED: frozenset({HouseholdHelpStatus.REQUESTED}),
    HouseholdHelpStatus.ENDED: frozenset(),
}


def allowed_next(status: HouseholdHelpStatus) -> frozenset[HouseholdHelpStatus]:
    return _ALLOWED[status]


def check_transition(current: HouseholdHelpStatus, new: HouseholdHelpStatus) -> None:
    """Refuse an impossible change of status with a Dutch message."""
    if new not in _ALLOWED[current]:
        raise InvalidValue(
            f"Huishoudelijke hulp met status '{current.label.lower()}' kan niet naar "
            f"'{new.label.lower()}'."
        )
