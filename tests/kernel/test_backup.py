"""The manual backup: a service for the window and the command line, run on the task helper."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from steunpunt import __version__
from steunpunt.db.kernel import backup as backup_module
from steunpunt.db.kernel import cipher
from steunpunt.db.kernel.errors import BackupFailed
from steunpunt.db.kernel.keyfile import key_file_for
from steunpunt.db.kernel.migrate import HEAD_REVISION
from steunpunt.domain.audit import AuditFilter, AuditKind
from steunpunt.paths import AppPaths
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.backup import backups
from steunpunt.services.kernel.container import Services
from steunpunt.startup import OpenDatabase
from steunpunt.ui.main_window import MainWindow
from steunpunt.ui.tasks import SynchronousTaskRunner, TaskContext
from tests.helpers import caregiver_data
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


def test_a_backup_is_a_folder_with_the_database_its_key_file_and_a_manifest(
    services: Services, actor: Actor, engine: Engine, database_file: Path, tmp_path: Path
) -> None:
    key_file_for(database_file).write_bytes(b"de sleutels")
    services.caregivers.create(actor, caregiver_data())
    folder = tmp_path / "backups"
    assert backups(folder) == []
    made = services.backups.make(engine, folder)
    assert "handmatig" in made.name
    assert sorted(p.name for p in made.iterdir()) == [
        "manifest.json",
        "steunpunt.sqlite",
        "steunpunt.sqlite.sleutels",
    ]
    assert (made / "steunpunt.sqlite.sleutels").read_bytes() == b"de sleutels"
    (entry,) = backups(folder)
    assert entry.path == made and entry.reason == "handmatig" and entry.manifest is not None
    assert entry.manifest.revision == HEAD_REVISION
    assert entry.manifest.program_version == __version__
    assert entry.manifest.rows["caregiver"] == 1
    connection = sqlite3.connect(made / "steunpunt.sqlite")
    for table, count in entry.manifest.rows.items():
        assert connection.execute(f'SELECT count(*) FROM "{table}"').fetchone() == (count,)
    connection.close()


def test_backups_are_listed_newest_first_from_their_manifest_alone(
    services: Services, engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "backups"
    made = [services.backups.make(engine, folder) for _ in range(2)]

    def never(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("listing opened a backup's database")

    monkeypatch.setattr(cipher, "connect", never)
    assert [entry.path for entry in backups(folder)] == [made[1], made[0]]


def test_a_backup_that_fails_its_verification_is_removed_said_and_recorded(
    window: MainWindow,
    opened: OpenDatabase,
    app_paths: AppPaths,
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(backup_module, "pages_check", lambda _connection: False)
    window.make_backup()
    (text,) = answers.texts
    assert text.startswith(
        "De reservekopie kon niet worden gemaakt: de controle van de kopie gaf een fout "
        "(de kopie is verwijderd)."
    )
    assert list(app_paths.backup_dir.iterdir()) == []
    found = opened.services.audit.events(AuditFilter(kind=AuditKind.BACKUP_FAILED))
    (event,) = found.events
    assert "controle van de kopie" in event.summary


def test_rows_that_differ_from_the_manifest_fail_the_verification(
    services: Services, engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = backup_module.count_rows
    calls: list[int] = []

    def one_off(connection: sqlite3.Connection) -> dict[str, int]:
        calls.append(1)
        rows = real(connection)
        return rows if len(calls) == 1 else {**rows, "caregiver": rows["caregiver"] + 1}

    monkeypatch.setattr(backup_module, "count_rows", one_off)
    with pytest.raises(BackupFailed, match="controle van de kopie"):
        services.backups.make(engine, tmp_path / "backups")
    assert list((tmp_path / "backups").iterdir()) == []


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
    assert window.statusBar().currentMessage() == "Reservekopie maken en controleren…"
    (job,) = runner.held
    job()
    (made,) = backups(app_paths.backup_dir)
    assert told == [f"Reservekopie gemaakt:\n{made.path}"]


def test_a_backup_folder_that_cannot_be_written_is_said_in_dutch(
    window: MainWindow, app_paths: AppPaths, answers: Answers
) -> None:
    app_paths.backup_dir.rmdir()
    app_paths.backup_dir.write_text("geen map", encoding="utf-8")
    window.make_backup()
    (text,) = answers.texts
    assert text.startswith("De reservekopie kon niet worden gemaakt: ")
