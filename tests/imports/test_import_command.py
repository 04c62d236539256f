"""``steunpunt import``: a dry run that prints the counts and writes the report when asked,
``--uitvoeren`` imports, and a role without the import is refused in one Dutch line."""

from __future__ import annotations

from pathlib import Path

import pytest

from steunpunt.cli import main
from steunpunt.cli_sign_in import open_signed_in
from steunpunt.demo.accounts import DEMO_ACCOUNTS
from steunpunt.domain.imports.columns import ImportField, SavedMapping
from steunpunt.domain.roles import Role
from steunpunt.domain.saved_files import PERSONAL_DATA_NOTE
from steunpunt.paths import resolve_paths
from tests.imports.test_reading import messy_register

CSV = (
    "Aanmeldingen via de website\n"
    "\n"
    "Naam;Adres;Postcode;Woonplaats;Geb. datum;Telefoon\n"
    "Zoë Bos;Kerkstraat 5;3811cd;Amersfoort;12-3-1956;06-12345678\n"
    "PIET VAN DER BERG;Dorpsstraat 12 a;3762 AB;Soest;1 februari 1960;\n"
    "Kees Smit;Laan 3;12345;Soest;ooit;\n"
)


@pytest.fixture
def data(tmp_path: Path, demo_sign_in: str, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "data"
    assert main(["demo", "--data-dir", str(folder), "--caregivers", "5"]) == 0
    capsys.readouterr()
    return folder


def people(data: Path, capsys: pytest.CaptureFixture[str]) -> int:
    assert main(["export", "--data-dir", str(data), str(data.parent / "lijst.csv")]) == 0
    said = capsys.readouterr().out
    return int(said.split()[1])


def test_a_dry_run_prints_the_counts_and_the_report_and_writes_nothing(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = people(data, capsys)
    source = messy_register(tmp_path / "register.xlsx")
    monkeypatch.chdir(tmp_path)
    assert main(["import", str(source), "--data-dir", str(data), "--rapport", "rapport"]) == 1
    assert "eindigt op .xlsx" in capsys.readouterr().err
    assert main(["import", str(source), "--data-dir", str(data), "--rapport", "r.xlsx"]) == 0
    said = capsys.readouterr().out
    assert "register.xlsx (werkblad Sheet): kopregel op rij 4." in said
    assert "  Geb. datum → Geboortedatum\n" in said
    assert "7 gegevensrijen: " in said and "; samen 7." in said
    assert f"Het rapport staat in {tmp_path / 'r.xlsx'}.\n{PERSONAL_DATA_NOTE}\n" in said
    assert said.endswith("Dit was een proef: er is niets opgeslagen. Importeer met --uitvoeren.\n")
    assert people(data, capsys) == before


def test_uitvoeren_imports_a_csv_file(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = people(data, capsys)
    source = tmp_path / "aanmeldingen.csv"
    source.write_text(CSV, encoding="cp1252")
    assert main(["import", str(source), "--data-dir", str(data), "--uitvoeren"]) == 0
    said = capsys.readouterr().out
    assert "aanmeldingen.csv (Windows-1252 (ANSI), puntkomma (;)): kopregel op rij 3." in said
    assert (
        "Geïmporteerd: 3 gegevensrijen: 2 nieuw, 0 samengevoegd, 0 overgeslagen, 1 geweigerd."
        in said
    )
    assert people(data, capsys) == before + 2


def test_a_saved_mapping_is_used_by_its_name_and_an_unknown_one_is_refused(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = messy_register(tmp_path / "register.xlsx")
    assert main(["import", str(source), "--data-dir", str(data), "--koppeling", "2024"]) == 1
    assert capsys.readouterr().err == "Onbekende koppeling. Kies uit: (geen).\n"
    database = open_signed_in(resolve_paths(str(data)), None)
    try:
        saved = SavedMapping({"tel": ImportField.SKIP})
        database.services.imports.save_mapping(database.actor, "Register 2024", saved.to_json())
    finally:
        database.close()
    assert (
        main(["import", str(source), "--data-dir", str(data), "--koppeling", "register 2024"]) == 0
    )
    said = capsys.readouterr().out
    assert "  Naam → Naam (volledig)\n" in said and "Tel." not in said


def test_a_vrijwilliger_is_refused_in_one_dutch_line(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    [(_name, login, _role, password)] = [a for a in DEMO_ACCOUNTS if a[2] is Role.VRIJWILLIGER]
    monkeypatch.setenv("STEUNPUNT_USER", login)
    monkeypatch.setenv("STEUNPUNT_PASSWORD", password)
    source = messy_register(tmp_path / "register.xlsx")
    assert main(["import", str(source), "--data-dir", str(data), "--uitvoeren"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "importeren" in err, err
