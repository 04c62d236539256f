"""Paying a round from its window: make a payment batch, and confirm one the bank carried out."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QWidget

from steunpunt.domain.compliment.allocation import euro
from steunpunt.domain.dates import format_date, parse_date
from steunpunt.domain.errors import InvalidValue
from steunpunt.services.container import Services
from steunpunt.services.dto import Actor
from steunpunt.services.payments import PaymentBatchResult
from steunpunt.ui.i18n import tr
from steunpunt.ui.tasks import TaskRunner

Say = Callable[[str, bool, bool], None]


class PaymentActions:
    """The two payment steps; results and problems are told through ``say``."""

    def __init__(
        self,
        parent: QWidget,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        folder: Path,
        today: Callable[[], date],
        say: Say,
        refresh: Callable[[], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        self._parent = parent
        self._services = services
        self._actor = actor
        self._runner = runner
        self._folder = folder
        self._today = today
        self._say = say
        self._refresh = refresh
        self._failed = failed

    def make_batch(self, round_id: int) -> None:
        """Ask the execution date, then write the SEPA file (or voucher list) in the background."""
        suggested = format_date(self._today() + timedelta(days=7))
        text, chosen = QInputDialog.getText(
            self._parent,
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
            self._say(error.message, False, True)
            return
        self._runner.start(
            lambda _context: self._services.payments.make_batch(
                self._actor, round_id, execution_date, self._folder
            ),
            self._made,
            self._failed,
        )

    def _made(self, result: PaymentBatchResult) -> None:
        self._say(
            tr(
                "Betaalopdracht {reference} gemaakt: {n} betalingen, samen {total}. "
                "Bestanden: {file} en {list}. Bevestig de betaling zodra de bank heeft betaald."
            ).format(
                reference=result.reference,
                n=result.payments,
                total=euro(result.total_cents),
                file=result.payment_file,
                list=result.list_file.name,
            ),
            True,
            False,
        )
        self._refresh()

    def confirm(self, round_id: int) -> None:
        """Choose an open batch and mark its grants paid."""
        batches = self._services.payments.open_batches(round_id)
        if not batches:
            self._say(tr("Er is geen betaalopdracht die nog bevestigd moet worden."), False, True)
            return
        names = [
            tr("{file}: {n} betalingen, {total}").format(
                file=batch.file_name, n=batch.payments, total=euro(batch.total_cents)
            )
            for batch in batches
        ]
        chosen, accepted = QInputDialog.getItem(
            self._parent,
            tr("Betaling bevestigen"),
            tr("Welke betaalopdracht heeft de bank uitgevoerd?"),
            names,
            0,
            False,
        )
        if not accepted or chosen not in names:
            return
        batch = batches[names.index(chosen)]
        self._runner.start(
            lambda _context: self._services.payments.confirm_paid(self._actor, batch.id),
            lambda count: self._confirmed(count),
            self._failed,
        )

    def _confirmed(self, count: int) -> None:
        self._say(tr("{n} toekenningen staan nu op uitbetaald.").format(n=count), True, False)
        self._refresh()
