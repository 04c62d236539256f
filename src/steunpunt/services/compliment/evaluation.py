"""A round evaluated as a whole: every verdict, every fraud warning, the grants so far."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cached_property

from sqlalchemy import select
from sqlalchemy.orm import Session

from steunpunt.db.compliment.models import ComplimentRound
from steunpunt.domain.compliment.allocation import Grant, allocate
from steunpunt.domain.compliment.eligibility import Verdict, evaluate
from steunpunt.domain.compliment.fraud import FraudWarning, PriorGrant, check_round
from steunpunt.domain.compliment.round_rules import RoundRules, number_errors, rules_from_json
from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.domain.duplicates.similarity import LikelyPair
from steunpunt.domain.text import fold_name
from steunpunt.services.compliment.facts import (
    StoredApplication,
    recipient_identities,
    round_applications,
)
from steunpunt.services.duplicates.register_pairs import RegisterPairs
from steunpunt.services.kernel.errors import NotAllowed

GRANTED = (ApplicationStatus.GRANTED, ApplicationStatus.PAID)
OPEN = (
    ApplicationStatus.RECEIVED,
    ApplicationStatus.IN_REVIEW,
    ApplicationStatus.AWAITING_CONTROL_LETTER,
)
HOLDING = (*GRANTED, ApplicationStatus.AWAITING_CONTROL_LETTER)
"""Statuses that take a place under the caps: grants, and applications awaiting a letter."""


def grant_of(stored: StoredApplication) -> Grant | None:
    """The place an application holds under the caps and in the money, or None."""
    if stored.status not in HOLDING:
        return None
    facts = stored.facts
    return Grant(
        facts.application_id,
        facts.caregiver_id,
        facts.care_recipient_id,
        facts.address_key,
        stored.amount_cents or 0,
        paid=stored.paid,
        waiting=stored.status is ApplicationStatus.AWAITING_CONTROL_LETTER,
    )


@dataclass(frozen=True)
class RoundEvaluation:
    """What the rules and checks say about every application of one round."""

    rules: RoundRules
    applications: dict[int, StoredApplication]
    verdicts: dict[int, Verdict]
    warnings: dict[int, list[FraudWarning]]
    elsewhere: list[Grant] = field(default_factory=list)
    """Places held in other rounds of the same gemeente and year (an older spelling)."""

    def grants(self, leaving_out: Collection[int] = ()) -> list[Grant]:
        """This round's grants and waiting places, in order of arrival (optionally without some)."""
        found = []
        for stored in self.applications.values():
            grant = grant_of(stored)
            if grant is not None and grant.application_id not in leaving_out:
                found.append(grant)
        return found

    @cached_property
    def differences(self) -> dict[int, int]:
        """Paid grants whose amount is no longer their share: paid minus share, by id."""
        return {
            allocation.application_id: allocation.difference_cents
            for allocation in allocate(self.rules, [], self.grants())
            if allocation.difference_cents
        }


def evaluate_round(session: Session, round_id: int, register: RegisterPairs) -> RoundEvaluation:
    """Load the round's applications (and this year's grants elsewhere) and judge them all;
    ``register`` has the likely duplicates in the register, for the fraud check."""
    row = session.get(ComplimentRound, round_id)
    if row is None:
        raise LookupError(round_id)
    rules = rules_from_json(row.rules_json)
    if problems := number_errors(rules):  # stored unchecked by an older version
        raise NotAllowed(
            f"De regels van ronde {rules.municipality} {rules.year} kunnen zo niet worden "
            f"toegepast. {' '.join(problems.values())} Pas de regels van de ronde aan."
        )
    year_rounds = {
        round_of_year.id: round_of_year.municipality
        for round_of_year in session.scalars(
            select(ComplimentRound).where(ComplimentRound.year == rules.year)
        )
    }
    same_gemeente = {
        other
        for other, municipality in year_rounds.items()
        if other != round_id and fold_name(municipality) == fold_name(rules.municipality)
    }
    stored = round_applications(session, list(year_rounds))
    own = {item.facts.application_id: item for item in stored if item.round_id == round_id}
    priors = [
        PriorGrant(
            item.facts.application_id,
            item.facts.caregiver_id,
            item.facts.care_recipient_id,
            rules.year,
            year_rounds[item.round_id],
            item.facts.iban,
            item.facts.address_key,
            item.facts.caregiver_name,
        )
        for item in stored
        if item.status in GRANTED
    ]
    elsewhere = [
        grant
        for item in stored
        if item.round_id in same_gemeente and (grant := grant_of(item)) is not None
    ]
    facts = [item.facts for item in own.values()]
    return RoundEvaluation(
        rules,
        own,
        {item.application_id: evaluate(rules, item) for item in facts},
        check_round(
            rules,
            facts,
            priors,
            recipient_identities(session),
            _likely_duplicates(session, register, {item.caregiver_id for item in facts}),
        ),
        elsewhere,
    )


def _likely_duplicates(
    session: Session, register: RegisterPairs, caregiver_ids: Collection[int]
) -> list[LikelyPair]:
    """The likely pairs of the round's caregivers with anyone in the register, each with the
    round's caregiver first (the one matching rule of ``domain/duplicates``)."""
    if not caregiver_ids:
        return []
    found = []
    for pair in register.pairs(session):
        if pair.first_id in caregiver_ids:
            found.append(pair)
        if pair.second_id in caregiver_ids:
            found.append(LikelyPair(pair.second_id, pair.first_id, pair.score, pair.reasons))
    return found
