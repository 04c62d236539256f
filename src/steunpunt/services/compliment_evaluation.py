"""A round evaluated as a whole: every verdict, every fraud warning, the grants so far."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from steunpunt.db.compliment_models import ComplimentRound
from steunpunt.domain.compliment.allocation import Grant
from steunpunt.domain.compliment.eligibility import Verdict, evaluate
from steunpunt.domain.compliment.fraud import FraudWarning, PriorGrant, check_round
from steunpunt.domain.compliment.round_rules import RoundRules, rules_from_json
from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.services.compliment_facts import (
    StoredApplication,
    recipient_identities,
    round_applications,
)

GRANTED = (ApplicationStatus.GRANTED, ApplicationStatus.PAID)
OPEN = (
    ApplicationStatus.RECEIVED,
    ApplicationStatus.IN_REVIEW,
    ApplicationStatus.AWAITING_CONTROL_LETTER,
)


@dataclass(frozen=True)
class RoundEvaluation:
    """What the rules and checks say about every application of one round."""

    rules: RoundRules
    applications: dict[int, StoredApplication]
    verdicts: dict[int, Verdict]
    warnings: dict[int, list[FraudWarning]]

    def grants(self, leaving_out: int | None = None) -> list[Grant]:
        """This round's grants so far, in order of arrival (optionally without one)."""
        return [
            Grant(
                stored.facts.application_id,
                stored.facts.caregiver_id,
                stored.facts.care_recipient_id,
                stored.facts.address_key,
                stored.amount_cents or 0,
            )
            for stored in self.applications.values()
            if stored.status in GRANTED and stored.facts.application_id != leaving_out
        ]


def evaluate_round(session: Session, round_id: int, today: date) -> RoundEvaluation:
    """Load the round's applications (and this year's grants elsewhere) and judge them all."""
    row = session.get(ComplimentRound, round_id)
    if row is None:
        raise LookupError(round_id)
    rules = rules_from_json(row.rules_json)
    year_rounds = {
        round_of_year.id: round_of_year.municipality
        for round_of_year in session.scalars(
            select(ComplimentRound).where(ComplimentRound.year == rules.year)
        )
    }
    stored = round_applications(session, today, list(year_rounds))
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
    facts = [item.facts for item in own.values()]
    return RoundEvaluation(
        rules,
        own,
        {item.application_id: evaluate(rules, item) for item in facts},
        check_round(rules, facts, priors, recipient_identities(session)),
    )
