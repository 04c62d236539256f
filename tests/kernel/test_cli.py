"""The command line without a window: demo data and the self-test."""

from __future__ import annotations

from pathlib import Path

import pytest

from steunpunt.cli import main
from steunpunt.paths import resolve_paths
from steunpunt.startup import open_database


def count(folder: Path) -> int:
    paths = resolve_paths(folder)
    database = open_database(paths.database_file, paths)
    try:
        return database.services.caregivers.count()
    finally:
        database.close()


def test_demo_fills_once_and_adds_only_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "data"
    assert main(["demo", "--data-dir", str(folder), "--caregivers", "30"]) == 0
    assert count(folder) == 30
    assert main(["demo", "--data-dir", str(folder), "--caregivers", "30"]) == 0
    assert "er is niets toegevoegd" in capsys.readouterr().out
    assert count(folder) == 30
    assert main(["demo", "--data-dir", str(folder), "--caregivers", "10", "--add"]) == 0
    assert count(folder) == 40


def test_self_test_passes_on_a_new_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["self-test", "--data-dir", str(tmp_path / "data")]) == 0
    assert "Zelftest geslaagd." in capsys.readouterr().out


def test_self_test_reports_a_damaged_database_in_dutch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = resolve_paths(tmp_path / "data").ensure()
    paths.database_file.write_bytes(b"kapot" * 1000)
    assert main(["self-test", "--data-dir", str(paths.data_dir)]) == 1
    assert "FOUT: Het databasebestand kan niet worden gelezen" in capsys.readouterr().out
    assert paths.database_file.read_bytes() == b"kapot" * 1000


def test_a_demo_database_can_make_a_mailing_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, out = tmp_path / "data", tmp_path / "uit"
    assert main(["demo", "--data-dir", str(folder), "--caregivers", "40"]) == 0
    arguments = ["mailing", "--data-dir", str(folder), "--folder", str(out)]
    assert main([*arguments, "--template", "Uitnodiging Dag van de Mantelzorg", "--labels"]) == 0
    said = capsys.readouterr().out
    assert "Klaar:" in said and "kenmerk" in said
    made = sorted(path.name for path in out.iterdir())
    assert len(made) == 2 and made[0].endswith("etiketten.pdf")
    assert main([*arguments, "--template", "Bestaat niet"]) == 1
    assert "Onbekend sjabloon. Kies uit: " in (said := capsys.readouterr().out)
    assert "'Welkomstbrief'" in said


@pytest.mark.parametrize(
    "command", [["demo"], ["mailing", "--template", "Welkomstbrief"]], ids=["demo", "mailing"]
)
def test_commands_report_a_damaged_database_in_one_dutch_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    paths = resolve_paths(tmp_path / "data").ensure()
    paths.database_file.write_bytes(b"kapot" * 1000)
    assert main([*command, "--data-dir", str(paths.data_dir)]) == 1
    said = capsys.readouterr()
    assert said.out.startswith("Het databasebestand kan niet worden gelezen")
    assert said.out.count("\n") == 1 and "Traceback" not in said.err
    assert paths.database_file.read_bytes() == b"kapot" * 1000
