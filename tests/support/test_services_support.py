"""Support work through its services: EDIZ-plus measurements, the sociale kaart, referrals."""

from __future__ import annotations

from datetime import date

import pytest

from steunpunt.domain.caregivers.list_filter import CaregiverFilter
from steunpunt.domain.errors import ValidationFailed
from steunpunt.domain.support.burden import AssessmentData, BurdenBands, BurdenLevel
from steunpunt.domain.support.partner import PartnerKind, partner_from_form
from steunpunt.domain.support.referral import ReferralData, ReferralOutcome, referral_from_form
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.services.kernel.errors import NotAllowed, StaleEdit
from tests.helpers import TODAY, add_caregiver


def measure(services: Services, actor: Actor, caregiver: int, day: date, total: int) -> None:
    services.burden.record(actor, caregiver, AssessmentData(day, total, None))


def listed_overloaded(services: Services) -> list[str]:
    page = services.caregivers.search(CaregiverFilter(overloaded_only=True), 50)
    return [row.name for row in page.rows]


def test_the_latest_measurement_sets_the_band_and_the_overload_filter(
    services: Services, actor: Actor
) -> None:
    anna = add_caregiver(services, actor, first_name="anna").id
    bram = add_caregiver(services, actor, first_name="bram", infix="", last_name="bakker").id
    measure(services, actor, anna, date(2026, 3, 1), 10)
    measure(services, actor, anna, date(2026, 9, 1), 6)
    measure(services, actor, anna, date(2026, 1, 1), 12)  # entered late, but older
    measure(services, actor, bram, date(2026, 5, 1), 9)

    summary = services.burden.summary(anna)
    assert [view.total for view in summary.assessments] == [12, 10, 6]
    assert summary.latest is not None and summary.latest.level is BurdenLevel.MODERATE
    assert listed_overloaded(services) == ["Bakker, Bram"]
    [row] = services.caregivers.rows([anna])
    assert (row.burden_level, row.overloaded) == (BurdenLevel.MODERATE, False)

    latest = summary.assessments[-1]
    services.burden.remove(actor, latest.id, latest.version)
    assert listed_overloaded(services) == ["Bakker, Bram", "Vries, Anna de"]


def test_the_list_sorts_by_burden_never_measured_first(services: Services, actor: Actor) -> None:
    from steunpunt.domain.caregivers.list_filter import SortKey

    names = ("anna", "bram", "cor", "dirk")
    ids = [add_caregiver(services, actor, first_name=n, infix="", last_name=n).id for n in names]
    for caregiver, total in zip(ids[:3], (12, 0, 5), strict=True):
        measure(services, actor, caregiver, date(2026, 3, 1), total)
    page = services.caregivers.search(CaregiverFilter(sort=SortKey.BURDEN), 10)
    assert [row.name for row in page.rows] == ["Dirk, Dirk", "Bram, Bram", "Cor, Cor", "Anna, Anna"]


def test_new_bands_re_band_every_measured_caregiver(services: Services, actor: Actor) -> None:
    anna = add_caregiver(services, actor, first_name="anna").id
    unmeasured = add_caregiver(services, actor, first_name="cor", infix="", last_name="smit").id
    measure(services, actor, anna, date(2026, 3, 1), 7)
    assert listed_overloaded(services) == []

    assert services.burden.save_bands(actor, BurdenBands(overload_from=7, heavy_from=7)) == 1

    assert listed_overloaded(services) == ["Vries, Anna de"]
    assert services.burden.summary(anna).assessments[0].level is BurdenLevel.HEAVY
    [row] = services.caregivers.rows([unmeasured])
    assert row.burden_level is None
    with pytest.raises(ValidationFailed):
        services.burden.save_bands(actor, BurdenBands(light_from=5, moderate_from=4))


def partner_form(**changes: str) -> dict[str, str]:
    form = {
        "name": "Respijthuis De Linde",
        "kind": PartnerKind.RESPITE_CARE.value,
        "contact_person": "Els Visser",
        "phone": "033 123 45 67",
        "email": "info@delinde.example",
        "street": "Lindelaan",
        "house_number": "4",
        "postcode": "3761ab",
        "place": "soest",
        "hourly_rate": "",
    }
    form.update(changes)
    return form


