"""Paying a round from its window: make a payment batch, and confirm one the bank carried out."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog

from steunpunt.domain.compliment.allocation import euro
from steunpunt.domain.compliment.round_rules import missing_payer
from steunpunt.domain.dates import format_date, parse_date
from steunpunt.domain.errors import InvalidValue
from steunpunt.services.compliment.payments import BatchTotals, PaymentBatchResult
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.i18n import tr
from steunpunt.ui.saved_file import tell_where_saved

if TYPE_CHECKING:
    from steunpunt.ui.compliment.window import ComplimentWindow


class PaymentActions:
    """The two payment steps; results and problems are told through ``say``."""

    def __init__(self, context: ScreenContext, window: ComplimentWindow) -> None:
        self._context = context
        self._window = window

    def make_batch(self, round_id: int) -> None:
        """Check who pays, ask the execution date, then write the SEPA file (or voucher list) in
        the background."""
        payer_problem = missing_payer(self._context.services.rounds.get(round_id).rules)
        if payer_problem is not None:
            self._window.say(payer_problem, error=True)
            return
        suggested = format_date(self._context.today() + timedelta(days=7))
        text, chosen = QInputDialog.getText(
            self._window,
            tr("Betaalopdracht maken"),
            tr(
                "Alle toekenningen die nog niet betaald zijn gaan in één betaalopdracht.\n"
                "Op welke datum moet de bank betalen? (dd-mm-jjjj)"
            ),
            text=suggested,
        )
        if not chosen:
            return
        try:
            execution_date = parse_date(text)
        except InvalidValue as error:
            self._window.say(error.message, error=True)
            return
        self._context.runner.start(
            lambda _context: self._context.services.payments.make_batch(
                self._context.actor, round_id, execution_date, self._context.paths.letters_dir
            ),
            self._made,
            self._window.show_failure,
        )

    def _made(self, result: PaymentBatchResult) -> None:
        self._window.say(
            tr(
                "Betaalopdracht {reference} gemaakt: {n} betalingen, samen {total}. "
                "Bevestig de betaling zodra de bank heeft betaald."
            ).format(reference=result.reference, n=result.payments, total=euro(result.total_cents)),
            done=True,
        )
        tell_where_saved(
            self._window,
            tr("Betaalopdracht {reference} gemaakt.").format(reference=result.reference),
            [result.payment_file, result.list_file],
        )

    def confirm(self, round_id: int) -> None:
        """Choose an open batch and mark its grants paid."""
        batches = self._context.services.payments.open_batches(round_id)
        if not batches:
            self._window.say(
                tr("Er is geen betaalopdracht die nog bevestigd moet worden."), error=True
            )
            return
        names = [batch_line(batch) for batch in batches]
        chosen, accepted = QInputDialog.getItem(
            self._window,
            tr("Betaling bevestigen"),
            tr("Welke betaalopdracht heeft de bank uitgevoerd?"),
            names,
            0,
            False,
        )
        if not accepted or chosen not in names:
            return
        batch = batches[names.index(chosen)]
        self._context.runner.start(
            lambda _context: self._context.services.payments.confirm_paid(
                self._context.actor, batch.id
            ),
            lambda count: self._confirmed(count),
            self._window.show_failure,
        )

    def _confirmed(self, count: int) -> None:
        self._window.say(tr("{n} toekenningen staan nu op uitbetaald.").format(n=count), done=True)


def batch_line(batch: BatchTotals) -> str:
    """A batch's totals as a person reads them: as made, and net of what was reversed."""
    line = tr("{file}: {n} betalingen, {total}").format(
        file=batch.file_name, n=batch.payments, total=euro(batch.total_cents)
    )
    if not batch.reversed_cents:
        return line
    return line + tr(", {reversed} teruggeboekt ({count}), netto {net}").format(
        reversed=euro(batch.reversed_cents), count=batch.reversals, net=euro(batch.net_cents)
    )
