"""Dialogs for a database that cannot be opened: choose another file or restore a backup."""

from __future__ import annotations

import logging
from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from steunpunt.services.kernel.backup import backups
from steunpunt.ui.i18n import tr

log = logging.getLogger(__name__)

FILE_FILTER = "Steunpunt-database (*.sqlite *.db);;Alle bestanden (*)"


class ProblemChoice(Enum):
    OPEN_OTHER = "other"
    RESTORE = "restore"
    QUIT = "quit"


def ask_about_problem(
    parent: QWidget | None, message: str, database_file: Path, backup_dir: Path
) -> ProblemChoice:
    """Explain the problem; offer another file, a backup (when there is one) or quitting."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("Database kan niet worden geopend"))
    box.setText(message)
    box.setInformativeText(tr("Bestand: {file}").format(file=database_file))
    other = box.addButton(tr("Ander bestand openen…"), QMessageBox.ButtonRole.AcceptRole)
    restore = None
    if backups(backup_dir):
        restore = box.addButton(tr("Reservekopie terugzetten…"), QMessageBox.ButtonRole.ActionRole)
    quit_button = box.addButton(tr("Afsluiten"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(other)
    box.exec()
    clicked = box.clickedButton()
    if clicked is other:
        return ProblemChoice.OPEN_OTHER
    if restore is not None and clicked is restore:
        return ProblemChoice.RESTORE
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
    """Pick one of the backups, newest first."""
    found = backups(backup_dir)
    if not found:
        return None
    names = [b.name for b in found]
    name, ok = QInputDialog.getItem(
        parent,
        tr("Reservekopie terugzetten"),
        tr(
            "Kies de reservekopie om terug te zetten. Het huidige bestand wordt niet "
            "overschreven maar hernoemd en blijft bewaard."
        ),
        names,
        0,
        False,
    )
    return found[names.index(name)] if ok and name else None
