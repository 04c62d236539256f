"""The worklist: every kind of due work appears once, and done or snoozed items go away."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.domain.support.burden import AssessmentData
from steunpunt.domain.support.household_help.status import HouseholdHelpStatus
from steunpunt.domain.support.partner import partner_from_form
from steunpunt.domain.support.referral import ReferralData
from steunpunt.domain.today.worklist import WorkKind, WorklistSettings, months_before
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from tests.compliment.test_services_compliment import SOEST, apply, iban_number, pair
from tests.helpers import TODAY, add_caregiver, contact_data
from tests.support.test_services_household_help import grant_data, provider
from tests.support.test_services_support import partner_form


def kinds(services: Services) -> list[tuple[WorkKind, str]]:
    return [(item.kind, item.title) for item in services.worklist.items()]


def test_due_follow_ups_evaluations_budgets_and_quiet_overloaded_caregivers(
    services: Services, actor: Actor
) -> None:
    anna = add_caregiver(services, actor, first_name="anna").id
    bram = add_caregiver(services, actor, first_name="bram", postcode="3811 AB").id
    partner = services.partners.create(actor, partner_from_form(partner_form(), active=True))
    due = ReferralData(partner.id, date(2026, 11, 1), "respijt", True, TODAY, None, None)
    later = replace(due, follow_up_on=date(2026, 12, 1))
    services.referrals.add(actor, anna, due)
    services.referrals.add(actor, bram, later)  # not yet due
    grant = services.household_help.request(
        actor,
        bram,
        grant_data(provider(services, actor), hours_per_year="10", evaluation_on="1-11-2026"),
    )
    grant = services.household_help.change_status(
        actor, grant.id, grant.version, HouseholdHelpStatus.GRANTED
    )
    services.household_help.record_hours(actor, grant.id, 2026, 10, 12)
    services.burden.record(actor, anna, AssessmentData(date(2026, 1, 1), 12, None))
    services.burden.record(actor, bram, AssessmentData(date(2026, 1, 1), 12, None))
    services.contacts.add(actor, bram, contact_data(contact_date="1-11-2026"))  # recent

    items = services.worklist.items()

    assert [(item.kind, item.title) for item in items] == [
        (WorkKind.EVALUATION, "Bram de Vries"),  # overdue since 1 November
        (WorkKind.OVER_BUDGET, "Bram de Vries"),  # then today's, by kind
        (WorkKind.NO_CONTACT, "Anna de Vries"),
        (WorkKind.REFERRAL_FOLLOW_UP, "Anna de Vries"),
    ]
    over = items[1]
    assert over.detail == "12 uur geleverd, budget 10 uur" and over.caregiver_id == bram
    assert items[2].detail == "Overbelast en nog nooit gesproken"


def test_done_and_snoozed_items_leave_the_list_until_the_facts_change(
    services: Services, actor: Actor
) -> None:
    anna = add_caregiver(services, actor).id
    services.burden.record(actor, anna, AssessmentData(date(2026, 1, 1), 12, None))
    services.contacts.add(actor, anna, contact_data(contact_date="1-6-2026"))
    [item] = services.worklist.items()
    assert item.detail == "Overbelast; laatste contact op 01-06-2026"
    assert item.due_on == date(2026, 9, 1)

    services.worklist.snooze(actor, item.key, date(2026, 11, 25))
    assert services.worklist.items() == []
    services.worklist.mark_done(actor, item.key)
    assert services.worklist.items() == []
    services.contacts.add(actor, anna, contact_data(contact_date="2-6-2026"))  # a new fact
    assert [i.detail for i in services.worklist.items()] == [
        "Overbelast; laatste contact op 02-06-2026"
    ]
    services.worklist.save_settings(actor, WorklistSettings(months_without_contact=6))
    assert services.worklist.items() == []
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)


def test_the_compliment_round_brings_its_waiting_work(services: Services, actor: Actor) -> None:
    round_id = services.rounds.create(actor, replace(SOEST, control_letter_required=True)).id
    ids = [
        apply(services, actor, round_id, pair(services, actor, name), iban_number(n))
        for n, name in enumerate(("anna", "bram", "cor"), start=1)
    ]
    services.applications.change_status(actor, ids[0], 1, ApplicationStatus.IN_REVIEW)
    services.applications.change_status(actor, ids[0], 2, ApplicationStatus.AWAITING_CONTROL_LETTER)
    assert [item.detail for item in services.worklist.items()] == [
        "2 aanvragen wachten op een besluit"
    ]


def test_an_item_marked_done_is_listed_as_done_and_can_be_brought_back(
    services: Services, actor: Actor
) -> None:
    anna = add_caregiver(services, actor, first_name="anna").id
    bram = add_caregiver(services, actor, first_name="bram", postcode="3811 AB").id
    for caregiver in (anna, bram):
        services.burden.record(actor, caregiver, AssessmentData(date(2026, 1, 1), 12, None))
    first, second = services.worklist.items()
    assert services.worklist.done_items() == []

    services.worklist.mark_done(actor, first.key)
    services.worklist.snooze(actor, second.key, date(2026, 12, 1))  # snoozed is not done
    assert services.worklist.items() == []
    assert services.worklist.done_items() == [first]

    services.worklist.reopen(actor, first.key)
    services.worklist.reopen(actor, second.key)
    assert services.worklist.items() == [first, second]
    assert services.worklist.done_items() == []
