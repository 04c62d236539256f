"""Erasure: anonymise caregivers (and the naasten no one else keeps), keeping the counts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from steunpunt.db.caregivers.models import Caregiver, CareRecipient, CareRelation
from steunpunt.db.privacy.erasure import care_recipient_statements, caregiver_statements
from steunpunt.db.privacy.queries import (
    anonymised_ids,
    naasten_to_erase,
    open_application_counts,
    unconfirmed_payment_counts,
)
from steunpunt.domain.audit import AuditKind
from steunpunt.domain.choices import EndReason
from steunpunt.domain.errors import Cancelled, InvalidValue
from steunpunt.domain.names import full_name
from steunpunt.domain.privacy.erasure import erasure_refusal
from steunpunt.domain.progress import Progress
from steunpunt.services.caregivers.register import WHAT
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.audit import record
from steunpunt.services.kernel.records import load
from steunpunt.services.kernel.session_scope import SessionScope
from steunpunt.services.kernel.use_case import reads, writes
from steunpunt.services.privacy.dto import ErasurePlan, ErasureResult

BATCH = 500
"""Caregivers anonymised per transaction in bulk: a cancel keeps the batches done."""
ALREADY = "De gegevens van deze mantelzorger zijn al verwijderd."


class ErasureService:
    """Anonymise people on request or past the retention period; each one recorded in the audit."""

    def __init__(self, scope: SessionScope, today: Callable[[], date]) -> None:
        self._scope = scope
        self._today = today

    @reads
    def plan(self, caregiver_id: int) -> ErasurePlan:
        """What erasing this caregiver will do, or why it cannot be done now."""
        with self._scope() as session:
            caregiver = load(session, Caregiver, caregiver_id, WHAT)
            refusal = _refusals(session, [caregiver_id]).get(caregiver_id)
            if _is_anonymised(session, caregiver_id):
                refusal = ALREADY
            erased = set(session.scalars(naasten_to_erase([caregiver_id])))
            naasten = session.execute(
                select(CareRecipient.id, CareRecipient.first_name, CareRecipient.infix)
                .add_columns(CareRecipient.last_name)
                .join(CareRelation, CareRelation.care_recipient_id == CareRecipient.id)
                .where(CareRelation.caregiver_id == caregiver_id)
                .order_by(CareRecipient.sort_name)
            ).all()
            names = {row[0]: full_name(row[1], row[2], row[3]) for row in naasten}
            return ErasurePlan(
                caregiver_id,
                full_name(caregiver.first_name, caregiver.infix, caregiver.last_name),
                refusal,
                tuple(name for key, name in names.items() if key in erased),
                tuple(name for key, name in names.items() if key not in erased),
            )

    @writes
    def anonymise(self, actor: Actor, caregiver_id: int) -> ErasureResult:
        """Anonymise one caregiver; refused with the reason (open application or payment,
        already done) and nothing changed."""
        with self._scope() as session:
            load(session, Caregiver, caregiver_id, WHAT)
            if _is_anonymised(session, caregiver_id):
                raise InvalidValue(ALREADY)
            refusal = _refusals(session, [caregiver_id]).get(caregiver_id)
            if refusal is not None:
                raise InvalidValue(refusal)
            naasten = _anonymise(session, actor, [caregiver_id], self._run(EndReason.OWN_REQUEST))
        return ErasureResult(1, naasten)

    @writes
    def anonymise_many(
        self, actor: Actor, caregiver_ids: Sequence[int], progress: Progress | None = None
    ) -> ErasureResult:
        """Anonymise many (the retention list) in batches; those with an open application or
        payment are left and named in the result. A stop keeps the batches done and raises
        ``Cancelled`` saying how many."""
        done = naasten = 0
        refused: list[tuple[int, str]] = []
        for start in range(0, len(caregiver_ids), BATCH):
            batch = list(caregiver_ids[start : start + BATCH])
            with self._scope() as session:
                skipped = set(session.scalars(anonymised_ids(batch)))
                refusals = _refusals(session, batch)
                refused += sorted(refusals.items())
                ready = [i for i in batch if i not in refusals and i not in skipped]
                if ready:
                    naasten += _anonymise(session, actor, ready, self._run(EndReason.OTHER))
                done += len(ready)
            more = start + len(batch) < len(caregiver_ids)
            if (
                progress is not None
                and not progress(start + len(batch), len(caregiver_ids))
                and more
            ):
                raise Cancelled(
                    f"Gestopt: van {done} mensen zijn de gegevens verwijderd, de rest is "
                    "ongewijzigd."
                )
        return ErasureResult(done, naasten, tuple(refused))

    def _run(self, end_reason: EndReason) -> _Run:
        return _Run(self._scope.dialect, self._today(), end_reason)


def _is_anonymised(session: Session, caregiver_id: int) -> bool:
    found = session.scalar(anonymised_ids([caregiver_id]))
    return found is not None


def _refusals(session: Session, ids: Sequence[int]) -> dict[int, str]:
    """Why each of ``ids`` cannot be anonymised now; those not named can."""
    open_counts = {row[0]: row[1] for row in session.execute(open_application_counts(ids))}
    unpaid = {row[0]: row[1] for row in session.execute(unconfirmed_payment_counts(ids))}
    refusals = {}
    for caregiver_id in {*open_counts, *unpaid}:
        reason = erasure_refusal(open_counts.get(caregiver_id, 0), unpaid.get(caregiver_id, 0))
        if reason is not None:
            refusals[caregiver_id] = reason
    return refusals


@dataclass(frozen=True)
class _Run:
    """What one erasure run needs besides the ids: the database kind, the day, the end reason."""

    dialect: str
    today: date
    end_reason: EndReason


def _anonymise(session: Session, actor: Actor, ids: list[int], run: _Run) -> int:
    """Clear ``ids`` and their naasten no one else keeps, and record one audit event each
    (counts only); returns how many naasten were cleared."""
    naasten = list(session.scalars(naasten_to_erase(ids)))
    per_caregiver: dict[int, int] = {}
    if naasten:
        for caregiver_id, _naaste in session.execute(
            select(CareRelation.caregiver_id, CareRelation.care_recipient_id).where(
                CareRelation.caregiver_id.in_(ids), CareRelation.care_recipient_id.in_(naasten)
            )
        ):
            per_caregiver[caregiver_id] = per_caregiver.get(caregiver_id, 0) + 1
    for statement in caregiver_statements(ids, run.dialect, run.today, run.end_reason.value):
        session.execute(statement)
    for start in range(0, len(naasten), BATCH):
        for statement in care_recipient_statements(naasten[start : start + BATCH], run.dialect):
            session.execute(statement)
    for caregiver_id in ids:
        record(
            session,
            actor,
            AuditKind.ERASED,
            caregiver_id=caregiver_id,
            record_table="caregiver",
            record_id=caregiver_id,
            details={
                "einde": run.end_reason.value,
                "naasten_verwijderd": per_caregiver.get(caregiver_id, 0),
            },
        )
    return len(naasten)
