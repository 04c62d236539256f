"""Before the register opens: the first beheerder, signing in, and a new password when asked.

On an encrypted database signing in is what opens it: the dialogs call the entrance
(``entrance.py``), which unwraps the key with the password, and show nothing of the register
before it succeeds.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from steunpunt.domain.accounts.passwords import MIN_LENGTH
from steunpunt.domain.errors import KnownProblem, OpeningFailed
from steunpunt.services.accounts.dto import SignedIn
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.ui.accounts.recovery_key_dialog import RecoveryKeyDialog, recovery_sheet_printer
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import vbox
from steunpunt.ui.widgets import dialog_buttons, error_line, hint_label

if TYPE_CHECKING:
    from steunpunt.ui.accounts.recovery_sign_in import Recovering

PASSWORD_HINT = (
    f"Minstens {MIN_LENGTH} tekens. Een paar losse woorden achter elkaar is sterk en goed te "
    "onthouden; veelgebruikte wachtwoorden worden geweigerd."
)


def password_edit(parent: QWidget, name: str) -> QLineEdit:
    """A field whose typing shows as dots."""
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setObjectName(name)
    return edit


def text_edit(parent: QWidget, name: str, text: str = "") -> QLineEdit:
    edit = QLineEdit(text, parent)
    edit.setObjectName(name)
    return edit


class AccountForm(QDialog):
    """A small form whose OK button runs one service call; a refusal shows in red, in the form."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr(title))
        self.form = QFormLayout()
        self.error = error_line(self)
        self.error.setObjectName("error")
        self.result_value: object = None
        self.failure: OpeningFailed | None = None
        """Set when the database file could not be used after all; the dialog closed."""

    def finish_layout(self, intro: str, ok_text: str, hint: str = "") -> None:
        buttons = dialog_buttons(self, self._accept, QDialogButtonBox.StandardButton.Ok)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(tr(ok_text))
        ok.setDefault(True)
        intro_label = QLabel(tr(intro), self)
        intro_label.setWordWrap(True)
        vbox(
            self,
            intro_label,
            self.form,
            hint_label(tr(hint), self) if hint else None,
            self.error,
            buttons,
        )
        self.setMinimumWidth(440)

    def attempt(self, call: Callable[[], object], clear: list[QLineEdit]) -> None:
        """Run ``call``; on a known problem say it and empty the password fields."""
        try:
            self.result_value = call()
        except OpeningFailed as failed:  # the file's problem: the start shows the way out
            self.failure = failed
            self.reject()
            return
        except KnownProblem as problem:
            self.error.setText(problem.message)
            for edit in clear:
                edit.clear()
            (clear[0] if clear else self).setFocus()
            return
        self.accept()

    def _accept(self) -> None:
        """What the OK button does: one service call through :meth:`attempt`."""
        raise NotImplementedError


class FirstBeheerderDialog(AccountForm):
    """Once per database: the first account, a beheerder, who then manages the others.

    ``create`` takes name, login, password and the password repeated.
    """

    def __init__(
        self, create: Callable[[str, str, str, str], object], parent: QWidget | None = None
    ) -> None:
        super().__init__("Eerste beheerder", parent)
        self._create = create
        self.name = text_edit(self, "name")
        self.login = text_edit(self, "login")
        self.password = password_edit(self, "password")
        self.repeated = password_edit(self, "repeated")
        for label, edit in (
            ("Naam", self.name),
            ("Inlognaam", self.login),
            ("Wachtwoord", self.password),
            ("Wachtwoord nog eens", self.repeated),
        ):
            self.form.addRow(tr(label), edit)
        self.finish_layout(
            "Deze database heeft nog geen beheerder. Maak eerst uw eigen account: de beheerder "
            "maakt daarna de accounts van de anderen (Beheer › Accounts).",
            "Account maken",
            PASSWORD_HINT,
        )

    def _accept(self) -> None:
        self.attempt(
            lambda: self._create(
                self.name.text(), self.login.text(), self.password.text(), self.repeated.text()
            ),
            [self.password, self.repeated],
        )


class SignInDialog(AccountForm):
    """Login and password; nothing of the register is loaded before it succeeds.

    ``sign_in`` takes the login and the password (on an encrypted database it opens it);
    ``recover``, on an encrypted database, opens it with the recovery key instead (None: the
    person gave up).
    """

    def __init__(
        self,
        sign_in: Callable[[str, str], object],
        login: str = "",
        note: str = "",
        parent: QWidget | None = None,
        recover: Callable[[QWidget], object | None] | None = None,
    ) -> None:
        super().__init__("Aanmelden bij Steunpunt", parent)
        self._sign_in = sign_in
        self.login = text_edit(self, "login", login)
        self.password = password_edit(self, "password")
        self.form.addRow(tr("Inlognaam"), self.login)
        self.form.addRow(tr("Wachtwoord"), self.password)
        self.recovery = QPushButton(
            tr("Alle wachtwoorden kwijt? Open met de herstelsleutel…"), self
        )
        self.recovery.setFlat(True)
        self.recovery.setAutoDefault(False)  # Enter signs in
        self.recovery.setVisible(recover is not None)
        if recover is not None:
            self.recovery.clicked.connect(lambda: self._recover(recover))
        self.form.addRow(self.recovery)
        self.finish_layout("Meld u aan met uw inlognaam en wachtwoord.", "Aanmelden", note)
        (self.password if login else self.login).setFocus()

    def _recover(self, recover: Callable[[QWidget], object | None]) -> None:
        try:
            entered = recover(self)
        except OpeningFailed as failed:  # the key fits, the file does not open
            self.failure = failed
            self.reject()
            return
        if entered is not None:
            self.result_value = entered
            self.accept()

    def _accept(self) -> None:
        self.attempt(
            lambda: self._sign_in(self.login.text(), self.password.text()), [self.password]
        )


