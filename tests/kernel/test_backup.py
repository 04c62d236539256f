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
from steunpunt.db.kernel import backup_check, cipher
from steunpunt.db.kernel.backup import NotVerified, verify
from steunpunt.db.kernel.backup_check import READ_ERRORS, tables_check
from steunpunt.db.kernel.engine import engine_key
from steunpunt.db.kernel.errors import BackupFailed
from steunpunt.db.kernel.keyfile import key_file_for
from steunpunt.db.kernel.migrate import HEAD_REVISION
from steunpunt.domain.audit import AuditFilter, AuditKind
from steunpunt.domain.errors import Cancelled
from steunpunt.entrance import Entrance
from steunpunt.paths import AppPaths
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.backup import backups
from steunpunt.services.kernel.container import Services
from steunpunt.startup import OpenDatabase
from steunpunt.ui.main_window import MainWindow
from steunpunt.ui.tasks import SynchronousTaskRunner, TaskContext
from tests.helpers import add_caregiver, caregiver_data
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
        context = TaskContext(on_progress or (lambda _done, _total: None))

        def run() -> None:
            try:
                result = function(context)
            except BaseException as error:
                on_error(error)
            else:
                on_done(result)

        self.held.append(run)
        return context


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
    monkeypatch.setattr(backup_module, "tables_check", lambda _file, _key, _rows: False)
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


def held_window(qtbot: QtBot, opened: OpenDatabase, app_paths: AppPaths) -> MainWindow:
    """The main window whose background jobs wait in ``window.context.runner.held``."""
    window = MainWindow(
        make_context(opened.services, opened.actor, app_paths, HeldRunner()), opened
    )
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_window_makes_the_backup_on_the_task_helper_and_shows_how_far_it_is(
    qtbot: QtBot, opened: OpenDatabase, app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    window = held_window(qtbot, opened, app_paths)
    progress = window.backup_progress
    seen: list[tuple[str, int]] = []
    shown = progress.show_progress

    def watched(done: int, total: int) -> None:
        shown(done, total)
        seen.append((progress.label.text(), progress.bar.maximum()))

    monkeypatch.setattr(progress, "show_progress", watched)
    window.make_backup()
    window.make_backup()  # a second ask while one runs starts no second backup
    assert backups(app_paths.backup_dir) == [] and told == []  # nothing on the main thread
    assert progress.isVisible() and progress.label.text() == "Reservekopie maken…"
    (job,) = window.context.runner.held  # type: ignore[attr-defined]
    job()
    (made,) = backups(app_paths.backup_dir)
    assert told == [f"Reservekopie gemaakt:\n{made.path}"]
    assert seen[-1] == ("Reservekopie controleren…", 0)  # the check runs without a measure
    assert not progress.isVisible()


def test_stopping_a_backup_leaves_no_copy_and_no_error(
    qtbot: QtBot, opened: OpenDatabase, app_paths: AppPaths, answers: Answers
) -> None:
    window = held_window(qtbot, opened, app_paths)
    window.make_backup()
    window.backup_progress.cancel.click()
    assert window.backup_progress.label.text() == "Reservekopie stoppen…"
    (job,) = window.context.runner.held  # type: ignore[attr-defined]
    job()
    assert list(app_paths.backup_dir.iterdir()) == [] and answers.texts == []
    assert window.statusBar().currentMessage().startswith("Reservekopie gestopt")
    assert not window.backup_progress.isVisible()


def test_a_backup_folder_that_cannot_be_written_is_said_in_dutch(
    window: MainWindow, app_paths: AppPaths, answers: Answers
) -> None:
    app_paths.backup_dir.rmdir()
    app_paths.backup_dir.write_text("geen map", encoding="utf-8")
    window.make_backup()
    (text,) = answers.texts
    assert text.startswith("De reservekopie kon niet worden gemaakt: ")


def test_a_backup_stopped_on_the_way_leaves_nothing_and_is_no_failure(
    services: Services, actor: Actor, engine: Engine, tmp_path: Path
) -> None:
    services.caregivers.create(actor, caregiver_data())
    heard: list[tuple[int, int]] = []

    def stop_at_once(done: int, total: int) -> bool:
        heard.append((done, total))
        return False

    folder = tmp_path / "backups"
    with pytest.raises(Cancelled, match="afgebroken"):
        services.backups.make(engine, folder, progress=stop_at_once)
    assert list(folder.iterdir()) == [] and len(heard) == 1 and heard[0][1] > 0
    failures = services.audit.events(AuditFilter(kind=AuditKind.BACKUP_FAILED))
    assert not failures.events


def test_a_page_damaged_in_an_encrypted_copy_fails_its_verification(app_paths: AppPaths) -> None:
    made = Entrance(app_paths.database_file, app_paths).create_first_beheerder(
        "Els de Wit", "els", "paars konijn op de fiets", "paars konijn op de fiets"
    )
    for number in range(40):
        add_caregiver(made.services, made.signed_in.actor, first_name=f"Nummer{number}")
    key = engine_key(made.database.engine)
    folder = made.services.backups.make(made.database.engine, app_paths.backup_dir)
    made.close()
    assert verify(folder, key).rows["caregiver"] == 40
    copy = folder / "steunpunt.sqlite"
    damaged = bytearray(copy.read_bytes())
    middle = len(damaged) // 4096 // 2 * 4096 + 100
    damaged[middle] ^= 0xFF  # one byte of one page in the middle
    copy.write_bytes(bytes(damaged))
    try:
        sound = tables_check(copy, key, read_manifest_rows(folder))
    except READ_ERRORS:
        sound = False
    assert not sound
    with pytest.raises(NotVerified):
        verify(folder, key)


def read_manifest_rows(folder: Path) -> dict[str, int]:
    manifest = backup_module.read_manifest(folder)
    assert manifest is not None
    return dict(manifest.rows)


def test_the_tables_are_shared_out_over_the_checks_largest_first(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    checked: list[list[str]] = []

    def record(_file: Path, _key: bytes | None, tables: list[str]) -> bool:
        checked.append(tables)
        return True

    monkeypatch.setattr(backup_check, "_tables_sound", record)
    rows = {"klein": 1, "groot": 900, "middel": 500, "ook_middel": 400, "leeg": 0}
    assert tables_check(tmp_path / "x.sqlite", None, rows)
    assert sorted(checked) == [["groot", "klein"], ["middel", "ook_middel", "leeg"]]
