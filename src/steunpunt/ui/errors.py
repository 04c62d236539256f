"""Showing errors: a known problem gets a clear Dutch message, anything else the crash dialog."""

from __future__ import annotations

import logging
import sys

from PySide6.QtWidgets import QMessageBox, QWidget

from steunpunt.domain.errors import KnownProblem, ValidationFailed
from steunpunt.ui.i18n import tr

log = logging.getLogger(__name__)


def known_message(error: BaseException) -> str | None:
    """The Dutch message of a known problem, or None for an unexpected error."""
    if isinstance(error, KnownProblem):
        return error.message
    return None


def field_problems(problem: KnownProblem) -> dict[str, str]:
    """A known problem as messages per field name ("" for the form as a whole)."""
    if isinstance(problem, ValidationFailed):
        return dict(problem.errors)
    return {"": problem.message}


def report_error(parent: QWidget | None, error: BaseException) -> None:
    """Tell the user: a warning for a known problem, the crash dialog for anything else."""
    message = known_message(error)
    if message is not None:
        log.info("Known problem shown to user: %s", type(error).__name__)
        QMessageBox.warning(parent, tr("Steunpunt"), message)
        return
    sys.excepthook(type(error), error, error.__traceback__)
