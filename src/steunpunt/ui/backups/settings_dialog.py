"""Beheer › Reservekopie-instellingen: automatic backups, a second folder, rotation, warning."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from steunpunt.domain.backups.settings import KEEP_RANGE, WARN_RANGE, BackupSettings
from steunpunt.domain.errors import KnownProblem
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.errors import report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import hbox


class BackupSettingsDialog(QDialog):
    """The office's backup settings; OK stores them."""

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        settings = context.services.backups.settings()
        self.setWindowTitle(tr("Reservekopie-instellingen"))
        self.setMinimumWidth(560)
        self.automatic = QCheckBox(
            tr("Automatisch een reservekopie maken (bij afsluiten en eens per dag)"), self
        )
        self.automatic.setChecked(settings.automatic)
        self.second_folder = QLineEdit(settings.second_folder, self)
        self.second_folder.setPlaceholderText(tr("geen (bijvoorbeeld een USB-schijf)"))
        browse = QPushButton(tr("Kiezen…"), self)
        browse.clicked.connect(self._browse)
        self.daily = _spin(self, KEEP_RANGE, settings.daily)
        self.weekly = _spin(self, KEEP_RANGE, settings.weekly)
        self.monthly = _spin(self, KEEP_RANGE, settings.monthly)
        self.warn_after_days = _spin(self, WARN_RANGE, settings.warn_after_days, tr(" dagen"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.automatic)
        form.addRow(tr("Tweede map"), hbox(self.second_folder, browse))
        form.addRow(tr("Dagelijkse kopieën bewaren"), self.daily)
        form.addRow(tr("Wekelijkse kopieën bewaren"), self.weekly)
        form.addRow(tr("Maandelijkse kopieën bewaren"), self.monthly)
        form.addRow(tr("Waarschuwen in Vandaag na"), self.warn_after_days)
        form.addRow(buttons)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, tr("Tweede map voor reservekopieën"), self.second_folder.text()
        )
        if chosen:
            self.second_folder.setText(chosen)

    def save(self) -> None:
        settings = BackupSettings(
            automatic=self.automatic.isChecked(),
            second_folder=self.second_folder.text(),
            daily=self.daily.value(),
            weekly=self.weekly.value(),
            monthly=self.monthly.value(),
            warn_after_days=self.warn_after_days.value(),
        )
        try:
            self._context.services.backups.save_settings(self._context.actor, settings)
        except KnownProblem as problem:
            report_error(self, problem)
            return
        self.accept()


def _spin(parent: QWidget, allowed: range, value: int, suffix: str = "") -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(allowed.start, allowed.stop - 1)
    spin.setSuffix(suffix)
    spin.setValue(value)
    return spin