class NewPasswordDialog(AccountForm):
    """Choose a new password: after a reset (the current one was just typed) or by choice."""

    def __init__(
        self,
        services: Services,
        actor: Actor,
        current: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Nieuw wachtwoord kiezen", parent)
        self._services = services
        self._actor = actor
        self._current = current
        self.current = password_edit(self, "current")
        self.password = password_edit(self, "password")
        self.repeated = password_edit(self, "repeated")
        if current is None:
            self.form.addRow(tr("Huidig wachtwoord"), self.current)
        else:
            self.current.hide()
        self.form.addRow(tr("Nieuw wachtwoord"), self.password)
        self.form.addRow(tr("Nieuw wachtwoord nog eens"), self.repeated)
        intro = (
            "Kies een nieuw wachtwoord voor {name}."
            if current is None
            else "{name}, uw wachtwoord is opnieuw ingesteld. Kies nu een eigen wachtwoord; "
            "daarna opent Steunpunt."
        )
        self.finish_layout(tr(intro).format(name=actor.name), "Opslaan", PASSWORD_HINT)

    def _accept(self) -> None:
        current = self._current if self._current is not None else self.current.text()
        accounts, actor = self._services.accounts, self._actor

        def change() -> None:
            accounts.change_own_password(actor, current, self.password.text(), self.repeated.text())

        fields = [self.password, self.repeated]
        self.attempt(change, fields if self._current is not None else [self.current, *fields])


class Entered(Protocol):
    """An opened database and who signed in on it (``entrance.Entered``)."""

    @property
    def services(self) -> Services: ...

    @property
    def file(self) -> Path: ...

    @property
    def signed_in(self) -> SignedIn: ...

    @property
    def recovery_key(self) -> str | None: ...

    def close(self) -> None: ...


EnteredT = TypeVar("EnteredT", bound=Entered)
EnteredOut = TypeVar("EnteredOut", bound=Entered, covariant=True)


class Door(Protocol[EnteredOut]):
    """What opens a database by signing in (``entrance.Entrance``)."""

    @property
    def encrypted(self) -> bool: ...

    def first_beheerder_needed(self) -> bool: ...

    def open_with_recovery_key(self, typed: str) -> Recovering[EnteredOut]: ...

    def sign_in(self, login: str, password: str) -> EnteredOut: ...

    def create_first_beheerder(
        self, name: str, login: str, password: str, repeated: str
    ) -> EnteredOut: ...


def show_recovery_key(made: Entered) -> None:
    """The recovery key of a new register, once, with the sheet for the safe."""
    assert made.recovery_key is not None
    dialog = RecoveryKeyDialog(made.recovery_key)
    dialog.set_printer(
        recovery_sheet_printer(made.services, made.signed_in.actor, made.file, dialog)
    )
    dialog.exec()


def sign_in_at_start(door: Door[EnteredT], login: str = "", note: str = "") -> EnteredT | None:
    """The first beheerder (a new register: then its recovery key, once), else the sign-in;
    then a new password when one must be chosen. None when the person gave up;
    :class:`OpeningFailed` when the key opened but the database file cannot be used."""
    accepted = QDialog.DialogCode.Accepted
    if door.first_beheerder_needed():
        first = FirstBeheerderDialog(door.create_first_beheerder)
        if first.exec() != accepted:
            return None
        made: EnteredT = first.result_value  # type: ignore[assignment]
        if made.recovery_key is not None:
            show_recovery_key(made)
        return made
    dialog = SignInDialog(
        door.sign_in, login, note, recover=_recovery(door) if door.encrypted else None
    )
    if dialog.exec() != accepted:
        if dialog.failure is not None:
            raise dialog.failure
        return None
    entered: EnteredT = dialog.result_value  # type: ignore[assignment]
    signed_in = entered.signed_in
    if signed_in.must_change_password:
        choose = NewPasswordDialog(
            entered.services, signed_in.actor, current=dialog.password.text()
        )
        if choose.exec() != accepted:
            entered.close()
            return None
    return entered


def _recovery(door: Door[EnteredT]) -> Callable[[QWidget], EnteredT | None]:
    """What the sign-in dialog's recovery button does: the recovery key, then a beheerder's
    new password."""
    from steunpunt.ui.accounts.recovery_sign_in import open_with_recovery_key

    return lambda parent: open_with_recovery_key(door.open_with_recovery_key, parent)
