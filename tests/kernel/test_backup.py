"""The manual backup: a service for the window and the command line, run on the task helper."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from steunpunt.paths import AppPaths
from steunpunt.services.kernel.backup import backups, make_backup
from steunpunt.startup import OpenDatabase
from steunpunt.ui.main_window import MainWindow
from steunpunt.ui.tasks import SynchronousTaskRunner, TaskContext
from tests.ui_fixtures import make_context
from tests.widgets import Answers


class HeldRunner(SynchronousTaskRunner):
    """Keeps each job until the test runs it, as the thread pool would run it later."""

    def __init__(self) -> None:
        self.held: list[Callable[[], None]] = []

    def start(
        self,
        function: Callable[[TaskContext], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        on_progress: Callable[[int, int], None] | None = None,
    ) -> TaskContext:
        run = SynchronousTaskRunner.start
        self.held.append(lambda: run(self, function, on_done, on_error, on_progress))
        return TaskContext(lambda _done, _total: None)


def test_manual_backups_are_listed_newest_first_and_old_ones_pruned(
    engine: Engine, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    assert backups(folder) == []
    made = [make_backup(engine, folder, keep=2) for _ in range(3)]
    assert all("handmatig" in path.name for path in made)
    assert backups(folder) == [made[2], made[1]]


def test_the_window_makes_the_backup_on_the_task_helper(
    qtbot: QtBot, opened: OpenDatabase, app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    runner = HeldRunner()
    window = MainWindow(make_context(opened.services, opened.actor, app_paths, runner), opened)
    qtbot.addWidget(window)
    window.make_backup()
    assert backups(app_paths.backup_dir) == [] and told == []  # nothing on the main thread
    (job,) = runner.held
    job()
    (made,) = backups(app_paths.backup_dir)
    assert told == [f"Reservekopie gemaakt:\n{made}"]


def test_a_backup_folder_that_cannot_be_written_is_said_in_dutch(
    window: MainWindow, app_paths: AppPaths, answers: Answers
) -> None:
    app_paths.backup_dir.rmdir()
    app_paths.backup_dir.write_text("geen map", encoding="utf-8")
    window.make_backup()
    (text,) = answers.texts
    assert text.startswith("De reservekopie kon niet worden gemaakt: ")
