"""Every command of the command line against a failing computer: a locked database, a full disk
and a missing folder each end in one Dutch line on stderr and exit code 1, never a traceback."""

from __future__ import annotations

import builtins
import errno
import io
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from steunpunt.cli import main
from steunpunt.db.kernel import backup as backup_module
from steunpunt.db.kernel import cipher
from steunpunt.db.kernel import engine as engine_module
from steunpunt.paths import AppPaths, resolve_paths
from tests.helpers import demo_key
from tests.log_guard import ErrorRecords

pytestmark = pytest.mark.usefixtures("demo_sign_in")
"""Commands on a demo database sign in as its beheerder."""

COMMANDS = ("demo", "mailing", "export", "report", "backup", "self-test")


def arguments(command: str, data: Path, out: Path) -> list[str]:
    """The command with its arguments, writing into ``out``."""
    return {
        "demo": ["demo", "--caregivers", "5", "--add"],
        "mailing": ["mailing", "--template", "Welkomstbrief", "--folder", str(out)],
        "export": ["export", str(out / "lijst.xlsx")],
        "report": [
            *("report", str(out / "verantwoording.pdf")),
            *("--from", "01-01-2026", "--until", "31-12-2026"),
        ],
        "backup": ["backup"],
        "self-test": ["self-test"],
    }[command] + ["--data-dir", str(data)]


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo database with people who get letters, made once."""
    data = tmp_path_factory.mktemp("filled") / "data"
    assert main(["demo", "--data-dir", str(data), "--caregivers", "20"]) == 0
    return data


@pytest.fixture
def paths(filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppPaths:
    """A copy of the filled data folder; a lock is noticed at once instead of after seconds."""
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 50)
    shutil.copytree(filled, tmp_path / "data")
    return resolve_paths(tmp_path / "data")


def one_dutch_line(capsys: pytest.CaptureFixture[str], *words: str) -> str:
    said = capsys.readouterr()
    assert "Traceback" not in said.err + said.out
    lines = said.err.splitlines()
    assert len(lines) == 1, said.err
    assert any(word in lines[0] for word in words), lines[0]
    return lines[0]


@pytest.fixture
def locked(paths: AppPaths) -> Iterator[None]:
    """Another program holds the database with an exclusive lock."""
    holder = cipher.connect(paths.database_file, demo_key(paths.data_dir))
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("UPDATE alembic_version SET version_num = version_num")
    yield
    holder.rollback()
    holder.close()


@pytest.mark.parametrize("command", COMMANDS)
def test_a_locked_database(
    command: str, paths: AppPaths, tmp_path: Path, locked: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(arguments(command, paths.data_dir, tmp_path / "uit")) == 1
    one_dutch_line(capsys, "in gebruik", "bezet")


def full_disk(monkeypatch: pytest.MonkeyPatch, log_dir: Path) -> None:
    """Every new file the program writes, every page the database grows by and every backup
    hits a full disk (the log file still takes its lines)."""
    real_open: Callable[..., Any] = builtins.open

    def open_on_a_full_disk(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if any(flag in mode for flag in "wxa") and log_dir not in Path(str(file)).parents:
            raise OSError(errno.ENOSPC, "No space left on device", str(file))
        return real_open(file, mode, *args, **kwargs)

    real_pragmas = engine_module._sqlite_pragmas

    def no_room_to_grow(connection: Any, record: Any) -> None:
        real_pragmas(connection, record)
        connection.execute("PRAGMA max_page_count = 1")

    def half_a_copy(
        _source: sqlite3.Connection, target: Path, _key: bytes | None, _progress: object
    ) -> None:
        target.write_bytes(bytes(4096))
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr(builtins, "open", open_on_a_full_disk)
    monkeypatch.setattr(io, "open", open_on_a_full_disk)
    monkeypatch.setattr(engine_module, "_sqlite_pragmas", no_room_to_grow)
    monkeypatch.setattr(backup_module, "copy_database", half_a_copy)


@pytest.mark.parametrize("command", COMMANDS)
def test_a_full_disk(
    command: str,
    paths: AppPaths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    logged_errors: ErrorRecords,
) -> None:
    (tmp_path / "uit").mkdir()
    full_disk(monkeypatch, paths.log_dir)
    assert main(arguments(command, paths.data_dir, tmp_path / "uit")) == 1
    one_dutch_line(capsys, "vol")
    logged_errors.take()  # a storage error is logged with its cause


@pytest.mark.parametrize("command", COMMANDS)
def test_a_data_folder_that_cannot_be_made(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "een bestand"
    blocker.write_text("geen map")
    assert main(arguments(command, blocker / "data", tmp_path / "uit")) == 1
    one_dutch_line(capsys, "map")


@pytest.mark.parametrize("command", ["mailing", "export", "report"])
def test_an_output_folder_that_cannot_be_made(
    command: str, paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "een bestand"
    blocker.write_text("geen map")
    assert main(arguments(command, paths.data_dir, blocker / "uit")) == 1
    one_dutch_line(capsys, "map")


def test_a_stop_with_ctrl_c_is_one_line_without_a_traceback(
    paths: AppPaths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def interrupted(*_args: Any, **_kwargs: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("steunpunt.demo.fill.fill_demo_database", interrupted)
    assert main(arguments("demo", paths.data_dir, tmp_path)) == 130
    said = capsys.readouterr()
    assert said.err == "\nAfgebroken met Ctrl+C.\n"
