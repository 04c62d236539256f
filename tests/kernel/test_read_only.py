"""A read-only data folder or database: the program starts, opens a valid database read-only
with a Dutch notice, refuses what it cannot do in Dutch, and changes nothing."""

from __future__ import annotations

import importlib
import logging
import os
import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from steunpunt import app as application
from steunpunt.cli import main
from steunpunt.db.kernel.errors import DatabaseReadOnly
from steunpunt.domain.errors import KnownProblem
from steunpunt.logging_setup import configure_logging
from steunpunt.paths import AppPaths
from steunpunt.startup import open_database
from steunpunt.ui.crash_dialog import CrashDialog
from steunpunt.ui.main_window import MainWindow
from tests.helpers import caregiver_data, database_with_caregivers
from tests.kernel.read_only import read_only
from tests.log_guard import ErrorRecords

pytestmark = pytest.mark.skipif(
    not hasattr(os, "geteuid"),
    reason="needs POSIX users and file rights: runs on Linux (CI), not on Windows",
)

OLD_DATABASE = Path(__file__).parent.parent / "data" / "steunpunt-0009.sqlite"


def whole_folder(app_paths: AppPaths) -> tuple[Path, ...]:
    """The data folder, its folders and files: a read-only medium."""
    return (app_paths.data_dir, *app_paths.data_dir.rglob("*"))


@pytest.fixture
def filled(app_paths: AppPaths, migrated_template: Path) -> Path:
    shutil.copy(migrated_template, app_paths.database_file)
    database_with_caregivers(app_paths.database_file, app_paths, 2)
    return app_paths.database_file


@pytest.mark.parametrize("where", ["folder", "file"])
def test_a_valid_database_that_cannot_be_written_opens_read_only(
    app_paths: AppPaths, filled: Path, where: str, logged_errors: ErrorRecords
) -> None:
    before = filled.read_bytes()
    names = sorted(p.name for p in app_paths.data_dir.iterdir())
    places, writable = (
        (whole_folder(app_paths), ()) if where == "folder" else ((filled,), (app_paths.data_dir,))
    )
    with read_only(*places, writable=writable):
        database = open_database(filled, app_paths)
        try:
            assert database.read_only
            assert database.services.caregivers.count() == 2
            with pytest.raises(KnownProblem) as refused:
                database.services.caregivers.create(database.actor, caregiver_data())
            assert "alleen-lezen" in refused.value.message
            assert database.services.caregivers.count() == 2
        finally:
            database.close()
    assert filled.read_bytes() == before
    if where == "folder":
        assert sorted(p.name for p in app_paths.data_dir.iterdir()) == names
    assert logged_errors.templates() == []  # a refusal the user is told of, not a fault


def test_a_read_only_database_that_needs_upgrading_is_refused_not_called_damaged(
    app_paths: AppPaths,
) -> None:
    shutil.copy(OLD_DATABASE, app_paths.database_file)
    before = app_paths.database_file.read_bytes()
    with read_only(*whole_folder(app_paths)), pytest.raises(DatabaseReadOnly) as refused:
        open_database(app_paths.database_file, app_paths)
    assert "alleen-lezen" in refused.value.message
    assert "beschadigd" not in refused.value.message
    assert app_paths.database_file.read_bytes() == before


def test_no_new_database_is_made_in_a_read_only_folder(app_paths: AppPaths) -> None:
    with read_only(*whole_folder(app_paths)), pytest.raises(DatabaseReadOnly) as refused:
        open_database(app_paths.database_file, app_paths)
    assert "kan niet worden geschreven (alleen-lezen)" in refused.value.message
    assert not app_paths.database_file.exists()


def test_logging_goes_to_stderr_when_its_folder_is_read_only(
    app_paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    root = logging.getLogger()
    kept = list(root.handlers)
    try:
        with read_only(app_paths.log_dir):
            assert configure_logging(app_paths.log_dir) is None
        logging.getLogger("steunpunt.test").warning("Nog steeds een logboek")
    finally:
        for handler in [h for h in root.handlers if h not in kept]:
            root.removeHandler(handler)
    err = capsys.readouterr().err
    assert "cannot be written" in err and "Nog steeds een logboek" in err
    assert not (app_paths.log_dir / "steunpunt.log").exists()


def test_the_program_starts_in_a_read_only_data_folder(
    qtbot: QtBot,
    app_paths: AppPaths,
    filled: Path,
    program_state: None,
    capsys: pytest.CaptureFixture[str],
    logged_errors: ErrorRecords,
) -> None:
    before = filled.read_bytes()
    seen: list[str] = []

    def shown(window: MainWindow) -> None:
        def look() -> None:
            seen.append(window.windowTitle())
            seen.extend(box.text() for box in window.findChildren(QMessageBox))
            window.close()

        QTimer.singleShot(0, look)

    with read_only(*whole_folder(app_paths)):
        assert application.run(app_paths, on_shown=shown) == 0
        assert main(["--data-dir", str(app_paths.data_dir), "self-test"]) == 0
    said = capsys.readouterr()
    assert seen[0] == "Steunpunt mantelzorg (alleen-lezen)"
    assert any("wijzigingen kunnen niet worden opgeslagen" in text for text in seen[1:])
    assert "LET OP: de database is alleen-lezen" in said.out
    assert "Zelftest geslaagd." in said.out
    assert "Traceback" not in said.err
    assert filled.read_bytes() == before
    assert logged_errors.templates() == []


def test_demo_data_is_refused_in_dutch_for_a_read_only_database(
    app_paths: AppPaths, filled: Path, capsys: pytest.CaptureFixture[str], program_state: None
) -> None:
    before = filled.read_bytes()
    # Imported first: as root the block runs as nobody, who may not read every library folder.
    importlib.import_module("steunpunt.demo.letters")
    with read_only(*whole_folder(app_paths)):
        command = ["demo", "--data-dir", str(app_paths.data_dir), "--caregivers", "3", "--add"]
        assert main(command) == 1
    said = capsys.readouterr().err
    assert "De database is alleen-lezen: er kunnen geen demogegevens" in said
    assert "Traceback" not in said
    assert filled.read_bytes() == before


def test_the_crash_handler_is_in_place_before_anything_can_fail_at_start(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    app_paths: AppPaths,
    program_state: None,
) -> None:
    def failing(_file: Path) -> None:
        raise RuntimeError("settings")

    monkeypatch.setattr(application, "load_settings", failing)
    with read_only(app_paths.log_dir), pytest.raises(RuntimeError):
        application.run(app_paths)
    assert sys.excepthook.__qualname__ == "install_crash_handler.<locals>.handle"


def test_the_crash_dialog_says_there_is_no_log_file(qtbot: QtBot) -> None:
    dialog = CrashDialog("details", None)
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("geen logboek: de map is niet beschrijfbaar" in text for text in texts)
