"""Use cases of compliment applications: register, judge, decide (one or in a batch), sample."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from steunpunt.db.caregivers.models import CareRelation
from steunpunt.db.compliment.models import (
    ComplimentApplication,
    ComplimentRound,
)
from steunpunt.domain.compliment.allocation import Allocation
from steunpunt.domain.compliment.application import ApplicationData, checked_application
from steunpunt.domain.compliment.control_letter import RETURNED, is_overdue, not_returned
from steunpunt.domain.compliment.fraud import draw_sample
from steunpunt.domain.compliment.round_rules import rules_from_json
from steunpunt.domain.compliment.status import (
    ApplicationStatus,
    allowed_next,
    check_transition,
)
from steunpunt.domain.dates import long_date
from steunpunt.domain.fields import note_text
from steunpunt.services.compliment.amounts import apply_revisions, place, rebalance
from steunpunt.services.compliment.application_records import (
    application_detail,
    application_view,
    history,
    record_change,
)
from steunpunt.services.compliment.batches import BatchPreview, batch_preview_of
from steunpunt.services.compliment.dto import (
    ApplicationDetail,
    ApplicationView,
)
from steunpunt.services.compliment.evaluation import RoundEvaluation, evaluate_round
from steunpunt.services.compliment.payments import check_payment_state
from steunpunt.services.duplicates.register_pairs import RegisterPairs
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.errors import NotAllowed
from steunpunt.services.kernel.records import load, load_for_edit
from steunpunt.services.kernel.session_scope import SessionScope
from steunpunt.services.kernel.use_case import reads, writes

log = logging.getLogger(__name__)

WHAT = "Deze aanvraag"


class ApplicationService:
    """Applications of one round at a time; every change names the acting staff member."""

    def __init__(
        self, scope: SessionScope, today: Callable[[], date], register: RegisterPairs
    ) -> None:
        self._scope = scope
        self._today = today
        self._register = register
        """The register's likely duplicates, for the fraud check."""

    # --- reading ------------------------------------------------------------------------------

    @reads
    def applications(
        self, round_id: int, status: ApplicationStatus | None = None
    ) -> list[ApplicationView]:
        """The round's applications in order of arrival, with their number of warnings."""
        with self._scope() as session:
            evaluation = evaluate_round(session, round_id, self._register)
            rows = self._rows(session, round_id)
        return [
            application_view(row, evaluation)
            for row in rows
            if status is None or row.status == status
        ]

    @reads
    def detail(self, application_id: int) -> ApplicationDetail:
        [detail] = self.details([application_id])
        return detail

    @reads
    def details(self, application_ids: Sequence[int]) -> list[ApplicationDetail]:
        """Several applications in the order asked; each round is judged once, not per one."""
        with self._scope() as session:
            evaluations: dict[int, RoundEvaluation] = {}
            found = []
            for application_id in application_ids:
                row = load(session, ComplimentApplication, application_id, WHAT)
                if row.round_id not in evaluations:
                    evaluations[row.round_id] = evaluate_round(
                        session, row.round_id, self._register
                    )
                found.append(
                    application_detail(
                        row, evaluations[row.round_id], history(session, application_id)
                    )
                )
            return found

    def _rows(self, session: Session, round_id: int) -> list[ComplimentApplication]:
        return list(
            session.scalars(
                select(ComplimentApplication)
                .where(ComplimentApplication.round_id == round_id)
                .order_by(ComplimentApplication.received_on, ComplimentApplication.id)
            )
        )

    # --- registering --------------------------------------------------------------------------

    @writes
    def register(self, actor: Actor, round_id: int, data: ApplicationData) -> int:
        """Record an application as received; the relation must exist in the register."""
        try:
            with self._scope() as session:
                round_row = load(session, ComplimentRound, round_id, "Deze ronde")
                rules = rules_from_json(round_row.rules_json)
                checked = checked_application(data, rules.form, self._today())
                relation = session.scalar(
                    select(CareRelation.id).where(
                        CareRelation.caregiver_id == checked.caregiver_id,
                        CareRelation.care_recipient_id == checked.care_recipient_id,
                    )
                )
                if relation is None:
                    raise NotAllowed(
                        "Deze mantelzorger zorgt volgens het register niet voor deze naaste. "
                        "Koppel eerst de naaste aan de mantelzorger."
                    )
                row = ComplimentApplication(
                    round_id=round_id,
                    caregiver_id=checked.caregiver_id,
                    care_recipient_id=checked.care_recipient_id,
                    received_on=checked.received_on,
                    channel=checked.channel,
                    applied_by=checked.applied_by,
                    iban=checked.iban,
                    account_holder=checked.account_holder,
                    voucher_code=checked.voucher_code,
                    status=ApplicationStatus.RECEIVED,
                )
                session.add(row)
                session.flush()
                record_change(session, row, None, ApplicationStatus.RECEIVED, actor, "")
                log.info("Application %s registered by staff %s", row.id, actor.staff_id)
                return row.id
        except IntegrityError as error:
            raise NotAllowed(
                "Voor deze mantelzorger en naaste is in deze ronde al een aanvraag."
            ) from error

    # --- deciding -----------------------------------------------------------------------------

    @writes
    def change_status(
        self,
        actor: Actor,
        application_id: int,
        expected_version: int,
        new_status: ApplicationStatus,
        reason: str = "",
        warnings_acknowledged: bool = False,
    ) -> ApplicationDetail:
        """Move an application on; a decision against the rules needs a reason, which is kept.

        A grant or a controlebrief takes a place under the caps; the corrections it brings to
        earlier grants of its naaste or budget are made and recorded with it, and so are those
        of a grant or waiting place given up.
        """
        reason = note_text(reason)
        with self._scope() as session:
            row = load_for_edit(
                session, ComplimentApplication, application_id, expected_version, WHAT
            )
            current = ApplicationStatus(row.status)
            check_transition(current, new_status)
            check_payment_state(session, row, new_status)
            evaluation = evaluate_round(session, row.round_id, self._register)
            verdict = evaluation.verdicts[row.id]
            awaiting = current is ApplicationStatus.AWAITING_CONTROL_LETTER
            due = row.control_letter_due_on
            overdue = awaiting and due is not None and is_overdue(due, self._today())
            if overdue and new_status is ApplicationStatus.REFUSED and not reason and due:
                reason = not_returned(due)
            if new_status is ApplicationStatus.GRANTED:
                if evaluation.rules.control_letter_required and not awaiting and not reason:
                    raise NotAllowed(
                        "In deze ronde krijgt de naaste eerst een controlebrief. Kies "
                        "'Controlebrief sturen', of geef een reden om zonder toe te kennen."
                    )
                if overdue and due and not reason:
                    raise NotAllowed(
                        f"De termijn van de controlebrief verliep op {long_date(due)}. Geef "
                        "een reden om toch toe te kennen; die wordt bewaard."
                    )
                allocations = self._grant(row, evaluation, reason, warnings_acknowledged)
                row.amount_cents = allocations[0].amount_cents
                row.warnings_acknowledged = bool(evaluation.warnings[row.id])
                apply_revisions(session, actor, allocations[1:])
            elif new_status is ApplicationStatus.REFUSED:
                if verdict.eligible and not reason:
                    raise NotAllowed(
                        "Deze aanvraag voldoet aan alle regels. Geef een reden om toch af te "
                        "wijzen; die wordt bewaard."
                    )
                row.amount_cents = None
                rebalance(session, actor, evaluation, {row.id})
            elif new_status is ApplicationStatus.AWAITING_CONTROL_LETTER:
                allocations = place(evaluation, row.id, bool(reason))
                if not allocations[0].granted:
                    raise NotAllowed(
                        f"Een controlebrief sturen kan niet: {allocations[0].explanation}."
                        + _override_hint(evaluation, row.id, reason)
                    )
                weeks = evaluation.rules.control_letter_weeks
                row.control_letter_due_on = self._today() + timedelta(weeks=weeks)
                apply_revisions(session, actor, allocations[1:])
            if reason and new_status in (ApplicationStatus.GRANTED, ApplicationStatus.REFUSED):
                row.override_reason = reason
            row.status = new_status
            session.flush()
            returned = awaiting and new_status is ApplicationStatus.GRANTED
            record_change(
                session, row, current, new_status, actor, reason or (RETURNED if returned else "")
            )
            log.info(
                "Application %s: %s -> %s by staff %s",
                row.id,
                current.value,
                new_status.value,
                actor.staff_id,
            )
            # The round was judged once, above: judging it again for the answer would double
            # the wait (2 s at 20,000 applications). Status and amount come from the row.
            return application_detail(row, evaluation, history(session, application_id))

    def _grant(
        self,
        row: ComplimentApplication,
        evaluation: RoundEvaluation,
        reason: str,
        warnings_acknowledged: bool,
    ) -> list[Allocation]:
        """A single grant and the corrections it brings; refused when a rule, check or cap says no."""
        verdict = evaluation.verdicts[row.id]
        if not verdict.eligible and not reason:
            failures = "; ".join(result.explanation for result in verdict.failures)
            raise NotAllowed(
                f"Deze aanvraag voldoet niet aan de regels ({failures}). Geef een reden om "
                "toch toe te kennen; die wordt bewaard."
            )
        if evaluation.warnings[row.id] and not warnings_acknowledged:
            raise NotAllowed(
                "Er zijn waarschuwingen bij deze aanvraag. Bekijk en bevestig ze voordat u toekent."
            )
        allocations = place(evaluation, row.id, bool(reason))
        if not allocations[0].granted:
            raise NotAllowed(
                f"Toekennen kan niet: {allocations[0].explanation}."
                + _override_hint(evaluation, row.id, reason)
            )
        return allocations

    @reads
    def batch_preview(self, round_id: int) -> BatchPreview:
        """Who a batch decision would grant: every open application that passes all rules,
        has no warnings and fits the caps. With a required controlebrief they are sent one
        first instead."""
        with self._scope() as session:
            evaluation = evaluate_round(session, round_id, self._register)
        return batch_preview_of(evaluation)

    @writes
    def batch_decide(self, actor: Actor, round_id: int, application_ids: Sequence[int]) -> int:
        """Carry out a preview: decide the applications it listed that still qualify.

        Each goes the way a person's decision goes (a controlebrief from "ontvangen" by way of
        "in behandeling"); the earlier grants the preview showed as changed are corrected.
        """
        with self._scope() as session:
            evaluation = evaluate_round(session, round_id, self._register)
            preview = batch_preview_of(evaluation, set(application_ids))
            rows = {
                row.id: row
                for row in session.scalars(
                    select(ComplimentApplication).where(
                        ComplimentApplication.id.in_(
                            [line.application_id for line in preview.to_decide]
                        )
                    )
                )
            }
            due = self._today() + timedelta(weeks=evaluation.rules.control_letter_weeks)
            target = preview.next_status
            for line in preview.to_decide:
                row = rows[line.application_id]
                current = ApplicationStatus(row.status)
                steps = [target]
                if target not in allowed_next(current):
                    steps = [ApplicationStatus.IN_REVIEW, target]
                for step in steps:
                    check_transition(current, step)
                    record_change(session, row, current, step, actor, "batchbesluit")
                    current = step
                row.status = target
                if target is ApplicationStatus.GRANTED:
                    row.amount_cents = line.amount_cents
                else:
                    row.control_letter_due_on = due
            apply_revisions(
                session,
                actor,
                (
                    Allocation(line.application_id, True, line.amount_cents, line.explanation, True)
                    for line in preview.revised
                ),
            )
            log.info(
                "Batch decision in round %s by staff %s: %s applications",
                round_id,
                actor.staff_id,
                len(preview.to_decide),
            )
            return len(preview.to_decide)

    @writes
    def refuse_overdue_control_letters(self, actor: Actor, round_id: int) -> int:
        """Refuse every application of the round whose controlebrief is past its deadline."""
        today = self._today()
        with self._scope() as session:
            rows = session.scalars(
                select(ComplimentApplication).where(
                    ComplimentApplication.round_id == round_id,
                    ComplimentApplication.status == ApplicationStatus.AWAITING_CONTROL_LETTER,
                    ComplimentApplication.control_letter_due_on < today,
                )
            ).all()
            if rows:
                rebalance(
                    session,
                    actor,
                    evaluate_round(session, round_id, self._register),
                    {r.id for r in rows},
                )
            for row in rows:
                reason = not_returned(row.control_letter_due_on or today)
                row.status = ApplicationStatus.REFUSED
                row.amount_cents = None
                row.override_reason = reason
                record_change(
                    session,
                    row,
                    ApplicationStatus.AWAITING_CONTROL_LETTER,
                    ApplicationStatus.REFUSED,
                    actor,
                    reason,
                )
            log.info(
                "Round %s: %s overdue controlebrieven refused by staff %s",
                round_id,
                len(rows),
                actor.staff_id,
            )
            return len(rows)

    @writes
    def draw_sample(self, actor: Actor, round_id: int, percentage: float, seed: int) -> list[int]:
        """Mark a random share of this round's grants for checking by hand (steekproef)."""
        with self._scope() as session:
            rows = session.scalars(
                select(ComplimentApplication).where(
                    ComplimentApplication.round_id == round_id,
                    ComplimentApplication.status.in_(
                        [ApplicationStatus.GRANTED, ApplicationStatus.PAID]
                    ),
                    ComplimentApplication.in_sample.is_(False),
                )
            ).all()
            if not rows:
                raise NotAllowed("Er zijn nog geen toekenningen om een steekproef uit te trekken.")
            chosen = set(draw_sample([row.id for row in rows], percentage, seed))
            for row in rows:
                row.in_sample = row.id in chosen
            log.info(
                "Sample of %s grants in round %s drawn by staff %s",
                len(chosen),
                round_id,
                actor.staff_id,
            )
            return sorted(chosen)


def _override_hint(evaluation: RoundEvaluation, application_id: int, reason: str) -> str:
    """How to go on when only a cap stands in the way: a reason lifts caps, not money."""
    if reason or not place(evaluation, application_id, override=True)[0].granted:
        return ""
    return " Geef een reden om het toch te doen; die wordt bewaard."
