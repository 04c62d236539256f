"""Writing the verantwoording through its service: PDF or workbook by the suffix, a full disk in Dutch."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from openpyxl import load_workbook

from steunpunt.domain.errors import KnownProblem
from steunpunt.domain.letters.house_style import HouseStyle
from steunpunt.services.reports.report_file import write_report_file
from tests.reports.test_report_output import TITLE, make_report, page_texts


def test_the_suffix_chooses_the_pdf_or_the_workbook(tmp_path: Path) -> None:
    pdf = write_report_file(tmp_path / "verantwoording.pdf", make_report(), HouseStyle())
    workbook = write_report_file(tmp_path / "verantwoording.xlsx", make_report(), HouseStyle())
    assert TITLE in page_texts(pdf)[0]
    assert "Overzicht" in load_workbook(workbook).sheetnames
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "verantwoording.pdf",
        "verantwoording.xlsx",
    ]


@pytest.mark.parametrize("name", ["verantwoording.pdf", "verantwoording.xlsx"])
def test_a_full_disk_is_a_known_problem_and_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    def refuse(_source: object, _target: object) -> None:
        raise OSError(errno.ENOSPC, "full")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(KnownProblem, match="de schijf is vol"):
        write_report_file(tmp_path / name, make_report(), HouseStyle())
    assert list(tmp_path.iterdir()) == []
