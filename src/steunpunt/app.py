"""The composition root: paths -> logging -> settings -> database -> services -> window."""

from __future__ import annotations

# SQLAlchemy (through startup) is imported before PySide6: it starts faster and lighter.
from steunpunt.entrance import Converted, Entered, Entrance, encrypt_plain  # isort: skip

import gc
import logging
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from importlib import import_module, resources
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from steunpunt.db.kernel.errors import BackupOfOtherKey, DatabaseMissing
from steunpunt.domain.errors import KnownProblem, OpeningFailed
from steunpunt.domain.progress import Progress
from steunpunt.logging_setup import configure_logging
from steunpunt.paths import AppPaths
from steunpunt.services.accounts.dto import SignedIn
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.backup import restore
from steunpunt.services.kernel.encryption_setup import FirstHolder
from steunpunt.settings import Settings, load_settings, save_settings
from steunpunt.startup import OpenDatabase
from steunpunt.ui.accounts.encrypt_flow import after_encryption, run_encryption
from steunpunt.ui.accounts.sign_in_dialogs import sign_in_at_start
from steunpunt.ui.backups.automatic import backup_on_closing
from steunpunt.ui.backups.unlock import recovery_key_for, restore_at_start
from steunpunt.ui.changes import ChangeHub
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.crash_dialog import install_crash_handler
from steunpunt.ui.database_dialogs import (
    ProblemChoice,
    ask_about_problem,
    check_in_background,
    choose_backup,
    choose_database_file,
    show_read_only,
)
from steunpunt.ui.errors import report_error
from steunpunt.ui.i18n import install_dutch
from steunpunt.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from steunpunt.ui.main_window import MainWindow

log = logging.getLogger(__name__)

CHECK_AFTER_MS = 3000
"""The database check (about a second at 100,000 caregivers) starts once the first screens
have loaded (measured: 1 to 2 s), so that they never share the processor with it."""

WINDOW_MODULE = "steunpunt.ui.main_window"
LOAD_WINDOW_AFTER_MS = 100
"""The main window's code loads while the person types in the painted sign-in dialog, so
the dialog comes sooner and the window after it too (0.1 to 0.2 s each)."""


def create_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Steunpunt")
    app.setOrganizationName("Steunpunt")
    icon = resources.files("steunpunt.resources") / "steunpunt.svg"
    app.setWindowIcon(QIcon(str(icon)))
    return app


def open_with_recovery(
    database_file: Path, paths: AppPaths, problem: KnownProblem | None = None
) -> Entrance | None:
    """The way into the database (opened when plain, else opened by signing in); on a known
    problem (``problem``: one found already) let the user choose another file or a backup, or,
    for a database that is empty or gone, a new empty register."""
    new_register = False
    while True:
        if problem is None:
            try:
                return Entrance(database_file, paths, new_register=new_register)
            except KnownProblem as found:
                problem = found
        log.warning("Database problem at start: %s", type(problem).__name__)
        missing = isinstance(problem, DatabaseMissing)
        choice = ask_about_problem(
            None, problem.message, database_file, paths.backup_dir, offer_new=missing
        )
        problem = None
        new_register = choice is ProblemChoice.NEW_REGISTER
        if choice is ProblemChoice.QUIT:
            return None
        if choice is ProblemChoice.RESTORE:
            backup = choose_backup(None, paths.backup_dir)
            if backup is not None:
                restore_at_start(None, backup, database_file, paths.backup_dir)
        elif choice is ProblemChoice.OPEN_OTHER:
            chosen = choose_database_file(None, database_file.parent)
            if chosen is not None:
                database_file = chosen
                new_register = not chosen.exists()


