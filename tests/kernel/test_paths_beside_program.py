"""The frozen program's folder chooses the data folder: ``portable.txt`` keeps everything in
``data`` beside the program (a USB stick), ``datamap.txt`` holds the folder IT chose when
installing (``/DATAMAP=``); ``--data-dir`` and ``STEUNPUNT_DATA_DIR`` still come first."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from steunpunt.cli import main
from steunpunt.paths import (
    DATA_DIR_ENV,
    PORTABLE_MARKER,
    PRESET_FILE,
    program_folder,
    resolve_paths,
)


@pytest.fixture(autouse=True)
def no_data_dir_in_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)


@pytest.fixture
def program(tmp_path: Path) -> Path:
    """The folder of an installed or unpacked program."""
    folder = tmp_path / "Steunpunt"
    folder.mkdir()
    return folder


@pytest.fixture
def frozen(program: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This process plays the frozen program in ``program``."""
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program / "steunpunt-opdracht"))
    return program


def test_portable_keeps_every_folder_in_data_beside_the_program(program: Path) -> None:
    (program / PORTABLE_MARKER).write_text("draagbaar", encoding="utf-8")
    paths = resolve_paths(program_dir=program)
    data = program.resolve() / "data"
    assert paths.data_dir == data
    for folder in (paths.config_dir, paths.log_dir, paths.backup_dir, paths.letters_dir):
        assert folder.parent == data


def test_without_a_file_beside_the_program_the_user_folders_are_used(program: Path) -> None:
    assert not resolve_paths(program_dir=program).data_dir.is_relative_to(program)


def test_the_preset_folder_is_read_with_comments_bom_and_variables(
    program: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STEUNPUNT_TEST_SHARE", str(tmp_path / "share"))
    (program / PRESET_FILE).write_text(
        "\ufeff# gekozen bij de installatie\n\n${STEUNPUNT_TEST_SHARE}/team\n", encoding="utf-8"
    )
    assert resolve_paths(program_dir=program).data_dir == (tmp_path / "share" / "team").resolve()


def test_a_relative_preset_folder_lies_beside_the_program(program: Path) -> None:
    (program / PRESET_FILE).write_text("../Steunpunt-gegevens\n", encoding="utf-8")
    expected = (program.parent / "Steunpunt-gegevens").resolve()
    assert resolve_paths(program_dir=program).data_dir == expected


def test_portable_wins_over_the_preset_and_the_command_line_over_both(
    program: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (program / PORTABLE_MARKER).write_text("", encoding="utf-8")
    (program / PRESET_FILE).write_text(str(tmp_path / "elders"), encoding="utf-8")
    assert resolve_paths(program_dir=program).data_dir == program.resolve() / "data"
    given = tmp_path / "gegeven"
    assert resolve_paths(given, program_dir=program).data_dir == given.resolve()
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "omgeving"))
    assert resolve_paths(program_dir=program).data_dir == (tmp_path / "omgeving").resolve()


def test_only_the_frozen_program_looks_beside_itself(program: Path) -> None:
    assert program_folder() is None  # the tests run from a Python install


def test_the_frozen_portable_program_leaves_its_data_beside_itself(
    frozen: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (frozen / PORTABLE_MARKER).write_text("draagbaar", encoding="utf-8")
    assert program_folder() == frozen.resolve()
    assert main(["self-test"]) == 0
    data = frozen.resolve() / "data"
    assert f"nog geen database in {data}" in capsys.readouterr().out
    assert (data / "config").is_dir()


def test_a_preset_folder_on_a_drive_that_is_gone_is_refused_in_dutch(
    frozen: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gone = tmp_path / "schijf"
    gone.write_text("geen map", encoding="utf-8")  # a folder below a file cannot be made
    (frozen / PRESET_FILE).write_text(str(gone / "Steunpunt"), encoding="utf-8")
    assert main(["self-test"]) == 1
    error = capsys.readouterr().err
    assert "kan niet worden gemaakt of gebruikt" in error
    assert "er is niets veranderd" in error
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Steunpunt", "schijf"]
