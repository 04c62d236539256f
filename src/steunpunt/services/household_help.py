"""Use cases of household help: request, judge, grant, and follow the hours delivered."""

from __future__ import annotations

import logging
from dataclasses import replace

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from steunpunt.db.models import Caregiver, CareRecipient
from steunpunt.db.support_models import HouseholdHelpGrant, HouseholdHelpMonth, Partner
from steunpunt.domain.address import household_key
from steunpunt.domain.errors import InvalidValue, ValidationFailed
from steunpunt.domain.household_help.budget import DeliveredMonth, budget_status
from steunpunt.domain.household_help.eligibility import (
    HouseholdHelpFacts,
    OtherGrant,
    evaluate,
)
from steunpunt.domain.household_help.grant import GrantData
from steunpunt.domain.household_help.settings import (
    HouseholdHelpRules,
    check_rules,
    rules_from_json,
    rules_to_json,
)
from steunpunt.domain.household_help.status import HouseholdHelpStatus, check_transition
from steunpunt.services.dto import Actor
from steunpunt.services.errors import NotAllowed
from steunpunt.services.office_settings import HOUSEHOLD_HELP_RULES, read_setting, write_setting
from steunpunt.services.records import load, load_for_edit
from steunpunt.services.session_scope import SessionScope
from steunpunt.services.support_dto import GrantView

log = logging.getLogger(__name__)

WHAT = "Deze huishoudelijke hulp"
HOURS_IN_A_MONTH = 744.0
BUDGET_STATUSES = (HouseholdHelpStatus.GRANTED, HouseholdHelpStatus.RUNNING)
"""Grants whose hours are being used (the worklist watches their budget)."""


class HouseholdHelpService:
    """Grants of household help per caregiver, judged by the office's rules."""

    def __init__(self, scope: SessionScope) -> None:
        self._scope = scope

    # --- settings -----------------------------------------------------------------------------

    def rules(self) -> HouseholdHelpRules:
        with self._scope() as session:
            return _rules(session)

    def save_rules(self, actor: Actor, rules: HouseholdHelpRules) -> None:
        errors = check_rules(rules)
        if errors:
            raise ValidationFailed(errors)
        with self._scope() as session:
            write_setting(session, HOUSEHOLD_HELP_RULES, rules_to_json(rules))
            log.info("Household-help rules saved by staff %s", actor.staff_id)

    # --- reading ------------------------------------------------------------------------------

    def grants(self, caregiver_id: int) -> list[GrantView]:
        """The caregiver's grants, newest first, each judged and with its budget."""
        with self._scope() as session:
            rules = _rules(session)
            rows = session.scalars(
                select(HouseholdHelpGrant)
                .where(HouseholdHelpGrant.caregiver_id == caregiver_id)
                .order_by(HouseholdHelpGrant.starts_on.desc(), HouseholdHelpGrant.id.desc())
            ).all()
            return [_view(session, row, rules) for row in rows]

    def get(self, grant_id: int) -> GrantView:
        with self._scope() as session:
            rules = _rules(session)
            return _view(session, load(session, HouseholdHelpGrant, grant_id, WHAT), rules)

    # --- writing ------------------------------------------------------------------------------

    def request(self, actor: Actor, caregiver_id: int, data: GrantData) -> GrantView:
        """Record a request ("aangevraagd"); the verdict says whether it fits the rules."""
        with self._scope() as session:
            load(session, Caregiver, caregiver_id, "Deze mantelzorger")
            row = HouseholdHelpGrant(
                caregiver_id=caregiver_id, status=HouseholdHelpStatus.REQUESTED.value
            )
            _apply(session, row, data)
            session.add(row)
            session.flush()
            log.info("Household help %s requested by staff %s", row.id, actor.staff_id)
            return _view(session, row, _rules(session))

    def update(
        self, actor: Actor, grant_id: int, expected_version: int, data: GrantData
    ) -> GrantView:
        with self._scope() as session:
            row = load_for_edit(session, HouseholdHelpGrant, grant_id, expected_version, WHAT)
            _apply(session, row, data)
            session.flush()
            log.info("Household help %s changed by staff %s", grant_id, actor.staff_id)
            return _view(session, row, _rules(session))

    def change_status(
        self,
        actor: Actor,
        grant_id: int,
        expected_version: int,
        new_status: HouseholdHelpStatus,
        reason: str = "",
    ) -> GrantView:
        """Move a grant on; granting against the rules needs a reason, which is kept."""
        reason = reason.strip()
        with self._scope() as session:
            row = load_for_edit(session, HouseholdHelpGrant, grant_id, expected_version, WHAT)
            current = HouseholdHelpStatus(row.status)
            check_transition(current, new_status)
            rules = _rules(session)
            if new_status is HouseholdHelpStatus.GRANTED:
                verdict = evaluate(rules, _facts(session, row))
                if not verdict.eligible and not reason:
                    failures = "; ".join(result.explanation for result in verdict.failures)
                    raise NotAllowed(
                        f"Deze aanvraag past niet in de regels ({failures}). Geef een reden om "
                        "toch toe te kennen; die wordt bewaard."
                    )
            if reason:
                row.override_reason = reason
            row.status = new_status.value
            session.flush()
            log.info(
                "Household help %s: %s -> %s by staff %s",
                grant_id,
                current.value,
                new_status.value,
                actor.staff_id,
            )
            return _view(session, row, rules)

    def record_hours(
        self, actor: Actor, grant_id: int, year: int, month: int, hours: float
    ) -> GrantView:
        """Hours from the provider's statement for one month (0 removes the month)."""
        if not 1 <= month <= 12:
            raise InvalidValue("Kies een maand van 1 tot en met 12.")
        if not 0 <= hours <= HOURS_IN_A_MONTH:
            raise InvalidValue("Een maand heeft hoogstens 744 uur.")
        with self._scope() as session:
            row = load(session, HouseholdHelpGrant, grant_id, WHAT)
            status = HouseholdHelpStatus(row.status)
            if status in (HouseholdHelpStatus.REQUESTED, HouseholdHelpStatus.REFUSED):
                raise NotAllowed(
                    f"Deze hulp is {status.label.lower()}; geleverde uren worden pas na "
                    "toekenning geregistreerd."
                )
            entry = session.scalar(
                select(HouseholdHelpMonth).where(
                    HouseholdHelpMonth.grant_id == grant_id,
                    HouseholdHelpMonth.year == year,
                    HouseholdHelpMonth.month == month,
                )
            )
            if hours == 0 and entry is not None:
                session.delete(entry)
            elif entry is None and hours:
                session.add(
                    HouseholdHelpMonth(grant_id=grant_id, year=year, month=month, hours=hours)
                )
            elif entry is not None:
                entry.hours = hours
            session.flush()
            row.hours_used = float(
                session.scalar(
                    select(func.coalesce(func.sum(HouseholdHelpMonth.hours), 0.0)).where(
                        HouseholdHelpMonth.grant_id == grant_id
                    )
                )
                or 0.0
            )
            log.info(
                "Hours of %s-%s for grant %s by staff %s", year, month, grant_id, actor.staff_id
            )
            return _view(session, row, _rules(session))

    def remove(self, actor: Actor, grant_id: int, expected_version: int) -> None:
        with self._scope() as session:
            row = load_for_edit(session, HouseholdHelpGrant, grant_id, expected_version, WHAT)
            session.delete(row)
            log.info("Household help %s removed by staff %s", grant_id, actor.staff_id)