def test_partners_are_checked_listed_and_kept_while_referred_to(
    services: Services, actor: Actor
) -> None:
    with pytest.raises(ValidationFailed) as refused:
        partner_from_form(partner_form(name="", kind="", hourly_rate="abc"), active=True)
    assert set(refused.value.errors) == {"name", "kind", "hourly_rate"}
    linde = services.partners.create(actor, partner_from_form(partner_form(), active=True))
    thuiszorg = services.partners.create(
        actor,
        partner_from_form(
            partner_form(name="Thuiszorg Eemland", kind="thuiszorg", hourly_rate="32,50"),
            active=True,
        ),
    )
    assert thuiszorg.data.hourly_rate_cents == 3250
    assert linde.data.address.postcode == "3761 AB"
    names = [view.data.name for view in services.partners.partners()]
    assert names == ["Respijthuis De Linde", "Thuiszorg Eemland"]
    home_care = services.partners.partners(kind=PartnerKind.HOME_CARE)
    assert [view.data.name for view in home_care] == ["Thuiszorg Eemland"]

    caregiver = add_caregiver(services, actor).id
    data = ReferralData(linde.id, TODAY, "even op adem komen", True, None, None, None)
    services.referrals.add(actor, caregiver, data)
    with pytest.raises(NotAllowed, match="niet actief"):
        services.partners.remove(actor, linde.id, linde.version)
    services.partners.remove(actor, thuiszorg.id, thuiszorg.version)
    [kept] = services.partners.partners()
    assert kept.referrals == 1


def referral_form(**changes: str) -> dict[str, str]:
    form = {"referred_on": "20-11-2026", "reason": "Respijtzorg bij dementie", "outcome": ""}
    form.update(changes)
    return form


def test_a_referral_without_consent_is_refused_by_form_and_service(
    services: Services, actor: Actor
) -> None:
    with pytest.raises(ValidationFailed) as refused:
        referral_from_form(referral_form(), 1, consent_to_share=False, today=TODAY)
    assert "toestemming" in refused.value.errors["consent_to_share"]
    partner = services.partners.create(actor, partner_from_form(partner_form(), active=True))
    caregiver = add_caregiver(services, actor).id
    without = ReferralData(partner.id, TODAY, "x", False, None, None, None)
    with pytest.raises(NotAllowed, match="toestemming"):
        services.referrals.add(actor, caregiver, without)
    assert services.referrals.referrals(caregiver) == []


def test_a_referral_is_followed_up_and_closed_with_its_outcome(
    services: Services, actor: Actor
) -> None:
    partner = services.partners.create(actor, partner_from_form(partner_form(), active=True))
    caregiver = add_caregiver(services, actor).id
    data = referral_from_form(
        referral_form(follow_up_on="4-12-2026"), partner.id, consent_to_share=True, today=TODAY
    )
    added = services.referrals.add(actor, caregiver, data)
    assert added.partner_name == "Respijthuis De Linde" and added.data.is_open

    closed = referral_from_form(
        referral_form(follow_up_on="4-12-2026", outcome="wachtlijst"), partner.id, True, TODAY
    )
    assert closed.closed_on == TODAY  # an outcome closes it today unless a date is given
    updated = services.referrals.update(actor, added.id, added.version, closed)
    assert updated.data.outcome is ReferralOutcome.WAITING_LIST and not updated.data.is_open
    with pytest.raises(StaleEdit):
        services.referrals.update(actor, added.id, added.version, closed)

    with pytest.raises(ValidationFailed) as refused:
        referral_from_form(
            referral_form(follow_up_on="1-11-2026", closed_on="21-11-2026"), partner.id, True, TODAY
        )
    assert set(refused.value.errors) == {"follow_up_on", "outcome"}


def test_a_referral_reason_keeps_its_lines_and_its_limit() -> None:
    data = referral_from_form(
        referral_form(reason="Respijtzorg\nen een gesprek met de casemanager"), 1, True, TODAY
    )
    assert data.reason == "Respijtzorg\nen een gesprek met de casemanager"
    with pytest.raises(ValidationFailed) as refused:
        referral_from_form(referral_form(reason="x" * 501), 1, True, TODAY)
    assert "500 tekens" in refused.value.errors["reason"]
