"""The crash dialog: unexpected errors are logged with their traceback and shown with details."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from steunpunt import __version__
from steunpunt.ui.i18n import tr
from steunpunt.ui.layouts import vbox

log = logging.getLogger(__name__)


class CrashDialog(QDialog):
    """Says that something went wrong, that the log has the details, and offers to copy them."""

    def __init__(self, details: str, log_file: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Er ging iets mis"))
        self.details = details
        intro = QLabel(
            tr(
                "Er is een onverwachte fout opgetreden. Wat al was opgeslagen, blijft bewaard; "
                "een wijziging die u nog niet had opgeslagen, staat mogelijk nog in het "
                "formulier.\n\nWilt u dit melden? Kopieer de details en stuur ze naar uw "
                "beheerder. Het logboek staat in:\n{log}"
            ).format(log=log_file or tr("(geen logboek: de map is niet beschrijfbaar)"))
        )
        intro.setWordWrap(True)
        text = QPlainTextEdit(details, self)
        text.setReadOnly(True)
        copy = QPushButton(tr("Kopieer details"), self)
        copy.clicked.connect(self.copy_details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        vbox(self, intro, (text, 1), buttons)
        self.resize(640, 420)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)


def install_crash_handler(log_file: Path | None) -> None:
    """Route uncaught exceptions to the log and the crash dialog instead of a silent exit."""

    def handle(
        kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        log.error("Unexpected error", exc_info=(kind, error, trace))
        details = f"Steunpunt {__version__}\n" + "".join(
            traceback.format_exception(kind, error, trace)
        )
        CrashDialog(details, log_file).exec()

    sys.excepthook = handle
