"""After the program wrote a file: say where it went (folder and name), that it holds personal
data and is not encrypted, and offer to open it, print it (a PDF) or open its folder.

Every screen that writes a file for the person (mailings, letters, exports, reports, inzage,
payment files) tells it through here; ``tests/kernel/test_saved_files.py`` checks that."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from steunpunt.domain.saved_files import where_saved
from steunpunt.ui.i18n import tr
from steunpunt.ui.pdf_output import open_in_viewer, print_pdf

log = logging.getLogger(__name__)


def where_saved_text(files: Sequence[Path], personal: bool = True) -> str:
    """The folder and names of ``files`` as full paths, with the personal data warning."""
    return where_saved([file.absolute() for file in files], personal)


def open_folder(path: Path) -> None:
    """Open the folder that holds ``path`` in the system's file manager."""
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.absolute().parent))):
        log.warning("No file manager opened the folder of %s", path.name)


class SavedFileBox(QMessageBox):
    """The message that a file was written: where it went, and what can be done with it."""

    def __init__(
        self, parent: QWidget | None, message: str, files: Sequence[Path], personal: bool = True
    ) -> None:
        super().__init__(QMessageBox.Icon.Information, tr("Steunpunt"), message, parent=parent)
        self.files = list(files)
        self.setInformativeText(where_saved_text(files, personal))
        self.pdf = files[0] if files[0].suffix.lower() == ".pdf" else None
        self.open_button: QPushButton | None = None
        self.print_button: QPushButton | None = None
        if self.pdf is not None:
            self.open_button = self.addButton(tr("Openen"), QMessageBox.ButtonRole.AcceptRole)
            self.print_button = self.addButton(tr("Afdrukken…"), QMessageBox.ButtonRole.ActionRole)
        self.folder_button = self.addButton(tr("Map openen"), QMessageBox.ButtonRole.ActionRole)
        close_button = self.addButton(tr("Sluiten"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.open_button or close_button)


def tell_where_saved(
    parent: QWidget, message: str, files: Sequence[Path], personal: bool = True
) -> None:
    """Show ``message`` with where ``files`` went; a PDF first in ``files`` can be opened or
    printed from the box, and every box opens the folder ("Map openen")."""
    box = SavedFileBox(parent, message, files, personal)
    box.exec()
    clicked = box.clickedButton()
    if box.pdf is not None and clicked is box.open_button:
        open_pdf(parent, box.pdf)
    elif box.pdf is not None and clicked is box.print_button:
        print_pdf(parent, box.pdf)
    elif clicked is box.folder_button:
        open_folder(files[0])


def open_pdf(parent: QWidget, path: Path) -> None:
    """Open in the default viewer, or say in Dutch that there is none."""
    if not open_in_viewer(path):
        QMessageBox.warning(
            parent,
            tr("Steunpunt"),
            tr(
                "Er is geen programma gevonden om PDF-bestanden te openen. Het bestand staat in {folder}."
            ).format(folder=path.parent),
        )