def enter(database_file: Path, paths: AppPaths, login: str = "", note: str = "") -> Entered | None:
    """Open ``database_file`` and sign in on it; None when the person gave up. A problem that
    shows only once the password opened the key (an encrypted file that is damaged or from a
    newer version) goes back to the same choices as a problem found before signing in."""
    problem: KnownProblem | None = None
    while True:
        entrance = open_with_recovery(database_file, paths, problem)
        if entrance is None:
            return None
        try:
            entered = _who_acts(entrance, login, note)
        except OpeningFailed as failed:
            entrance.close()
            database_file, problem = entrance.file, failed.problem
            continue
        if entered is None:
            entrance.close()
        return entered


class Application:
    """Owns the open database and the main window; can switch to another database file."""

    def __init__(self, paths: AppPaths, settings: Settings) -> None:
        self.paths = paths
        self.settings = settings
        self.runner = TaskRunner()
        self.database: OpenDatabase | None = None
        self.window: MainWindow | None = None

    def show(self, database: OpenDatabase, actor: Actor) -> MainWindow:
        """The window for ``actor``, who signed in on ``database``."""
        from steunpunt.ui.main_window import MainWindow

        self.database = database
        context = ScreenContext(
            services=database.services.acting_as(actor),
            actor=actor,
            runner=self.runner,
            today=date.today,
            paths=self.paths,
            settings=self.settings,
            changes=ChangeHub(database.services.changes),
        )
        self.window = MainWindow(context, database)
        self.window.open_other_database.connect(self.switch_database)
        self.window.switch_user.connect(self.switch_user)
        self.window.restore_requested.connect(self.restore_backup)
        self.window.encrypt_requested.connect(self.encrypt_database)
        self.window.show()
        QTimer.singleShot(0, self.window.start)
        if database.read_only:
            show_read_only(self.window)
        QTimer.singleShot(CHECK_AFTER_MS, lambda: self._check_database(database))
        return self.window

    def switch_user(self, signed_in: SignedIn) -> None:
        """A beheerder opened the locked window: a new window acts as them. When the locked
        user's unsaved changes are not given up, the window locks again."""
        old_window, database = self.window, self.database
        assert old_window is not None and database is not None
        self.settings = old_window.settings
        if not old_window.close():
            old_window.lock.lock()
            return
        self.show(database, signed_in.actor)

    def _check_database(self, database: OpenDatabase) -> None:
        """SQLite's quick check in the background; on damage the person is told the way out.
        A window closed before the check was due (the program ended, another user) gets none."""
        if self.window is None or database is not self.database or not self.window.isVisible():
            return
        check_in_background(
            self.window,
            self.runner,
            self.database.engine,
            self.paths.backup_dir,
            export=self.window.export_list,
            restore=None if database.read_only else self.restore_backup,
        )

    def restore_backup(self) -> None:
        """Put a backup chosen by the person in place of the open database, and open it."""
        assert self.window is not None and self.database is not None
        backup = choose_backup(self.window, self.paths.backup_dir)
        if backup is None:
            return
        old_window, old_database = self.window, self.database

        def before_restore(recovery_key: str = "") -> None:
            old_window.context.services.backups.before_restore(
                old_window.context.actor,
                old_database.engine,
                backup,
                self.paths.backup_dir,
                recovery_key,
            )

        recovery_key = ""
        try:
            before_restore()
        except BackupOfOtherKey:  # made on another computer: its recovery key opens it
            typed = recovery_key_for(old_window, backup, before_restore)
            if typed is None:
                return
            recovery_key = typed
        except KnownProblem as refused:
            report_error(old_window, refused)
            return
        self.settings = old_window.settings
        old_window.close()
        self.runner.shutdown()  # no task of the old window still reads the file
        old_database.close()
        try:
            restore(backup, old_database.file, old_database.engine, recovery_key)
        except KnownProblem as refused:
            report_error(None, refused)
        self._show_entered(enter(old_database.file, self.paths))

    def encrypt_database(self, holder: FirstHolder) -> None:
        """Beheer › Database versleutelen: the window closes, the plain database is encrypted
        and the window opens again on it (on the plain one, as it was, when stopped)."""
        old_window, database = self.window, self.database
        assert old_window is not None and database is not None
        actor = old_window.context.actor
        self.settings = old_window.settings
        if not old_window.close():
            return
        self.runner.shutdown()  # no task of the old window keeps the file open
        plain = Entered(database, SignedIn(actor, must_change_password=False))
        entered = _encrypted(
            lambda progress: encrypt_plain(plain, holder, self.paths, progress), plain
        )
        self.show(entered.database, actor)

    def switch_database(self) -> None:
        """Another database file, signed in on before the open one closes: giving up keeps it."""
        assert self.window is not None and self.database is not None
        chosen = choose_database_file(self.window, self.database.file.parent)
        if chosen is None:
            return
        entered = enter(chosen, self.paths)
        if entered is None:
            return
        self.settings = replace(self.window.settings, database_file=str(entered.file))
        old_window, old_database = self.window, self.database
        old_window.close()
        old_database.close()
        self._show_entered(entered)

    def _show_entered(self, entered: Entered | None) -> None:
        """The window on a database just signed in on; None leaves the program without one."""
        if entered is None:
            self.database = self.window = None
            return
        self.show(entered.database, entered.signed_in.actor)

    def finish(self) -> None:
        self.runner.shutdown()
        if self.window is not None and self.database is not None:
            backup_on_closing(self.window.context, self.database)
        if self.window is not None:
            self.settings = self.window.settings
        try:
            save_settings(self.paths.settings_file, self.settings)
        except OSError as error:
            log.warning("Settings not saved (%s)", error.strerror)
        if self.database is not None:
            self.database.close()


