"""The composition root: paths -> logging -> settings -> database -> services -> window."""

from __future__ import annotations

# SQLAlchemy (through startup) is imported before PySide6: it starts faster and lighter.
from steunpunt.startup import OpenDatabase, open_database  # isort: skip

import gc
import logging
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from steunpunt.domain.errors import KnownProblem
from steunpunt.logging_setup import configure_logging
from steunpunt.paths import AppPaths
from steunpunt.services.kernel.backup import restore
from steunpunt.settings import Settings, load_settings, save_settings
from steunpunt.ui.changes import ChangeHub
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.crash_dialog import install_crash_handler
from steunpunt.ui.database_dialogs import (
    ProblemChoice,
    ask_about_problem,
    choose_backup,
    choose_database_file,
)
from steunpunt.ui.errors import report_error
from steunpunt.ui.i18n import install_dutch
from steunpunt.ui.main_window import MainWindow
from steunpunt.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


def create_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Steunpunt")
    app.setOrganizationName("Steunpunt")
    icon = resources.files("steunpunt.resources") / "steunpunt.svg"
    app.setWindowIcon(QIcon(str(icon)))
    return app


def open_with_recovery(database_file: Path, paths: AppPaths) -> OpenDatabase | None:
    """Open the database; on a known problem let the user choose another file or a backup."""
    while True:
        try:
            return open_database(database_file, paths)
        except KnownProblem as problem:
            log.warning("Database problem at start: %s", type(problem).__name__)
            choice = ask_about_problem(None, problem.message, database_file, paths.backup_dir)
        if choice is ProblemChoice.QUIT:
            return None
        if choice is ProblemChoice.RESTORE:
            backup = choose_backup(None, paths.backup_dir)
            if backup is not None:
                try:
                    restore(backup, database_file)
                except KnownProblem as refused:
                    report_error(None, refused)
            continue
        chosen = choose_database_file(None, database_file.parent)
        if chosen is not None:
            database_file = chosen


class Application:
    """Owns the open database and the main window; can switch to another database file."""

    def __init__(self, paths: AppPaths, settings: Settings) -> None:
        self.paths = paths
        self.settings = settings
        self.runner = TaskRunner()
        self.database: OpenDatabase | None = None
        self.window: MainWindow | None = None

    def show(self, database: OpenDatabase) -> MainWindow:
        self.database = database
        context = ScreenContext(
            services=database.services,
            actor=database.actor,
            runner=self.runner,
            today=date.today,
            paths=self.paths,
            settings=self.settings,
            changes=ChangeHub(database.services.changes),
        )
        self.window = MainWindow(context, database)
        self.window.open_other_database.connect(self.switch_database)
        self.window.show()
        QTimer.singleShot(0, self.window.start)
        return self.window

    def switch_database(self) -> None:
        assert self.window is not None and self.database is not None
        chosen = choose_database_file(self.window, self.database.file.parent)
        if chosen is None:
            return
        opened = open_with_recovery(chosen, self.paths)
        if opened is None:
            return
        self.settings = replace(self.window.settings, database_file=str(chosen))
        old_window, old_database = self.window, self.database
        old_window.close()
        old_database.close()
        self.show(opened)

    def finish(self) -> None:
        self.runner.shutdown()
        if self.window is not None:
            self.settings = self.window.settings
        save_settings(self.paths.settings_file, self.settings)
        if self.database is not None:
            self.database.close()


def run(paths: AppPaths, on_shown: Callable[[MainWindow], None] | None = None) -> int:
    """Start the program with a window; returns the exit code."""
    log_file = configure_logging(paths.log_dir)
    log.info("Steunpunt starting")
    settings = load_settings(paths.settings_file)
    app = create_application(sys.argv[:1])
    install_dutch(app)
    install_crash_handler(str(log_file))
    database_file = Path(settings.database_file) if settings.database_file else paths.database_file
    database = open_with_recovery(database_file, paths)
    if database is None:
        return 1
    application = Application(paths, settings)
    window = application.show(database)
    # What start-up made (Qt, SQLAlchemy's metadata, the modules) lives as long as the program:
    # the garbage collector stops walking it, which takes a sixth off loading a large worklist.
    gc.freeze()
    if on_shown is not None:
        on_shown(window)
    code = app.exec()
    application.finish()
    log.info("Steunpunt closed")
    return code
