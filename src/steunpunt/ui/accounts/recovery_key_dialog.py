"""The recovery key of a newly encrypted database, or a new one a beheerder made, shown once:
it is never stored readably."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QWidget,
)

from steunpunt.domain.errors import KnownProblem
from steunpunt.domain.file_errors import dutch_cause
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.services.kernel.recovery_sheet import write_recovery_sheet
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import vbox
from steunpunt.ui.saved_file import where_saved_text
from steunpunt.ui.widgets import hint_label

GROUPS_PER_LINE = 5
NEW_REGISTER = (
    "De database is versleuteld: zonder wachtwoord of herstelsleutel kan niemand hem lezen. Met "
    "deze herstelsleutel opent een beheerder de database als alle wachtwoorden kwijt zijn. "
    "Schrijf hem over of druk hem af en berg hem op in de kluis. Hij wordt nu één keer getoond "
    "en nergens leesbaar bewaard."
)


def key_lines(recovery_key: str) -> str:
    """The key's groups of four, five to a line with spaces between them: easy to copy by hand."""
    groups = recovery_key.split("-")
    return "\n".join(
        "  ".join(groups[start : start + GROUPS_PER_LINE])
        for start in range(0, len(groups), GROUPS_PER_LINE)
    )


class RecoveryKeyDialog(QDialog):
    """The key in groups, with a box to tick before the register opens: it is not shown again.

    :meth:`set_printer` offers the printable sheet for the safe; without it, no printing.
    """

    def __init__(
        self, recovery_key: str, parent: QWidget | None = None, intro: str = NEW_REGISTER
    ) -> None:
        super().__init__(parent)
        self._recovery_key = recovery_key
        self.setWindowTitle(tr("Herstelsleutel van het steunpunt"))
        intro_label = QLabel(tr(intro), self)
        intro_label.setWordWrap(True)
        self.key = QLabel(key_lines(recovery_key), self)
        self.key.setObjectName("recovery_key")
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(font.pointSize() + 4)
        self.key.setFont(font)
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.written = QCheckBox(tr("Ik heb de herstelsleutel opgeschreven of afgedrukt"), self)
        self.written.setObjectName("written")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(tr("Verder"))
        self.ok.setEnabled(False)
        self.said = QLabel(self)
        self.said.setWordWrap(True)
        self.written.toggled.connect(self.ok.setEnabled)
        self.printing = QPushButton(tr("Vel voor de kluis maken (PDF)…"), self)
        self.printing.hide()
        vbox(
            self,
            intro_label,
            self.key,
            self.printing,
            self.said,
            hint_label(tr("Bewaar de sleutel nooit op deze computer."), self),
            self.written,
            buttons,
        )
        self.setMinimumWidth(520)

    def set_printer(self, print_sheet: Callable[[str], None]) -> None:
        """Offer the sheet for the safe: ``print_sheet`` makes it from the key."""
        self.printing.clicked.connect(lambda: print_sheet(self._recovery_key))
        self.printing.show()

    def reject(self) -> None:
        """Closing is the same as going on, once the box is ticked; before that it waits."""
        if self.written.isChecked():
            self.accept()


def recovery_sheet_printer(
    services: Services, actor: Actor, database_file: Path, dialog: RecoveryKeyDialog
) -> Callable[[str], None]:
    """What the dialog's print button does: the sheet for the safe, written where the person
    chooses (``services/kernel/recovery_sheet.py``), to print and then delete."""

    def print_sheet(recovery_key: str) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            dialog,
            tr("Vel met de herstelsleutel opslaan"),
            str(Path.home() / "Herstelsleutel Steunpunt.pdf"),
            "PDF (*.pdf)",
        )
        if not name:
            return
        style, _version = services.letters.house_style()
        try:
            made = write_recovery_sheet(
                actor, Path(name), style.organisation, recovery_key, date.today(), database_file
            )
        except KnownProblem as problem:
            dialog.said.setText(problem.message)
            return
        except OSError as error:
            dialog.said.setText(tr("Het vel kon niet worden gemaakt: ") + dutch_cause(error) + ".")
            return
        dialog.said.setText(
            tr("Het vel is gemaakt. Druk het af, berg het op in de kluis en verwijder het bestand.")
            + "\n"
            + where_saved_text([made], personal=False)
        )

    return print_sheet