def _who_acts(entrance: Entrance, login: str = "", note: str = "") -> Entered | None:
    """The person who signs in on the database they open; None when they gave up. A plain
    read-only database without any account opens without a sign-in: no one could make the
    first beheerder in it, and nothing can be changed in it."""
    plain = entrance.plain_database
    if plain is not None and plain.read_only and entrance.first_beheerder_needed():
        return Entered(plain, SignedIn(plain.actor, must_change_password=False))
    entered = sign_in_at_start(entrance, login, note)
    if entered is None or not entered.to_encrypt:
        return entered
    made = entered  # the first beheerder of a plain database: it is encrypted now
    return _encrypted(lambda progress: entrance.encrypt(made, progress), made)


def _encrypted(work: Callable[[Progress], Converted], plain: Entered) -> Entered:
    """Encrypt with the progress shown, then the recovery key and the plain copies; when it was
    stopped or failed (said in Dutch), the plain database as it was."""
    converted = run_encryption(work)
    if converted is None:
        return plain
    after_encryption(converted)
    return converted


def run(
    paths: AppPaths,
    on_shown: Callable[[MainWindow], None] | None = None,
    login: str = "",
    note: str = "",
) -> int:
    """Start the program with a window after signing in; returns the exit code.

    ``login`` is filled in on the sign-in dialog, with ``note`` under it (the demo's password).
    """
    app = create_application(sys.argv[:1])
    install_dutch(app)
    # The crash handler comes first: from here on nothing ends in a bare traceback.
    install_crash_handler(configure_logging(paths.log_dir))
    log.info("Steunpunt starting")
    settings = load_settings(paths.settings_file)
    database_file = Path(settings.database_file) if settings.database_file else paths.database_file
    QTimer.singleShot(LOAD_WINDOW_AFTER_MS, lambda: import_module(WINDOW_MODULE))
    entered = enter(database_file, paths, login, note)
    if entered is None:
        log.info("Steunpunt closed without signing in")
        return 0
    if entered.file != database_file:
        settings = replace(settings, database_file=str(entered.file))
    application = Application(paths, settings)
    window = application.show(entered.database, entered.signed_in.actor)
    # What start-up made (Qt, SQLAlchemy's metadata, the modules) lives as long as the program:
    # the garbage collector stops walking it, which takes a sixth off loading a large worklist.
    gc.freeze()
    if on_shown is not None:
        on_shown(window)
    code = app.exec()
    application.finish()
    log.info("Steunpunt closed")
    return code
