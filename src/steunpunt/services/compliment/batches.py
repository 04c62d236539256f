"""A batch decision worked out: who is granted or sent a letter, and which earlier grants change."""

from __future__ import annotations

from dataclasses import dataclass

from steunpunt.domain.compliment.allocation import allocate
from steunpunt.domain.compliment.facts import ApplicationFacts
from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.services.compliment.evaluation import RoundEvaluation


@dataclass(frozen=True)
class BatchLine:
    """One application in the preview of a batch decision."""

    application_id: int
    caregiver_name: str
    recipient_name: str
    amount_cents: int
    explanation: str


@dataclass(frozen=True)
class BatchPreview:
    """What a batch decision will do: who is granted (or sent a controlebrief), who is not.

    ``revised`` are earlier grants not yet paid whose amount the batch changes (to the amount
    shown); ``to_settle`` are paid grants whose amount would no longer be their share.
    """

    to_decide: tuple[BatchLine, ...]
    left: tuple[BatchLine, ...]
    next_status: ApplicationStatus
    revised: tuple[BatchLine, ...] = ()
    to_settle: tuple[BatchLine, ...] = ()


def batch_preview_of(evaluation: RoundEvaluation, only: set[int] | None = None) -> BatchPreview:
    """What a batch decision of every open application (or ``only`` these) would do."""
    rules = evaluation.rules
    next_status = (
        ApplicationStatus.AWAITING_CONTROL_LETTER
        if rules.control_letter_required
        else ApplicationStatus.GRANTED
    )
    open_statuses = (ApplicationStatus.RECEIVED, ApplicationStatus.IN_REVIEW)
    left: list[BatchLine] = []
    candidates: list[ApplicationFacts] = []
    for stored in evaluation.applications.values():
        if stored.status not in open_statuses:
            continue
        facts = stored.facts
        if only is not None and facts.application_id not in only:
            continue
        verdict = evaluation.verdicts[facts.application_id]
        warnings = evaluation.warnings[facts.application_id]
        if not verdict.eligible:
            reason = "; ".join(result.explanation for result in verdict.failures)
            left.append(_line(facts, 0, reason))
        elif warnings:
            left.append(_line(facts, 0, "; ".join(warning.message for warning in warnings)))
        else:
            candidates.append(facts)
    allocations = allocate(rules, candidates, evaluation.grants(), evaluation.elsewhere)
    by_id = {item.application_id: item for item in allocations if not item.revised}
    to_decide: list[BatchLine] = []
    for facts in candidates:
        allocation = by_id[facts.application_id]
        line = _line(facts, allocation.amount_cents, allocation.explanation)
        (to_decide if allocation.granted else left).append(line)
    earlier = [item for item in allocations if item.revised]
    lines = {
        item.application_id: _line(
            evaluation.applications[item.application_id].facts,
            item.amount_cents,
            item.explanation,
        )
        for item in earlier
    }
    return BatchPreview(
        tuple(to_decide),
        tuple(left),
        next_status,
        tuple(lines[item.application_id] for item in earlier if not item.difference_cents),
        tuple(lines[item.application_id] for item in earlier if item.difference_cents),
    )


def _line(facts: ApplicationFacts, amount: int, explanation: str) -> BatchLine:
    return BatchLine(
        facts.application_id, facts.caregiver_name, facts.recipient_name, amount, explanation
    )
