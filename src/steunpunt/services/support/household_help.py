"""Use cases of household help: request, judge, grant, and follow the hours delivered."""

from __future__ import annotations

import logging
from collections.abc import Collection
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, select

from steunpunt.db.caregivers.models import Caregiver
from steunpunt.db.kernel.base import utc_now
from steunpunt.db.support.models import HouseholdHelpGrant, HouseholdHelpMonth, HouseholdHelpRate
from steunpunt.domain.dates import MONTHS, format_date
from steunpunt.domain.errors import InvalidValue, ValidationFailed
from steunpunt.domain.fields import note_text
from steunpunt.domain.input_policy import (
    HOURS_PER_MONTH_MAX,
    LATEST_DATE,
    RATE_MAX_CENTS,
    WORK_DATE_FIRST,
    check_cents,
    check_range,
)
from steunpunt.domain.support.household_help.eligibility import HouseholdHelpVerdict, evaluate
from steunpunt.domain.support.household_help.grant import GrantData
from steunpunt.domain.support.household_help.period import last_day_of
from steunpunt.domain.support.household_help.settings import (
    HouseholdHelpRules,
    check_rules,
    exact_hours,
    rules_to_json,
)
from steunpunt.domain.support.household_help.status import HouseholdHelpStatus, check_transition
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.errors import NotAllowed
from steunpunt.services.kernel.office_settings import HOUSEHOLD_HELP_RULES, write_setting
from steunpunt.services.kernel.records import load, load_for_edit
from steunpunt.services.kernel.session_scope import SessionScope
from steunpunt.services.kernel.use_case import reads, writes
from steunpunt.services.support.dto import GrantView
from steunpunt.services.support.household_help_records import (
    apply_grant,
    grant_facts,
    grant_view,
    read_rules,
)

log = logging.getLogger(__name__)

WHAT = "Deze huishoudelijke hulp"
DECIDED = frozenset(
    {HouseholdHelpStatus.GRANTED, HouseholdHelpStatus.RUNNING, HouseholdHelpStatus.ENDED}
)
"""Grants decided in the caregiver's favour: a change of them is judged like a new decision."""
REASONED = frozenset({HouseholdHelpStatus.GRANTED, HouseholdHelpStatus.REFUSED})
"""Decisions whose reason is kept with the grant."""


GRANTING = ("Deze aanvraag", "toe te kennen")
CHANGING = ("Deze wijziging", "op te slaan")


def _check_decision(
    verdict: HouseholdHelpVerdict,
    reason: str,
    decision: tuple[str, str] = GRANTING,
    known: Collection[str] = (),
) -> None:
    """Refuse a decision against the rules without a reason; ``known`` failures (decided
    before, with the grant's kept reason) need no new one."""
    failures = [result for result in verdict.failures if result.explanation not in known]
    if failures and not reason:
        what, action = decision
        listed = "; ".join(result.explanation for result in failures)
        raise NotAllowed(
            f"{what} past niet in de regels ({listed}). Geef een reden om toch {action}; "
            "die wordt bewaard."
        )


def _stop_date(row: HouseholdHelpGrant, stopped_on: date | None) -> date:
    """The first day without help, from the start up to the day after the last day."""
    after = last_day_of(row.ends_on, row.extended_until, None) + timedelta(days=1)
    if stopped_on is None:
        message = "Vul de datum in waarop de hulp stopt (de eerste dag zonder hulp)."
    elif stopped_on < row.starts_on:
        message = f"De hulp kan niet stoppen voor de begindatum {format_date(row.starts_on)}."
    elif stopped_on > after:
        message = (
            f"De hulp loopt tot en met {format_date(after - timedelta(days=1))}; "
            f"kies uiterlijk {format_date(after)}."
        )
    else:
        return stopped_on
    raise InvalidValue(message)


