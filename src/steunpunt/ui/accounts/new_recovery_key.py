"""Beheer › Nieuwe herstelsleutel: after a clear confirmation the old key stops working and the
new one is shown once, with its sheet for the safe."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from steunpunt.domain.errors import KnownProblem
from steunpunt.ui.accounts.recovery_key_dialog import RecoveryKeyDialog, recovery_sheet_printer
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.errors import report_error
from steunpunt.ui.i18n import tr

CONFIRM = (
    "Er wordt een nieuwe herstelsleutel gemaakt. De oude herstelsleutel werkt daarna niet meer "
    "voor deze database; bewaar de nieuwe in de kluis en vernietig het oude vel.\n\n"
    "Let op: reservekopieën van vóór vandaag bevatten het oude sleutelbestand en openen nog "
    "met de oude herstelsleutel. Bewaar het oude vel zolang u die reservekopieën bewaart.\n\n"
    "Nieuwe herstelsleutel maken?"
)
NEW_KEY = (
    "Dit is de nieuwe herstelsleutel van het steunpunt. De oude werkt niet meer voor deze "
    "database. Schrijf de nieuwe over of druk hem af en berg hem op in de kluis. Hij wordt nu "
    "één keer getoond en nergens leesbaar bewaard."
)


def replace_recovery_key(context: ScreenContext, database_file: Path, parent: QWidget) -> None:
    """Ask, make the new recovery key and show it once; nothing changes when the person says
    no."""
    answer = QMessageBox.question(
        parent,
        tr("Nieuwe herstelsleutel"),
        tr(CONFIRM),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return
    try:
        made = context.services.recovery.new_recovery_key(context.actor)
    except KnownProblem as problem:
        report_error(parent, problem)
        return
    dialog = RecoveryKeyDialog(made, parent, intro=NEW_KEY)
    dialog.set_printer(
        recovery_sheet_printer(context.services, context.actor, database_file, dialog)
    )
    dialog.exec()
    dialog.deleteLater()
