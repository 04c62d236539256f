"""The application form: register a new application, then see its verdict and decide it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from steunpunt.domain.compliment.application import ApplicationData
from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.domain.errors import ValidationFailed
from steunpunt.services.compliment.dto import ApplicationDetail, RoundView
from steunpunt.ui.compliment.decision_panel import DecisionPanel
from steunpunt.ui.compliment.registration_form import RegistrationForm
from steunpunt.ui.compliment.reversal_dialog import ReversalDialog
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.errors import known_message, report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import STRETCH, hbox, vbox
from steunpunt.ui.widgets import ERROR_STYLE


class ApplicationDialog(QDialog):
    """One application of a round. Without ``detail`` it starts as the registration form.

    :attr:`changed` carries the application's id after every registration or decision, so
    the list and the overview behind the dialog can follow.
    """

    changed = Signal(int)

    def __init__(
        self,
        context: ScreenContext,
        round_view: RoundView,
        detail: ApplicationDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._round = round_view
        self._today = context.today()
        self.busy = False
        self.form = RegistrationForm(context, round_view.rules, self)
        self.panel = DecisionPanel(self._today, self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.form)
        self.stack.addWidget(self.panel)
        self.message = QLabel(self)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        self.register_button = QPushButton(tr("Registreren"), self)
        self.register_button.setDefault(True)
        self.close_button = QPushButton(tr("Sluiten"), self)
        self.close_button.setAutoDefault(False)
        buttons = hbox(STRETCH, self.register_button, self.close_button)
        vbox(self, (self.stack, 1), self.message, buttons)

        self.register_button.clicked.connect(self.register)
        self.close_button.clicked.connect(self.reject)
        self.panel.decide_requested.connect(self.decide)
        self.panel.reverse_requested.connect(self.reverse)
        self.panel.settle_requested.connect(self.settle)
        if detail is None:
            self.setWindowTitle(tr("Nieuwe aanvraag · {title}").format(title=round_view.title))
            self.resize(720, 440)
        else:
            self._show_detail(detail)
            self.resize(820, 760)

    # --- registering --------------------------------------------------------------------------

    def register(self) -> None:
        data = self.form.data()
        if data is None or self.busy:
            return
        self._set_busy(True)
        self._context.runner.start(
            lambda _context: self._register(data), self._registered, self._register_failed
        )

    def _register(self, data: ApplicationData) -> ApplicationDetail:
        applications = self._context.services.applications
        return applications.detail(applications.register(self._context.actor, self._round.id, data))

    def _registered(self, detail: ApplicationDetail) -> None:
        self._set_busy(False)
        self._show_detail(detail)
        self.panel.show_message(tr("De aanvraag is geregistreerd."), done=True)
        self.changed.emit(detail.view.id)

    def _register_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, ValidationFailed):
            self.form.show_errors({name: tr(text) for name, text in error.errors.items()})
            return
        message = known_message(error)
        if message is None:
            report_error(self, error)
            return
        self.message.setText(tr(message))
        self.message.show()

    # --- deciding -----------------------------------------------------------------------------

    def decide(self, status: ApplicationStatus) -> None:
        detail = self.panel.detail
        if detail is None or self.busy:
            return
        reason = self.panel.reason.text()
        acknowledged = self.panel.acknowledge.isChecked()
        view = detail.view
        self._set_busy(True)
        self.panel.show_message("")
        self._context.runner.start(
            lambda _context: self._context.services.applications.change_status(
                self._context.actor, view.id, view.version, status, reason, acknowledged
            ),
            self._decided,
            self._decide_failed,
        )

    def _decided(self, detail: ApplicationDetail) -> None:
        self._set_busy(False)
        self._show_detail(detail)
        self.panel.reason.clear()
        self.panel.show_message(
            tr("De status is nu '{status}'.").format(status=tr(detail.view.status.label)),
            done=True,
        )
        self.changed.emit(detail.view.id)

    def _decide_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        message = known_message(error)
        if message is None:
            report_error(self, error)
            return
        self.panel.show_message(tr(message))
        if "reden" in message.lower():
            self.panel.reason.setFocus()

    # --- correcting money paid ----------------------------------------------------------------

    def reverse(self) -> None:
        """Ask why and when, then take the grant back out of its payment batch."""
        detail = self.panel.detail
        if detail is None or self.busy:
            return
        view = detail.view
        dialog = ReversalDialog(view.caregiver_name, detail.amount_cents, self._today, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
            return
        kind, day, note = dialog.chosen
        self._correct(
            lambda: self._context.services.payment_corrections.reverse(
                self._context.actor, view.id, view.version, kind, note, day
            ),
            tr("Teruggeboekt. De aanvraag is weer in behandeling."),
        )

    def settle(self) -> None:
        """Record that the open difference was settled, with the reason field as the note."""
        detail = self.panel.detail
        if detail is None or self.busy:
            return
        view, note = detail.view, self.panel.reason.text()
        self._correct(
            lambda: self._context.services.payment_corrections.settle_difference(
                self._context.actor, view.id, view.version, note
            ),
            tr("Het verschil is als verrekend vastgelegd."),
        )

    def _correct(self, action: Callable[[], ApplicationDetail], done: str) -> None:
        self._set_busy(True)
        self.panel.show_message("")
        self._context.runner.start(
            lambda _context: action(),
            lambda detail: self._corrected(detail, done),
            self._decide_failed,
        )

    def _corrected(self, detail: ApplicationDetail, done: str) -> None:
        self._set_busy(False)
        self._show_detail(detail)
        self.panel.reason.clear()
        self.panel.show_message(done, done=True)
        self.changed.emit(detail.view.id)

    # --- both ---------------------------------------------------------------------------------

    def _show_detail(self, detail: ApplicationDetail) -> None:
        self.setWindowTitle(
            tr("Aanvraag van {name} · {title}").format(
                name=detail.view.caregiver_name, title=self._round.title
            )
        )
        self.message.hide()
        self.panel.show_detail(detail)
        self.stack.setCurrentWidget(self.panel)
        self.register_button.hide()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.register_button.setEnabled(not busy)
        self.panel.set_busy(busy)
