"""GUI fixtures: an opened database and a main window with a synchronous task runner."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from steunpunt.paths import AppPaths
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.settings import Settings
from steunpunt.startup import OpenDatabase, open_database
from steunpunt.ui.compliment.window import ComplimentWindow
from steunpunt.ui.main_window import MainWindow
from steunpunt.ui.tasks import SynchronousTaskRunner
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


@pytest.fixture
def blank(qtbot: QtBot) -> QWidget:
    """An empty top-level widget to build a piece of a screen in; closed after the test."""
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


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
    """The compliment window on the test's services, shown."""
    window = ComplimentWindow(services, actor, SynchronousTaskRunner(), lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    return window
