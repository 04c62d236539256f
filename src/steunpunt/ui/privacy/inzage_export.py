"""The inzage export of one person: where to save it, then the PDF and the JSON on the runner."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from steunpunt.domain.errors import KnownProblem
from steunpunt.domain.file_names import safe_file_name
from steunpunt.domain.privacy.dossier import Dossier
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.errors import report_error
from steunpunt.ui.i18n import tr
from steunpunt.ui.saved_file import tell_where_saved
from steunpunt.ui.tasks import TaskContext


def export_inzage(
    parent: QWidget, context: ScreenContext, dossier_of: Callable[[], Dossier], person_id: int
) -> None:
    """Load the dossier (``dossier_of``), ask where to save it, then make the PDF and the JSON
    beside it on the task runner and offer to open the PDF."""
    try:
        dossier = dossier_of()
    except KnownProblem as problem:
        report_error(parent, problem)
        return
    name = safe_file_name(f"Inzage {dossier.person or person_id} {dossier.made_on:%d-%m-%Y}")
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        tr("Inzage-export opslaan"),
        str(context.paths.letters_dir / f"{name}.pdf"),
        tr("PDF (*.pdf)"),
    )
    if not chosen:
        return
    target = Path(chosen).with_suffix(".pdf")
    style, _version = context.services.letters.house_style()

    def work(_task: TaskContext) -> tuple[Path, Path]:
        return context.services.inzage.export(context.actor, target, dossier, style)

    def made(files: tuple[Path, Path]) -> None:
        message = tr("De inzage-export is gemaakt: een PDF, en dezelfde gegevens als JSON.")
        tell_where_saved(parent, message, list(files))

    context.runner.start(work, made, lambda error: report_error(parent, error))
