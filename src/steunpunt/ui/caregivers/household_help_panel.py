"""The "Huishoudelijke hulp" tab of the caregiver form: grants, their verdict, budget and status."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from steunpunt.domain.choices import LetterKind
from steunpunt.domain.dates import format_date, parse_date
from steunpunt.domain.errors import KnownProblem
from steunpunt.domain.support.household_help.settings import hours_text
from steunpunt.domain.support.household_help.status import HouseholdHelpStatus, allowed_next
from steunpunt.services.support.dto import GrantView
from steunpunt.ui.caregivers.grant_dialog import GrantDialog
from steunpunt.ui.caregivers.hours_dialog import HOURS_STATUSES, HoursDialog
from steunpunt.ui.caregivers.household_help_text import (
    Month,
    budget_text,
    facts_text,
    month_name,
    period_text,
    verdict_html,
)
from steunpunt.ui.caregivers.person_fields import DATE_HINT
from steunpunt.ui.caregivers.rate_dialog import RateDialog
from steunpunt.ui.caregivers.record_table import RecordTable
from steunpunt.ui.compliment.decision_panel import FAILED_COLOUR
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.errors import report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import hbox, vbox
from steunpunt.ui.saved_file import tell_where_saved
from steunpunt.ui.screen_dialogs import remove_when_confirmed
from steunpunt.ui.widgets import FieldEdit, show_status

WARNING_STYLE = f"color: {FAILED_COLOUR.name()}; font-weight: bold;"
LETTERS = (LetterKind.HOUSEHOLD_HELP_PROOF, LetterKind.HOUSEHOLD_HELP_GRANTED)
ACTIONS = {
    HouseholdHelpStatus.GRANTED: "Toekennen",
    HouseholdHelpStatus.REFUSED: "Afwijzen",
    HouseholdHelpStatus.RUNNING: "Starten",
    HouseholdHelpStatus.ENDED: "Beëindigen",
    HouseholdHelpStatus.REQUESTED: "Opnieuw aanvragen (bezwaar)",
}
HEADERS = [
    "Periode",
    "Aanbieder",
    "Huishouden",
    "Uren p/w",
    "Uren p/j",
    "Gebruikt",
    "Over",
    "Status",
]
COL_LEFT = 6


def _label(parent: QWidget, name: str = "", style: str = "") -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setStyleSheet(style)
    label.setWordWrap(True)
    return label


def _box(title: str, parent: QWidget, *parts: QWidget) -> tuple[QGroupBox, QVBoxLayout]:
    box = QGroupBox(title, parent)
    layout = QVBoxLayout(box)
    for part in parts:
        layout.addWidget(part)
    return box, layout


class HouseholdHelpPanel(QWidget):
    """A caregiver's household help, newest first; the selected grant judged and followed up."""

    changed = Signal()

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._caregiver_id: int | None = None
        self._grants: tuple[GrantView, ...] = ()
        self._shown_id: int | None = None
        self.records = RecordTable([tr(header) for header in HEADERS], self)
        self.new_button = self.records.add_button(tr("Nieuwe aanvraag…"))
        self.edit_button = self.records.add_button(tr("Bewerken…"), needs_selection=True)
        self.hours_button = self.records.add_button(tr("Uren invoeren…"))
        self.rate_button = self.records.add_button(
            tr("Eigen bijdrage wijzigen…"), needs_selection=True
        )
        self.letter_button = self.records.add_button(tr("Brief…"), needs_selection=True)
        letters = QMenu(self.letter_button)
        for kind in LETTERS:
            action = letters.addAction(tr(kind.label))
            action.triggered.connect(lambda _checked=False, chosen=kind: self.make_letter(chosen))
        self.letter_button.setMenu(letters)
        self.remove_button = self.records.add_button(tr("Verwijderen"), needs_selection=True)
        self.new_button.clicked.connect(self.new)
        self.edit_button.clicked.connect(self.edit)
        self.hours_button.clicked.connect(lambda: self.enter_hours())
        self.rate_button.clicked.connect(self.change_rate)
        self.remove_button.clicked.connect(self.remove)
        self.records.activated.connect(lambda _row: self.edit())
        self.records.table.itemSelectionChanged.connect(self._show_selected)

        self.title = _label(self, "title", "font-size: 12pt; font-weight: 600;")
        self.facts = _label(self, "facts")
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdict = _label(self, "verdict")
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        verdict_box, _layout = _box(tr("Beoordeling volgens de regels"), self, self.verdict)
        self.status = _label(self, "status", "font-weight: 600;")
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setMaxLength(300)
        self.reason.setPlaceholderText(
            tr("Nodig als u tegen de regels in toekent, en bij afwijzen; wordt bewaard")
        )
        self.stop = FieldEdit("stopped_on", DATE_HINT, parse_date, self)
        self.message = _label(self, "message")
        self.message.hide()
        self.action_row = QHBoxLayout()
        self.action_row.addStretch(1)
        self.status_buttons: dict[HouseholdHelpStatus, QPushButton] = {}
        decide_box = QGroupBox(tr("Besluit"), self)
        decide_form = QFormLayout(decide_box)
        decide_form.addRow(tr("Status"), self.status)
        decide_form.addRow(tr("Reden"), self.reason)
        decide_form.addRow(tr("Stopt per (eerste dag zonder hulp)"), self.stop)
        decide_form.addRow(self.message)
        decide_form.addRow(self.action_row)

        self.budget = _label(self, "budget")
        self.warnings = _label(self, "warnings", WARNING_STYLE)
        self.months = RecordTable([tr("Maand"), tr("Uren")], self)
        self.months.activated.connect(self._month_activated)
        hours_box, hours_layout = _box(tr("Uren"), self, self.budget, self.warnings)
        hours_layout.addWidget(self.months, 1)

        left = QVBoxLayout()
        left.addWidget(verdict_box)
        left.addWidget(decide_box)
        left.addStretch(1)
        columns = hbox((left, 3), (hours_box, 2))
        self.detail = QWidget(self)
        vbox(self.detail, self.title, self.facts, (columns, 1))
        self.hint = _label(self, "hint", "color: #666666; font-size: 11pt;")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lower = QWidget(self)
        vbox(lower, (self.hint, 1), (self.detail, 1))
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(lower)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.records)
        splitter.addWidget(scroll)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([150, 450])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.reason.textEdited.connect(lambda _text: self.show_message(""))
        self.clear()

    def show_caregiver(self, caregiver_id: int, select_id: int | None = None) -> None:
        """Load and show the grants of ``caregiver_id``; keep ``select_id`` selected."""
        self._caregiver_id = caregiver_id
        try:
            self._grants = tuple(self._context.services.household_help.grants(caregiver_id))
        except KnownProblem as problem:
            report_error(self, problem)
            return
        self.records.set_rows([self._row(grant) for grant in self._grants])
        for row, grant in enumerate(self._grants):
            if grant.budget.left_hours < 0:
                item = self.records.table.item(row, COL_LEFT)
                if item is not None:
                    item.setForeground(FAILED_COLOUR)
            if grant.id == select_id:
                self.records.table.selectRow(row)
        self.new_button.setEnabled(True)
        self._show_selected()

    def clear(self) -> None:
        """No caregiver (a new, unsaved one): nothing to show, nothing to add to."""
        self._caregiver_id = None
        self._grants = ()
        self.records.set_rows([])
        self.new_button.setEnabled(False)
        self._show_selected()

    def selected(self) -> GrantView | None:
        return self.records.pick(self._grants)

    def new(self) -> None:
        if self._caregiver_id is not None:
            self._after(GrantDialog(self._context, self._caregiver_id, None, self))

    def edit(self) -> None:
        grant = self.selected()
        if grant is not None and self._caregiver_id is not None:
            self._after(GrantDialog(self._context, self._caregiver_id, grant, self))

    def enter_hours(self, month: Month | None = None) -> None:
        grant = self.selected()
        if grant is not None and grant.status in HOURS_STATUSES:
            self._after(HoursDialog(self._context, grant, self, month))

    def change_rate(self) -> None:
        grant = self.selected()
        if grant is not None:
            self._after(RateDialog(self._context, grant, self))

    def remove(self) -> None:
        grant = self.selected()
        if grant is None or self._caregiver_id is None:
            return
        question = tr(
            "De huishoudelijke hulp van {period} verwijderen? De geregistreerde uren gaan ook weg."
        ).format(period=period_text(grant))
        title = tr("Huishoudelijke hulp verwijderen")
        services, actor = self._context.services, self._context.actor
        if remove_when_confirmed(
            self,
            title,
            question,
            lambda: services.household_help.remove(actor, grant.id, grant.version),
        ):
            self.show_caregiver(self._caregiver_id)
            self.changed.emit()

    def make_letter(self, kind: LetterKind) -> None:
        """The proof of registration or the grant letter for the selected grant, logged."""
        grant = self.selected()
        if grant is None:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = self._context.services.household_help_letters.letter(
                self._context.actor, grant.id, kind, self._context.paths.letters_dir
            )
        except KnownProblem as problem:
            QApplication.restoreOverrideCursor()
            self.show_message(problem.message)
            return
        QApplication.restoreOverrideCursor()
        self.changed.emit()
        tell_where_saved(self, tr("De brief is gemaakt en vastgelegd."), [result.letters_pdf])

    def change_status(self, target: HouseholdHelpStatus) -> None:
        """Move the selected grant on; a reason goes along when granting or refusing, the day
        the help stops when ending."""
        grant = self.selected()
        if grant is None or self._caregiver_id is None:
            return
        reasoned = (HouseholdHelpStatus.GRANTED, HouseholdHelpStatus.REFUSED)
        reason = self.reason.text() if target in reasoned else ""
        try:
            stopped_on = (
                parse_date(self.stop.text()) if target is HouseholdHelpStatus.ENDED else None
            )
            self._context.services.household_help.change_status(
                self._context.actor, grant.id, grant.version, target, reason, stopped_on
            )
        except KnownProblem as problem:
            typed, stop = self.reason.text(), self.stop.text()
            self.show_caregiver(self._caregiver_id, grant.id)
            self.reason.setText(typed)
            self.stop.set_text(stop)
            self.show_message(problem.message)
            return
        self.reason.clear()
        self.show_caregiver(self._caregiver_id, grant.id)
        self.show_message(tr("Status nu: {status}.").format(status=tr(target.label)), done=True)
        self.changed.emit()

    def show_message(self, text: str, done: bool = False) -> None:
        """A problem in red, or what was done in green."""
        show_status(self.message, text, done=done, error=not done)
        self.message.setVisible(bool(text))

    def _show_selected(self) -> None:
        grant = self.selected()
        self.detail.setVisible(grant is not None)
        self.hint.setVisible(grant is None)
        self.hint.setText(self._hint())
        can_enter = grant is not None and grant.status in HOURS_STATUSES
        self.hours_button.setEnabled(can_enter)
        self.hours_button.setToolTip("" if can_enter else tr("Uren komen pas na toekenning."))
        self.show_message("")
        if grant is None or grant.id != self._shown_id:
            self.reason.clear()
            self.stop.set_text(format_date(self._context.today()))
        self._shown_id = grant.id if grant else None
        self._make_buttons(grant.status if grant else None)
        if grant is None:
            return
        self.title.setText(f"{grant.provider_name or tr('(geen aanbieder)')}, {grant.household}")
        self.facts.setText(facts_text(grant))
        self.verdict.setText(verdict_html(grant))
        self.budget.setText(budget_text(grant))
        self.warnings.setText("\n".join("⚠ " + warning for warning in grant.budget.warnings))
        self.warnings.setVisible(bool(grant.budget.warnings))
        self.months.set_rows([(month_name(m[:2]), hours_text(m.hours)) for m in grant.months])
        self.months.table.clearSelection()
        self.status.setText(tr(grant.status.label))

    def _hint(self) -> str:
        """What to do while no grant is chosen."""
        new = self.new_button.text()
        if not self._grants:
            return tr(
                "Deze mantelzorger heeft nog geen huishoudelijke hulp. "
                "Klik op '{new}' om hulp aan te vragen."
            ).format(new=new)
        return tr(
            "Kies een aanvraag in de lijst hierboven om de beoordeling, het besluit en de uren "
            "te zien, of maak een nieuwe met '{new}'."
        ).format(new=new)

    def _make_buttons(self, status: HouseholdHelpStatus | None) -> None:
        """A button for every status the grant may move to."""
        for button in self.status_buttons.values():
            self.action_row.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.status_buttons = {}
        targets = allowed_next(status) if status is not None else frozenset()
        for target in (t for t in HouseholdHelpStatus if t in targets):
            button = QPushButton(tr(ACTIONS[target]), self)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, to=target: self.change_status(to))
            self.action_row.insertWidget(self.action_row.count() - 1, button)
            self.status_buttons[target] = button
        self.reason.setEnabled(
            HouseholdHelpStatus.GRANTED in targets or HouseholdHelpStatus.REFUSED in targets
        )
        self.stop.setEnabled(HouseholdHelpStatus.ENDED in targets)

    def _after(self, dialog: GrantDialog | HoursDialog | RateDialog) -> None:
        """Run the dialog; reload and keep its grant selected when it was saved."""
        if dialog.exec() and dialog.saved is not None and self._caregiver_id is not None:
            self.show_caregiver(self._caregiver_id, dialog.saved.id)
            self.changed.emit()
        dialog.deleteLater()

    def _month_activated(self, row: int) -> None:
        grant = self.selected()
        if grant is not None and row < len(grant.months):
            self.enter_hours((grant.months[row].year, grant.months[row].month))

    @staticmethod
    def _row(grant: GrantView) -> tuple[str, ...]:
        data, budget = grant.data, grant.budget
        return (
            period_text(grant),
            grant.provider_name,
            grant.household[:1].upper() + grant.household[1:],
            hours_text(data.hours_per_week),
            hours_text(data.hours_per_year),
            hours_text(budget.used_hours),
            hours_text(budget.left_hours),
            tr(grant.status.label),
        )
