"""GUI fixtures: an opened database, the screens' context and a main window, all with a synchronous
task runner and a fixed day."""

from __future__ import annotations

import gc
import logging
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from steunpunt import app as application
from steunpunt.paths import AppPaths
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.settings import Settings
from steunpunt.startup import OpenDatabase, open_database
from steunpunt.ui.changes import ChangeHub
from steunpunt.ui.compliment.window import ComplimentWindow
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.main_window import MainWindow
from steunpunt.ui.saved_file import SavedFileBox
from steunpunt.ui.tasks import SynchronousTaskRunner, TaskContext, TaskRunner
from tests.conftest import TODAY
from tests.widgets import Answers, Told


@pytest.fixture
def opened(migrated_template: Path, app_paths: AppPaths) -> Iterator[OpenDatabase]:
    shutil.copy(migrated_template, app_paths.database_file)
    database = open_database(app_paths.database_file, app_paths)
    yield database
    database.close()


def make_context(
    services: Services, actor: Actor, paths: AppPaths, runner: TaskRunner | None = None
) -> ScreenContext:
    """A context for screens in a test: a synchronous runner unless given, the fixed day."""
    return ScreenContext(
        services=services.acting_as(actor),
        actor=actor,
        runner=runner or SynchronousTaskRunner(),
        today=lambda: TODAY,
        paths=paths,
        settings=Settings(),
        changes=ChangeHub(services.changes),
    )


@pytest.fixture
def screen_context(services: Services, actor: Actor, app_paths: AppPaths) -> ScreenContext:
    """The context for screens on the test's services and actor."""
    return make_context(services, actor, app_paths)


@pytest.fixture
def opened_context(opened: OpenDatabase, app_paths: AppPaths) -> ScreenContext:
    """The context for screens on the opened database, as the program builds it."""
    return make_context(opened.services, opened.actor, app_paths)


@pytest.fixture
def program_state(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """What starting the whole program changes in this process is put back afterwards."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(gc, "freeze", lambda: None)
    monkeypatch.setattr(application, "install_dutch", lambda _app: None)  # Qt's locale stays
    root = logging.getLogger()
    kept = list(root.handlers)
    yield
    for handler in [h for h in root.handlers if h not in kept]:
        root.removeHandler(handler)
        handler.close()


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    recorded = Answers()
    monkeypatch.setattr(QMessageBox, "warning", recorded.warning)
    monkeypatch.setattr(QMessageBox, "question", recorded.question)
    return recorded


@pytest.fixture(autouse=True)
def told_where(monkeypatch: pytest.MonkeyPatch) -> list[Told]:
    """The messages that a file was written (what was made, and where), each closed at once
    as if the person clicked "Sluiten"."""
    shown: list[Told] = []

    def exec_(box: SavedFileBox) -> int:
        shown.append(Told(box.text(), box.informativeText(), box.files))
        return 0

    monkeypatch.setattr(SavedFileBox, "exec", exec_)
    return shown


class HeldTaskRunner(SynchronousTaskRunner):
    """Holds every task until the test finishes it: answers can come back in any order."""

    def __init__(self) -> None:
        super().__init__()
        self.held: list[Callable[[], object]] = []

    def start(
        self,
        function: Callable[[TaskContext], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        on_progress: Callable[[int, int], None] | None = None,
    ) -> TaskContext:
        context = TaskContext(on_progress or (lambda _done, _total: None))
        run = super().start
        self.held.append(lambda: run(lambda _now: function(context), on_done, on_error))
        return context

    def finish(self, index: int) -> None:
        """Run the task started ``index``-th of those still held, and deliver its answer."""
        self.held.pop(index)()


@pytest.fixture
def blank(qtbot: QtBot) -> QWidget:
    """An empty top-level widget to build a piece of a screen in; closed after the test."""
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def window(
    qtbot: QtBot, opened: OpenDatabase, opened_context: ScreenContext, answers: Answers
) -> MainWindow:
    """The main window; message boxes are answered by ``answers`` (default: discard changes)."""
    window = MainWindow(opened_context, opened)
    qtbot.addWidget(window)
    window.show()
    window.start()
    return window


@pytest.fixture
def compliment(qtbot: QtBot, screen_context: ScreenContext, answers: Answers) -> ComplimentWindow:
    """The compliment window on the test's services, shown; it follows their changes."""
    window = ComplimentWindow(screen_context)
    qtbot.addWidget(window)
    window.show()
    return window
