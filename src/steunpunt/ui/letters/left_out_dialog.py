"""The people a mailing leaves out, with the reason for each."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from steunpunt.services.letters.dto import LeftOut
from steunpunt.ui.caregivers.record_table import RecordTable
from steunpunt.ui.i18n import tr


class LeftOutDialog(QDialog):
    """A read-only list: name and reason, sorted by reason."""

    def __init__(self, left_out: Sequence[LeftOut], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Wie vallen af"))
        self.resize(560, 480)
        self.records = RecordTable([tr("Mantelzorger"), tr("Reden")], self)
        self.records.set_rows([(person.name, tr(person.reason.label)) for person in left_out])
        self.records.table.setSortingEnabled(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                tr(
                    "Deze mantelzorgers vallen binnen het filter maar krijgen geen brief. "
                    "Pas zo nodig hun gegevens aan en maak de mailing daarna."
                ),
                self,
            )
        )
        layout.addWidget(self.records, 1)
        layout.addWidget(buttons)
