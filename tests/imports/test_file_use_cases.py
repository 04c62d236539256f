"""The file use cases of the import: the file read once, planned in one call, and its report
written whole, recorded, and refused in Dutch where the disk will not take it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from steunpunt.db.kernel.audit import AuditEvent
from steunpunt.domain.audit import AuditKind
from steunpunt.domain.errors import InvalidValue, KnownProblem
from steunpunt.domain.imports.cells import cell_text
from steunpunt.domain.imports.columns import find_header_row, guess_mapping
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from tests.imports.test_reading import messy_register


def test_a_file_is_read_once_and_planned_in_one_call(services: Services, tmp_path: Path) -> None:
    file = services.imports.open_file(messy_register(tmp_path / "register.xlsx"))
    header = find_header_row(file.rows)
    plan = services.imports.plan_file(file, header, guess_mapping(file.rows[header]))
    counts = plan.counts
    assert counts.data_rows == len(file.rows) - header - 1 == 7
    assert counts.adds_up and counts.refused >= 1 and counts.skipped == 2


def test_the_report_is_written_and_recorded_without_the_rows(
    services: Services, actor: Actor, engine: Engine, tmp_path: Path
) -> None:
    file = services.imports.open_file(messy_register(tmp_path / "register.xlsx"))
    header = find_header_row(file.rows)
    plan = services.imports.plan_file(file, header, guess_mapping(file.rows[header]))
    headers = [cell_text(cell) for cell in file.rows[header]]
    target = services.imports.write_report(actor, tmp_path / "rapport.xlsx", plan, headers)
    rows = list(load_workbook(target, read_only=True)["Rijen"].values)
    assert rows[0][4:6] == ("Naam", "Adres") and len(rows) == 1 + plan.counts.data_rows
    with Session(engine) as session:
        [event] = session.scalars(select(AuditEvent).where(AuditEvent.kind == AuditKind.EXPORT))
    details = json.loads(event.details_json)
    assert details["bestand"] == "importrapport" and details["rijen"] == 7
    assert "Jansen" not in event.details_json and event.staff_id == actor.staff_id


def test_a_report_on_a_full_disk_is_a_dutch_problem_and_leaves_no_file(
    services: Services, actor: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = services.imports.plan([])

    def full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("steunpunt.services.imports.service.write_import_report", full)
    with pytest.raises(KnownProblem, match="konden niet worden geschreven") as told:
        services.imports.write_report(actor, tmp_path / "rapport.xlsx", plan, [])
    assert "schijf" in told.value.message
    assert not (tmp_path / "rapport.xlsx").exists()
    with pytest.raises(InvalidValue, match=r"eindigt op \.xlsx"):
        services.imports.write_report(actor, tmp_path / "rapport.pdf", plan, [])
