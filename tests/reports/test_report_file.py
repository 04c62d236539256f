"""Writing the verantwoording through its service: PDF or workbook by the suffix, a full disk in Dutch."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from openpyxl import load_workbook

from steunpunt.domain.audit import AuditFilter, AuditKind
from steunpunt.domain.errors import KnownProblem
from steunpunt.domain.letters.house_style import HouseStyle
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.services.reports.report_file import write_report_file
from tests.reports.test_report_output import TITLE, make_report, page_texts


def test_the_suffix_chooses_the_pdf_or_the_workbook(
    services: Services, actor: Actor, tmp_path: Path
) -> None:
    folder = tmp_path / "uit"
    folder.mkdir()
    report = make_report()
    pdf = write_report_file(
        services.audit, actor, folder / "verantwoording.pdf", report, HouseStyle()
    )
    workbook = write_report_file(
        services.audit, actor, folder / "verantwoording.xlsx", report, HouseStyle()
    )
    assert TITLE in page_texts(pdf)[0]
    assert "Overzicht" in load_workbook(workbook).sheetnames
    assert sorted(path.name for path in folder.iterdir()) == [
        "verantwoording.pdf",
        "verantwoording.xlsx",
    ]
    made = services.audit.events(AuditFilter(kind=AuditKind.REPORT)).events
    assert [event.staff_id for event in made] == [actor.staff_id, actor.staff_id]
    assert "bestand: xlsx" in made[0].summary and "bestand: pdf" in made[1].summary


@pytest.mark.parametrize("name", ["verantwoording.pdf", "verantwoording.xlsx"])
def test_a_full_disk_is_a_known_problem_and_leaves_no_file(
    services: Services, actor: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    folder = tmp_path / "uit"
    folder.mkdir()

    def refuse(_source: object, _target: object) -> None:
        raise OSError(errno.ENOSPC, "full")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(KnownProblem, match="de schijf is vol"):
        write_report_file(services.audit, actor, folder / name, make_report(), HouseStyle())
    assert list(folder.iterdir()) == []
    assert services.audit.events(AuditFilter(kind=AuditKind.REPORT)).total == 0
