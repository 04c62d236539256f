"""Household help scenarios from the rules (issue 11), each outcome worked out by hand."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from steunpunt.domain.errors import InvalidValue, ValidationFailed
from steunpunt.domain.support.burden import AssessmentData
from steunpunt.domain.support.household_help.budget import DeliveredMonth, RateChange, budget_status
from steunpunt.domain.support.household_help.eligibility import (
    HouseholdHelpFacts,
    OtherGrant,
    evaluate,
)
from steunpunt.domain.support.household_help.settings import HouseholdHelpRules, hours_text
from steunpunt.domain.support.household_help.status import HouseholdHelpStatus
from steunpunt.domain.today.worklist import WorkKind, WorklistSettings
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.services.kernel.errors import NotAllowed
from tests.helpers import (
    TODAY,
    add_caregiver,
    care_recipient_data,
    caregiver_data,
    relation_data,
)
from tests.support.test_services_household_help import grant_data, provider

S = HouseholdHelpStatus
RULES = HouseholdHelpRules()
HOUSEHOLD = "3761 AB|12|"
FACTS = HouseholdHelpFacts(
    grant_id=None,
    caregiver_id=10,
    household_key=HOUSEHOLD,
    starts_on=date(2026, 1, 1),
    ends_on=date(2026, 12, 31),
    extended_until=None,
    hours_per_week=Decimal(3),
    hours_per_year=Decimal(52),
    caregiver_overloaded=None,
    household_has_wmo_help=False,
)


def failing(facts: HouseholdHelpFacts, rules: HouseholdHelpRules = RULES) -> list[str]:
    return [result.rule for result in evaluate(rules, facts).failures]


def granted(services: Services, actor: Actor, caregiver: int, **form: str) -> int:
    """A request for ``caregiver``, granted (it fits the rules)."""
    view = services.household_help.request(
        actor, caregiver, grant_data(provider(services, actor), **form)
    )
    view = services.household_help.change_status(actor, view.id, view.version, S.GRANTED)
    return view.id


# 1. Overlapping grants of one caregiver.


def test_a_request_overlapping_the_caregivers_own_grant_fails() -> None:
    # Own grant 1 July 2026 - 30 June 2027; the new one from 1 January 2027 overlaps six
    # months, although it starts in another calendar year.
    own = OtherGrant(7, 10, "Jan", HOUSEHOLD, date(2026, 7, 1), date(2027, 6, 30), S.RUNNING)
    facts = replace(
        FACTS, starts_on=date(2027, 1, 1), ends_on=date(2027, 12, 31), other_grants=(own,)
    )
    assert failing(facts) == ["een_tegelijk"]
    # From 1 July 2027 on the periods touch no more: nothing fails.
    later = replace(facts, starts_on=date(2027, 7, 1), ends_on=date(2028, 6, 30))
    assert failing(later) == []


def test_the_service_refuses_to_grant_an_overlapping_request_without_a_reason(
    services: Services, actor: Actor
) -> None:
    anna = add_caregiver(services, actor).id
    granted(services, actor, anna, starts_on="1-7-2026", ends_on="30-6-2027")
    second = services.household_help.request(
        actor,
        anna,
        grant_data(provider(services, actor), starts_on="1-1-2027", ends_on="31-12-2027"),
    )
    assert [failure.rule for failure in second.verdict.failures] == ["een_tegelijk"]
    with pytest.raises(NotAllowed, match="Geef een reden"):
        services.household_help.change_status(actor, second.id, second.version, S.GRANTED)


# 2. A change of a decided grant is judged like a new decision.


def test_editing_a_granted_grant_beyond_the_rules_needs_a_reason(
    services: Services, actor: Actor
) -> None:
    anna = add_caregiver(services, actor).id
    grant_id = granted(services, actor, anna)
    view = services.household_help.get(grant_id)
    assert view.verdict.eligible and view.override_reason == ""
    more = replace(view.data, hours_per_week=Decimal(6), hours_per_year=Decimal(150))
    with pytest.raises(NotAllowed, match="Geef een reden"):
        services.household_help.update(actor, grant_id, view.version, more)
    kept = services.household_help.get(grant_id)
    assert (kept.data.hours_per_week, kept.data.hours_per_year) == (3, 52)  # nothing changed
    changed = services.household_help.update(
        actor, grant_id, view.version, more, reason="Zware terminale zorg"
    )
    assert [f.rule for f in changed.verdict.failures] == ["uren_per_week", "uren_per_jaar"]
    assert changed.override_reason == "Zware terminale zorg"
    # A change within the rules needs no reason.
    note = replace(view.data, note="Aanbieder gewisseld van ploeg")
    plain = services.household_help.update(
        actor, grant_id, changed.version, replace(note, hours_per_week=Decimal(2))
    )
    assert plain.verdict.eligible


# 3. The naaste's household without an address.


def test_two_caregivers_for_one_naaste_without_address_are_one_household(
    services: Services, actor: Actor
) -> None:
    anna = add_caregiver(services, actor, first_name="anna").id
    bram = services.caregivers.create(
        actor, caregiver_data(first_name="bram", postcode="1234 AB", house_number="7")
    ).id
    relation = services.care_recipients.create_for_caregiver(
        actor, anna, care_recipient_data(), relation_data()
    )
    naaste = relation.care_recipient_id
    services.care_recipients.link(actor, bram, naaste, relation_data())
    helper = provider(services, actor)
    first = services.household_help.request(
        actor, anna, replace(grant_data(helper), care_recipient_id=naaste)
    )
    services.household_help.change_status(actor, first.id, first.version, S.GRANTED)
    second = services.household_help.request(
        actor, bram, replace(grant_data(helper), care_recipient_id=naaste)
    )
    assert [failure.rule for failure in second.verdict.failures] == ["een_per_huishouden"]


# 4. A rate change in the middle of a grant.


def test_the_own_contribution_uses_the_rate_in_force_each_month() -> None:
    # 1 July 2026 - 30 June 2027, 4 hours a month; € 7,50 until December, € 8,00 from January:
    # 24 h x € 7,50 = € 180 plus 24 h x € 8,00 = € 192, together € 372 (37,200 cents).
    facts = replace(FACTS, starts_on=date(2026, 7, 1), ends_on=date(2027, 6, 30))
    delivered = [
        DeliveredMonth(2026 + (6 + index) // 12, (6 + index) % 12 + 1, Decimal(4))
        for index in range(12)
    ]
    status = budget_status(RULES, facts, delivered, (RateChange(date(2027, 1, 1), 800),))
    assert status.contribution_cents == 37200


def test_a_rate_change_through_the_service_keeps_the_earlier_months(
    services: Services, actor: Actor
) -> None:
    anna = add_caregiver(services, actor).id
    grant_id = granted(services, actor, anna, starts_on="1-7-2026", ends_on="30-6-2027")
    for index in range(12):
        year, month = 2026 + (6 + index) // 12, (6 + index) % 12 + 1
        view = services.household_help.record_hours(actor, grant_id, year, month, Decimal(4))
    changed = services.household_help.change_rate(
        actor, grant_id, view.version, date(2027, 1, 1), 800
    )
    assert changed.budget.contribution_cents == 37200  # as worked out above
    assert changed.rates == (RateChange(date(2027, 1, 1), 800),)
    with pytest.raises(InvalidValue, match="Kies een maand binnen de hulp"):
        services.household_help.change_rate(actor, grant_id, changed.version, date(2025, 1, 1), 9)


# 5. Hours are exact from the database to the screen.

TENTHS = ("3,9", "4,5", "3,8", "4,4", "4,4", "4,7", "3,8", "4,5", "4,2", "4,1", "4,7", "5,0")
"""Twelve months that add up to exactly 52 (as floats they make 52.00000000000001)."""


def test_twelve_months_in_tenths_are_exactly_the_yearly_budget(
    services: Services, actor: Actor
) -> None:
    anna = add_caregiver(services, actor).id
    grant_id = granted(services, actor, anna)
    for month, text in enumerate(TENTHS, start=1):
        hours = Decimal(text.replace(",", "."))
        view = services.household_help.record_hours(actor, grant_id, 2026, month, hours)
    # 3.9 + 4.5 + 3.8 + 4.4 + 4.4 + 4.7 + 3.8 + 4.5 + 4.2 + 4.1 + 4.7 + 5.0 = 52.0
    assert view.budget.used_hours == Decimal(52) and view.budget.left_hours == 0
    assert hours_text(view.budget.used_hours) == "52"
    assert view.budget.warnings == ()
    assert [m.hours for m in view.months][:2] == [Decimal("3.9"), Decimal("4.5")]
    assert [item.kind for item in services.worklist.items()] == []


# 6. Stop dates, leap days, ended caregivers, reasons, and the burden service.


def test_ending_a_grant_records_the_stop_date_and_frees_the_household(
    services: Services, actor: Actor
) -> None:
    anna = add_caregiver(services, actor, first_name="anna").id
    bram = add_caregiver(services, actor, first_name="bram").id  # the same address
    grant_id = granted(services, actor, anna)
    view = services.household_help.get(grant_id)
    with pytest.raises(InvalidValue, match="datum"):  # ending needs the day the help stops
        services.household_help.change_status(actor, grant_id, view.version, S.ENDED)
    ended = services.household_help.change_status(
        actor, grant_id, view.version, S.ENDED, stopped_on=date(2026, 7, 1)
    )
    assert ended.stopped_on == date(2026, 7, 1)
    helper = provider(services, actor)
    # Anna's help stopped on 1 July (her last day 30 June): Bram may start on 1 July ...
    free = services.household_help.request(
        actor, bram, grant_data(helper, starts_on="1-7-2026", ends_on="30-6-2027")
    )
    assert free.verdict.eligible
    # ... but not on 30 June, her last day with help, ...
    last_day = services.household_help.request(
        actor, bram, grant_data(helper, starts_on="30-6-2026", ends_on="29-6-2027")
    )
    assert "een_per_huishouden" in [failure.rule for failure in last_day.verdict.failures]
    # ... nor on 1 June.
    clash = services.household_help.request(
        actor, bram, grant_data(helper, starts_on="1-6-2026", ends_on="31-5-2027")
    )
    assert "een_per_huishouden" in [failure.rule for failure in clash.verdict.failures]


def test_a_grant_from_29_february_runs_a_full_year() -> None:
    # 29 February 2028 + 12 months is 28 February 2029 in a short month: that is the last day.
    facts = replace(FACTS, starts_on=date(2028, 2, 29), ends_on=date(2029, 2, 28))
    verdict = evaluate(RULES, facts)
    assert verdict.eligible
    assert "12 maanden" in verdict.results[2].explanation
    assert "ruim" not in verdict.results[2].explanation


def test_vandaag_leaves_out_the_work_of_ended_caregivers(services: Services, actor: Actor) -> None:
    from steunpunt.domain.support.partner import partner_from_form
    from steunpunt.domain.support.referral import ReferralData
    from tests.support.test_services_support import partner_form

    gone = add_caregiver(services, actor, ended_on="1-11-2026", end_reason="verhuisd").id
    partner = services.partners.create(actor, partner_from_form(partner_form(), active=True))
    due = ReferralData(
        partner.id, date(2026, 10, 1), "respijt", True, date(2026, 11, 1), None, None
    )
    services.referrals.add(actor, gone, due)
    grant_id = granted(services, actor, gone, hours_per_year="10", evaluation_on="1-11-2026")
    services.household_help.record_hours(actor, grant_id, 2026, 10, Decimal(12))
    assert services.worklist.items() == []


def test_the_reason_of_a_refusal_does_not_stay_on_a_later_grant(
    services: Services, actor: Actor
) -> None:
    anna = add_caregiver(services, actor).id
    view = services.household_help.request(actor, anna, grant_data(provider(services, actor)))
    refused = services.household_help.change_status(
        actor, view.id, view.version, S.REFUSED, "Geen indicatie bekend"
    )
    assert refused.override_reason == "Geen indicatie bekend"
    again = services.household_help.change_status(actor, view.id, refused.version, S.REQUESTED)
    later = services.household_help.change_status(actor, view.id, again.version, S.GRANTED)
    assert later.verdict.eligible and later.override_reason == ""


@pytest.mark.parametrize(
    ("total", "answers"),
    [
        (16, None),  # the EDIZ-plus has 15 statements: 16 is impossible
        (-1, None),
        (3, (True,) * 15),  # fifteen "ja" make 15, not 3
        (2, (True, True)),  # two answers of fifteen
    ],
)
def test_the_burden_service_refuses_impossible_measurements(
    services: Services, actor: Actor, total: int, answers: tuple[bool, ...] | None
) -> None:
    anna = add_caregiver(services, actor).id
    with pytest.raises(ValidationFailed):
        services.burden.record(actor, anna, AssessmentData(date(2026, 5, 1), total, answers))
    assert services.burden.summary(anna).assessments == ()


# 7. Rule choices that are office settings.


def test_a_half_year_grant_gets_half_the_yearly_hours_unless_the_office_says_not() -> None:
    half = replace(FACTS, ends_on=date(2026, 6, 30))
    # 52 hours a year x 6 months / 12 = 26 hours.
    assert budget_status(RULES, half, []).granted_hours == 26
    whole = replace(RULES, budget_pro_rata=False)
    assert budget_status(whole, half, []).granted_hours == 52
    # 15 January - 30 June: the started January counts, 6 months, 26 hours.
    assert budget_status(RULES, replace(half, starts_on=date(2026, 1, 15)), []).granted_hours == 26


def test_the_first_month_of_a_grant_from_mid_month_allows_only_its_own_days() -> None:
    late = replace(FACTS, starts_on=date(2026, 3, 20), ends_on=date(2027, 3, 19))
    march = [DeliveredMonth(2026, 3, Decimal(6))]
    # 20-31 March is 12 days: 3 hours x 12 / 7 = 5.14, shown as 5,1; 6 hours is more.
    assert budget_status(RULES, late, march).warnings == (
        "maart 2026: 6 uur geleverd, meer dan 3 uur per week toestaat (5,1 uur)",
    )
    # Counting all 31 days: 3 x 31 / 7 = 13.3 hours, 6 is within.
    assert budget_status(replace(RULES, partial_month_pro_rata=False), late, march).warnings == ()


def test_two_undecided_requests_at_one_address_first_come_first_served(
    services: Services, actor: Actor
) -> None:
    anna = add_caregiver(services, actor, first_name="anna").id
    bram = add_caregiver(services, actor, first_name="bram").id  # the same address
    helper = provider(services, actor)
    first = services.household_help.request(actor, anna, grant_data(helper))
    second = services.household_help.request(actor, bram, grant_data(helper))
    # By default the earlier request holds its place: Anna's passes, Bram's does not.
    assert services.household_help.get(first.id).verdict.eligible
    assert [f.rule for f in second.verdict.failures] == ["een_per_huishouden"]
    # When only decisions count, both pass until one is granted.
    rules = replace(services.household_help.rules(), earlier_request_counts=False)
    services.household_help.save_rules(actor, rules)
    assert services.household_help.get(first.id).verdict.eligible
    assert services.household_help.get(second.id).verdict.eligible
    services.household_help.change_status(actor, first.id, first.version, S.GRANTED)
    assert not services.household_help.get(second.id).verdict.eligible


@pytest.mark.parametrize("comes_back", [True, False])
def test_a_done_no_contact_item_comes_back_with_a_new_overloaded_measurement(
    services: Services, actor: Actor, comes_back: bool
) -> None:
    services.worklist.save_settings(
        actor, WorklistSettings(no_contact_returns_on_new_measurement=comes_back)
    )
    anna = add_caregiver(services, actor).id
    services.burden.record(actor, anna, AssessmentData(date(2026, 1, 1), 12, None))
    [item] = services.worklist.items()
    services.worklist.mark_done(actor, item.key)
    assert services.worklist.items() == []
    services.burden.record(actor, anna, AssessmentData(date(2026, 3, 1), 4, None))  # better
    services.burden.record(actor, anna, AssessmentData(TODAY, 11, None))  # overloaded again
    found = [item.kind for item in services.worklist.items()]
    assert found == ([WorkKind.NO_CONTACT] if comes_back else [])


@pytest.mark.parametrize(("pro_rata", "listed"), [(True, True), (False, False)])
def test_vandaag_measures_a_half_year_grant_against_its_own_budget(
    services: Services, actor: Actor, pro_rata: bool, listed: bool
) -> None:
    rules = replace(services.household_help.rules(), budget_pro_rata=pro_rata)
    services.household_help.save_rules(actor, rules)
    anna = add_caregiver(services, actor).id
    grant_id = granted(services, actor, anna, ends_on="30-6-2026")
    for month in range(1, 7):
        services.household_help.record_hours(actor, grant_id, 2026, month, Decimal(5))
    # 6 x 5 = 30 hours; pro rata the budget is 52 x 6 / 12 = 26, else 52.
    found = [item.detail for item in services.worklist.items()]
    assert found == (["30 uur geleverd, budget 26 uur"] if listed else [])
