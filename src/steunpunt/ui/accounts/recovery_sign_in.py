"""Every password lost: the recovery key opens the database (``entrance.py`` decides), and the
beheerder says which account is theirs and chooses a new password for it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from PySide6.QtWidgets import QComboBox, QDialog, QWidget

from steunpunt.services.accounts.dto import AccountView
from steunpunt.ui.accounts.sign_in_dialogs import (
    PASSWORD_HINT,
    AccountForm,
    password_edit,
    text_edit,
)
from steunpunt.ui.i18n import tr

EnteredOut = TypeVar("EnteredOut", covariant=True)


class Recovering(Protocol[EnteredOut]):
    """A database opened with the recovery key (``entrance.Recovered``)."""

    @property
    def beheerders(self) -> Sequence[AccountView]: ...

    def take_over(self, staff_id: int, password: str, repeated: str) -> EnteredOut: ...

    def close(self) -> None: ...


class RecoveryKeySignInDialog(AccountForm):
    """Type the steunpunt's recovery key; ``open_with`` opens the database with it."""

    def __init__(self, open_with: Callable[[str], object], parent: QWidget | None = None) -> None:
        super().__init__("Openen met de herstelsleutel", parent)
        self._open_with = open_with
        self.key = text_edit(self, "recovery_key")
        self.key.setPlaceholderText("ABCD-EFGH-…")
        self.form.addRow(tr("Herstelsleutel"), self.key)
        self.finish_layout(
            "Zijn alle wachtwoorden kwijt? Typ de herstelsleutel van het steunpunt over van het "
            "vel uit de kluis. Daarna kiest u welk beheerdersaccount van u is en geeft u het een "
            "nieuw wachtwoord.",
            "Openen",
            "Spaties, streepjes en kleine letters mogen; een tikfout wordt herkend.",
        )

    def _accept(self) -> None:
        self.attempt(lambda: self._open_with(self.key.text()), [])


class TakeOverDialog(AccountForm):
    """Which active beheerder you are, and your new password: then the register opens."""

    def __init__(self, recovering: Recovering[object], parent: QWidget | None = None) -> None:
        super().__init__("Nieuw wachtwoord voor een beheerder", parent)
        self._recovering = recovering
        self.account = QComboBox(self)
        self.account.setObjectName("account")
        for account in recovering.beheerders:
            self.account.addItem(f"{account.name} ({account.login})", account.id)
        self.password = password_edit(self, "password")
        self.repeated = password_edit(self, "repeated")
        self.form.addRow(tr("Uw account"), self.account)
        self.form.addRow(tr("Nieuw wachtwoord"), self.password)
        self.form.addRow(tr("Nieuw wachtwoord nog eens"), self.repeated)
        self.finish_layout(
            "De herstelsleutel past: de database is open. Kies uw account en een nieuw "
            "wachtwoord; uw oude wachtwoord werkt daarna niet meer. Geef de anderen daarna een "
            "nieuw wachtwoord in Beheer › Accounts.",
            "Opslaan en openen",
            PASSWORD_HINT,
        )

    def _accept(self) -> None:
        staff_id = int(self.account.currentData())
        self.attempt(
            lambda: self._recovering.take_over(
                staff_id, self.password.text(), self.repeated.text()
            ),
            [self.password, self.repeated],
        )


def open_with_recovery_key(
    open_with: Callable[[str], Recovering[EnteredOut]], parent: QWidget | None
) -> EnteredOut | None:
    """The recovery key, then the beheerder's new password; None when the person gave up (the
    database opened with the key is closed again). :class:`OpeningFailed` when the key fits
    but the database file cannot be used."""
    accepted = QDialog.DialogCode.Accepted
    typed = RecoveryKeySignInDialog(open_with, parent)
    if typed.exec() != accepted:
        if typed.failure is not None:
            raise typed.failure
        return None
    recovering: Recovering[EnteredOut] = typed.result_value  # type: ignore[assignment]
    choose = TakeOverDialog(recovering, parent)
    if choose.exec() != accepted:
        recovering.close()
        return None
    entered: EnteredOut = choose.result_value  # type: ignore[assignment]
    return entered