class HouseholdHelpService:
    """Grants of household help per caregiver, judged by the office's rules."""

    def __init__(self, scope: SessionScope) -> None:
        self._scope = scope

    # --- settings -----------------------------------------------------------------------------

    @reads
    def rules(self) -> HouseholdHelpRules:
        with self._scope() as session:
            return read_rules(session)

    @writes
    def save_rules(self, actor: Actor, rules: HouseholdHelpRules) -> None:
        errors = check_rules(rules)
        if errors:
            raise ValidationFailed(errors)
        with self._scope() as session:
            write_setting(session, HOUSEHOLD_HELP_RULES, rules_to_json(rules))
            log.info("Household-help rules saved by staff %s", actor.staff_id)

    # --- reading ------------------------------------------------------------------------------

    @reads
    def grants(self, caregiver_id: int) -> list[GrantView]:
        """The caregiver's grants, newest first, each judged and with its budget."""
        with self._scope() as session:
            rules = read_rules(session)
            rows = session.scalars(
                select(HouseholdHelpGrant)
                .where(HouseholdHelpGrant.caregiver_id == caregiver_id)
                .order_by(HouseholdHelpGrant.starts_on.desc(), HouseholdHelpGrant.id.desc())
            ).all()
            return [grant_view(session, row, rules) for row in rows]

    @reads
    def get(self, grant_id: int) -> GrantView:
        with self._scope() as session:
            rules = read_rules(session)
            return grant_view(session, load(session, HouseholdHelpGrant, grant_id, WHAT), rules)

    # --- writing ------------------------------------------------------------------------------

    @writes
    def request(self, actor: Actor, caregiver_id: int, data: GrantData) -> GrantView:
        """Record a request ("aangevraagd"); the verdict says whether it fits the rules."""
        with self._scope() as session:
            load(session, Caregiver, caregiver_id, "Deze mantelzorger")
            row = HouseholdHelpGrant(
                caregiver_id=caregiver_id, status=HouseholdHelpStatus.REQUESTED.value
            )
            apply_grant(session, row, data)
            session.add(row)
            session.flush()
            log.info("Household help %s requested by staff %s", row.id, actor.staff_id)
            return grant_view(session, row, read_rules(session))

    @writes
    def update(
        self,
        actor: Actor,
        grant_id: int,
        expected_version: int,
        data: GrantData,
        reason: str = "",
    ) -> GrantView:
        """Change a grant; a decided grant is judged again, and breaking a rule it did not
        break before needs a reason, which is kept beside the earlier one."""
        reason = note_text(reason)
        with self._scope() as session:
            row = load_for_edit(session, HouseholdHelpGrant, grant_id, expected_version, WHAT)
            rules = read_rules(session)
            decided = HouseholdHelpStatus(row.status) in DECIDED
            before = evaluate(rules, grant_facts(session, row)).failures if decided else ()
            apply_grant(session, row, data)
            if decided:
                known = {result.explanation for result in before}
                after = evaluate(rules, grant_facts(session, row))
                _check_decision(after, reason, CHANGING, known)
                if reason:
                    kept = row.override_reason
                    row.override_reason = f"{kept}; {reason}" if kept else reason
            session.flush()
            log.info("Household help %s changed by staff %s", grant_id, actor.staff_id)
            return grant_view(session, row, rules)

    @writes
    def change_status(
        self,
        actor: Actor,
        grant_id: int,
        expected_version: int,
        new_status: HouseholdHelpStatus,
        reason: str = "",
        stopped_on: date | None = None,
    ) -> GrantView:
        """Move a grant on; granting against the rules needs a reason, which is kept (as is a
        refusal's reason); ending records the first day without help."""
        reason = note_text(reason)
        with self._scope() as session:
            row = load_for_edit(session, HouseholdHelpGrant, grant_id, expected_version, WHAT)
            current = HouseholdHelpStatus(row.status)
            check_transition(current, new_status)
            rules = read_rules(session)
            if new_status is HouseholdHelpStatus.GRANTED:
                _check_decision(evaluate(rules, grant_facts(session, row)), reason)
            if new_status is HouseholdHelpStatus.ENDED:
                row.stopped_on = _stop_date(row, stopped_on)
            if new_status in REASONED or new_status is HouseholdHelpStatus.REQUESTED:
                row.override_reason = reason if new_status in REASONED else ""
            row.status = new_status.value
            session.flush()
            log.info(
                "Household help %s: %s -> %s by staff %s",
                grant_id,
                current.value,
                new_status.value,
                actor.staff_id,
            )
            return grant_view(session, row, rules)

    @writes
    def change_rate(
        self, actor: Actor, grant_id: int, expected_version: int, month: date, cents: int
    ) -> GrantView:
        """From ``month`` on the grant's eigen bijdrage is ``cents`` per hour; earlier months
        keep the rate that was in force for them."""
        first = month.replace(day=1)
        with self._scope() as session:
            row = load_for_edit(session, HouseholdHelpGrant, grant_id, expected_version, WHAT)
            if (
                not row.starts_on.replace(day=1)
                < first
                <= last_day_of(row.ends_on, row.extended_until, None)
            ):
                start = f"{MONTHS[row.starts_on.month - 1]} {row.starts_on.year}"
                raise InvalidValue(
                    "Kies een maand binnen de hulp na de eerste maand; de eigen bijdrage vanaf "
                    f"{start} wijzigt u bij de hulp zelf."
                )
            check_cents(cents, RATE_MAX_CENTS, "De eigen bijdrage")
            rate = session.scalar(
                select(HouseholdHelpRate).where(
                    HouseholdHelpRate.grant_id == grant_id, HouseholdHelpRate.starts_on == first
                )
            )
            if rate is None:
                session.add(
                    HouseholdHelpRate(
                        grant_id=grant_id, starts_on=first, own_contribution_cents=cents
                    )
                )
            else:
                rate.own_contribution_cents = cents
            row.updated_at = utc_now()  # a new version: an open editor sees the change
            session.flush()
            log.info("Rate of household help %s changed by staff %s", grant_id, actor.staff_id)
            return grant_view(session, row, read_rules(session))

    @writes
    def record_hours(
        self, actor: Actor, grant_id: int, year: int, month: int, hours: Decimal
    ) -> GrantView:
        """Hours from the provider's statement for one month (0 removes the month)."""
        if not 1 <= month <= 12:
            raise InvalidValue("Kies een maand van 1 tot en met 12.")
        check_range(year, WORK_DATE_FIRST.year, LATEST_DATE.year, "Het jaar")
        hours = Decimal(str(hours))  # the exact number, also when a caller passes a float
        if not hours.is_finite() or not 0 <= hours <= HOURS_PER_MONTH_MAX:
            raise InvalidValue(f"Een maand heeft hoogstens {HOURS_PER_MONTH_MAX} uur.")
        hours = exact_hours(hours)
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
            used = session.scalar(
                select(func.sum(HouseholdHelpMonth.hours)).where(
                    HouseholdHelpMonth.grant_id == grant_id
                )
            )
            row.hours_used = used or Decimal(0)
            log.info(
                "Hours of %s-%s for grant %s by staff %s", year, month, grant_id, actor.staff_id
            )
            return grant_view(session, row, read_rules(session))

    @writes
    def remove(self, actor: Actor, grant_id: int, expected_version: int) -> None:
        with self._scope() as session:
            row = load_for_edit(session, HouseholdHelpGrant, grant_id, expected_version, WHAT)
            session.delete(row)
            log.info("Household help %s removed by staff %s", grant_id, actor.staff_id)
