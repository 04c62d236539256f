"""Household help through its service: request, verdict, grant, and the hours delivered."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from steunpunt.domain.errors import ValidationFailed
from steunpunt.domain.support.burden import AssessmentData
from steunpunt.domain.support.household_help.grant import GrantData, grant_from_form
from steunpunt.domain.support.household_help.settings import HouseholdHelpRules
from steunpunt.domain.support.household_help.status import HouseholdHelpStatus
from steunpunt.domain.support.partner import partner_from_form
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.services.kernel.errors import NotAllowed
from tests.helpers import add_caregiver
from tests.support.test_services_support import partner_form

GRANTED = HouseholdHelpStatus.GRANTED
TODAY = date(2026, 1, 1)


def provider(services: Services, actor: Actor) -> int:
    form = partner_form(name="Thuiszorg Eemland", kind="thuiszorg", hourly_rate="32,50")
    return services.partners.create(actor, partner_from_form(form, active=True)).id


def grant_data(provider_id: int, **changes: str) -> GrantData:
    form = {
        "starts_on": "1-1-2026",
        "ends_on": "31-12-2026",
        "hours_per_week": "3",
        "hours_per_year": "52",
    }
    form.update(changes)
    return grant_from_form(form, provider_id, None, False, 750, TODAY)


def test_the_form_refuses_what_is_no_grant_at_all() -> None:
    with pytest.raises(ValidationFailed) as refused:
        grant_from_form({"starts_on": "", "hours_per_week": "veel"}, None, None, False, 750, TODAY)
    assert set(refused.value.errors) >= {"provider", "starts_on", "ends_on", "hours_per_week"}
    data = grant_from_form(
        {
            "starts_on": "1-1-2026",
            "ends_on": "31-12-2026",
            "hours_per_week": "2,5",
            "hours_per_year": "40",
            "own_contribution": "6,00",
        },
        1,
        None,
        False,
        750,
        TODAY,
    )
    assert (data.hours_per_week, data.own_contribution_cents) == (2.5, 600)


def test_a_request_is_judged_and_granted_against_the_rules_only_with_a_reason(
    services: Services, actor: Actor
) -> None:
    services.household_help.save_rules(actor, HouseholdHelpRules(only_overloaded=True))
    caregiver = add_caregiver(services, actor).id
    requested = services.household_help.request(
        actor, caregiver, grant_data(provider(services, actor))
    )
    assert requested.status is HouseholdHelpStatus.REQUESTED
    assert [failure.rule for failure in requested.verdict.failures] == ["overbelast"]
    assert requested.household == "eigen huishouden"
    assert requested.provider_name == "Thuiszorg Eemland"
    with pytest.raises(NotAllowed, match="Geef een reden"):
        services.household_help.change_status(actor, requested.id, requested.version, GRANTED)

    services.burden.record(actor, caregiver, AssessmentData(date(2026, 1, 5), 11, None))
    granted = services.household_help.change_status(actor, requested.id, requested.version, GRANTED)
    assert granted.status is GRANTED and granted.verdict.eligible
    with pytest.raises(ValidationFailed):
        services.household_help.save_rules(actor, HouseholdHelpRules(max_hours_per_week=-1))


def test_a_second_caregiver_in_the_same_household_is_named_in_the_verdict(
    services: Services, actor: Actor
) -> None:
    helper = provider(services, actor)
    first = add_caregiver(services, actor, first_name="anna").id
    second = add_caregiver(services, actor, first_name="bram").id  # the same address
    services.household_help.request(actor, first, grant_data(helper))
    other = services.household_help.request(actor, second, grant_data(helper))
    [failure] = other.verdict.failures
    assert failure.rule == "een_per_huishouden" and "Anna de Vries" in failure.explanation


def test_hours_over_the_budget_and_the_weekly_maximum_are_warned(
    services: Services, actor: Actor
) -> None:
    caregiver = add_caregiver(services, actor).id
    grant = services.household_help.request(
        actor, caregiver, grant_data(provider(services, actor), hours_per_year="20")
    )
    with pytest.raises(NotAllowed, match="na toekenning"):
        services.household_help.record_hours(actor, grant.id, 2026, 1, 8)
    grant = services.household_help.change_status(actor, grant.id, grant.version, GRANTED)
    for month in (1, 2):
        services.household_help.record_hours(actor, grant.id, 2026, month, 8)
    view = services.household_help.record_hours(actor, grant.id, 2026, 3, 16)
    assert (view.budget.used_hours, view.budget.left_hours) == (32, -12)
    assert view.budget.contribution_cents == 32 * 750
    assert view.budget.warnings[0] == "12 uur boven het jaarbudget van 20 uur"
    assert any(warning.startswith("maart 2026: 16 uur") for warning in view.budget.warnings)
    corrected = services.household_help.record_hours(actor, grant.id, 2026, 3, 0)
    assert [month.month for month in corrected.months] == [1, 2]
    assert corrected.budget.warnings == ()


def test_the_proof_of_registration_and_the_grant_letter(
    services: Services, actor: Actor, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    from steunpunt.domain.choices import LetterKind
    from tests.helpers import fill_house_style

    fill_house_style(services, actor)
    caregiver = add_caregiver(services, actor).id
    grant = services.household_help.request(actor, caregiver, grant_data(provider(services, actor)))
    letters = services.household_help_letters

    proof = letters.letter(actor, grant.id, LetterKind.HOUSEHOLD_HELP_PROOF, tmp_path)
    text = " ".join(PdfReader(proof.letters_pdf).pages[0].extract_text().split())
    assert "Thuiszorg Eemland" in text and "sinds 1 januari 2026" in text
    with pytest.raises(NotAllowed, match="toekenningsbrief"):
        letters.letter(actor, grant.id, LetterKind.HOUSEHOLD_HELP_GRANTED, tmp_path)

    services.household_help.change_status(actor, grant.id, grant.version, GRANTED)
    granted = letters.letter(actor, grant.id, LetterKind.HOUSEHOLD_HELP_GRANTED, tmp_path)
    text = " ".join(PdfReader(granted.letters_pdf).pages[0].extract_text().split())
    assert "1 januari 2026" in text and "31 december 2026" in text
    assert "3 uur per week" in text and "€ 7,50 per uur" in text and "{" not in text
    kinds = [entry.kind for entry in services.mailings.letter_log(caregiver)]
    assert kinds == [LetterKind.HOUSEHOLD_HELP_GRANTED, LetterKind.HOUSEHOLD_HELP_PROOF]


def test_an_updated_program_adds_the_templates_of_its_new_letter_kinds(
    services: Services, actor: Actor
) -> None:
    from steunpunt.domain.choices import LetterKind

    welcome = services.letters.templates(LetterKind.WELCOME)[0]
    services.letters.remove_template(actor, welcome.id)
    assert services.letters.templates(LetterKind.WELCOME) == []  # a removed kind stays removed
    assert services.letters.templates(LetterKind.HOUSEHOLD_HELP_GRANTED)


def test_the_own_contribution_owed_uses_the_grants_own_rate(
    services: Services, actor: Actor
) -> None:
    caregiver = add_caregiver(services, actor).id
    grant = services.household_help.request(
        actor, caregiver, grant_data(provider(services, actor), own_contribution="6,00")
    )
    grant = services.household_help.change_status(actor, grant.id, grant.version, GRANTED)
    view = services.household_help.record_hours(actor, grant.id, 2026, 2, 10)
    assert view.budget.contribution_cents == 6000
