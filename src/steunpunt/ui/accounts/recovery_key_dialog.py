"""The recovery key of a newly encrypted database, shown once: it is never stored readably."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QWidget,
)

from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import vbox
from steunpunt.ui.widgets import hint_label

GROUPS_PER_LINE = 5


def key_lines(recovery_key: str) -> str:
    """The key's groups of four, five to a line with spaces between them: easy to copy by hand."""
    groups = recovery_key.split("-")
    return "\n".join(
        "  ".join(groups[start : start + GROUPS_PER_LINE])
        for start in range(0, len(groups), GROUPS_PER_LINE)
    )


class RecoveryKeyDialog(QDialog):
    """The key in groups, with a box to tick before the register opens: it is not shown again.

    ``print_sheet`` makes the printable sheet for the safe (the one place that offers it);
    without it the dialog offers no printing.
    """

    def __init__(
        self,
        recovery_key: str,
        print_sheet: Callable[[str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Herstelsleutel van het steunpunt"))
        intro = QLabel(
            tr(
                "De database is versleuteld: zonder wachtwoord of herstelsleutel kan niemand hem "
                "lezen. Met deze herstelsleutel opent een beheerder de database als alle "
                "wachtwoorden kwijt zijn. Schrijf hem over of druk hem af en berg hem op in de "
                "kluis. Hij wordt nu één keer getoond en nergens leesbaar bewaard."
            ),
            self,
        )
        intro.setWordWrap(True)
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
        self.written.toggled.connect(self.ok.setEnabled)
        printing = None
        if print_sheet is not None:
            printing = QPushButton(tr("Afdrukken…"), self)
            printing.clicked.connect(lambda: print_sheet(recovery_key))
        vbox(
            self,
            intro,
            self.key,
            printing,
            hint_label(tr("Bewaar de sleutel nooit op deze computer."), self),
            self.written,
            buttons,
        )
        self.setMinimumWidth(520)

    def reject(self) -> None:
        """Closing is the same as going on, once the box is ticked; before that it waits."""
        if self.written.isChecked():
            self.accept()
