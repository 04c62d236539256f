"""Plain data the support-work services hand out: measurements, partners, referrals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from steunpunt.domain.support.burden import BurdenLevel
from steunpunt.domain.support.household_help.budget import BudgetStatus, DeliveredMonth, RateChange
from steunpunt.domain.support.household_help.eligibility import HouseholdHelpVerdict
from steunpunt.domain.support.household_help.grant import GrantData
from steunpunt.domain.support.household_help.status import HouseholdHelpStatus
from steunpunt.domain.support.partner import PartnerData
from steunpunt.domain.support.referral import ReferralData


@dataclass(frozen=True)
class AssessmentView:
    id: int
    version: int
    assessed_on: date
    total: int
    answers: tuple[bool, ...] | None
    level: BurdenLevel
    overloaded: bool
    note: str


@dataclass(frozen=True)
class BurdenSummary:
    """A caregiver's measurements, oldest first, for the trend chart and the latest band."""

    assessments: tuple[AssessmentView, ...]
    items: int
    overload_from: int

    @property
    def latest(self) -> AssessmentView | None:
        return self.assessments[-1] if self.assessments else None


@dataclass(frozen=True)
class PartnerView:
    id: int
    version: int
    data: PartnerData
    referrals: int


@dataclass(frozen=True)
class ReferralView:
    id: int
    version: int
    caregiver_id: int
    partner_name: str
    data: ReferralData


@dataclass(frozen=True)
class GrantView:
    """A household-help grant with the rules' verdict and its hour budget."""

    id: int
    version: int
    caregiver_id: int
    caregiver_name: str
    provider_name: str
    household: str
    """``"eigen huishouden"`` or ``"bij Maria Jansen"`` (the naaste's household)."""
    status: HouseholdHelpStatus
    data: GrantData
    verdict: HouseholdHelpVerdict
    budget: BudgetStatus
    months: tuple[DeliveredMonth, ...]
    override_reason: str
    """The reason of the decision: granting against the rules, or refusing."""
    stopped_on: date | None = None
    """The first day without help of an ended grant."""
    rates: tuple[RateChange, ...] = ()
    """Changes of the eigen bijdrage per hour after the start, oldest first."""
