"""The command line without a window: demo data, mailing, export, report, backup, self-test."""

from __future__ import annotations

import csv
import errno
from pathlib import Path

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]

from steunpunt.cli import main
from steunpunt.db.kernel import backup
from steunpunt.paths import resolve_paths
from steunpunt.startup import open_database
from tests.helpers import open_demo
from tests.log_guard import ErrorRecords

pytestmark = pytest.mark.usefixtures("demo_sign_in")
"""Commands on a demo database sign in as its beheerder."""


def count(folder: Path) -> int:
    database = open_demo(folder)
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
    tmp_path: Path, capsys: pytest.CaptureFixture[str], logged_errors: ErrorRecords
) -> None:
    paths = resolve_paths(tmp_path / "data").ensure()
    paths.database_file.write_bytes(b"kapot" * 1000)
    assert main(["self-test", "--data-dir", str(paths.data_dir)]) == 1
    said = capsys.readouterr()
    assert said.err.startswith("Het databasebestand kan niet worden gelezen")
    assert said.err.count("\n") == 1
    assert paths.database_file.read_bytes() == b"kapot" * 1000
    assert logged_errors.templates() == ["Database unreadable: %s"]


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


@pytest.fixture
def demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The data folder of a demo database of 30 caregivers (what the demo said is read)."""
    folder = tmp_path / "data"
    assert main(["demo", "--data-dir", str(folder), "--caregivers", "30"]) == 0
    capsys.readouterr()
    return folder


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An empty folder for what a command makes."""
    made = tmp_path / "uit"
    made.mkdir()
    return made


def test_the_list_is_exported_from_the_command_line(
    demo: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = ["export", "--data-dir", str(demo)]
    assert main([*arguments, str(out / "alle.csv"), "--status", "alle", "--columns", "naam"]) == 0
    assert capsys.readouterr().out.startswith("Klaar: 30 mantelzorgers in ")
    with (out / "alle.csv").open(encoding="utf-8-sig", newline="") as handle:
        read = list(csv.reader(handle, delimiter=";"))
    assert read[0] == ["Naam"] and len(read) == 31
    assert main([*arguments, str(out / "actief.xlsx")]) == 0
    sheet = load_workbook(out / "actief.xlsx").active
    headers = next(sheet.iter_rows(values_only=True))
    assert headers == ("Naam", "Adres", "Postcode", "Woonplaats", "Telefoon", "E-mail")
    assert main([*arguments, str(out / "x.csv"), "--columns", "naam,schoenmaat"]) == 1
    assert "Onbekende kolom schoenmaat. Kies uit: naam, " in capsys.readouterr().err
    assert main([*arguments, str(out / "lijst.txt")]) == 1
    assert "eindigt op .xlsx (Excel) of .csv" in capsys.readouterr().err
    assert sorted(path.name for path in out.iterdir()) == ["actief.xlsx", "alle.csv"]


def test_the_verantwoording_is_made_from_the_command_line(
    demo: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = ["report", "--data-dir", str(demo), "--from", "01-01-2026", "--until"]
    assert main([*arguments, "31-12-2026", str(out / "verantwoording.pdf")]) == 0
    assert capsys.readouterr().out.startswith("Klaar: de verantwoording staat in ")
    assert (out / "verantwoording.pdf").read_bytes().startswith(b"%PDF")
    assert main([*arguments, "31-12-2026", str(out / "soest.xlsx"), "--municipality", "soest"]) == 0
    assert "Overzicht" in load_workbook(out / "soest.xlsx").sheetnames
    assert main([*arguments, "31-12-2026", str(out / "x.pdf"), "--municipality", "Atlantis"]) == 1
    assert "Onbekende gemeente. Kies uit: " in capsys.readouterr().err
    assert main([*arguments, "31-12-2025", str(out / "x.pdf")]) == 1
    assert "Het einde van de periode ligt vóór het begin." in capsys.readouterr().err
    assert sorted(path.name for path in out.iterdir()) == ["soest.xlsx", "verantwoording.pdf"]


def test_a_backup_is_made_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = resolve_paths(tmp_path / "data")
    assert main(["backup", "--data-dir", str(paths.data_dir)]) == 1
    assert capsys.readouterr().err.startswith("Er is nog geen database in ")
    assert not paths.database_file.exists()  # a command makes no register
    paths.ensure()
    open_database(paths.database_file, paths, new_register=True).close()  # plain, from before
    assert main(["backup", "--data-dir", str(paths.data_dir)]) == 0
    (made,) = paths.backup_dir.glob("steunpunt-*-handmatig")
    assert capsys.readouterr().out == f"Reservekopie gemaakt: {made}\n"

    def full(source: object, target: Path, _key: bytes | None, _progress: object) -> None:
        raise OSError(errno.ENOSPC, "full")

    monkeypatch.setattr(backup, "copy_database", full)
    assert main(["backup", "--data-dir", str(paths.data_dir)]) == 1
    assert capsys.readouterr().err == (
        "De reservekopie kon niet worden gemaakt: de schijf is vol. Er is geen onvolledige "
        "kopie achtergebleven; de database is niet veranderd.\n"
    )
    assert list(paths.backup_dir.glob(".*")) == [] and backup.list_backups(paths.backup_dir) == [
        made
    ]


@pytest.mark.parametrize(
    "command", [["demo"], ["mailing", "--template", "Welkomstbrief"]], ids=["demo", "mailing"]
)
def test_a_damaged_database_is_one_dutch_line_on_stderr_without_a_traceback(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    logged_errors: ErrorRecords,
    command: list[str],
) -> None:
    paths = resolve_paths(tmp_path / "data").ensure()
    paths.database_file.write_bytes(b"kapot" * 1000)
    assert main([*command, "--data-dir", str(paths.data_dir)]) == 1
    said = capsys.readouterr()
    assert said.err.startswith("Het databasebestand kan niet worden gelezen")
    assert said.err.count("\n") == 1 and "Traceback" not in said.err and said.out == ""
    assert paths.database_file.read_bytes() == b"kapot" * 1000
    assert logged_errors.templates() == ["Database unreadable: %s"]


def test_a_mailing_refused_by_a_service_or_a_typed_value_says_why_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "data"
    paths = resolve_paths(folder).ensure()
    open_database(paths.database_file, paths, new_register=True).close()  # plain, no accounts
    arguments = ["mailing", "--data-dir", str(folder), "--template", "Welkomstbrief"]
    assert main([*arguments, "--date", "31-02-2026"]) == 1
    assert capsys.readouterr().err == "31-02-2026 is geen bestaande datum.\n"
    assert main([*arguments, "--folder", str(tmp_path / "uit")]) == 1
    said = capsys.readouterr()
    assert said.err == "Er is geen brief gemaakt: niemand komt in aanmerking.\n"
    assert said.out == ""
