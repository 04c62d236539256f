"""Correcting money already paid: a grant reversed out of its payment batch, a difference settled."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from sqlalchemy.orm import Session

from steunpunt.db.compliment.models import ComplimentApplication, PaymentBatch, PaymentReversal
from steunpunt.domain.compliment.allocation import euro
from steunpunt.domain.compliment.reversal import AFTER_REVERSAL, ReversalKind, check_reversal
from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.domain.dates import format_date
from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.fields import note_text
from steunpunt.services.compliment.amounts import rebalance
from steunpunt.services.compliment.application_records import (
    application_detail,
    history,
    record_change,
)
from steunpunt.services.compliment.dto import ApplicationDetail
from steunpunt.services.compliment.evaluation import evaluate_round
from steunpunt.services.duplicates.register_pairs import RegisterPairs
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.errors import NotAllowed
from steunpunt.services.kernel.records import load_for_edit
from steunpunt.services.kernel.session_scope import SessionScope
from steunpunt.services.kernel.use_case import writes

log = logging.getLogger(__name__)

WHAT = "Deze aanvraag"


class PaymentCorrectionService:
    """Reversals and settled differences of compliment grants; each names the staff member."""

    def __init__(
        self, scope: SessionScope, today: Callable[[], date], register: RegisterPairs
    ) -> None:
        self._scope = scope
        self._today = today
        self._register = register
        """The register's likely duplicates, for the fraud check."""

    @writes
    def reverse(
        self,
        actor: Actor,
        application_id: int,
        expected_version: int,
        kind: ReversalKind,
        note: str,
        reversed_on: date,
    ) -> ApplicationDetail:
        """Take a grant back out of its payment batch; it is judged again ("in behandeling").

        The batch keeps its original total and shows the reversed amount beside it; the grant's
        share of a naaste's compliment or a budget goes back to the other grants.
        """
        note = note_text(note)
        with self._scope() as session:
            row = load_for_edit(
                session, ComplimentApplication, application_id, expected_version, WHAT
            )
            current = ApplicationStatus(row.status)
            batch = (
                session.get(PaymentBatch, row.payment_batch_id)
                if row.payment_batch_id is not None
                else None
            )
            check_reversal(current, batch is not None, note, reversed_on, self._today())
            assert batch is not None  # checked above
            amount = row.amount_cents or 0
            session.add(
                PaymentReversal(
                    application_id=row.id,
                    payment_batch_id=batch.id,
                    amount_cents=amount,
                    kind=kind,
                    note=note,
                    reversed_on=reversed_on,
                    recorded_by_id=actor.staff_id,
                )
            )
            rebalance(
                session, actor, evaluate_round(session, row.round_id, self._register), {row.id}
            )
            reason = (
                f"teruggeboekt op {format_date(reversed_on)}: {euro(amount)} uit "
                f"betaalopdracht {batch.file_name}; {kind.label.lower()}; {note}"
            )
            row.status = AFTER_REVERSAL
            row.amount_cents = None
            row.payment_batch_id = None
            row.settled_cents = 0
            session.flush()
            record_change(session, row, current, AFTER_REVERSAL, actor, reason)
            log.info(
                "Application %s reversed out of payment batch %s by staff %s",
                row.id,
                batch.id,
                actor.staff_id,
            )
            return _detail(session, row, self._register)

    @writes
    def settle_difference(
        self, actor: Actor, application_id: int, expected_version: int, note: str
    ) -> ApplicationDetail:
        """Record that a paid grant's open difference was settled; it no longer shows as open."""
        note = note_text(note)
        with self._scope() as session:
            row = load_for_edit(
                session, ComplimentApplication, application_id, expected_version, WHAT
            )
            evaluation = evaluate_round(session, row.round_id, self._register)
            open_cents = evaluation.differences.get(row.id, 0) - row.settled_cents
            if not open_cents:
                raise NotAllowed("Bij deze toekenning staat geen verschil open om te verrekenen.")
            if not note:
                raise InvalidValue("Schrijf erbij hoe het verschil is verrekend.")
            how = "te veel" if open_cents > 0 else "te weinig"
            status = ApplicationStatus(row.status)
            row.settled_cents += open_cents
            session.flush()
            record_change(
                session,
                row,
                status,
                status,
                actor,
                f"verschil verrekend: {euro(abs(open_cents))} {how} betaald; {note}",
            )
            log.info("Difference of application %s settled by staff %s", row.id, actor.staff_id)
            return application_detail(row, evaluation, history(session, row.id))


def _detail(
    session: Session, row: ComplimentApplication, register: RegisterPairs
) -> ApplicationDetail:
    return application_detail(
        row, evaluate_round(session, row.round_id, register), history(session, row.id)
    )
