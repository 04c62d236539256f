"""The verantwoording dialog: choose, save, and get a PDF or workbook that reads back."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.reports.report_dialog import ReportDialog
from tests.helpers import add_caregiver
from tests.widgets import Told, save_as


@pytest.fixture
def dialog(
    qtbot: QtBot,
    services: Services,
    actor: Actor,
    screen_context: ScreenContext,
    monkeypatch: pytest.MonkeyPatch,
) -> ReportDialog:
    add_caregiver(services, actor, first_name="anna")
    add_caregiver(services, actor, first_name="bram", municipality="soest")
    widget = ReportDialog(screen_context)
    qtbot.addWidget(widget)
    return widget


def test_a_pdf_for_one_gemeente_over_the_chosen_period(
    dialog: ReportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, told_where: list[Told]
) -> None:
    assert [dialog.municipality.itemText(i) for i in range(3)] == [
        "Alle gemeenten",
        "Amersfoort",
        "Soest",
    ]
    assert dialog.starts_on.date() == QDate(2026, 1, 1)  # this year, once it is under way
    dialog.municipality.setCurrentIndex(1)
    save_as(monkeypatch, tmp_path / "verantwoording")
    dialog.make(".pdf")
    made = tmp_path / "verantwoording.pdf"
    assert dialog.made == made
    text = " ".join(page.extract_text() for page in PdfReader(made).pages)
    assert "Amersfoort" in text and "Verantwoording mantelzorgondersteuning" in text
    assert dialog.message.text() == "Gemaakt: verantwoording.pdf"
    [told] = told_where
    assert told.text == "De verantwoording is gemaakt (zonder namen)."
    assert told.where == f"Map: {tmp_path}\nBestand: verantwoording.pdf"


def test_a_workbook_and_the_privacy_settings_are_kept(
    dialog: ReportDialog, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog.suppress.setValue(0)
    dialog.brackets.setText("18, 65")
    save_as(monkeypatch, tmp_path / "verantwoording.xlsx")
    dialog.make(".xlsx")
    workbook = openpyxl.load_workbook(tmp_path / "verantwoording.xlsx")
    assert "Overzicht" in workbook.sheetnames and len(workbook.sheetnames) > 5
    settings = services.reports.settings()
    assert (settings.suppress_below, settings.age_brackets) == (0, (18, 65))


def test_wrong_brackets_or_period_are_said_in_dutch_and_nothing_is_made(
    dialog: ReportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_as(monkeypatch, tmp_path / "x.pdf")
    dialog.brackets.setText("65, 18")
    dialog.make(".pdf")
    assert "oplopende leeftijden" in dialog.message.text()
    dialog.brackets.setText("18, 65")
    dialog.ends_on.setDate(QDate(2025, 1, 1))
    dialog.make(".pdf")
    assert "vóór het begin" in dialog.message.text()
    assert list(tmp_path.glob("*.pdf")) == []


def test_the_privacy_rule_is_explained_and_a_threshold_of_two_is_refused(
    dialog: ReportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog.suppress.setValue(7)
    note = dialog.privacy_note.text()
    assert "Aantallen van 1 tot 7 staan als <7" in note and "×" in note and "Nullen" in note
    dialog.suppress.setValue(0)
    assert dialog.privacy_note.text() == "Alle aantallen staan er precies in."
    dialog.suppress.setValue(2)  # "<2" would say "exactly 1"
    save_as(monkeypatch, tmp_path / "x.pdf")
    dialog.make(".pdf")
    assert "precies 1" in dialog.message.text()
    assert list(tmp_path.glob("*.pdf")) == []


def test_the_fields_keep_their_size_once_the_report_is_made(
    qtbot: QtBot, dialog: ReportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with qtbot.waitExposed(dialog):
        dialog.show()
    fields = [dialog.starts_on, dialog.municipality, dialog.suppress, dialog.brackets]
    fields += [dialog.privacy_note, dialog.pdf_button]
    before = [field.height() for field in fields]
    save_as(monkeypatch, tmp_path / ("Verantwoording voor de gemeente Amersfoort " * 3).strip())
    dialog.make(".pdf")
    assert dialog.message.text().startswith("Gemaakt: Verantwoording voor de gemeente")
    qtbot.wait(20)
    assert [field.height() for field in fields] == before
    message = dialog.message
    assert message.height() >= message.heightForWidth(message.width())  # every line readable
