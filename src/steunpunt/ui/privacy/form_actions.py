"""The privacy actions of the caregiver form: the inzage export and "Gegevens verwijderen"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QToolButton,
    QWidget,
)

from steunpunt.domain.errors import KnownProblem
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.errors import report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import vbox
from steunpunt.ui.privacy.inzage_export import export_inzage

CONFIRM_WORD = "verwijderen"


class PrivacyButton(QToolButton):
    """ "Privacy" with a menu: the inzage export and erasure of the open caregiver."""

    def __init__(
        self,
        context: ScreenContext,
        caregiver_id: Callable[[], int | None],
        erased: Callable[[int], None],
        parent: QWidget,
    ) -> None:
        """``erased`` is told the caregiver whose data was just removed (to show it again)."""
        super().__init__(parent)
        self._context = context
        self._caregiver_id = caregiver_id
        self._erased = erased
        self.setText(tr("Privacy"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self)
        self.inzage_action = menu.addAction(tr("Inzage-export…"), self.export_inzage)
        self.erase_action = menu.addAction(tr("Gegevens verwijderen…"), self.erase)
        self.inzage_action.setEnabled(context.may("privacy", "InzageService.caregiver_dossier"))
        self.erase_action.setEnabled(context.may("privacy", "ErasureService.anonymise"))
        self.setMenu(menu)

    def export_inzage(self) -> None:
        """The open caregiver's dossier as PDF, with the JSON beside it."""
        caregiver_id = self._caregiver_id()
        if caregiver_id is not None:
            inzage = self._context.services.inzage
            export_inzage(
                self, self._context, lambda: inzage.caregiver_dossier(caregiver_id), caregiver_id
            )

    def erase(self) -> None:
        """Say what will happen, ask to type the confirmation, then anonymise; a refusal (an
        open application or payment) is shown with its reason and nothing changes."""
        caregiver_id = self._caregiver_id()
        if caregiver_id is None:
            return
        services = self._context.services
        try:
            plan = services.erasure.plan(caregiver_id)
            if plan.refusal is not None:
                QMessageBox.warning(self, tr("Gegevens verwijderen"), plan.refusal)
                return
            answer = QMessageBox.question(
                self,
                tr("Gegevens verwijderen"),
                plan.description(),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            if EraseConfirmDialog(self).exec() != QDialog.DialogCode.Accepted:
                return
            services.erasure.anonymise(self._context.actor, caregiver_id)
        except KnownProblem as problem:
            report_error(self, problem)
            return
        self._erased(caregiver_id)


class EraseConfirmDialog(QDialog):
    """The second question: type "verwijderen" to anonymise for good."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Gegevens verwijderen"))
        text = tr(
            "Typ '{word}' om de gegevens definitief te verwijderen. Dit kan niet ongedaan "
            "worden gemaakt."
        ).format(word=CONFIRM_WORD)
        label = QLabel(text, self)
        label.setWordWrap(True)
        self.word = QLineEdit(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(tr("Definitief verwijderen"))
        ok.setEnabled(False)
        self.word.textChanged.connect(
            lambda text: ok.setEnabled(text.strip().lower() == CONFIRM_WORD)
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        vbox(self, label, self.word, self.buttons)
