"""The round at a glance: applications per status, money granted and paid, days to closing."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from steunpunt.domain.compliment.allocation import euro
from steunpunt.domain.compliment.round_rules import CompensationForm
from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.domain.dates import format_date
from steunpunt.domain.numbers import number_text
from steunpunt.services.compliment.dto import RoundOverview
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import hbox

TILE_STYLE = "QFrame#tile { border: 1px solid #c8c8c8; border-radius: 4px; background: #fafafa; }"
NUMBER_STYLE = "font-size: 18pt; font-weight: 600;"
CAPTION_STYLE = "color: #555555;"


def period_text(overview: RoundOverview) -> str:
    """Where the round stands against its application window, in Dutch."""
    rules = overview.round.rules
    days = overview.days_to_close
    today = rules.closes_on - timedelta(days=days)
    period = tr("Aanvraagperiode {opens} t/m {closes}").format(
        opens=format_date(rules.opens_on), closes=format_date(rules.closes_on)
    )
    if today < rules.opens_on:
        state = tr("opent over {n} dagen").format(n=(rules.opens_on - today).days)
    elif days > 1:
        state = tr("nog {n} dagen tot de sluitingsdatum").format(n=days)
    elif days == 1:
        state = tr("nog 1 dag tot de sluitingsdatum")
    elif days == 0:
        state = tr("vandaag is de laatste dag")
    else:
        state = tr("gesloten sinds {day}").format(day=format_date(rules.closes_on))
    return f"{period}: {state}"


def rules_summary(overview: RoundOverview) -> str:
    """``"Geld, € 100,00 per compliment"`` or the budget it divides."""
    rules = overview.round.rules
    form = tr("Waardebon") if rules.form is CompensationForm.VOUCHER else tr("Geld")
    if rules.fixed_budget_cents is not None:
        return tr("{form}, vast budget {budget} verdeeld over alle toekenningen").format(
            form=form, budget=euro(rules.fixed_budget_cents)
        )
    return tr("{form}, {amount} per compliment").format(form=form, amount=euro(rules.amount_cents))


class _Tile(QFrame):
    """A number with its caption underneath."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.setStyleSheet(TILE_STYLE)
        self.number = QLabel("–", self)
        self.number.setStyleSheet(NUMBER_STYLE)
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = QLabel(caption, self)
        self.caption.setStyleSheet(CAPTION_STYLE)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(0)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)


class OverviewPanel(QWidget):
    """Counts per status as tiles; money, sample and closing date as lines of text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.total = _Tile(tr("Aanvragen"), self)
        self.tiles = {status: _Tile(tr(status.label), self) for status in ApplicationStatus}
        tiles = QGridLayout()
        tiles.setSpacing(6)
        for column, tile in enumerate((self.total, *self.tiles.values())):
            tiles.addWidget(tile, 0, column)
        self.rules = QLabel(self)
        self.money = QLabel(self)
        self.period = QLabel(self)
        self.period.setObjectName("period")
        self.money.setObjectName("money")
        self.money.setWordWrap(True)  # amounts to settle and reversals make it long
        self.message = QLabel(self)
        self.message.setStyleSheet(CAPTION_STYLE)
        lines = hbox((self.money, 1), self.period)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(tiles)
        layout.addWidget(self.rules)
        layout.addLayout(lines)
        layout.addWidget(self.message)
        self.message.hide()

    def show_overview(self, overview: RoundOverview) -> None:
        self.message.hide()
        self.total.number.setText(number_text(sum(overview.per_status.values())))
        for status, tile in self.tiles.items():
            tile.number.setText(number_text(overview.per_status.get(status, 0)))
        self.rules.setText(rules_summary(overview))
        parts = [
            tr("Toegekend: {amount}").format(amount=euro(overview.granted_cents)),
            tr("Uitbetaald: {amount}").format(amount=euro(overview.paid_cents)),
        ]
        if overview.budget_left_cents is not None:
            parts.append(
                tr("Budget over: {amount}").format(amount=euro(overview.budget_left_cents))
            )
        if overview.overpaid_cents:
            parts.append(
                tr("Te veel betaald, te verrekenen: {amount}").format(
                    amount=euro(overview.overpaid_cents)
                )
            )
        if overview.underpaid_cents:
            parts.append(
                tr("Te weinig betaald, te verrekenen: {amount}").format(
                    amount=euro(overview.underpaid_cents)
                )
            )
        if overview.reversed_cents:
            parts.append(
                tr("Betaalopdrachten: {made}, teruggeboekt {back}, netto {net}").format(
                    made=euro(overview.batched_cents),
                    back=euro(overview.reversed_cents),
                    net=euro(overview.batched_cents - overview.reversed_cents),
                )
            )
        parts.append(tr("In de steekproef: {n}").format(n=number_text(overview.in_sample)))
        self.money.setText(" · ".join(parts))
        self.period.setText(period_text(overview))

    def show_message(self, text: str) -> None:
        """No overview to show (no round yet, or loading): empty the figures, say why."""
        self.total.number.setText("–")
        for tile in self.tiles.values():
            tile.number.setText("–")
        for label in (self.rules, self.money, self.period):
            label.setText("")
        self.message.setText(text)
        self.message.setVisible(bool(text))
