"""The compliment round over any input: round rules and applications give a saved value or a
Dutch refusal that changes nothing in the database."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine

from steunpunt.domain.age import AgeBracket
from steunpunt.domain.compliment.application import ApplicationData, Channel
from steunpunt.domain.compliment.round_rules import Applicant, RoundRules, range_errors
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from tests.compliment.test_services_compliment import IBAN, SOEST, pair
from tests.helpers import TODAY
from tests.strategies import (
    PROPERTY,
    SERVICE_PROPERTY,
    any_date,
    any_float,
    any_int,
    any_text,
    field_text,
    outcome,
    refused_changes_nothing,
)


def usual_or(value: object, anything: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    """The usual ``value`` about half the time, else anything."""
    return st.one_of(st.just(value), anything)


maybe_int = st.one_of(st.none(), any_int)
round_rules = st.builds(
    RoundRules,
    year=usual_or(2026, any_int),
    municipality=field_text("Soest"),
    opens_on=usual_or(date(2026, 1, 1), any_date),
    closes_on=usual_or(date(2026, 12, 1), any_date),
    amount_cents=usual_or(10_000, any_int),
    amounts_by_bracket=st.dictionaries(st.sampled_from(list(AgeBracket)), any_int, max_size=2),
    min_hours_per_week=usual_or(8.0, any_float),
    min_months_of_care=usual_or(3, any_int),
    minimum_age=maybe_int,
    age_reference_date=st.one_of(st.none(), any_date),
    per_care_recipient=usual_or(1, maybe_int),
    per_address=maybe_int,
    per_caregiver=usual_or(1, maybe_int),
    max_caregivers_per_recipient=maybe_int,
    fixed_budget_cents=maybe_int,
    control_letter_weeks=usual_or(8, any_int),
    payer_name=st.one_of(st.just(""), any_text),
)


@PROPERTY
@given(round_rules)
def test_range_errors_name_fields_in_dutch(rules: RoundRules) -> None:
    for message in range_errors(rules, TODAY).values():
        assert message.endswith(" in.") or message.endswith(".")


@SERVICE_PROPERTY
@given(rules=round_rules, changed=round_rules)
def test_a_round_is_created_and_changed_or_refused_without_a_trace(
    services: Services, actor: Actor, engine: Engine, rules: RoundRules, changed: RoundRules
) -> None:
    made = refused_changes_nothing(engine, lambda: services.rounds.create(actor, rules)).value
    if made is None:
        return
    same_round = replace(changed, year=made.rules.year, municipality=made.rules.municipality)
    refused_changes_nothing(
        engine, lambda: services.rounds.update_rules(actor, made.id, made.version, same_round)
    )


@SERVICE_PROPERTY
@given(
    received_on=usual_or(date(2026, 5, 1), any_date),
    iban=field_text(IBAN),
    holder=field_text("J. de Vries"),
    voucher=st.one_of(st.just(""), any_text),
    channel=st.sampled_from(list(Channel)),
    applied_by=st.sampled_from(list(Applicant)),
    percentage=any_float,
)
def test_an_application_is_registered_or_refused_without_a_trace(
    services: Services,
    actor: Actor,
    engine: Engine,
    received_on: date,
    iban: str,
    holder: str,
    voucher: str,
    channel: Channel,
    applied_by: Applicant,
    percentage: float,
) -> None:
    existing = services.rounds.rounds()
    round_id = existing[0].id if existing else services.rounds.create(actor, SOEST).id
    people = pair(services, actor, "Jan")
    data = ApplicationData(
        people[0], people[1], received_on, channel, iban, holder, voucher, applied_by
    )
    refused_changes_nothing(engine, lambda: services.applications.register(actor, round_id, data))
    outcome(lambda: services.applications.draw_sample(actor, round_id, percentage, 7))
