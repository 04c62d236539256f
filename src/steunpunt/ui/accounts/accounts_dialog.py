"""Beheer › Accounts: add, change, deactivate and reset the accounts; the idle lock setting."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from steunpunt.domain.accounts.lock_setting import LOCK_MINUTES_MAX, LOCK_MINUTES_MIN
from steunpunt.domain.errors import KnownProblem
from steunpunt.domain.roles import Role
from steunpunt.services.accounts.dto import AccountData, AccountView
from steunpunt.ui.accounts.sign_in_dialogs import (
    PASSWORD_HINT,
    AccountForm,
    password_edit,
    text_edit,
)
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.errors import report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import STRETCH, hbox, vbox

COLUMNS = ("Naam", "Inlognaam", "Rol", "Status")


class AccountDialog(AccountForm):
    """A new account (with the password to hand over), or the name, login and role of one."""

    def __init__(
        self, context: ScreenContext, account: AccountView | None, parent: QWidget | None = None
    ) -> None:
        super().__init__("Nieuw account" if account is None else "Account wijzigen", parent)
        self._context = context
        self._account = account
        self.name = text_edit(self, "name", account.name if account else "")
        self.login = text_edit(self, "login", (account.login or "") if account else "")
        self.role = QComboBox(self)
        self.role.setObjectName("role")
        for role in Role:
            self.role.addItem(role.label, role)
        self.role.setCurrentIndex(list(Role).index(account.role if account else Role.MEDEWERKER))
        self.password = password_edit(self, "password")
        self.repeated = password_edit(self, "repeated")
        self.form.addRow(tr("Naam"), self.name)
        self.form.addRow(tr("Inlognaam"), self.login)
        self.form.addRow(tr("Rol"), self.role)
        if account is None:
            self.form.addRow(tr("Eerste wachtwoord"), self.password)
            self.form.addRow(tr("Wachtwoord nog eens"), self.repeated)
        intro = (
            "Geef het eerste wachtwoord persoonlijk door: bij de eerste keer aanmelden kiest "
            "de medewerker zelf een nieuw wachtwoord."
            if account is None
            else "Wijzig naam, inlognaam of rol."
        )
        self.finish_layout(intro, "Opslaan", PASSWORD_HINT if account is None else "")

    def _accept(self) -> None:
        accounts, actor, account = (
            self._context.services.accounts,
            self._context.actor,
            self._account,
        )
        # Qt hands a StrEnum back as its plain text: make it the role again.
        data = AccountData(self.name.text(), self.login.text(), Role(self.role.currentData()))
        if account is None:
            self.attempt(
                lambda: accounts.add(actor, data, self.password.text(), self.repeated.text()),
                [self.password, self.repeated],
            )
        else:
            self.attempt(lambda: accounts.edit(actor, account.id, account.version, data), [])


class ResetPasswordDialog(AccountForm):
    """A new password for someone who forgot theirs; they choose their own at the next sign-in."""

    def __init__(
        self, context: ScreenContext, account: AccountView, parent: QWidget | None = None
    ) -> None:
        super().__init__("Wachtwoord opnieuw instellen", parent)
        self._context = context
        self._account = account
        self.password = password_edit(self, "password")
        self.repeated = password_edit(self, "repeated")
        self.form.addRow(tr("Tijdelijk wachtwoord"), self.password)
        self.form.addRow(tr("Wachtwoord nog eens"), self.repeated)
        self.finish_layout(
            tr(
                "Een tijdelijk wachtwoord voor {name}. Geef het persoonlijk door; bij de volgende "
                "keer aanmelden kiest {name} zelf een nieuw wachtwoord."
            ).format(name=account.name),
            "Opslaan",
            PASSWORD_HINT,
        )

    def _accept(self) -> None:
        accounts, actor, account = (
            self._context.services.accounts,
            self._context.actor,
            self._account,
        )
        self.attempt(
            lambda: accounts.reset_password(
                actor, account.id, account.version, self.password.text(), self.repeated.text()
            ),
            [self.password, self.repeated],
        )


class AccountsDialog(QDialog):
    """Every account with its role and state; accounts are deactivated, never deleted."""

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.setWindowTitle(tr("Accounts"))
        self.accounts: list[AccountView] = []
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("accounts")
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(self.edit)
        self.table.itemSelectionChanged.connect(self._enable)
        self.add_button = self._button("Toevoegen…", self.add)
        self.edit_button = self._button("Wijzigen…", self.edit)
        self.active_button = self._button("Deactiveren", self.toggle_active)
        self.reset_button = self._button("Wachtwoord opnieuw instellen…", self.reset_password)
        self.minutes = QSpinBox(self)
        self.minutes.setObjectName("lock_minutes")
        self.minutes.setRange(LOCK_MINUTES_MIN, LOCK_MINUTES_MAX)
        self.minutes.setSuffix(tr(" minuten"))
        self.minutes.setValue(context.services.accounts.settings().lock_after_minutes)
        save_minutes = self._button("Opslaan", self.save_minutes)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        vbox(
            self,
            QLabel(
                tr(
                    "Accounts worden nooit verwijderd: wat iemand deed blijft op naam staan. "
                    "Deactiveer een account dat niet meer gebruikt wordt."
                ),
                self,
            ),
            self.table,
            hbox(self.add_button, self.edit_button, self.active_button, self.reset_button, STRETCH),
            hbox(
                QLabel(tr("Venster vergrendelen na"), self),
                self.minutes,
                QLabel(tr("zonder gebruik"), self),
                save_minutes,
                STRETCH,
            ),
            close,
        )
        self.resize(720, 420)
        self.load()

    def _button(self, text: str, slot: object) -> QPushButton:
        button = QPushButton(tr(text), self)
        button.clicked.connect(slot)
        return button

    def load(self, select: int | None = None) -> None:
        """The accounts as they are now; ``select`` the one with that id."""
        self.accounts = self._context.services.accounts.accounts()
        self.table.setRowCount(len(self.accounts))
        for row, account in enumerate(self.accounts):
            values = (account.name, account.login or "", account.role.label, account.state)
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(tr(value)))
            if account.id == select:
                self.table.selectRow(row)
        self._enable()

    def chosen(self) -> AccountView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.accounts[rows[0].row()] if rows else None

    def _enable(self) -> None:
        account = self.chosen()
        for button in (self.edit_button, self.active_button, self.reset_button):
            button.setEnabled(account is not None)
        self.active_button.setText(
            tr("Activeren") if account is not None and not account.active else tr("Deactiveren")
        )

    def add(self) -> None:
        self._run(AccountDialog(self._context, None, self))

    def edit(self) -> None:
        account = self.chosen()
        if account is not None:
            self._run(AccountDialog(self._context, account, self))

    def reset_password(self) -> None:
        account = self.chosen()
        if account is not None:
            self._run(ResetPasswordDialog(self._context, account, self))

    def _run(self, dialog: AccountForm) -> None:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            made = dialog.result_value
            self.load(made.id if isinstance(made, AccountView) else None)
        dialog.deleteLater()

    def toggle_active(self) -> None:
        account = self.chosen()
        if account is None:
            return
        accounts, actor = self._context.services.accounts, self._context.actor
        try:
            if account.active:
                accounts.deactivate(actor, account.id, account.version)
            else:
                accounts.activate(actor, account.id, account.version)
        except KnownProblem as problem:
            report_error(self, problem)
        self.load(account.id)

    def save_minutes(self) -> None:
        try:
            self._context.services.accounts.set_lock_minutes(
                self._context.actor, self.minutes.value()
            )
        except KnownProblem as problem:
            report_error(self, problem)
