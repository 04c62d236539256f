"""Bestand › Reservekopie terugzetten: the backups with their date, reason and rows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from steunpunt.domain.backups.manifest import BackupEntry
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import vbox

COLUMNS = ("Gemaakt", "Reden", "Mantelzorgers", "Rijen", "Versie")
UNKNOWN = "–"


class BackupChooser(QDialog):
    """The complete backups, newest first; the chosen one is :attr:`chosen`."""

    def __init__(self, entries: list[BackupEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries = entries
        self.setWindowTitle(tr("Reservekopie terugzetten"))
        self.resize(680, 400)
        note = QLabel(
            tr(
                "Kies de reservekopie om terug te zetten. Eerst wordt van de huidige database "
                "een reservekopie gemaakt; het huidige bestand wordt niet overschreven maar "
                "hernoemd en blijft bewaard. Daarna start het programma opnieuw op de "
                "teruggezette database."
            ),
            self,
        )
        note.setWordWrap(True)
        self.table = QTableWidget(len(entries), len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, entry in enumerate(entries):
            for column, text in enumerate(_cells(entry)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if entries:
            self.table.selectRow(0)
        buttons = QDialogButtonBox(self)
        self.restore_button = buttons.addButton(
            tr("Terugzetten"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.table.itemDoubleClicked.connect(lambda _item: self.accept())
        vbox(self, note, self.table, buttons)

    @property
    def chosen(self) -> Path | None:
        """The backup of the selected row; None when none is selected."""
        rows = self.table.selectionModel().selectedRows()
        return self._entries[rows[0].row()].path if rows else None


def _cells(entry: BackupEntry) -> tuple[str, ...]:
    manifest = entry.manifest
    made = f"{entry.made:%d-%m-%Y %H:%M}"
    if manifest is None:
        return made, entry.reason, UNKNOWN, UNKNOWN, UNKNOWN
    caregivers = manifest.rows.get("caregiver")
    return (
        made,
        entry.reason,
        UNKNOWN if caregivers is None else f"{caregivers:n}",
        f"{manifest.total_rows:n}",
        manifest.program_version,
    )
