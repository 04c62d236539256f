"""An empty or vanished database is never silently replaced by a new, empty register."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from steunpunt import app as application
from steunpunt.cli import main
from steunpunt.db.kernel.backup import list_backups
from steunpunt.db.kernel.errors import DatabaseMissing
from steunpunt.entrance import Door
from steunpunt.paths import AppPaths
from steunpunt.settings import Settings, save_settings
from steunpunt.startup import open_database
from steunpunt.ui.database_dialogs import ProblemChoice, ask_about_problem
from tests.helpers import caregiver_data


def filled_backup(app_paths: AppPaths, migrated_template: Path) -> Path:
    """A backup in the backup folder holding one caregiver."""
    backup = app_paths.backup_dir / "steunpunt-20261101-120000-000000-handmatig.sqlite"
    shutil.copy(migrated_template, backup)
    database = open_database(backup, app_paths, new_register=True)
    database.services.caregivers.create(database.actor, caregiver_data())
    database.close()
    return backup


def test_an_empty_database_file_is_refused_and_left_as_it_is(app_paths: AppPaths) -> None:
    app_paths.database_file.write_bytes(b"")
    with pytest.raises(DatabaseMissing) as refused:
        open_database(app_paths.database_file, app_paths)
    assert "is leeg (0 bytes)" in refused.value.message
    assert "Zet een reservekopie terug" in refused.value.message
    assert sorted(p.name for p in app_paths.data_dir.iterdir() if p.is_file()) == [
        "steunpunt.sqlite"
    ]
    assert app_paths.database_file.read_bytes() == b""


@pytest.mark.parametrize("evidence", ["backup", "settings", "wal"])
def test_a_missing_database_is_refused_where_this_folder_had_one(
    app_paths: AppPaths, migrated_template: Path, evidence: str
) -> None:
    if evidence == "backup":
        shutil.copy(migrated_template, app_paths.backup_dir / "steunpunt-20261101-x.sqlite")
    elif evidence == "settings":
        save_settings(app_paths.settings_file, Settings())
    else:
        app_paths.data_dir.joinpath("steunpunt.sqlite-wal").write_bytes(b"")
    with pytest.raises(DatabaseMissing) as refused:
        open_database(app_paths.database_file, app_paths)
    assert "ontbreekt, terwijl hier eerder een database was" in refused.value.message
    assert not app_paths.database_file.exists()


def test_a_first_start_or_another_chosen_file_still_makes_a_new_register(
    app_paths: AppPaths, tmp_path: Path
) -> None:
    open_database(app_paths.database_file, app_paths).close()  # nothing here before
    save_settings(app_paths.settings_file, Settings())
    other = tmp_path / "elders" / "nieuw.sqlite"  # not the file this folder uses
    open_database(other, app_paths).close()
    assert other.stat().st_size > 0


def test_the_window_offers_a_backup_or_a_new_register_for_an_empty_file(
    monkeypatch: pytest.MonkeyPatch, app_paths: AppPaths, migrated_template: Path
) -> None:
    filled_backup(app_paths, migrated_template)
    app_paths.database_file.write_bytes(b"")
    asked: list[tuple[str, bool]] = []
    answers = iter([ProblemChoice.RESTORE, ProblemChoice.NEW_REGISTER])

    def ask(_parent: object, message: str, *_args: object, offer_new: bool) -> ProblemChoice:
        asked.append((message, offer_new))
        return next(answers)

    monkeypatch.setattr(application, "ask_about_problem", ask)
    monkeypatch.setattr(application, "choose_backup", lambda _p, folder: list_backups(folder)[0])
    restored = application.open_with_recovery(app_paths.database_file, app_paths)
    assert restored is not None and restored.plain_database is not None
    assert restored.plain_database.services.caregivers.count() == 1
    restored.close()
    assert len(asked) == 1 and asked[0][1] and "is leeg" in asked[0][0]
    kept = [p for p in app_paths.data_dir.iterdir() if ".vervangen-" in p.name]
    assert [p.stat().st_size for p in kept] == [0]

    app_paths.database_file.unlink()  # gone now: a new register only when chosen
    started = application.open_with_recovery(app_paths.database_file, app_paths)
    assert started is not None and started.door is Door.NEW  # made by the first beheerder
    assert not app_paths.database_file.exists()
    assert "ontbreekt" in asked[1][0] and asked[1][1]


def test_a_new_register_sets_an_empty_file_aside(app_paths: AppPaths) -> None:
    app_paths.database_file.write_bytes(b"")
    open_database(app_paths.database_file, app_paths, new_register=True).close()
    assert [p.stat().st_size for p in app_paths.data_dir.glob("steunpunt.sqlite.leeg-*")] == [0]
    assert app_paths.database_file.stat().st_size > 0


def test_the_problem_dialog_offers_a_new_register_only_when_asked(
    monkeypatch: pytest.MonkeyPatch, app_paths: AppPaths, qtbot: QtBot
) -> None:
    offered: list[list[str]] = []

    def exec_and_click(box: QMessageBox, text: str) -> int:
        offered.append([b.text() for b in box.buttons()])
        next(b for b in box.buttons() if b.text() == text).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", lambda box: exec_and_click(box, "Afsluiten"))
    assert ask_about_problem(None, "x", app_paths.database_file, app_paths.backup_dir) is (
        ProblemChoice.QUIT
    )
    new = "Nieuw, leeg register beginnen"
    monkeypatch.setattr(QMessageBox, "exec", lambda box: exec_and_click(box, new))
    choice = ask_about_problem(
        None, "x", app_paths.database_file, app_paths.backup_dir, offer_new=True
    )
    assert choice is ProblemChoice.NEW_REGISTER
    assert new not in offered[0] and new in offered[1]


@pytest.mark.parametrize("command", [["demo", "--caregivers", "3"], ["backup"], ["self-test"]])
def test_the_command_line_says_so_in_one_dutch_line_and_makes_no_file(
    app_paths: AppPaths,
    migrated_template: Path,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    shutil.copy(migrated_template, app_paths.backup_dir / "steunpunt-20261101-x.sqlite")
    assert main([*command, "--data-dir", str(app_paths.data_dir)]) == 1
    said = capsys.readouterr()
    lines = [line for line in (said.err + said.out).splitlines() if line]
    assert len(lines) == 1 and "ontbreekt, terwijl hier eerder een database was" in lines[0]
    assert "Traceback" not in said.err
    assert not app_paths.database_file.exists()
