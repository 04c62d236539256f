"""The worklist's queries: the database's rough budget check never misses a grant over budget."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from steunpunt.db.support.models import HouseholdHelpGrant
from steunpunt.db.today.queries import maybe_over_budget
from steunpunt.domain.support.household_help.budget import budget_hours
from steunpunt.domain.support.household_help.settings import HouseholdHelpRules
from steunpunt.domain.support.household_help.status import HouseholdHelpStatus
from steunpunt.domain.today.worklist import months_before
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from tests.helpers import TODAY, add_caregiver


def grant(
    caregiver_id: int,
    starts_on: date,
    ends_on: date,
    used: Decimal,
    status: HouseholdHelpStatus = HouseholdHelpStatus.RUNNING,
    extended_until: date | None = None,
) -> HouseholdHelpGrant:
    return HouseholdHelpGrant(
        caregiver_id=caregiver_id,
        starts_on=starts_on,
        ends_on=ends_on,
        extended_until=extended_until,
        hours_per_week=Decimal(3),
        hours_per_year=Decimal(52),
        hours_used=used,
        own_contribution_cents=750,
        status=status.value,
    )


@pytest.mark.parametrize("pro_rata", [True, False])
def test_every_grant_a_hundredth_over_its_budget_is_found(
    engine: Engine, services: Services, actor: Actor, pro_rata: bool
) -> None:
    rules = replace(HouseholdHelpRules(), budget_pro_rata=pro_rata)
    caregiver = add_caregiver(services, actor).id
    over: list[HouseholdHelpGrant] = []
    for months in range(1, 13):
        for day in (1, 15, 28, 31):
            starts_on = date(2025, 1 if day == 31 else 3, day)
            ends_on = months_before(starts_on, -months) - timedelta(days=1)
            extended = months_before(ends_on, -2) if day == 15 else None
            budget = budget_hours(rules, Decimal(52), starts_on, ends_on, extended)
            over.append(
                grant(
                    caregiver, starts_on, ends_on, budget + Decimal("0.01"), extended_until=extended
                )
            )
    left_out = [
        grant(caregiver, date(2025, 3, 1), date(2025, 3, 31), Decimal(0)),
        grant(
            caregiver, date(2025, 3, 1), date(2026, 2, 28), Decimal(99), HouseholdHelpStatus.ENDED
        ),
        grant(
            caregiver,
            date(2025, 3, 1),
            date(2026, 2, 28),
            Decimal(99),
            HouseholdHelpStatus.REQUESTED,
        ),
    ]
    with Session(engine) as session:
        session.add_all([*over, *left_out])
        session.flush()
        found = {row[0] for row in session.execute(maybe_over_budget(TODAY, rules))}
    assert found == {row.id for row in over}
