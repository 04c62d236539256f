"""GUI fixtures: an opened database and a main window with a synchronous task runner."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from steunpunt.paths import AppPaths
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.settings import Settings
from steunpunt.startup import OpenDatabase, open_database
from steunpunt.ui.changes import ChangeHub
from steunpunt.ui.compliment.window import ComplimentWindow
from steunpunt.ui.main_window import MainWindow
from steunpunt.ui.tasks import SynchronousTaskRunner, TaskContext
from tests.conftest import TODAY


@pytest.fixture
def opened(migrated_template: Path, app_paths: AppPaths) -> Iterator[OpenDatabase]:
    shutil.copy(migrated_template, app_paths.database_file)
    database = open_database(app_paths.database_file, app_paths)
    yield database
    database.close()


class Answers:
    """Stands in for QMessageBox's static functions: records texts, gives set answers."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.question_answer: object = QMessageBox.StandardButton.Discard

    def warning(self, _parent: object, _title: str, text: str, *args: object) -> object:
        self.texts.append(text)
        return None

    def question(self, _parent: object, _title: str, text: str, *args: object) -> object:
        self.texts.append(text)
        return self.question_answer


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    recorded = Answers()
    monkeypatch.setattr(QMessageBox, "warning", recorded.warning)
    monkeypatch.setattr(QMessageBox, "question", recorded.question)
    return recorded


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
def window(qtbot: QtBot, opened: OpenDatabase, app_paths: AppPaths, answers: Answers) -> MainWindow:
    """The main window; message boxes are answered by ``answers`` (default: discard changes)."""
    window = MainWindow(opened, Settings(), SynchronousTaskRunner(), app_paths, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    window.start()
    return window


@pytest.fixture
def compliment(
    qtbot: QtBot, services: Services, actor: Actor, answers: Answers
) -> ComplimentWindow:
    """The compliment window on the test's services, shown; it follows their changes."""
    window = ComplimentWindow(services, actor, SynchronousTaskRunner(), lambda: TODAY)
    ChangeHub(services.changes, window).changed.connect(window.refresh_for)
    qtbot.addWidget(window)
    window.show()
    return window
