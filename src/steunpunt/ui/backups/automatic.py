"""Automatic backups: once a day while the program runs, on the task runner, and on closing."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from steunpunt.domain.backups.reasons import AUTOMATIC
from steunpunt.domain.errors import KnownProblem
from steunpunt.startup import OpenDatabase
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.errors import report_error

log = logging.getLogger(__name__)

CHECK_MS = 60 * 60 * 1000
"""How often the window asks whether the daily backup is due (it is once the last is a day old)."""
FIRST_CHECK_MS = 2 * 60 * 1000
"""The first check waits until start-up and the database check are long done."""


class AutomaticBackups:
    """Makes the daily backup on the task runner when it is due; a failure is said in the
    window (and recorded by the service)."""

    def __init__(
        self,
        context: ScreenContext,
        database: OpenDatabase,
        window: QWidget,
        made: Callable[[Path], None],
    ) -> None:
        self._context = context
        self._database = database
        self._window = window
        self._made = made
        self._running = False
        self.timer = QTimer(window)
        self.timer.setInterval(FIRST_CHECK_MS)
        self.timer.timeout.connect(self.run_if_due)

    def start(self) -> None:
        """Check in two minutes and then every hour."""
        if not self._database.read_only:
            self.timer.start()

    def run_if_due(self) -> None:
        self.timer.setInterval(CHECK_MS)
        folder = self._context.paths.backup_dir
        backups = self._context.services.backups
        if self._running or not backups.due(folder):
            return
        self._running = True
        engine = self._database.engine
        self._context.runner.start(
            lambda _task: backups.make(engine, folder, AUTOMATIC), self._done, self._failed
        )

    def _done(self, made: Path) -> None:
        self._running = False
        log.info("Automatic backup made: %s", made.name)
        self._made(made)

    def _failed(self, error: BaseException) -> None:
        self._running = False
        report_error(self._window, error)


def backup_on_closing(context: ScreenContext, database: OpenDatabase) -> None:
    """The backup made when the program closes (when automatic backups are on); a failure is
    said in a message box, the window being gone."""
    if database.read_only:
        return
    backups = context.services.backups
    try:
        if backups.settings().automatic:
            backups.make(database.engine, context.paths.backup_dir, AUTOMATIC)
    except KnownProblem as problem:
        report_error(None, problem)
