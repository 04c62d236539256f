"""Plain data the compliment services hand out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from steunpunt.domain.compliment.application import ApplicationData
from steunpunt.domain.compliment.eligibility import Verdict
from steunpunt.domain.compliment.round_rules import RoundRules
from steunpunt.domain.compliment.status import ApplicationStatus


@dataclass(frozen=True)
class RoundView:
    id: int
    version: int
    rules: RoundRules

    @property
    def title(self) -> str:
        return f"{self.rules.municipality} {self.rules.year}"


@dataclass(frozen=True)
class RoundOverview:
    """The round at a glance."""

    round: RoundView
    per_status: dict[ApplicationStatus, int]
    granted_cents: int
    paid_cents: int
    budget_left_cents: int | None
    days_to_close: int
    in_sample: int
    control_letters_overdue: int = 0
    overpaid_cents: int = 0
    """Paid beyond the shares the rules now give, for a person to settle."""
    underpaid_cents: int = 0
    """Paid short of the shares the rules now give, for a person to settle."""
    batched_cents: int = 0
    """The totals of the round's payment batches as they were made."""
    reversed_cents: int = 0
    """Taken back out of the round's payment batches (returned by the bank or reclaimed)."""


@dataclass(frozen=True)
class StatusChangeView:
    from_status: ApplicationStatus | None
    to_status: ApplicationStatus
    changed_at: datetime
    changed_by: str
    reason: str


@dataclass(frozen=True)
class ApplicationView:
    """One line of the application list."""

    id: int
    version: int
    round_id: int
    caregiver_name: str
    recipient_name: str
    received_on: date
    status: ApplicationStatus
    amount_cents: int | None
    in_sample: bool
    warnings: int
    control_letter_due_on: date | None = None
    caregiver_id: int = 0
    care_recipient_id: int = 0
    in_payment_batch: bool = False
    """In a payment batch: it changes only through that batch."""


@dataclass(frozen=True)
class ApplicationDetail:
    """An application with the rules' verdict, its warnings and its history."""

    view: ApplicationView
    data: ApplicationData
    verdict: Verdict
    amount_cents: int
    warnings: tuple[str, ...]
    warnings_acknowledged: bool
    override_reason: str
    history: tuple[StatusChangeView, ...]
    difference_cents: int = 0
    """A paid grant: paid minus its share under the rules now (positive: paid too much), less
    what a person already recorded as settled: the difference still open."""