def _rules(session: Session) -> HouseholdHelpRules:
    return read_setting(session, HOUSEHOLD_HELP_RULES, rules_from_json)


def _apply(session: Session, row: HouseholdHelpGrant, data: GrantData) -> None:
    """Copy the form onto the row; the household key comes from the address helped."""
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
    row.note = data.note


def _facts(session: Session, row: HouseholdHelpGrant) -> HouseholdHelpFacts:
    """What the rules look at: this grant, the caregiver's burden and the other grants."""
    caregiver = load(session, Caregiver, row.caregiver_id, "Deze mantelzorger")
    same = [HouseholdHelpGrant.caregiver_id == row.caregiver_id]
    if row.household_key:
        same.append(HouseholdHelpGrant.household_key == row.household_key)
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
                other.extended_until or other.ends_on,
                HouseholdHelpStatus(other.status),
            )
            for other, person in others
        ),
    )


def _view(session: Session, row: HouseholdHelpGrant, rules: HouseholdHelpRules) -> GrantView:
    facts = _facts(session, row)
    months = tuple(
        DeliveredMonth(entry.year, entry.month, entry.hours)
        for entry in session.scalars(
            select(HouseholdHelpMonth)
            .where(HouseholdHelpMonth.grant_id == row.id)
            .order_by(HouseholdHelpMonth.year, HouseholdHelpMonth.month)
        )
    )
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
        data=GrantData(
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
        ),
        verdict=evaluate(rules, facts),
        # The grant's own eigen bijdrage, which may differ from the office's default.
        budget=budget_status(
            replace(rules, own_contribution_cents=row.own_contribution_cents), facts, months
        ),
        months=months,
        override_reason=row.override_reason,
    )
