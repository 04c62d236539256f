"""Paying a round: a batch of grants as a SEPA file (or voucher list) and an Excel list.

A batch is made from every grant not yet in a batch. The files are made in a staging folder
and put in place together; the batch and its links are stored only then, and when that fails
the files are taken back: both files and the batch, or nothing. The grants become "uitbetaald" when
staff confirm that the bank carried the file out.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from steunpunt.db.caregivers.models import Caregiver
from steunpunt.db.compliment.models import (
    ComplimentApplication,
    ComplimentRound,
    PaymentBatch,
    PaymentReversal,
)
from steunpunt.domain.address import Address
from steunpunt.domain.audit import AuditKind
from steunpunt.domain.compliment.round_rules import (
    CompensationForm,
    missing_payer,
    rules_from_json,
)
from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.file_names import safe_file_name
from steunpunt.domain.input_policy import check_work_date
from steunpunt.domain.names import PersonName
from steunpunt.io.payment_list import VoucherRow, write_payment_list, write_voucher_list
from steunpunt.io.sepa_transfer import Debtor, Payment, write_sepa_credit_transfer
from steunpunt.io.staging_journal import staging_journal
from steunpunt.services.compliment.application_records import record_change
from steunpunt.services.compliment.rounds import RoundService
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.audit import record, record_people
from steunpunt.services.kernel.errors import NotAllowed
from steunpunt.services.kernel.records import load
from steunpunt.services.kernel.session_scope import SessionScope
from steunpunt.services.kernel.use_case import reads, writes
from steunpunt.services.letters.mailing_output import StagedOutput, disk_problem

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PaymentBatchResult:
    batch_id: int
    reference: str
    payments: int
    total_cents: int
    payment_file: Path
    list_file: Path


@dataclass(frozen=True)
class BatchTotals:
    """A payment batch's totals: as made, what was reversed out of it since, and the net."""

    id: int
    file_name: str
    payments: int
    total_cents: int
    reversed_cents: int = 0
    reversals: int = 0
    confirmed: bool = False

    @property
    def net_cents(self) -> int:
        """What the batch still pays: its original total less the reversed amounts."""
        return self.total_cents - self.reversed_cents


