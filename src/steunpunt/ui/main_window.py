"""The main window: the worklist, the caregiver list and the caregiver form on one stack."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from steunpunt import __version__
from steunpunt.domain.reports.report import Report
from steunpunt.services.kernel.changes import Changes, Topic
from steunpunt.settings import Settings
from steunpunt.startup import OpenDatabase
from steunpunt.ui.accounts.lock import WindowLock
from steunpunt.ui.backups.automatic import AutomaticBackups
from steunpunt.ui.backups.progress import BackupProgress
from steunpunt.ui.caregivers.list_view import CaregiverListView
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.errors import known_message, report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.main_menu import build_menus
from steunpunt.ui.tasks import TaskContext
from steunpunt.ui.today.today_view import TodayView

if TYPE_CHECKING:
    from steunpunt.ui.caregivers.form_view import CaregiverFormView
    from steunpunt.ui.compliment.window import ComplimentWindow
    from steunpunt.ui.reports.dashboard import DashboardView

log = logging.getLogger(__name__)

REPORT_TOPICS = frozenset(Topic) - {Topic.WORKLIST, Topic.TEMPLATES, Topic.STAFF}
"""What the dashboard's figures count."""


class MainWindow(QMainWindow):
    """Shows the register; every screen gets the one ScreenContext through its constructor."""

    open_other_database = Signal()
    restore_requested = Signal()
    """Bestand › Reservekopie terugzetten: the program chooses, checks and puts one back."""
    switch_user = Signal(object)
    """A beheerder opened the locked window: the program goes on as them (a ``SignedIn``)."""
    encrypt_requested = Signal(object)
    """Beheer › Database versleutelen, the password checked: the program closes this window,
    encrypts the plain database and opens it again (a ``FirstHolder``)."""

    def __init__(
        self, context: ScreenContext, database: OpenDatabase, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self._database = database
        self.settings = context.settings
        """The settings to save on closing: those of the context, with this window's geometry."""
        self.setWindowTitle(tr("Steunpunt mantelzorg"))
        self.changes = context.changes
        self.today_view = TodayView(context, self)
        self.list_view = CaregiverListView(context, self)
        self._form_view: CaregiverFormView | None = None
        """Made the first time a caregiver is opened: start-up does not wait for it."""
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.today_view)
        self.stack.addWidget(self.list_view)
        self.dashboard: DashboardView | None = None
        """Made the first time it is shown (it is not needed at start-up)."""
        self._dashboard_generation = 0
        self._came_from: QWidget = self.list_view
        """Where "back" from the caregiver form goes: the list or the worklist."""
        self.setCentralWidget(self.stack)
        self.lock = WindowLock(self, context, self.switch_user.emit)
        self.automatic_backups = AutomaticBackups(context, database, self, self._backup_done)
        build_menus(self)
        self._build_status_bar()

        self.list_view.open_requested.connect(self.open_caregiver)
        self.list_view.new_requested.connect(self.new_caregiver)
        self.list_view.export_requested.connect(self.export_list)
        self.today_view.open_caregiver.connect(self.open_caregiver)
        self.today_view.open_round.connect(self.open_round)
        self._may_search = context.may("caregivers", "CaregiverService.search")
        self._may_see_today = context.may("today", "WorklistService.items")
        screens = ((self.list_view, self._may_search), (self.today_view, self._may_see_today))
        for screen, allowed in screens:
            if allowed:  # a role without the register (financiën, rapportage) never loads it
                self.changes.changed.connect(screen.refresh_for)
        self.changes.changed.connect(self._refresh_dashboard)
        QShortcut(QKeySequence.StandardKey.Find, self, self.go_to_search)
        if self.settings.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(self.settings.window_geometry.encode()))
        else:
            self.resize(1280, 800)

    @property
    def form_view(self) -> CaregiverFormView:
        """The caregiver form, made and wired the first time it is needed."""
        if self._form_view is None:
            from steunpunt.ui.caregivers.form_view import CaregiverFormView

            form = CaregiverFormView(self.context, self)
            self.stack.addWidget(form)
            form.back_requested.connect(self.go_back)
            if self._may_search:
                self.changes.changed.connect(form.refresh_for)
            QShortcut(QKeySequence(Qt.Key.Key_Escape), form, self.go_back)
            QShortcut(QKeySequence.StandardKey.Save, form, form.save)
            self._form_view = form
        return self._form_view

    def _form_keeps_its_changes(self) -> bool:
        """Whether the form is shown with unsaved changes the person chose to keep editing."""
        form = self._form_view
        return form is not None and self.stack.currentWidget() is form and not form.confirm_leave()

    def make_mailing(self) -> None:
        from steunpunt.ui.letters.mailing_dialog import MailingDialog

        MailingDialog(self.context, self).exec()

    def open_compliment(self) -> ComplimentWindow:
        """The compliment rounds, in a window of their own beside the register."""
        from steunpunt.ui.compliment.window import ComplimentWindow

        existing = getattr(self, "compliment_window", None)
        if existing is None:
            existing = ComplimentWindow(self.context, self)
            self.compliment_window = existing
        if existing.isVisible():
            existing.raise_()
            existing.activateWindow()
        else:
            existing.show()
        return existing

    def import_file(self) -> None:
        """Bestand › Importeren: an old register from Excel or CSV."""
        from steunpunt.ui.imports.import_dialog import ImportDialog

        dialog = ImportDialog(self.context, self)
        dialog.exec()
        dialog.deleteLater()

    def undo_import(self) -> None:
        from steunpunt.ui.imports.undo_dialog import UndoImportDialog

        dialog = UndoImportDialog(self.context, self)
        dialog.exec()
        dialog.deleteLater()

    def edit_templates(self) -> None:
        from steunpunt.ui.letters.template_editor import TemplateEditor

        editor = TemplateEditor(self.context, self)
        editor.exec()
        editor.deleteLater()

    def export_list(self) -> None:
        """The caregivers the list shows now, with chosen columns, to Excel or CSV."""
        from steunpunt.ui.caregivers.export_dialog import ExportDialog

        self.list_view.refresh()  # what is typed counts, also within the search delay
        dialog = ExportDialog(self.context, self.list_view.criteria(), self)
        dialog.exec()
        dialog.deleteLater()

    def make_report(self) -> None:
        from steunpunt.ui.reports.report_dialog import ReportDialog

        dialog = ReportDialog(self.context, self)
        dialog.exec()
        dialog.deleteLater()

    def edit_partners(self) -> None:
        from steunpunt.ui.support.partner_directory import PartnerDirectory

        directory = PartnerDirectory(self.context, self)
        directory.exec()
        directory.deleteLater()

    def edit_support_settings(self) -> None:
        """Burden bands, household-help rules and the worklist; what changed is shown again."""
        from steunpunt.ui.support.settings_dialog import SupportSettingsDialog

        dialog = SupportSettingsDialog(self.context, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.statusBar().showMessage(dialog.result_text, 8000)
        dialog.deleteLater()

    def find_duplicates(self) -> None:
        """Beheer › Mogelijke dubbelen: pairs, "niet dezelfde", merging and undoing merges."""
        from steunpunt.ui.duplicates.pairs_dialog import DuplicatesDialog

        dialog = DuplicatesDialog(self.context, self)
        dialog.exec()
        dialog.deleteLater()

    def show_audit_log(self) -> None:
        """Beheer › Auditlog: who did what, filtered, paged and exported."""
        from steunpunt.ui.audit_log import AuditLogDialog

        dialog = AuditLogDialog(self.context, None, self)
        dialog.exec()
        dialog.deleteLater()

    def edit_house_style(self) -> None:
        from steunpunt.ui.letters.house_style_dialog import HouseStyleDialog

        dialog = HouseStyleDialog(self.context, self)
        dialog.exec()
        dialog.deleteLater()

    def review_retention(self) -> None:
        from steunpunt.ui.privacy.retention_dialog import RetentionDialog

        dialog = RetentionDialog(self.context, self)
        dialog.exec()
        dialog.deleteLater()

    def manage_accounts(self) -> None:
        """Beheer › Accounts; a new idle time locks this window from now on."""
        from steunpunt.ui.accounts.accounts_dialog import AccountsDialog

        dialog = AccountsDialog(self.context, self)
        dialog.exec()
        dialog.deleteLater()
        self.lock.set_minutes(self.context.services.accounts.settings().lock_after_minutes)

    def replace_recovery_key(self) -> None:
        """Beheer › Nieuwe herstelsleutel."""
        from steunpunt.ui.accounts.new_recovery_key import replace_recovery_key

        replace_recovery_key(self.context, self._database.file, self)

    def change_password(self) -> None:
        from steunpunt.ui.accounts.sign_in_dialogs import NewPasswordDialog

        dialog = NewPasswordDialog(self.context.services, self.context.actor, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.statusBar().showMessage(tr("Uw nieuwe wachtwoord is opgeslagen."), 8000)
        dialog.deleteLater()

    def _build_status_bar(self) -> None:
        where = QLabel(
            tr("Aangemeld: {name} ({role}) · Database: {file}").format(
                name=self.context.actor.name,
                role=tr(self.context.actor.role.label).lower(),
                file=self._database.file,
            ),
            self,
        )
        self.backup_progress = BackupProgress(self.context, self._database, self, self._backup_done)
        self.statusBar().addPermanentWidget(self.backup_progress)
        self.statusBar().addPermanentWidget(where)
        self.statusBar().addWidget(self.today_view.undo_notice)

    def start(self) -> None:
        """Fill the worklist and the list (what the role may see); called once shown."""
        if self._may_search:
            self.list_view.refresh()
        if self._may_see_today:
            self._to_today()
        elif self.context.may("reports", "ReportService.report"):
            self.show_dashboard()
        self.automatic_backups.start()

    def show_today(self) -> None:
        if self._form_keeps_its_changes():
            return
        self._to_today()

    def _to_today(self) -> None:
        """The worklist, loaded afresh, with the keyboard in its table."""
        self.today_view.refresh()
        self.stack.setCurrentWidget(self.today_view)
        self.today_view.table.setFocus()

    def show_dashboard(self) -> None:
        """This year's headline figures and the reach over the years, for the steunpunt."""
        if self._form_keeps_its_changes():
            return
        if self.dashboard is None:
            from steunpunt.ui.reports.dashboard import DashboardView

            self.dashboard = DashboardView(self)
            self.dashboard.municipality_chosen.connect(self._load_dashboard)
            self.stack.addWidget(self.dashboard)
        self.dashboard.set_municipalities(self.context.services.reports.municipalities())
        self.stack.setCurrentWidget(self.dashboard)
        self._load_dashboard(self.dashboard.chosen_municipality())

    def _load_dashboard(self, municipality: str) -> None:
        """Load the figures in the background; an answer for an earlier choice is dropped."""
        dashboard = self.dashboard
        if dashboard is None:
            return
        dashboard.show_message(tr("Cijfers laden…"))
        reports, today = self.context.services.reports, self.context.today()
        self._dashboard_generation += 1
        generation = self._dashboard_generation

        def work(_context: TaskContext) -> Report:
            return reports.report(date(today.year, 1, 1), today, municipality)

        def done(report: Report) -> None:
            if generation == self._dashboard_generation:
                dashboard.show_report(report)

        def failed(error: BaseException) -> None:
            if generation == self._dashboard_generation:
                dashboard.show_message(
                    known_message(error) or tr("De cijfers konden niet worden geladen.")
                )

        self.context.runner.start(work, done, failed)

    def _refresh_dashboard(self, changes: Changes) -> None:
        """The figures shown again after a change they count."""
        dashboard = self.dashboard
        if dashboard is not None and dashboard.isVisible() and changes.touches(REPORT_TOPICS):
            self._load_dashboard(dashboard.chosen_municipality())

    def open_round(self, round_id: int) -> None:
        """A worklist item of the compliment round: the round in its window."""
        self.open_compliment().load_rounds(select=round_id)

    def go_to_search(self) -> None:
        if self._form_keeps_its_changes():
            return
        self.stack.setCurrentWidget(self.list_view)
        self.list_view.focus_search()

    def new_caregiver(self) -> None:
        if self._form_keeps_its_changes():
            return
        current = self.stack.currentWidget()
        if current is not None and current is not self._form_view:
            self._came_from = current
        self.form_view.open_new(self.settings.default_municipality)
        self.stack.setCurrentWidget(self.form_view)

    def open_caregiver(self, caregiver_id: int) -> None:
        if self._form_keeps_its_changes():
            return
        current = self.stack.currentWidget()
        if current is not None and current is not self._form_view:
            self._came_from = current
        try:
            self.form_view.open_existing(caregiver_id)
        except Exception as error:
            report_error(self, error)
            self.list_view.refresh()
            return
        self.stack.setCurrentWidget(self.form_view)

    def go_back(self) -> None:
        """From the caregiver form back to the list or the worklist it was opened from."""
        if not self.form_view.confirm_leave():
            return
        if self._came_from is self.today_view:
            self._to_today()
            return
        self.stack.setCurrentWidget(self.list_view)
        self.list_view.table.setFocus()

    def make_backup(self) -> None:
        """Bestand › Reservekopie maken: in the background, its progress in the status bar."""
        self.backup_progress.make()

    def _backup_done(self, target: Path) -> None:
        self.statusBar().showMessage(
            tr("Reservekopie gemaakt: {name}").format(name=target.name), 10_000
        )
        self.today_view.show_backup_warning()

    def edit_backup_settings(self) -> None:
        from steunpunt.ui.backups.settings_dialog import BackupSettingsDialog

        BackupSettingsDialog(self.context, self).exec()
        self.today_view.show_backup_warning()

    def ask_restore(self) -> None:
        if self._form_view is None or self._form_view.confirm_leave():
            self.restore_requested.emit()

    def may_encrypt(self) -> bool:
        """Whether Beheer › Database versleutelen is offered: on a plain database that can be
        written."""
        return not (self._database.encrypted or self._database.read_only)

    def encrypt_database(self) -> None:
        from steunpunt.ui.accounts.encrypt_flow import EncryptDialog

        if not self.form_view.confirm_leave():
            return
        dialog = EncryptDialog(self.context.services, self.context.actor, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.encrypt_requested.emit(dialog.holder)

    def ask_open_other(self) -> None:
        if self._form_view is None or self._form_view.confirm_leave():
            self.open_other_database.emit()

    def about(self) -> None:
        QMessageBox.about(
            self,
            tr("Over Steunpunt"),
            tr(
                "<b>Steunpunt {version}</b><p>Registratie en ondersteuning van mantelzorgers, "
                "zonder internet.</p>"
            ).format(version=__version__),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._form_keeps_its_changes():
            event.ignore()
            return
        self.settings = self._with_geometry()
        self.lock.sign_out()
        event.accept()

    def _with_geometry(self) -> Settings:
        geometry = bytes(self.saveGeometry().toBase64().data()).decode()
        return replace(self.settings, window_geometry=geometry)
