"""Taking money back: which grants can be reversed out of their payment batch, and why."""

from __future__ import annotations

from datetime import date

from steunpunt.domain.choices import LabelledChoice
from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.input_policy import check_work_date

REVERSIBLE = (ApplicationStatus.GRANTED, ApplicationStatus.PAID)
AFTER_REVERSAL = ApplicationStatus.IN_REVIEW
"""A reversed grant is judged again: granted anew (and paid in a later batch) or refused."""


class ReversalKind(LabelledChoice):
    BANK_RETURNED = "bank_teruggestort"
    RECLAIMED = "teruggevorderd"
    NOT_CARRIED_OUT = "niet_uitgevoerd"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    ReversalKind.BANK_RETURNED: "De bank heeft het bedrag teruggestort",
    ReversalKind.RECLAIMED: "Het bedrag is teruggevorderd",
    ReversalKind.NOT_CARRIED_OUT: "De bank heeft de betaling niet uitgevoerd",
}


def check_reversal(
    status: ApplicationStatus,
    in_batch: bool,
    note: str,
    reversed_on: date,
    today: date,
) -> None:
    """Refuse a reversal that cannot be, with a Dutch message; nothing is changed then."""
    if status not in REVERSIBLE:
        raise InvalidValue(
            f"Een aanvraag met status '{status.label.lower()}' is niet betaald en kan niet "
            "worden teruggeboekt."
        )
    if not in_batch:
        raise InvalidValue(
            "Deze toekenning staat niet in een betaalopdracht; terugboeken kan alleen bij een "
            "toekenning in een betaalopdracht."
            + (
                " Trek een toekenning die nog niet betaald is in door af te wijzen."
                if status is ApplicationStatus.GRANTED
                else ""
            )
        )
    if not note.strip():
        raise InvalidValue("Schrijf erbij waarom het bedrag wordt teruggeboekt.")
    if reversed_on > today:
        raise InvalidValue("De datum van de terugboeking ligt in de toekomst.")
    check_work_date(reversed_on, today, "De datum van de terugboeking")