class PaymentService:
    """Payment batches of compliment rounds."""

    def __init__(
        self, scope: SessionScope, rounds: RoundService, today: Callable[[], date]
    ) -> None:
        self._scope = scope
        self._rounds = rounds
        self._today = today

    @writes
    def make_batch(
        self, actor: Actor, round_id: int, execution_date: date, folder: Path
    ) -> PaymentBatchResult:
        """Write the files for every grant not yet paid or batched, then record the batch."""
        rules = self._rounds.get(round_id).rules
        payer_problem = missing_payer(rules)
        if payer_problem is not None:
            raise NotAllowed(f"{payer_problem} Er is niets gemaakt.")
        if execution_date < self._today():
            raise InvalidValue("De uitvoerdatum van de betaling ligt in het verleden.")
        check_work_date(execution_date, self._today(), "De uitvoerdatum")
        with self._scope() as session:
            rows = session.execute(
                select(ComplimentApplication, Caregiver)
                .join(Caregiver, Caregiver.id == ComplimentApplication.caregiver_id)
                .where(
                    ComplimentApplication.round_id == round_id,
                    ComplimentApplication.status == ApplicationStatus.GRANTED,
                    ComplimentApplication.payment_batch_id.is_(None),
                )
                .order_by(ComplimentApplication.id)
            ).all()
            earlier = session.scalar(
                select(func.count())
                .select_from(PaymentBatch)
                .where(PaymentBatch.round_id == round_id)
            )
            number = int(earlier or 0) + 1
            applications = [(row, caregiver) for row, caregiver in rows]
        if not applications:
            raise NotAllowed("Er zijn geen toekenningen die nog betaald moeten worden.")
        reference = f"MC{rules.year}-{round_id}-{number}"
        title = f"Mantelzorgcompliment {rules.municipality} {rules.year}"
        stem = safe_file_name(f"{title} betaling {number}")
        names = [f"{stem}.xml", f"{stem}.xlsx"]
        if rules.form is CompensationForm.VOUCHER:
            names = names[1:]
        total = sum(row.amount_cents or 0 for row, _caregiver in applications)
        # Both files and the batch, or nothing.
        staged = StagedOutput(folder, staging_journal(self._scope.database_file))
        list_file = staged.path(names[-1])
        try:
            if rules.form is CompensationForm.MONEY:
                payment_file = staged.path(names[0])
                payments = [
                    Payment(
                        f"{reference}-{row.id}",
                        row.account_holder or _name(caregiver).full,
                        row.iban,
                        row.amount_cents or 0,
                        f"{title} voor {_name(caregiver).full}",
                    )
                    for row, caregiver in applications
                ]
                debtor = Debtor(rules.payer_name, rules.payer_iban, rules.payer_bic)
                write_sepa_credit_transfer(
                    payment_file, debtor, payments, execution_date, reference
                )
                write_payment_list(list_file, title, payments)
            else:
                payment_file = list_file
                vouchers = [_voucher(row, caregiver, reference) for row, caregiver in applications]
                write_voucher_list(list_file, title, vouchers)
            published = staged.publish(names)
            payment_file, list_file = published[0], published[-1]
            batch_id = self._record(
                actor, round_id, execution_date, applications, total, payment_file
            )
        except OSError as error:
            raise disk_problem(error) from error
        except BaseException:
            staged.withdraw()  # no batch recorded: its files go too
            raise
        finally:
            staged.discard()
        return PaymentBatchResult(
            batch_id, reference, len(applications), total, payment_file, list_file
        )

    def _record(
        self,
        actor: Actor,
        round_id: int,
        execution_date: date,
        applications: list[tuple[ComplimentApplication, Caregiver]],
        total: int,
        payment_file: Path,
    ) -> int:
        """Store the batch and link its grants; returns the batch's id."""
        with self._scope() as session:
            batch = PaymentBatch(
                round_id=round_id,
                made_by_id=actor.staff_id,
                execution_date=execution_date,
                payment_count=len(applications),
                total_cents=total,
                file_name=payment_file.name,
            )
            session.add(batch)
            session.flush()
            for row in session.scalars(
                select(ComplimentApplication).where(
                    ComplimentApplication.id.in_([row.id for row, _c in applications])
                )
            ):
                row.payment_batch_id = batch.id
            people = sorted(
                {(caregiver.id, row.care_recipient_id) for row, caregiver in applications}
            )
            record(
                session,
                actor,
                AuditKind.PAYMENT_FILE,
                record_table="payment_batch",
                record_id=batch.id,
                details={
                    "ronde": round_id,
                    "betalingen": len(applications),
                    "totaal in centen": total,
                    "aanvragen": [row.id for row, _caregiver in applications],
                    "mantelzorgers": len({caregiver_id for caregiver_id, _naaste in people}),
                },
            )
            record_people(
                session,
                actor,
                AuditKind.PAYMENT_FILE,
                people,
                record_table="payment_batch",
                record_id=batch.id,
                details={"ronde": round_id},
            )
            log.info(
                "Payment batch %s of round %s made by staff %s: %s payments",
                batch.id,
                round_id,
                actor.staff_id,
                len(applications),
            )
            return batch.id

    @reads
    def open_batches(self, round_id: int) -> list[BatchTotals]:
        """Batches of this round the bank has not yet been confirmed to have paid."""
        return [batch for batch in self.batches(round_id) if not batch.confirmed]

    @reads
    def batches(self, round_id: int) -> list[BatchTotals]:
        """Every batch of this round in order, with its original, reversed and net totals."""
        reversed_sum = (
            select(
                PaymentReversal.payment_batch_id.label("batch_id"),
                func.sum(PaymentReversal.amount_cents).label("cents"),
                func.count().label("count"),
            )
            .group_by(PaymentReversal.payment_batch_id)
            .subquery()
        )
        with self._scope() as session:
            rows = session.execute(
                select(PaymentBatch, reversed_sum.c.cents, reversed_sum.c.count)
                .outerjoin(reversed_sum, reversed_sum.c.batch_id == PaymentBatch.id)
                .where(PaymentBatch.round_id == round_id)
                .order_by(PaymentBatch.id)
            ).all()
            return [
                BatchTotals(
                    row.id,
                    row.file_name,
                    row.payment_count,
                    row.total_cents,
                    int(cents or 0),
                    int(count or 0),
                    row.confirmed_at is not None,
                )
                for row, cents, count in rows
            ]

    @writes
    def confirm_paid(self, actor: Actor, batch_id: int) -> int:
        """The bank carried the batch out: its grants become "uitbetaald"."""
        with self._scope() as session:
            batch = load(session, PaymentBatch, batch_id, "Deze betaalopdracht")
            if batch.confirmed_at is not None:
                raise NotAllowed("Deze betaalopdracht is al als betaald gemarkeerd.")
            rows = session.scalars(
                select(ComplimentApplication).where(
                    ComplimentApplication.payment_batch_id == batch_id
                )
            ).all()
            for row in rows:
                if row.status == ApplicationStatus.GRANTED:
                    record_change(
                        session,
                        row,
                        ApplicationStatus.GRANTED,
                        ApplicationStatus.PAID,
                        actor,
                        f"betaald in {batch.file_name}",
                    )
                    row.status = ApplicationStatus.PAID
            batch.confirmed_at = datetime.now(UTC)
            log.info("Payment batch %s confirmed by staff %s", batch_id, actor.staff_id)
            return len(rows)


