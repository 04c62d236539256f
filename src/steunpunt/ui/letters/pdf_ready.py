"""After a PDF is made: offer to open it in the viewer or print it at 100 %."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from steunpunt.ui.i18n import tr
from steunpunt.ui.pdf_output import open_in_viewer, print_pdf


def offer_pdf(parent: QWidget, path: Path, message: str) -> None:
    """Ask what to do with a finished PDF: open, print or nothing."""
    box = QMessageBox(QMessageBox.Icon.Information, tr("Steunpunt"), message, parent=parent)
    box.setInformativeText(str(path))
    open_button = box.addButton(tr("Openen"), QMessageBox.ButtonRole.AcceptRole)
    print_button = box.addButton(tr("Afdrukken…"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(tr("Sluiten"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(open_button)
    box.exec()
    if box.clickedButton() is open_button:
        open_pdf(parent, path)
    elif box.clickedButton() is print_button:
        print_pdf(parent, path)


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
