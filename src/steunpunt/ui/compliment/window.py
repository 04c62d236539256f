"""The compliment window: choose a round, see its overview and applications, act on them."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from steunpunt.domain.numbers import number_text
from steunpunt.services.compliment.dto import ApplicationDetail, RoundOverview, RoundView
from steunpunt.services.kernel.changes import Changes, Topic
from steunpunt.ui.compliment.application_dialog import ApplicationDialog
from steunpunt.ui.compliment.application_list import ApplicationListView
from steunpunt.ui.compliment.application_model import ShownRow, prepare_rows
from steunpunt.ui.compliment.batch_dialog import BatchDialog
from steunpunt.ui.compliment.letter_actions import LetterActions
from steunpunt.ui.compliment.overview_panel import OverviewPanel
from steunpunt.ui.compliment.payment_actions import PaymentActions
from steunpunt.ui.compliment.round_rules_dialog import RoundRulesDialog
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.errors import known_message, report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import STRETCH, hbox, vbox
from steunpunt.ui.widgets import show_status

log = logging.getLogger(__name__)

DEFAULT_SAMPLE_PERCENTAGE = 10.0
ROUND_TOPICS = frozenset({Topic.COMPLIMENT, Topic.CAREGIVERS, Topic.CARE_RECIPIENTS})
"""What a round's overview and applications show."""