def check_payment_state(
    session: Session, row: ComplimentApplication, new_status: ApplicationStatus
) -> None:
    """A grant in a payment batch changes only through that batch; money is paid by batches."""
    if row.payment_batch_id is not None:
        batch = session.get(PaymentBatch, row.payment_batch_id)
        name = batch.file_name if batch is not None else ""
        if new_status is ApplicationStatus.PAID:
            raise NotAllowed(
                f"Deze toekenning staat in betaalopdracht {name}. Markeer die betaalopdracht "
                "als betaald."
            )
        raise NotAllowed(
            f"Deze toekenning staat al in betaalopdracht {name} en kan niet meer worden "
            "ingetrokken. Kwam het geld terug of wordt het teruggevorderd, kies dan "
            "'Terugboeken'. Er is niets veranderd."
        )
    if new_status is not ApplicationStatus.PAID:
        return
    round_row = session.get(ComplimentRound, row.round_id)
    money = round_row is not None and rules_from_json(round_row.rules_json).form is (
        CompensationForm.MONEY
    )
    batches = session.scalar(
        select(PaymentBatch.id).where(PaymentBatch.round_id == row.round_id).limit(1)
    )
    if money and batches is not None:
        raise NotAllowed(
            "In deze ronde wordt uitbetaald met betaalopdrachten: neem deze toekenning op in "
            "een betaalopdracht en markeer die als betaald."
        )


def _name(caregiver: Caregiver) -> PersonName:
    return PersonName(caregiver.first_name, caregiver.infix, caregiver.last_name)


def _voucher(row: ComplimentApplication, caregiver: Caregiver, reference: str) -> VoucherRow:
    address = Address(
        caregiver.street,
        caregiver.house_number,
        caregiver.house_number_suffix,
        caregiver.postcode,
        caregiver.place,
    )
    return VoucherRow(
        f"{reference}-{row.id}",
        _name(caregiver).full,
        address.street_line,
        address.postcode,
        address.place,
        row.voucher_code,
        row.amount_cents or 0,
    )
