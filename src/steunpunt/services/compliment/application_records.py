"""An application read and recorded: its status history, its list line and its detail."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from steunpunt.db.compliment.models import ApplicationStatusChange, ComplimentApplication
from steunpunt.db.kernel.staff import StaffMember
from steunpunt.domain.compliment.application import ApplicationData, Channel
from steunpunt.domain.compliment.eligibility import amount_for
from steunpunt.domain.compliment.round_rules import Applicant
from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.services.compliment.dto import ApplicationDetail, ApplicationView, StatusChangeView
from steunpunt.services.compliment.evaluation import RoundEvaluation
from steunpunt.services.kernel.actor import Actor


def history(session: Session, application_id: int) -> Sequence[Any]:
    return session.execute(
        select(ApplicationStatusChange, StaffMember.name)
        .outerjoin(StaffMember, StaffMember.id == ApplicationStatusChange.changed_by_id)
        .where(ApplicationStatusChange.application_id == application_id)
        .order_by(ApplicationStatusChange.changed_at, ApplicationStatusChange.id)
    ).all()


def record_change(
    session: Session,
    row: ComplimentApplication,
    old: ApplicationStatus | None,
    new: ApplicationStatus,
    actor: Actor,
    reason: str,
) -> None:
    session.add(
        ApplicationStatusChange(
            application_id=row.id,
            from_status=old,
            to_status=new,
            changed_by_id=actor.staff_id,
            reason=reason,
        )
    )


def application_view(row: ComplimentApplication, evaluation: RoundEvaluation) -> ApplicationView:
    facts = evaluation.applications[row.id].facts
    return ApplicationView(
        row.id,
        row.version,
        row.round_id,
        facts.caregiver_name,
        facts.recipient_name,
        row.received_on,
        ApplicationStatus(row.status),
        row.amount_cents,
        row.in_sample,
        len(evaluation.warnings[row.id]),
        row.control_letter_due_on,
        row.caregiver_id,
        row.care_recipient_id,
        row.payment_batch_id is not None,
    )


def application_detail(
    row: ComplimentApplication, evaluation: RoundEvaluation, history: Sequence[Any]
) -> ApplicationDetail:
    stored = evaluation.applications[row.id]
    return ApplicationDetail(
        view=application_view(row, evaluation),
        data=ApplicationData(
            row.caregiver_id,
            row.care_recipient_id,
            row.received_on,
            Channel(row.channel),
            row.iban,
            row.account_holder,
            row.voucher_code,
            Applicant(row.applied_by),
        ),
        verdict=evaluation.verdicts[row.id],
        amount_cents=(
            amount_for(evaluation.rules, stored.facts)
            if row.amount_cents is None
            else row.amount_cents
        ),
        warnings=tuple(warning.message for warning in evaluation.warnings[row.id]),
        warnings_acknowledged=row.warnings_acknowledged,
        override_reason=row.override_reason,
        history=tuple(
            StatusChangeView(
                ApplicationStatus(change.from_status) if change.from_status else None,
                ApplicationStatus(change.to_status),
                change.changed_at,
                name or "",
                change.reason,
            )
            for change, name in history
        ),
        difference_cents=evaluation.differences.get(row.id, 0) - row.settled_cents,
    )
