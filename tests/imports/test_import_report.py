"""The import's report workbook: the counts that add up, every row of the file as it was with
its outcome and reasons, written whole or not at all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]

from steunpunt.domain.imports.plan import ImportPlan
from steunpunt.domain.imports.read_row import ReadRow
from steunpunt.io.import_report import write_import_report
from steunpunt.io.staging_journal import STAGING_PREFIX, notes
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from tests.imports.scenario import file_rows, register_with_jan


def report_plan(services: Services, actor: Actor) -> ImportPlan:
    register_with_jan(services, actor)
    formula = ReadRow(10, ('=HYPERLINK("x")', "Totaal"), {"last_name": "=1+1"})
    return services.imports.plan([*file_rows(), formula])


def test_the_report_has_the_counts_and_every_row_with_its_outcome_and_reasons(
    services: Services, actor: Actor, tmp_path: Path
) -> None:
    plan = report_plan(services, actor)
    target = tmp_path / "importverslag.xlsx"
    write_import_report(target, plan, ("Naam", "Adres"))
    book = load_workbook(target)
    assert book.sheetnames == ["Samenvatting", "Rijen"]
    summary = [[cell.value for cell in row] for row in book["Samenvatting"].iter_rows()]
    assert summary[:6] == [
        ["Uitkomst", "Rijen"],
        ["Nieuw", 1],
        ["Bestaat waarschijnlijk al", 2],
        ["Geweigerd", 3],
        ["Overgeslagen", 3],
        ["Gegevensrijen", 9],
    ]
    assert summary[-1][0] == (
        "9 gegevensrijen: 1 nieuw, 2 bestaat waarschijnlijk al, 3 geweigerd, "
        "3 overgeslagen; samen 9."
    )
    rows = [[cell.value for cell in row] for row in book["Rijen"].iter_rows()]
    assert rows[0] == ["Rij", "Uitkomst", "Reden", "Gelezen als", "Naam", "Adres"] + [
        f"Kolom {n}" for n in range(3, 7)
    ]
    by_row = {row[0]: row for row in rows[1:]}
    assert sorted(by_row) == [2, 3, 4, 5, 6, 7, 8, 9, 10]
    assert by_row[2][:6] == [
        2,
        "nieuw",
        None,
        "postcode: 3811cd → 3811 CD",
        "Anna Bakker",
        "Kerkstraat 5",
    ]
    assert by_row[5][1:3] == ["overgeslagen", "herhaling van rij 2"]
    assert by_row[6][1:3] == [
        "geweigerd",
        "geboortedatum: De datum 'ooit' is niet te lezen.\n"
        "postcode: Vul een Nederlandse postcode in: vier cijfers en twee letters, zoals 1234 AB.",
    ]
    assert by_row[3][1] == "bestaat waarschijnlijk al"
    assert by_row[3][2].startswith("Jan Pieter de Vries (nr. ")
    # what the file held is shown as text, never run as a formula
    assert by_row[10][4] == '=HYPERLINK("x")'
    assert book["Rijen"].cell(row=len(rows), column=5).data_type == "s"


def test_the_report_is_noted_while_written_and_left_whole(
    services: Services, actor: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = report_plan(services, actor)
    journal = tmp_path / ".steunpunt.sqlite-staging"
    noted: list[bool] = []
    replace = os.replace

    def noting_replace(source: os.PathLike[str] | str, target: os.PathLike[str] | str) -> None:
        source = Path(source)
        if source.name.startswith(STAGING_PREFIX):
            named = [note.read_text("utf-8").splitlines()[0] for note in notes(journal)]
            noted.append(str(source.resolve()) in named)
        replace(source, target)

    monkeypatch.setattr(os, "replace", noting_replace)
    folder = tmp_path / "verslagen"
    folder.mkdir()
    write_import_report(folder / "verslag.xlsx", plan, (), journal)
    assert noted == [True]
    assert [file.name for file in folder.iterdir()] == ["verslag.xlsx"]
    assert notes(journal) == []
