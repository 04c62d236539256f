"""An application as a reviewer sees it: the verdict rule by rule, warnings, decision and history."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from steunpunt.domain.compliment.allocation import euro
from steunpunt.domain.compliment.control_letter import is_overdue
from steunpunt.domain.compliment.status import ApplicationStatus, allowed_next
from steunpunt.domain.dates import format_date
from steunpunt.services.compliment.dto import ApplicationDetail
from steunpunt.ui.caregivers.record_table import RecordTable
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import STRETCH, hbox, vbox
from steunpunt.ui.widgets import show_status

PASSED_COLOUR = QColor("#1b6e20")
FAILED_COLOUR = QColor("#b00020")
WARNING_COLOUR = QColor("#a04000")
ACTIONS = {
    ApplicationStatus.IN_REVIEW: "In behandeling nemen",
    ApplicationStatus.AWAITING_CONTROL_LETTER: "Controlebrief sturen",
    ApplicationStatus.GRANTED: "Toekennen",
    ApplicationStatus.REFUSED: "Afwijzen",
    ApplicationStatus.PAID: "Uitbetaald",
}
AGAIN = {
    # (from, to): what the button says where the plain verb would mislead
    (ApplicationStatus.REFUSED, ApplicationStatus.IN_REVIEW): "Opnieuw beoordelen (bezwaar)",
    (ApplicationStatus.GRANTED, ApplicationStatus.REFUSED): "Toekenning intrekken",
    (
        ApplicationStatus.AWAITING_CONTROL_LETTER,
        ApplicationStatus.GRANTED,
    ): "Controlebrief terug: toekennen",
}


def _list(parent: QWidget) -> QListWidget:
    widget = QListWidget(parent)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    widget.setWordWrap(True)
    return widget


def _fit_rows(widget: QListWidget, most: int) -> None:
    """Make a list as high as its rows (up to ``most``), so no line hides behind a scroll bar."""
    rows = min(max(widget.count(), 1), most)
    row_height = widget.sizeHintForRow(0) if widget.count() else widget.fontMetrics().height()
    widget.setFixedHeight(rows * row_height + 2 * widget.frameWidth() + 4)


def verdict_lines(detail: ApplicationDetail) -> list[tuple[str, bool]]:
    """``("✔ voldoet: 12 uur per week, minimaal 8", True)`` for every rule."""
    return [
        (("✔ " if result.passed else "✘ ") + result.explanation, result.passed)
        for result in detail.verdict.results
    ]


class DecisionPanel(QWidget):
    """Shows one application; :attr:`decide_requested` asks for a new status."""

    decide_requested = Signal(object)
    reverse_requested = Signal()
    settle_requested = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.detail: ApplicationDetail | None = None
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.summary = QLabel(self)
        self.verdict = _list(self)
        self.verdict.setObjectName("verdict")
        verdict_box = QGroupBox(tr("Beoordeling volgens de regels van de ronde"), self)
        vbox(verdict_box, self.summary, self.verdict)

        self.warnings = _list(self)
        self.warnings.setObjectName("warnings")
        self.acknowledge = QCheckBox(tr("Ik heb de waarschuwingen bekeken"), self)
        self.warning_box = QGroupBox(tr("Waarschuwingen"), self)
        vbox(self.warning_box, self.warnings, self.acknowledge)

        self.reason = QLineEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(
            tr("Nodig als u tegen de beoordeling in besluit; wordt bewaard")
        )
        self.reason.setMaxLength(300)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.hide()
        self.action_row = QHBoxLayout()
        self.buttons: dict[ApplicationStatus, QPushButton] = {}
        self.reverse_button = QPushButton(tr("Terugboeken…"), self)
        self.reverse_button.setAutoDefault(False)
        self.reverse_button.setToolTip(
            tr("De bank stortte het bedrag terug, of het wordt teruggevorderd")
        )
        self.settle_button = QPushButton(tr("Verschil verrekend"), self)
        self.settle_button.setAutoDefault(False)
        self.settle_button.setToolTip(
            tr("Leg vast dat het verschil is verrekend; schrijf bij Reden hoe")
        )
        self.reverse_button.clicked.connect(self.reverse_requested.emit)
        self.settle_button.clicked.connect(self.settle_requested.emit)
        decide_box = QGroupBox(tr("Besluit"), self)
        decide_form = QFormLayout(decide_box)
        decide_form.addRow(tr("Reden"), self.reason)
        decide_form.addRow(self.message)
        decide_form.addRow(self.action_row)
        corrections = hbox(self.reverse_button, self.settle_button, STRETCH)
        decide_form.addRow(corrections)

        self.history = RecordTable([tr("Wanneer"), tr("Door"), tr("Van"), tr("Naar"), tr("Reden")])
        self.history.table.setMinimumHeight(90)
        history_box = QGroupBox(tr("Geschiedenis"), self)
        history_layout = QVBoxLayout(history_box)
        history_layout.setContentsMargins(4, 4, 4, 4)
        history_layout.addWidget(self.history)
        for box in (verdict_box, self.warning_box, decide_box):
            box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(verdict_box)
        layout.addWidget(self.warning_box)
        layout.addWidget(decide_box)
        layout.addWidget(history_box, 1)
        self.acknowledge.toggled.connect(self._enable_grant)
        self.reason.textEdited.connect(lambda _text: self.show_message(""))

    def show_detail(self, detail: ApplicationDetail) -> None:
        self.detail = detail
        view, data = detail.view, detail.data
        self.title.setText(
            tr("{caregiver} voor {recipient}").format(
                caregiver=view.caregiver_name, recipient=view.recipient_name
            )
        )
        amount_label = (
            tr("Bedrag") if view.amount_cents is not None else tr("Bedrag volgens de regels")
        )
        facts = [
            tr("Status: {status}").format(status=tr(view.status.label)),
            tr("Ontvangen op {day}, per {channel}, aangevraagd door {who}").format(
                day=format_date(view.received_on),
                channel=tr(data.channel.label).lower(),
                who=tr(data.applied_by.label),
            ),
            f"{amount_label}: {euro(detail.amount_cents)}",
        ]
        if detail.difference_cents:
            text = (
                tr(
                    "Te verrekenen: {amount} te veel betaald, het aandeel volgens de regels is nu {share}"
                )
                if detail.difference_cents > 0
                else tr(
                    "Te verrekenen: {amount} te weinig betaald, het aandeel volgens de regels is nu {share}"
                )
            )
            facts.append(
                text.format(
                    amount=euro(abs(detail.difference_cents)),
                    share=euro(detail.amount_cents - detail.difference_cents),
                )
            )
        if data.iban:
            facts.append(
                tr("IBAN {iban} t.n.v. {holder}").format(iban=data.iban, holder=data.account_holder)
            )
        if data.voucher_code:
            facts.append(tr("Waardebon {code}").format(code=data.voucher_code))
        if view.status is ApplicationStatus.AWAITING_CONTROL_LETTER and view.control_letter_due_on:
            facts.append(self._control_letter_fact(view.control_letter_due_on))
        if view.in_payment_batch and view.status is ApplicationStatus.GRANTED:
            facts.append(
                tr("In een betaalopdracht: uitbetaald zodra die betaalopdracht is bevestigd")
            )
        if view.in_sample:
            facts.append(tr("In de steekproef: controleer met de hand"))
        if detail.override_reason:
            facts.append(
                tr("Reden van het besluit: {reason}").format(reason=detail.override_reason)
            )
        self.facts.setText("\n".join(facts))

        failures = len(detail.verdict.failures)
        if failures == 0:
            self.summary.setText(tr("Voldoet aan alle regels."))
        elif failures == 1:
            self.summary.setText(tr("Voldoet niet aan 1 regel."))
        else:
            self.summary.setText(tr("Voldoet niet aan {n} regels.").format(n=failures))
        self.verdict.clear()
        for text, passed in verdict_lines(detail):
            item = QListWidgetItem(text, self.verdict)
            item.setForeground(PASSED_COLOUR if passed else FAILED_COLOUR)
        _fit_rows(self.verdict, 12)

        self.warnings.clear()
        for warning in detail.warnings:
            QListWidgetItem("⚠ " + warning, self.warnings).setForeground(WARNING_COLOUR)
        _fit_rows(self.warnings, 4)
        self.warning_box.setVisible(bool(detail.warnings))
        self.acknowledge.setChecked(detail.warnings_acknowledged)

        self.reverse_button.setVisible(view.in_payment_batch)
        self.settle_button.setVisible(bool(detail.difference_cents))
        self._make_buttons(view.status, view.in_payment_batch)
        self.history.set_rows(
            [
                (
                    change.changed_at.strftime("%d-%m-%Y %H:%M"),
                    change.changed_by,
                    tr(change.from_status.label) if change.from_status else "",
                    tr(change.to_status.label),
                    change.reason,
                )
                for change in detail.history
            ]
        )
        self.history.table.clearSelection()

    def _control_letter_fact(self, due_on: date) -> str:
        """When the controlebrief must be back, and whether that day has passed."""
        if is_overdue(due_on, self._today):
            return tr(
                "Controlebrief niet terug; de termijn verliep op {day}. Afwijzen kan zonder reden."
            ).format(day=format_date(due_on))
        return tr("Controlebrief terug uiterlijk {day}").format(day=format_date(due_on))

    def _make_buttons(self, status: ApplicationStatus, in_payment_batch: bool) -> None:
        """A button per allowed next status; none for a grant that its payment batch holds."""
        for button in self.buttons.values():
            self.action_row.removeWidget(button)
            button.deleteLater()
        self.buttons = {}
        for target in ApplicationStatus:
            if target not in allowed_next(status) or in_payment_batch:
                continue
            text = AGAIN.get((status, target), ACTIONS.get(target, target.label))
            button = QPushButton(tr(text), self)
            button.setAutoDefault(False)  # Enter in the reason field decides nothing
            button.clicked.connect(lambda _checked=False, to=target: self.decide_requested.emit(to))
            self.action_row.addWidget(button)
            self.buttons[target] = button
        if in_payment_batch:
            self.show_message(
                tr(
                    "Deze toekenning staat in een betaalopdracht en verandert alleen via die, "
                    "of met een terugboeking."
                ),
                done=True,
            )
        elif not self.buttons:
            self.show_message(tr("Deze aanvraag is afgehandeld."), done=True)
        self.reason.setEnabled(bool(self.buttons) or not self.settle_button.isHidden())
        self._enable_grant()

    def _enable_grant(self) -> None:
        grant = self.buttons.get(ApplicationStatus.GRANTED)
        if grant is None or self.detail is None:
            return
        needs_look = bool(self.detail.warnings) and not self.acknowledge.isChecked()
        grant.setEnabled(not needs_look)
        grant.setToolTip(tr("Bekijk eerst de waarschuwingen en vink ze af.") if needs_look else "")

    def set_busy(self, busy: bool) -> None:
        for button in (*self.buttons.values(), self.reverse_button, self.settle_button):
            button.setEnabled(not busy)
        if not busy:
            self._enable_grant()

    def show_message(self, text: str, done: bool = False) -> None:
        """A problem in red, or what was done in green."""
        show_status(self.message, text, done=done, error=not done)
        self.message.setVisible(bool(text))
