"""Household help by example against the bad input of issue 14: huge eigen bijdragen, years
9999 and 1, and a grant that ends before it starts are refused in Dutch, and nothing breaks."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from steunpunt.domain.errors import InvalidValue, ValidationFailed
from steunpunt.domain.support.household_help.grant import grant_from_form
from steunpunt.domain.support.household_help.settings import HouseholdHelpRules
from steunpunt.domain.support.household_help.status import HouseholdHelpStatus
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.services.kernel.office_settings import HOUSEHOLD_HELP_RULES, write_setting
from tests.helpers import add_caregiver
from tests.strategies import row_counts
from tests.support.test_services_household_help import TODAY, grant_data, provider

HUGE = 10**23


def test_an_eigen_bijdrage_of_ten_to_the_23_is_refused_as_a_setting(
    services: Services, actor: Actor, engine: Engine
) -> None:
    before = row_counts(engine)
    with pytest.raises(ValidationFailed) as refused:
        services.household_help.save_rules(actor, HouseholdHelpRules(own_contribution_cents=HUGE))
    assert refused.value.errors == {
        "own_contribution_cents": "De eigen bijdrage per uur is van € 0 tot en met € 500."
    }
    assert row_counts(engine) == before
    assert services.household_help.rules() == HouseholdHelpRules()


def test_a_huge_eigen_bijdrage_stored_earlier_reads_as_the_default(
    services: Services, actor: Actor, engine: Engine
) -> None:
    stored = json.dumps({"version": 1, "own_contribution_cents": HUGE, "max_months": 10**9})
    with Session(engine) as session:  # as the old program let it be saved
        write_setting(session, HOUSEHOLD_HELP_RULES, stored)
        session.commit()
    assert services.household_help.rules() == HouseholdHelpRules()
    caregiver = add_caregiver(services, actor)
    grant = services.household_help.request(
        actor, caregiver.id, grant_data(provider(services, actor))
    )
    assert grant.data.own_contribution_cents == 750


def test_an_eigen_bijdrage_of_ten_to_the_23_is_refused_on_the_grant_form() -> None:
    with pytest.raises(ValidationFailed) as refused:
        grant_from_form(
            {
                "starts_on": "1-1-2026",
                "ends_on": "31-12-2026",
                "hours_per_week": "3",
                "hours_per_year": "52",
                "own_contribution": str(HUGE),
            },
            1,
            None,
            False,
            750,
            TODAY,
        )
    assert refused.value.errors == {
        "own_contribution": "De eigen bijdrage: vul een bedrag van € 0 tot en met € 500 in."
    }


def test_a_huge_rate_change_is_refused_and_the_grant_keeps_working(
    services: Services, actor: Actor, engine: Engine
) -> None:
    caregiver = add_caregiver(services, actor)
    grant = services.household_help.request(
        actor, caregiver.id, grant_data(provider(services, actor))
    )
    before = row_counts(engine)
    with pytest.raises(InvalidValue, match="€ 0 tot en met € 500"):
        services.household_help.change_rate(actor, grant.id, grant.version, date(2026, 3, 1), HUGE)
    assert row_counts(engine) == before
    assert services.household_help.get(grant.id).data.own_contribution_cents == 750


def test_a_grant_that_ends_before_it_starts_is_refused(
    services: Services, actor: Actor, engine: Engine
) -> None:
    with pytest.raises(ValidationFailed) as refused:
        grant_data(1, starts_on="1-6-2026", ends_on="31-5-2026")
    assert refused.value.errors == {"ends_on": "De hulp kan niet eindigen vóór de begindatum."}
    caregiver = add_caregiver(services, actor)
    data = replace(grant_data(provider(services, actor)), ends_on=date(2025, 12, 31))
    before = row_counts(engine)
    with pytest.raises(ValidationFailed, match="niet eindigen vóór de begindatum"):
        services.household_help.request(actor, caregiver.id, data)
    assert row_counts(engine) == before


@pytest.mark.parametrize(
    ("field", "typed"),
    [("ends_on", "31-12-9999"), ("extended_until", "31-12-9999"), ("starts_on", "01-01-0001")],
)
def test_a_grant_in_year_9999_or_1_is_refused_on_the_form(field: str, typed: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        grant_data(1, **{field: typed})
    assert "vul een datum van" in refused.value.errors[field]


@pytest.mark.parametrize(
    "change",
    [
        {"ends_on": date(9999, 12, 31)},
        {"extended_until": date(9999, 12, 31)},
        {"starts_on": date(1, 1, 1)},
        {"hours_per_week": Decimal("1E+30")},
        {"hours_per_year": Decimal("NaN")},
        {"own_contribution_cents": HUGE},
    ],
)
def test_a_typed_grant_out_of_range_is_refused_by_the_service(
    services: Services, actor: Actor, engine: Engine, change: dict[str, object]
) -> None:
    caregiver = add_caregiver(services, actor)
    data = replace(grant_data(provider(services, actor)), **change)  # type: ignore[arg-type]
    before = row_counts(engine)
    with pytest.raises(ValidationFailed):
        services.household_help.request(actor, caregiver.id, data)
    assert row_counts(engine) == before


def test_hours_of_a_year_far_away_are_refused(services: Services, actor: Actor) -> None:
    caregiver = add_caregiver(services, actor)
    grant = services.household_help.request(
        actor, caregiver.id, grant_data(provider(services, actor))
    )
    grant = services.household_help.change_status(
        actor, grant.id, grant.version, HouseholdHelpStatus.GRANTED
    )
    for year, hours in ((9999, Decimal(3)), (1, Decimal(3)), (2026, Decimal("1E+30"))):
        with pytest.raises(InvalidValue):
            services.household_help.record_hours(actor, grant.id, year, 3, hours)
