"""A database that cannot be opened: a Dutch message, another file or a backup, nothing lost."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from steunpunt import app as application
from steunpunt.db.kernel.backup import list_backups
from steunpunt.paths import AppPaths
from steunpunt.ui.database_dialogs import ProblemChoice
from tests.log_guard import ErrorRecords

GARBAGE = b"Dit is geen database maar een boodschappenlijstje.\n" * 200


def test_damaged_file_offers_a_backup_and_keeps_the_damaged_file(
    monkeypatch: pytest.MonkeyPatch,
    app_paths: AppPaths,
    migrated_template: Path,
    logged_errors: ErrorRecords,
) -> None:
    backup = app_paths.backup_dir / "steunpunt-20261101-120000-000000-handmatig.sqlite"
    shutil.copy(migrated_template, backup)
    app_paths.database_file.write_bytes(GARBAGE)
    messages: list[str] = []

    def ask(_parent: object, message: str, _file: Path, _backups: Path, **_: bool) -> ProblemChoice:
        messages.append(message)
        return ProblemChoice.RESTORE

    monkeypatch.setattr(application, "ask_about_problem", ask)
    monkeypatch.setattr(
        application, "choose_backup", lambda _parent, folder: list_backups(folder)[0]
    )
    database = application.open_with_recovery(app_paths.database_file, app_paths)
    assert database is not None
    database.close()
    assert "beschadigd" in messages[0]
    kept = [p for p in app_paths.data_dir.iterdir() if ".vervangen-" in p.name]
    assert [p.read_bytes() for p in kept] == [GARBAGE]
    assert logged_errors.templates() == ["Database unreadable: %s"]


def test_choosing_another_file_or_quitting(
    monkeypatch: pytest.MonkeyPatch,
    app_paths: AppPaths,
    tmp_path: Path,
    logged_errors: ErrorRecords,
) -> None:
    app_paths.database_file.write_bytes(GARBAGE)
    answers = iter([ProblemChoice.OPEN_OTHER])
    monkeypatch.setattr(application, "ask_about_problem", lambda *_args, **_kw: next(answers))
    other = tmp_path / "elders" / "nieuw.sqlite"
    monkeypatch.setattr(application, "choose_database_file", lambda *_args: other)
    database = application.open_with_recovery(app_paths.database_file, app_paths)
    assert database is not None and database.file == other
    database.close()
    assert app_paths.database_file.read_bytes() == GARBAGE

    monkeypatch.setattr(application, "ask_about_problem", lambda *_args, **_kw: ProblemChoice.QUIT)
    assert application.open_with_recovery(app_paths.database_file, app_paths) is None
    assert app_paths.database_file.read_bytes() == GARBAGE
    assert logged_errors.templates() == ["Database unreadable: %s"] * 2
