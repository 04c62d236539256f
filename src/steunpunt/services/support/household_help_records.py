"""Household-help rows to and from what the rules and screens see: facts, rates and views."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from steunpunt.db.caregivers.models import Caregiver, CareRecipient
from steunpunt.db.support.models import (
    HouseholdHelpGrant,
    HouseholdHelpMonth,
    HouseholdHelpRate,
    Partner,
)
from steunpunt.domain.address import household_key
from steunpunt.domain.fields import note_text
from steunpunt.domain.support.household_help.budget import DeliveredMonth, RateChange, budget_status
from steunpunt.domain.support.household_help.eligibility import (
    HouseholdHelpFacts,
    OtherGrant,
    evaluate,
)
from steunpunt.domain.support.household_help.grant import GrantData, check_grant
from steunpunt.domain.support.household_help.period import last_day_of
from steunpunt.domain.support.household_help.settings import HouseholdHelpRules, rules_from_json
from steunpunt.domain.support.household_help.status import HouseholdHelpStatus
from steunpunt.services.kernel.office_settings import HOUSEHOLD_HELP_RULES, read_setting
from steunpunt.services.kernel.records import load
from steunpunt.services.support.dto import GrantView


def read_rules(session: Session) -> HouseholdHelpRules:
    return read_setting(session, HOUSEHOLD_HELP_RULES, rules_from_json)


def apply_grant(session: Session, row: HouseholdHelpGrant, data: GrantData) -> None:
    """Copy the form onto the row once it passes the form's checks; the household key comes
    from the address helped."""
    check_grant(data)
    caregiver = load(session, Caregiver, row.caregiver_id, "Deze mantelzorger")
    if data.provider_id is not None:
        load(session, Partner, data.provider_id, "Deze thuiszorgaanbieder")
    where = (
        caregiver
        if data.care_recipient_id is None
        else load(session, CareRecipient, data.care_recipient_id, "Deze naaste")
    )
    row.provider_id = data.provider_id
    row.care_recipient_id = data.care_recipient_id
    row.household_key = household_key(where.postcode, where.house_number, where.house_number_suffix)
    row.starts_on = data.starts_on
    row.ends_on = data.ends_on
    row.extended_until = data.extended_until
    row.hours_per_week = data.hours_per_week
    row.hours_per_year = data.hours_per_year
    row.own_contribution_cents = data.own_contribution_cents
    row.household_has_wmo_help = data.household_has_wmo_help
    row.evaluation_on = data.evaluation_on
    row.note = note_text(data.note)


def grant_data(row: HouseholdHelpGrant) -> GrantData:
    """The row as the form holds it."""
    return GrantData(
        row.provider_id,
        row.care_recipient_id,
        row.starts_on,
        row.ends_on,
        row.extended_until,
        row.hours_per_week,
        row.hours_per_year,
        row.own_contribution_cents,
        row.household_has_wmo_help,
        row.evaluation_on,
        row.note,
    )


def grant_facts(session: Session, row: HouseholdHelpGrant) -> HouseholdHelpFacts:
    """What the rules look at: this grant, the caregiver's burden and the other grants that
    share the caregiver, the address or the naaste."""
    caregiver = load(session, Caregiver, row.caregiver_id, "Deze mantelzorger")
    same = [HouseholdHelpGrant.caregiver_id == row.caregiver_id]
    if row.household_key:
        same.append(HouseholdHelpGrant.household_key == row.household_key)
    if row.care_recipient_id is not None:
        same.append(HouseholdHelpGrant.care_recipient_id == row.care_recipient_id)
    others = session.execute(
        select(HouseholdHelpGrant, Caregiver)
        .join(Caregiver, Caregiver.id == HouseholdHelpGrant.caregiver_id)
        .where(
            or_(*same),
            HouseholdHelpGrant.id != row.id,
            HouseholdHelpGrant.status != HouseholdHelpStatus.REFUSED.value,
        )
    ).all()
    return HouseholdHelpFacts(
        grant_id=row.id,
        caregiver_id=row.caregiver_id,
        household_key=row.household_key,
        starts_on=row.starts_on,
        ends_on=row.ends_on,
        extended_until=row.extended_until,
        hours_per_week=row.hours_per_week,
        hours_per_year=row.hours_per_year,
        caregiver_overloaded=caregiver.overloaded if caregiver.burden_level else None,
        household_has_wmo_help=row.household_has_wmo_help,
        other_grants=tuple(
            OtherGrant(
                other.id,
                other.caregiver_id,
                person.name.full,
                other.household_key,
                other.starts_on,
                last_day_of(other.ends_on, other.extended_until, other.stopped_on),
                HouseholdHelpStatus(other.status),
                other.care_recipient_id,
            )
            for other, person in others
        ),
        care_recipient_id=row.care_recipient_id,
        stopped_on=row.stopped_on,
    )


def rate_changes(session: Session, grant_id: int) -> tuple[RateChange, ...]:
    """The grant's changes of the eigen bijdrage, oldest first."""
    return tuple(
        RateChange(rate.starts_on, rate.own_contribution_cents)
        for rate in session.scalars(
            select(HouseholdHelpRate)
            .where(HouseholdHelpRate.grant_id == grant_id)
            .order_by(HouseholdHelpRate.starts_on)
        )
    )


def grant_view(session: Session, row: HouseholdHelpGrant, rules: HouseholdHelpRules) -> GrantView:
    facts = grant_facts(session, row)
    months = tuple(
        DeliveredMonth(entry.year, entry.month, entry.hours)
        for entry in session.scalars(
            select(HouseholdHelpMonth)
            .where(HouseholdHelpMonth.grant_id == row.id)
            .order_by(HouseholdHelpMonth.year, HouseholdHelpMonth.month)
        )
    )
    rates = rate_changes(session, row.id)
    caregiver = load(session, Caregiver, row.caregiver_id, "Deze mantelzorger")
    provider = session.get(Partner, row.provider_id) if row.provider_id else None
    naaste = session.get(CareRecipient, row.care_recipient_id) if row.care_recipient_id else None
    return GrantView(
        id=row.id,
        version=row.version,
        caregiver_id=row.caregiver_id,
        caregiver_name=caregiver.name.full,
        provider_name=provider.name if provider else "",
        household=f"bij {naaste.name.full}" if naaste else "eigen huishouden",
        status=HouseholdHelpStatus(row.status),
        data=grant_data(row),
        verdict=evaluate(rules, facts),
        # The grant's own eigen bijdrage, which may differ from the office's default.
        budget=budget_status(
            replace(rules, own_contribution_cents=row.own_contribution_cents),
            facts,
            months,
            rates,
        ),
        months=months,
        override_reason=row.override_reason,
        stopped_on=row.stopped_on,
        rates=rates,
    )
