"""Dialogs about the database file: one that cannot be opened (choose another file, restore a
backup, start anew), one that is read-only, and one found damaged after opening."""

from __future__ import annotations

import logging
from collections.abc import Callable
from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QMainWindow, QMessageBox, QWidget
from sqlalchemy import Engine

from steunpunt.domain.errors import KnownProblem
from steunpunt.services.kernel.backup import backups
from steunpunt.services.kernel.integrity import find_damage
from steunpunt.ui.errors import report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

FILE_FILTER = "Steunpunt-database (*.sqlite *.db);;Alle bestanden (*)"


class ProblemChoice(Enum):
    OPEN_OTHER = "other"
    RESTORE = "restore"
    NEW_REGISTER = "new"
    QUIT = "quit"


def ask_about_problem(
    parent: QWidget | None,
    message: str,
    database_file: Path,
    backup_dir: Path,
    offer_new: bool = False,
) -> ProblemChoice:
    """Explain the problem; offer another file, a backup (when there is one), a new empty
    register (``offer_new``: for a database that is empty or gone) or quitting."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("Database kan niet worden geopend"))
    box.setText(message)
    box.setInformativeText(tr("Bestand: {file}").format(file=database_file))
    other = box.addButton(tr("Ander bestand openen…"), QMessageBox.ButtonRole.AcceptRole)
    restore = None
    if backups(backup_dir):
        restore = box.addButton(tr("Reservekopie terugzetten…"), QMessageBox.ButtonRole.ActionRole)
    new = None
    if offer_new:
        new = box.addButton(tr("Nieuw, leeg register beginnen"), QMessageBox.ButtonRole.ActionRole)
    quit_button = box.addButton(tr("Afsluiten"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore or other)
    box.exec()
    clicked = box.clickedButton()
    if clicked is other:
        return ProblemChoice.OPEN_OTHER
    if restore is not None and clicked is restore:
        return ProblemChoice.RESTORE
    if new is not None and clicked is new:
        return ProblemChoice.NEW_REGISTER
    del quit_button
    return ProblemChoice.QUIT


def choose_database_file(parent: QWidget | None, start: Path) -> Path | None:
    """Pick an existing database file, or name a new one."""
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        tr("Database kiezen of nieuw maken"),
        str(start),
        FILE_FILTER,
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    return Path(name) if name else None


def choose_backup(parent: QWidget | None, backup_dir: Path) -> Path | None:
    """Pick one of the backups, newest first, shown with their date, reason and rows."""
    from steunpunt.ui.backups.chooser import BackupChooser

    found = backups(backup_dir)
    if not found:
        return None
    chooser = BackupChooser(found, parent)
    return chooser.chosen if chooser.exec() == QDialog.DialogCode.Accepted else None


READ_ONLY = (
    "Deze database staat op een plek waar niet geschreven kan worden (alleen-lezen). U kunt "
    "alles bekijken en exporteren, maar wijzigingen kunnen niet worden opgeslagen. Kopieer het "
    "bestand naar een map waarin u mag schrijven om er weer in te werken."
)


def show_read_only(window: QMainWindow) -> QMessageBox:
    """Say that nothing can be saved: in the title, in the status bar, and once in a box."""
    window.setWindowTitle(tr("{title} (alleen-lezen)").format(title=window.windowTitle()))
    label = QLabel(tr("Alleen-lezen: wijzigingen worden niet opgeslagen"), window)
    window.statusBar().addPermanentWidget(label)
    box = QMessageBox(
        QMessageBox.Icon.Information,
        tr("Alleen-lezen"),
        tr(READ_ONLY),
        QMessageBox.StandardButton.Ok,
        window,
    )
    box.open()
    return box


def check_in_background(
    window: QWidget,
    runner: TaskRunner,
    engine: Engine,
    backup_dir: Path,
    export: Callable[[], None],
    restore: Callable[[], None] | None,
) -> None:
    """Run SQLite's quick check on the task runner; on damage, say so with the way out
    (``restore`` is offered when given and there is a backup)."""

    def found(damage: KnownProblem | None) -> None:
        if damage is not None:
            can_restore = restore if backups(backup_dir) else None
            show_damage(window, damage.message, export, can_restore)

    runner.start(lambda _context: find_damage(engine), found, lambda e: report_error(window, e))


def show_damage(
    window: QWidget,
    message: str,
    export: Callable[[], None],
    restore: Callable[[], None] | None,
) -> QMessageBox:
    """The damage, with buttons for the way out: export what can be read, restore a backup."""
    box = QMessageBox(window)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(tr("Database beschadigd"))
    box.setText(message)
    actions: dict[object, Callable[[], None]] = {
        box.addButton(tr("Lijst exporteren…"), QMessageBox.ButtonRole.ActionRole): export
    }
    if restore is not None:
        button = box.addButton(tr("Reservekopie terugzetten…"), QMessageBox.ButtonRole.ActionRole)
        actions[button] = restore
    box.addButton(tr("Later"), QMessageBox.ButtonRole.RejectRole)

    def answered() -> None:
        action = actions.get(box.clickedButton())
        if action is not None:
            action()

    box.finished.connect(answered)
    box.open()
    return box
