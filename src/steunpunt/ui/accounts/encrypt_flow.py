"""Encrypting a plain database as a person sees it: their password asked again (from the
menu), the progress with a stop button, the recovery key once, the accounts that need a new
password, and the question, with the reason, to remove the plain copies."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QWidget,
)

from steunpunt.domain.errors import Cancelled, KnownProblem
from steunpunt.domain.progress import Progress
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.services.kernel.encryption_setup import STEPS, FirstHolder
from steunpunt.services.kernel.plain_copies import PlainCopy, Removal, removal_question
from steunpunt.ui.accounts.sign_in_dialogs import (
    AccountForm,
    Entered,
    password_edit,
    show_recovery_key,
)
from steunpunt.ui.errors import report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import STRETCH, hbox, vbox
from steunpunt.ui.tasks import TaskContext, TaskRunner

Made = TypeVar("Made")

TITLE = "Database versleutelen"
LATER = "Een beheerder kan de database later versleutelen via Beheer › Database versleutelen."


class Converted(Entered, Protocol):
    """A plain database just encrypted (``entrance.Converted``)."""

    @property
    def plain_copies(self) -> tuple[PlainCopy, ...]: ...

    @property
    def without_key(self) -> int: ...

    def remove_plain_copies(self) -> Removal: ...


class EncryptDialog(AccountForm):
    """Beheer › Database versleutelen: what happens, and the beheerder's password once more.

    Its result is the beheerder as the holder of the first copy of the new key.
    """

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(TITLE, parent)
        self._services = services
        self._actor = actor
        self.password = password_edit(self, "password")
        self.form.addRow(tr("Uw wachtwoord"), self.password)
        self.finish_layout(
            "De database is nog niet versleuteld: wie de laptop of een kopie van het bestand "
            "vindt, kan alle gegevens lezen. Na het versleutelen opent alleen een wachtwoord "
            "of de herstelsleutel hem. Het venster sluit even en opent daarna weer; bij een "
            "groot register duurt het enkele seconden. Andere accounts krijgen daarna van u "
            "een nieuw wachtwoord.",
            "Versleutelen",
        )

    def _accept(self) -> None:
        accounts, staff_id = self._services.accounts, self._actor.staff_id
        self.attempt(lambda: accounts.key_holder(staff_id, self.password.text()), [self.password])

    @property
    def holder(self) -> FirstHolder:
        assert isinstance(self.result_value, FirstHolder)
        return self.result_value


class EncryptionProgress(QDialog):
    """The encryption running in the background; "Stoppen" stops it before anything changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr(TITLE))
        self.setModal(True)
        self.said = QLabel(
            tr(
                "De database wordt versleuteld en gecontroleerd. Bij een groot register duurt "
                "dit enkele seconden."
            ),
            self,
        )
        self.said.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, STEPS)
        self.stop_button = QPushButton(tr("Stoppen"), self)
        self.stop_button.clicked.connect(self.stop)
        vbox(self, self.said, self.bar, hbox(STRETCH, self.stop_button))
        self.setMinimumWidth(420)
        self._task: TaskContext | None = None
        self._ended = False
        self.made: object = None
        self.failure: BaseException | None = None

    def run(self, runner: TaskRunner, work: Callable[[Progress], object]) -> None:
        """Run ``work`` with this dialog's progress; returns once it ended."""
        self._task = runner.start(
            lambda context: work(context.progress), self._done, self._failed, self._progressed
        )
        if not self._ended:
            self.exec()

    def stop(self) -> None:
        """Ask the encryption to stop; it stops at its next step, before the swap."""
        if self._task is not None:
            self._task.cancel()
        self.stop_button.setEnabled(False)
        self.said.setText(tr("Het versleutelen wordt gestopt…"))

    def reject(self) -> None:
        """Escape or the window's cross stop the encryption; the dialog waits for it to end."""
        if self._ended:
            super().reject()
        else:
            self.stop()

    def _progressed(self, done: int, _total: int) -> None:
        self.bar.setValue(done)

    def _done(self, made: object) -> None:
        self.made = made
        self._end()

    def _failed(self, error: BaseException) -> None:
        self.failure = error
        self._end()

    def _end(self) -> None:
        self._ended = True
        self.accept()


def run_encryption(work: Callable[[Progress], Made], parent: QWidget | None = None) -> Made | None:
    """Run ``work`` (the encryption, given the progress) behind :class:`EncryptionProgress`.

    None when it was stopped or failed: the person is told in Dutch that the database is as it
    was, still plain; anything unexpected reaches the crash dialog.
    """
    runner = TaskRunner()
    progress = EncryptionProgress(parent)
    try:
        progress.run(runner, work)
    finally:
        runner.shutdown()
        progress.deleteLater()
    failure = progress.failure
    if failure is None:
        return progress.made  # type: ignore[return-value]
    if isinstance(failure, Cancelled):
        said = tr(
            "Het versleutelen is gestopt. De database is niet veranderd en nog niet versleuteld."
        )
    elif isinstance(failure, KnownProblem):
        said = failure.message
    else:
        report_error(parent, failure)  # unexpected: the crash dialog
        return None
    QMessageBox.warning(parent, tr(TITLE), f"{said} {tr(LATER)}")
    return None


def after_encryption(converted: Converted, parent: QWidget | None = None) -> None:
    """The recovery key once, the accounts that need a new password, then the question to
    remove the plain copies (with the reason); removed only on yes."""
    show_recovery_key(converted)
    if converted.without_key:
        QMessageBox.warning(parent, tr(TITLE), without_key_message(converted.without_key))
    copies = converted.plain_copies
    if not copies:
        return
    answer = QMessageBox.question(
        parent,
        tr("Onversleutelde kopieën verwijderen"),
        removal_question(copies),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return
    removal = converted.remove_plain_copies()
    if removal.kept:
        names = "\n".join(f"• {copy.file}" for copy in removal.kept)
        QMessageBox.warning(
            parent,
            tr("Onversleutelde kopieën verwijderen"),
            tr(
                "Deze kopieën konden niet worden verwijderd (in gebruik of geen rechten); "
                "verwijder ze zelf:\n{names}"
            ).format(names=names),
        )


def without_key_message(count: int) -> str:
    """What the beheerder is told about the other accounts after the encryption."""
    who = tr("1 ander account kan") if count == 1 else tr("{n} andere accounts kunnen")
    return tr(
        "De database is versleuteld. {who} de database nog niet openen: alleen uw "
        "wachtwoord en de herstelsleutel openen hem nu. Geef elk ander account dat moet "
        "kunnen aanmelden een nieuw wachtwoord via Beheer › Accounts › Wachtwoord opnieuw "
        "instellen; daarmee krijgt het account zijn sleutel."
    ).format(who=who.format(n=count))
