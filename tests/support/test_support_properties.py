"""Support work over any input: burden, referrals, partners and household help (the grant form,
typed grants, the office's rules, rates and hours) give a value or a Dutch refusal that changes
nothing in the database."""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine

from steunpunt.domain.input_policy import RATE_MAX_CENTS, WORK_DATE_FIRST
from steunpunt.domain.support.burden import AssessmentData, assessment_from_form
from steunpunt.domain.support.household_help.grant import GrantData, grant_from_form
from steunpunt.domain.support.household_help.settings import (
    HouseholdHelpRules,
    check_rules,
    rules_from_json,
)
from steunpunt.domain.support.household_help.status import HouseholdHelpStatus
from steunpunt.domain.support.partner import partner_from_form
from steunpunt.domain.support.referral import referral_from_form
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from tests.helpers import TODAY, add_caregiver
from tests.strategies import (
    PROPERTY,
    SERVICE_PROPERTY,
    any_date,
    any_decimal,
    any_float,
    any_int,
    any_text,
    field_text,
    form,
    outcome,
    refused_changes_nothing,
)
from tests.support.test_services_support import partner_form, referral_form

GRANT_FORM = {
    "starts_on": "01-01-2026",
    "ends_on": "31-12-2026",
    "extended_until": "",
    "hours_per_week": "3",
    "hours_per_year": "52",
    "own_contribution": "7,50",
    "evaluation_on": "",
    "note": "",
}

rules = st.builds(
    HouseholdHelpRules,
    max_hours_per_week=st.one_of(st.just(3.0), any_float),
    max_hours_per_year=st.one_of(st.just(52.0), any_float),
    max_months=st.one_of(st.just(12), any_int),
    extension_months=st.one_of(st.just(6), any_int),
    own_contribution_cents=st.one_of(st.just(750), any_int),
)
grants = st.builds(
    GrantData,
    provider_id=st.none(),
    care_recipient_id=st.none(),
    starts_on=st.one_of(st.just(date(2026, 1, 1)), any_date),
    ends_on=st.one_of(st.just(date(2026, 12, 31)), any_date),
    extended_until=st.one_of(st.none(), any_date),
    hours_per_week=st.one_of(st.just(Decimal(3)), any_decimal),
    hours_per_year=st.one_of(st.just(Decimal(52)), any_decimal),
    own_contribution_cents=st.one_of(st.just(750), any_int),
    household_has_wmo_help=st.booleans(),
    evaluation_on=st.one_of(st.none(), any_date),
    note=st.one_of(st.just(""), any_text),
)


@PROPERTY
@given(form(GRANT_FORM), st.integers(0, RATE_MAX_CENTS))
def test_the_grant_form_gives_a_grant_in_range_or_dutch_messages(
    raw: dict[str, str], default: int
) -> None:
    data = outcome(lambda: grant_from_form(raw, 1, None, False, default, TODAY)).value
    if data is not None:
        assert WORK_DATE_FIRST <= data.starts_on <= data.ends_on
        assert 0 <= data.own_contribution_cents <= RATE_MAX_CENTS


@PROPERTY
@given(rules)
def test_stored_rules_read_back_within_their_ranges(value: HouseholdHelpRules) -> None:
    text = json.dumps(asdict(value))
    assert check_rules(rules_from_json(text)) == {}


@SERVICE_PROPERTY
@given(value=rules)
def test_household_help_rules_are_saved_or_refused_without_a_trace(
    services: Services, actor: Actor, engine: Engine, value: HouseholdHelpRules
) -> None:
    before = services.household_help.rules()
    refused = refused_changes_nothing(
        engine, lambda: services.household_help.save_rules(actor, value)
    ).refused
    saved = services.household_help.rules()
    assert saved == (before if refused else value)
    assert check_rules(saved) == {}


@SERVICE_PROPERTY
@given(data=grants, cents=any_int, hours=any_decimal, year=any_int, month=any_int, reason=any_text)
def test_a_household_help_request_and_its_follow_up_save_or_refuse_without_a_trace(
    services: Services,
    actor: Actor,
    engine: Engine,
    data: GrantData,
    cents: int,
    hours: Decimal,
    year: int,
    month: int,
    reason: str,
) -> None:
    caregiver = add_caregiver(services, actor)
    provider = services.partners.create(
        actor, partner_from_form(partner_form(kind="thuiszorg"), active=True)
    )
    typed = replace(data, provider_id=provider.id)
    grant = refused_changes_nothing(
        engine, lambda: services.household_help.request(actor, caregiver.id, typed)
    ).value
    if grant is None:
        return
    help_ = services.household_help
    refused_changes_nothing(
        engine, lambda: help_.change_rate(actor, grant.id, grant.version, date(2026, 3, 1), cents)
    )
    version = help_.get(grant.id).version
    granted = outcome(
        lambda: help_.change_status(actor, grant.id, version, HouseholdHelpStatus.GRANTED, reason)
    )
    if not granted.refused:
        refused_changes_nothing(
            engine, lambda: help_.record_hours(actor, grant.id, year, month, hours)
        )


@SERVICE_PROPERTY
@given(
    day=field_text("20-11-2026"),
    total=field_text("5"),
    note=any_text,
    typed=st.builds(
        AssessmentData,
        assessed_on=any_date,
        total=any_int,
        answers=st.one_of(st.none(), st.lists(st.booleans(), max_size=30).map(tuple)),
        note=any_text,
    ),
)
def test_a_burden_measurement_is_saved_or_refused_without_a_trace(
    services: Services,
    actor: Actor,
    engine: Engine,
    day: str,
    total: str,
    note: str,
    typed: AssessmentData,
) -> None:
    caregiver = add_caregiver(services, actor)

    def from_form() -> object:
        data = assessment_from_form(day, [], total, note, TODAY)
        return services.burden.record(actor, caregiver.id, data)

    refused_changes_nothing(engine, from_form)
    refused_changes_nothing(engine, lambda: services.burden.record(actor, caregiver.id, typed))


@SERVICE_PROPERTY
@given(raw=form(referral_form()), partner=form(partner_form()))
def test_a_partner_and_a_referral_are_saved_or_refused_without_a_trace(
    services: Services,
    actor: Actor,
    engine: Engine,
    raw: dict[str, str],
    partner: dict[str, str],
) -> None:
    caregiver = add_caregiver(services, actor)
    made = refused_changes_nothing(
        engine,
        lambda: services.partners.create(
            actor, partner_from_form({**partner, "kind": "respijtzorg"}, active=True)
        ),
    ).value
    if made is None:
        return

    def refer() -> object:
        data = referral_from_form(raw, made.id, True, TODAY)
        return services.referrals.add(actor, caregiver.id, data)

    refused_changes_nothing(engine, refer)
