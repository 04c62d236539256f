"""The privacy actions of the caregiver form: the inzage export and "Gegevens verwijderen"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QToolButton,
    QWidget,
)

from steunpunt.domain.errors import KnownProblem
from steunpunt.domain.file_names import safe_file_name
from steunpunt.domain.privacy.dossier import Dossier
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.errors import report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import vbox
from steunpunt.ui.letters.pdf_ready import offer_pdf
from steunpunt.ui.tasks import TaskContext

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
        """Ask where to save, then make the PDF and the JSON beside it on the task runner."""
        caregiver_id = self._caregiver_id()
        if caregiver_id is None:
            return
        context = self._context
        try:
            dossier = context.services.inzage.caregiver_dossier(caregiver_id)
        except KnownProblem as problem:
            report_error(self, problem)
            return
        name = safe_file_name(f"Inzage {dossier.person or caregiver_id} {dossier.made_on:%d-%m-%Y}")
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            tr("Inzage-export opslaan"),
            str(context.paths.letters_dir / f"{name}.pdf"),
            tr("PDF (*.pdf)"),
        )
        if chosen:
            self._write(Path(chosen).with_suffix(".pdf"), dossier)

    def _write(self, target: Path, dossier: Dossier) -> None:
        context = self._context
        style, _version = context.services.letters.house_style()

        def work(_task: TaskContext) -> tuple[Path, Path]:
            return context.services.inzage.export(context.actor, target, dossier, style)

        def made(files: tuple[Path, Path]) -> None:
            message = tr("De inzage-export is gemaakt, met dezelfde gegevens als JSON in {file}.")
            offer_pdf(self, files[0], message.format(file=files[1].name))

        self._context.runner.start(work, made, lambda error: report_error(self, error))

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
