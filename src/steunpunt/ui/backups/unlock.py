"""An encrypted backup whose key is not at hand: before signing in (the database cannot be
opened at start) a password from the backup's own key file or the recovery key; in the window,
for a backup made on another computer, the recovery key."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget

from steunpunt.domain.errors import KnownProblem
from steunpunt.services.kernel.backup import needs_key, restore_before_sign_in
from steunpunt.ui.accounts.sign_in_dialogs import AccountForm, password_edit, text_edit
from steunpunt.ui.errors import report_error
from steunpunt.ui.i18n import tr

BEFORE_SIGN_IN = (
    "De reservekopie {name} is versleuteld. Meld u aan met uw inlognaam en wachtwoord zoals ze "
    "waren toen de reservekopie werd gemaakt, of vul alleen de herstelsleutel van het "
    "steunpunt in. Daarna wordt zij teruggezet; het huidige bestand blijft bewaard onder een "
    "andere naam."
)
OTHER_COMPUTER = (
    "De reservekopie {name} is niet met de sleutel van deze database versleuteld: zij is op een "
    "andere computer gemaakt (of door een ander steunpunt). Een reservekopie van dit steunpunt "
    "zet u terug met de herstelsleutel van het steunpunt (het vel uit de kluis)."
)


class BackupKeyDialog(AccountForm):
    """What opens an encrypted backup: a login and password (``with_password``) or the recovery
    key; OK runs ``put_back`` with the login, the password and the recovery key."""

    def __init__(
        self,
        intro: str,
        put_back: Callable[[str, str, str], object],
        with_password: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Reservekopie terugzetten", parent)
        self._put_back = put_back
        self.login = text_edit(self, "login")
        self.password = password_edit(self, "password")
        self.recovery_key = text_edit(self, "recovery_key")
        if with_password:
            self.form.addRow(tr("Inlognaam"), self.login)
            self.form.addRow(tr("Wachtwoord"), self.password)
        else:
            self.login.hide()
            self.password.hide()
        self.form.addRow(
            tr("Of herstelsleutel" if with_password else "Herstelsleutel"), self.recovery_key
        )
        self.finish_layout(intro, "Terugzetten")

    def _accept(self) -> None:
        self.attempt(
            lambda: self._put_back(
                self.login.text(), self.password.text(), self.recovery_key.text()
            ),
            [self.password] if self.password.isVisibleTo(self) else [],
        )


def restore_at_start(
    parent: QWidget | None, backup: Path, database_file: Path, backup_dir: Path
) -> None:
    """Put ``backup`` in place of a database that cannot be opened, asking for what opens it
    when it is encrypted; a refusal is said and changes nothing."""

    def put_back(login: str, password: str, recovery_key: str) -> object:
        return restore_before_sign_in(
            backup,
            database_file,
            backup_dir,
            login=login,
            password=password,
            recovery_key=recovery_key,
        )

    if not needs_key(backup):
        try:
            put_back("", "", "")
        except KnownProblem as refused:
            report_error(parent, refused)
        return
    intro = tr(BEFORE_SIGN_IN).format(name=backup.name)
    dialog = BackupKeyDialog(intro, put_back, with_password=True, parent=parent)
    dialog.exec()
    dialog.deleteLater()


def recovery_key_for(parent: QWidget, backup: Path, check: Callable[[str], object]) -> str | None:
    """The recovery key that opens ``backup`` (made on another computer), ``check``-ed before
    the dialog closes; None when the person gave up."""
    intro = tr(OTHER_COMPUTER).format(name=backup.name)
    dialog = BackupKeyDialog(
        intro, lambda _login, _password, key: check(key), with_password=False, parent=parent
    )
    typed = dialog.recovery_key.text
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    key = typed()
    dialog.deleteLater()
    return key if accepted else None
