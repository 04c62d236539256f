"""Use cases of compliment rounds: create, copy from last year, change the rules, overview."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from sqlalchemy import Integer, func, select
from sqlalchemy.exc import IntegrityError

from steunpunt.db.compliment.models import (
    ComplimentApplication,
    ComplimentRound,
    PaymentBatch,
    PaymentReversal,
)
from steunpunt.db.compliment.queries import held_places_query
from steunpunt.domain.compliment.allocation import Grant, allocate
from steunpunt.domain.compliment.pools import shares_money
from steunpunt.domain.compliment.round_rules import (
    RoundRules,
    cleaned_rules,
    next_year,
    range_errors,
    rules_from_json,
    rules_to_json,
)
from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.domain.errors import ValidationFailed
from steunpunt.domain.text import fold_name
from steunpunt.services.compliment.amounts import rebalance
from steunpunt.services.compliment.dto import RoundOverview, RoundView
from steunpunt.services.compliment.evaluation import HOLDING, evaluate_round
from steunpunt.services.duplicates.register_pairs import RegisterPairs
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.errors import NotAllowed
from steunpunt.services.kernel.records import load, load_for_edit, refuse_stale
from steunpunt.services.kernel.session_scope import SessionScope
from steunpunt.services.kernel.use_case import reads, writes

log = logging.getLogger(__name__)

WHAT = "Deze ronde"
PAID_OR_GRANTED = (ApplicationStatus.GRANTED, ApplicationStatus.PAID)


def check_rules(rules: RoundRules, today: date) -> RoundRules:
    """The rules with their texts cleaned, or every impossible setting, per field, in Dutch."""
    rules = cleaned_rules(rules)
    errors = range_errors(rules, today)
    if not rules.municipality:
        errors["municipality"] = "Vul de gemeente van de ronde in."
    if rules.closes_on < rules.opens_on:
        errors.setdefault("closes_on", "De aanvraagperiode sluit voordat zij opent.")
    if rules.amount_cents <= 0 and rules.fixed_budget_cents is None:
        errors.setdefault("amount_cents", "Vul een bedrag in, of een vast budget.")
    if rules.control_letter_required and rules.control_letter_weeks < 1:
        errors.setdefault(
            "control_letter_weeks", "De termijn van de controlebrief is minstens 1 week."
        )
    if errors:
        raise ValidationFailed(errors)
    return rules


class RoundService:
    """The rounds of all gemeenten the steunpunt serves."""

    def __init__(
        self, scope: SessionScope, today: Callable[[], date], register: RegisterPairs
    ) -> None:
        self._scope = scope
        self._today = today
        self._register = register
        """The register's likely duplicates, for the fraud check."""

    @reads
    def rounds(self) -> list[RoundView]:
        """Newest year first, then by gemeente."""
        with self._scope() as session:
            rows = session.scalars(
                select(ComplimentRound).order_by(
                    ComplimentRound.year.desc(), ComplimentRound.municipality
                )
            )
            return [_view(row) for row in rows]

    @reads
    def get(self, round_id: int) -> RoundView:
        with self._scope() as session:
            return _view(load(session, ComplimentRound, round_id, WHAT))

    @writes
    def create(self, actor: Actor, rules: RoundRules) -> RoundView:
        """A new round; one per gemeente and year, however the gemeente is spelled."""
        rules = check_rules(rules, self._today())
        try:
            with self._scope() as session:
                same = [
                    name
                    for name in session.scalars(
                        select(ComplimentRound.municipality).where(
                            ComplimentRound.year == rules.year
                        )
                    )
                    if fold_name(name) == fold_name(rules.municipality)
                ]
                if same:
                    raise NotAllowed(
                        f"Er is al een ronde {rules.year} voor {same[0]}. Open die ronde."
                    )
                row = ComplimentRound(
                    year=rules.year,
                    municipality=rules.municipality,
                    rules_json=rules_to_json(rules),
                )
                session.add(row)
                session.flush()
                log.info("Compliment round %s created by staff %s", row.id, actor.staff_id)
                return _view(row)
        except IntegrityError as error:
            raise NotAllowed(
                f"Er is al een ronde {rules.year} voor {rules.municipality}. Open die ronde."
            ) from error

    @writes
    def copy_for_next_year(self, actor: Actor, round_id: int) -> RoundView:
        """A new round with last year's rules, its dates a year on."""
        return self.create(actor, next_year(self.get(round_id).rules))

    @writes
    def update_rules(
        self, actor: Actor, round_id: int, expected_version: int, rules: RoundRules
    ) -> RoundView:
        """New rules for the round; a changed budget or split is shared out again at once."""
        rules = check_rules(rules, self._today())
        with refuse_stale(WHAT), self._scope() as session:
            row = load_for_edit(session, ComplimentRound, round_id, expected_version, WHAT)
            if (rules.year, rules.municipality) != (row.year, row.municipality):
                raise NotAllowed("Jaar en gemeente van een ronde liggen vast.")
            row.rules_json = rules_to_json(rules)
            session.flush()
            rebalance(session, actor, evaluate_round(session, round_id, self._register), ())
            log.info("Compliment round %s changed by staff %s", row.id, actor.staff_id)
            return _view(row)

    @reads
    def overview(self, round_id: int) -> RoundOverview:
        """Counts per status, money granted and paid, budget left, days to the closing date."""
        with self._scope() as session:
            view = _view(load(session, ComplimentRound, round_id, WHAT))
            rows = session.execute(
                select(
                    ComplimentApplication.status,
                    func.count(),
                    func.coalesce(func.sum(ComplimentApplication.amount_cents), 0),
                    func.sum(ComplimentApplication.in_sample.cast(Integer)),
                )
                .where(ComplimentApplication.round_id == round_id)
                .group_by(ComplimentApplication.status)
            ).all()
            reversed_cents = session.scalar(
                select(func.coalesce(func.sum(PaymentReversal.amount_cents), 0))
                .join(PaymentBatch, PaymentBatch.id == PaymentReversal.payment_batch_id)
                .where(PaymentBatch.round_id == round_id)
            )
            batched_cents = session.scalar(
                select(func.coalesce(func.sum(PaymentBatch.total_cents), 0)).where(
                    PaymentBatch.round_id == round_id
                )
            )
            overdue = session.scalar(
                select(func.count()).where(
                    ComplimentApplication.round_id == round_id,
                    ComplimentApplication.status == ApplicationStatus.AWAITING_CONTROL_LETTER,
                    ComplimentApplication.control_letter_due_on < self._today(),
                )
            )
        per_status = dict.fromkeys(ApplicationStatus, 0)
        money = dict.fromkeys(ApplicationStatus, 0)
        sampled = 0
        for status, count, cents, in_sample in rows:
            per_status[ApplicationStatus(status)] = int(count)
            money[ApplicationStatus(status)] = int(cents)
            sampled += int(in_sample or 0)
        granted = money[ApplicationStatus.GRANTED] + money[ApplicationStatus.PAID]
        budget = view.rules.fixed_budget_cents
        differences = self._differences(view.rules, round_id)
        return RoundOverview(
            round=view,
            per_status=per_status,
            granted_cents=granted,
            paid_cents=money[ApplicationStatus.PAID],
            budget_left_cents=None if budget is None else budget - granted,
            days_to_close=(view.rules.closes_on - self._today()).days,
            in_sample=sampled,
            control_letters_overdue=int(overdue or 0),
            overpaid_cents=sum(cents for cents in differences if cents > 0),
            underpaid_cents=-sum(cents for cents in differences if cents < 0),
            batched_cents=int(batched_cents or 0),
            reversed_cents=int(reversed_cents or 0),
        )

    def _differences(self, rules: RoundRules, round_id: int) -> list[int]:
        """What each paid grant got beyond (or short of) its share under the rules now, less
        what a person recorded as settled: the differences still open."""
        with self._scope() as session:
            rows = session.execute(held_places_query(round_id, HOLDING)).all()
        settled = {app_id: cents for app_id, *_, cents in rows if cents}
        if not shares_money(rules) or not any(
            batch is not None or status == ApplicationStatus.PAID
            for *_, status, batch, _settled in rows
        ):
            return [-cents for cents in settled.values()]
        grants = [
            Grant(
                app_id,
                caregiver,
                recipient,
                "",
                amount or 0,
                paid=status == ApplicationStatus.PAID or batch is not None,
                waiting=status == ApplicationStatus.AWAITING_CONTROL_LETTER,
            )
            for app_id, caregiver, recipient, amount, status, batch, _settled in rows
        ]
        differences = {
            allocation.application_id: allocation.difference_cents
            for allocation in allocate(rules, [], grants)
        }
        return [
            differences.get(app_id, 0) - settled.get(app_id, 0)
            for app_id in differences.keys() | settled.keys()
        ]


def _view(row: ComplimentRound) -> RoundView:
    return RoundView(row.id, row.version, rules_from_json(row.rules_json))