class ComplimentWindow(QDialog):
    """Works on one round at a time; its dialogs open window-modal and are kept in :attr:`dialog`."""

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._rounds: dict[int, RoundView] = {}
        self._generation = 0
        self._stale = False
        self._select_round: int | None = None
        self._select_application: int | None = None
        """What to select once the change that made it is shown."""
        context.changes.changed.connect(self.refresh_for)
        self.dialog: QDialog | None = None
        self.setWindowTitle(tr("Mantelzorgcompliment"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)

        self.round_choice = QComboBox(self)
        self.round_choice.setObjectName("round_choice")
        self.round_choice.setMinimumWidth(200)
        self.new_round_button = QPushButton(tr("Nieuwe ronde…"), self)
        self.new_round_button.setEnabled(context.may("compliment", "RoundService.create"))
        self.copy_button = QPushButton(tr("Kopie voor volgend jaar"), self)
        self.copy_button.setToolTip(tr("Een nieuwe ronde met dezelfde regels, een jaar later"))
        self.rules_button = QPushButton(tr("Regels wijzigen…"), self)
        top = hbox(
            QLabel(tr("Ronde"), self),
            self.round_choice,
            self.rules_button,
            STRETCH,
            self.copy_button,
            self.new_round_button,
        )

        self.overview = OverviewPanel(self)
        self.applications = ApplicationListView(self)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.close_button = QPushButton(tr("Sluiten"), self)
        self.pay_button = QPushButton(tr("Betaalopdracht maken…"), self)
        self.confirm_button = QPushButton(tr("Betaling bevestigen…"), self)
        self.letters_button = QPushButton(tr("Brieven…"), self)
        self.letters = LetterActions(context, self)
        self.payments = PaymentActions(context, self)
        bottom = hbox(
            (self.status, 1),
            self.letters_button,
            self.pay_button,
            self.confirm_button,
            self.close_button,
        )
        vbox(self, top, self.overview, (self.applications, 1), bottom)

        self.round_choice.currentIndexChanged.connect(lambda _index: self.refresh())
        self.new_round_button.clicked.connect(self.new_round)
        self.copy_button.clicked.connect(self.copy_round)
        self.rules_button.clicked.connect(self.edit_rules)
        self.applications.new_button.clicked.connect(self.new_application)
        self.applications.batch_button.clicked.connect(self.batch_decision)
        self.applications.sample_button.clicked.connect(self.draw_sample)
        self.applications.overdue_button.clicked.connect(self.refuse_overdue)
        self.applications.open_requested.connect(self.open_application)
        self.close_button.clicked.connect(self.accept)
        self.pay_button.clicked.connect(lambda: self._with_round(self.payments.make_batch))
        self.letters_button.clicked.connect(lambda: self._with_round(self.letters.choose))
        self.confirm_button.clicked.connect(lambda: self._with_round(self.payments.confirm))
        QShortcut(QKeySequence.StandardKey.New, self, self.new_application)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # Enter in the list opens an application, nothing else
        self.resize(1200, 760)
        self.load_rounds()

    # --- rounds -------------------------------------------------------------------------------

    def load_rounds(self, select: int | None = None, application: int | None = None) -> None:
        """Fill the round chooser (a handful of rows); keep or pick the round to show, and the
        application to select in it."""
        keep = select if select is not None else self.round_choice.currentData()
        rounds = self.context.services.rounds.rounds()
        self._rounds = {view.id: view for view in rounds}
        this_year = [view.id for view in rounds if view.rules.year == self.context.today().year]
        wanted = keep if keep in self._rounds else next(iter(this_year), None)
        self.round_choice.blockSignals(True)
        self.round_choice.clear()
        for view in rounds:
            self.round_choice.addItem(view.title, view.id)
        self.round_choice.setCurrentIndex(max(self.round_choice.findData(wanted), 0))
        self.round_choice.blockSignals(False)
        self.refresh(select=application)

    def current_round(self) -> RoundView | None:
        round_id = self.round_choice.currentData()
        return self._rounds.get(round_id) if round_id is not None else None

    def new_round(self) -> None:
        if self.dialog is not None:
            return
        dialog = RoundRulesDialog(self.context, parent=self)
        self._open(dialog, lambda: self._round_saved(dialog, tr("Ronde {title} gemaakt.")))

    def edit_rules(self) -> None:
        current = self.current_round()
        if current is None or self.dialog is not None:
            return
        dialog = RoundRulesDialog(self.context, current, parent=self)
        self._open(dialog, lambda: self._round_saved(dialog, tr("Regels van {title} opgeslagen.")))

    def _round_saved(self, dialog: RoundRulesDialog, text: str) -> None:
        if dialog.saved is not None:
            self._select_round = dialog.saved.id
            self.say(text.format(title=dialog.saved.title), done=True)

    def copy_round(self) -> None:
        current = self.current_round()
        if current is None:
            return
        try:
            copy = self.context.services.rounds.copy_for_next_year(self.context.actor, current.id)
        except Exception as error:
            self.show_failure(error)
            return
        self._select_round = copy.id
        self.say(
            tr(
                "Ronde {title} gemaakt met de regels van {year}, de data een jaar later. "
                "Controleer de regels via 'Regels wijzigen…'."
            ).format(title=copy.title, year=current.rules.year),
            done=True,
        )

    # --- overview and list --------------------------------------------------------------------

    def refresh_for(self, changes: Changes) -> None:
        """Show the rounds and the chosen round again after a change they show; hidden, the
        window loads again when it is shown."""
        if not changes.touches(ROUND_TOPICS):
            return
        if not self.isVisible():
            self._stale = True
            return
        select_round, self._select_round = self._select_round, None
        select, self._select_application = self._select_application, None
        self.load_rounds(select=select_round, application=select)

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self._stale = False
            self.load_rounds()
        super().showEvent(event)

    def refresh(self, select: int | None = None) -> None:
        """Load the overview and the applications of the chosen round in the background."""
        current = self.current_round()
        self._generation += 1
        generation = self._generation
        may_arrange = self.context.may("compliment", "RoundService.update_rules")
        may_decide = self.context.may("compliment", "ApplicationService.applications")
        for button in (self.copy_button, self.rules_button):
            button.setEnabled(current is not None and may_arrange)
        for button in (
            self.applications.new_button,
            self.applications.batch_button,
            self.applications.sample_button,
        ):
            button.setEnabled(current is not None and may_decide)
        if current is None:
            self.overview.show_message(tr("Er is nog geen ronde. Maak er een met 'Nieuwe ronde…'."))
            self.applications.set_rows([])
            return
        round_id = current.id
        self.context.runner.start(
            lambda _context: self.context.services.rounds.overview(round_id),
            lambda overview: self._show_overview(generation, overview),
            lambda error: self._load_failed(generation, error),
        )
        if not may_decide:  # financiën: the payments of the round, not its applications
            self.applications.count_label.setText(tr("Aanvragen zijn niet zichtbaar voor uw rol."))
            return
        self.applications.count_label.setText(tr("Aanvragen laden…"))
        self.context.runner.start(
            lambda _context: prepare_rows(
                self.context.services.applications.applications(round_id)
            ),
            lambda rows: self._show_rows(generation, rows, select),
            lambda error: self._load_failed(generation, error),
        )

    def _show_overview(self, generation: int, overview: RoundOverview) -> None:
        if generation != self._generation:
            return
        self.overview.show_overview(overview)
        overdue = overview.control_letters_overdue
        self.applications.overdue_button.setVisible(overdue > 0)
        self.applications.overdue_button.setText(
            tr("Verlopen controlebrieven afwijzen ({n})…").format(n=number_text(overdue))
        )

    def _show_rows(self, generation: int, rows: list[ShownRow], select: int | None) -> None:
        if generation != self._generation:
            return
        self.applications.set_rows(rows)
        if select is not None:
            self.applications.select(select)

    def _load_failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            report_error(self, error)

    # --- applications -------------------------------------------------------------------------

    def new_application(self) -> None:
        current = self.current_round()
        if current is None or self.dialog is not None:
            return
        self._open(self._application_dialog(current, None))

    def open_application(self, application_id: int) -> None:
        current = self.current_round()
        if current is None or self.dialog is not None:
            return
        self.context.runner.start(
            lambda _context: self.context.services.applications.detail(application_id),
            lambda detail: self._open(self._application_dialog(current, detail)),
            self.show_failure,
        )

    def _application_dialog(
        self, current: RoundView, detail: ApplicationDetail | None
    ) -> ApplicationDialog:
        dialog = ApplicationDialog(self.context, current, detail, self)
        dialog.changed.connect(self._application_changed)
        return dialog

    def _application_changed(self, application_id: int) -> None:
        """Registered or decided in its dialog: selected once the list shows the change."""
        self._select_application = application_id

    def batch_decision(self) -> None:
        current = self.current_round()
        if current is None or self.dialog is not None:
            return
        dialog = BatchDialog(self.context, current, self)
        self._open(dialog)
        dialog.load()

    def draw_sample(self) -> None:
        current = self.current_round()
        if current is None:
            return
        percentage, chosen = QInputDialog.getDouble(
            self,
            tr("Steekproef trekken"),
            tr(
                "Welk percentage van de toekenningen die nog niet in de steekproef zitten, "
                "wilt u met de hand controleren?"
            ),
            DEFAULT_SAMPLE_PERCENTAGE,
            0.1,
            100.0,
            1,
        )
        if not chosen:
            return
        seed = time.time_ns()
        log.info("Drawing a sample of %s%% in round %s", percentage, current.id)
        self.context.runner.start(
            lambda _context: self.context.services.applications.draw_sample(
                self.context.actor, current.id, percentage, seed
            ),
            self._sample_drawn,
            self.show_failure,
        )

    def refuse_overdue(self) -> None:
        """Refuse the applications whose controlebrief did not come back in time, after asking."""
        current = self.current_round()
        if current is None:
            return
        answer = QMessageBox.question(
            self,
            tr("Verlopen controlebrieven"),
            tr(
                "Alle aanvragen waarvan de controlebrief na de uiterste datum nog niet terug is, "
                "worden afgewezen. De reden wordt bewaard en komt in de afwijzingsbrief. "
                "Doorgaan?"
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.context.runner.start(
            lambda _context: self.context.services.applications.refuse_overdue_control_letters(
                self.context.actor, current.id
            ),
            self._overdue_refused,
            self.show_failure,
        )

    def _overdue_refused(self, count: int) -> None:
        self.say(
            tr("{n} aanvragen afgewezen: controlebrief niet op tijd terug.").format(
                n=number_text(count)
            ),
            done=True,
        )

    def _sample_drawn(self, ids: list[int]) -> None:
        count = len(ids)
        if count == 1:
            text = tr("1 toekenning is gemarkeerd voor de steekproef.")
        else:
            text = tr("{n} toekenningen zijn gemarkeerd voor de steekproef.").format(
                n=number_text(count)
            )
        self.say(text, done=True)
        self.applications.status_filter.setCurrentIndex(0)

    # --- helpers ------------------------------------------------------------------------------

    def _with_round(self, action: Callable[[int], None]) -> None:
        current = self.current_round()
        if current is not None:
            action(current.id)

    def _open(self, dialog: QDialog, on_accepted: Callable[[], None] | None = None) -> None:
        """Show ``dialog`` window-modal; forget it when it closes."""
        self.dialog = dialog

        def finished(result: int) -> None:
            self.dialog = None
            if result == QDialog.DialogCode.Accepted and on_accepted is not None:
                on_accepted()
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()

    def show_failure(self, error: BaseException) -> None:
        """A known problem as a red line at the bottom; anything else in the crash dialog."""
        message = known_message(error)
        if message is None:
            report_error(self, error)
        else:
            self.say(message, error=True)

    def say(self, text: str, done: bool = False, error: bool = False) -> None:
        """A line at the bottom: what was done (green) or what went wrong (red)."""
        show_status(self.status, text, done, error)
