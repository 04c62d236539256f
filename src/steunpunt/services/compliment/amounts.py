"""A round's amounts kept right: where an application fits, and corrections of earlier grants."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from steunpunt.db.compliment.models import ComplimentApplication
from steunpunt.domain.compliment.allocation import REVISED, Allocation, allocate, euro, without_caps
from steunpunt.domain.compliment.pools import shares_money
from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.services.compliment.application_records import record_change
from steunpunt.services.compliment.evaluation import RoundEvaluation
from steunpunt.services.kernel.actor import Actor

GRANTED = ApplicationStatus.GRANTED


def place(evaluation: RoundEvaluation, application_id: int, override: bool) -> list[Allocation]:
    """Where one application fits now: its own allocation first, then the corrections it brings.

    With ``override`` (a decision against the rules, with a reason) no cap stops it and it gets
    what the rules give without the caps; what is left of its naaste's compliment or the budget
    always counts.
    """
    facts = evaluation.applications[application_id].facts
    grants = evaluation.grants(leaving_out={application_id})
    allocations = allocate(evaluation.rules, [facts], grants, evaluation.elsewhere)
    if not allocations[0].granted and override:
        rules = without_caps(evaluation.rules)
        allocations = allocate(rules, [facts], grants, evaluation.elsewhere)
    return allocations


def apply_revisions(session: Session, actor: Actor, allocations: Iterable[Allocation]) -> None:
    """Store the new amounts of earlier grants not yet paid, each recorded in its history.

    Paid grants keep their amounts; their difference is shown, never stored over them.
    """
    revised = {
        allocation.application_id: allocation
        for allocation in allocations
        if allocation.revised and not allocation.difference_cents
    }
    if not revised:
        return
    rows = session.scalars(
        select(ComplimentApplication).where(ComplimentApplication.id.in_(revised))
    )
    for row in rows:
        allocation = revised[row.id]
        new = allocation.explanation.removeprefix(f"{REVISED}: ")
        reason = f"bedrag aangepast van {euro(row.amount_cents or 0)} naar {new}"
        row.amount_cents = allocation.amount_cents
        record_change(session, row, GRANTED, GRANTED, actor, reason)


def rebalance(
    session: Session, actor: Actor, evaluation: RoundEvaluation, leaving_out: Collection[int]
) -> None:
    """After grants or waiting places are given up, the others get their shares again."""
    if shares_money(evaluation.rules):
        apply_revisions(
            session, actor, allocate(evaluation.rules, [], evaluation.grants(leaving_out))
        )
