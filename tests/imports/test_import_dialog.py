"""Bestand › Importeren and Bestand › Import ongedaan maken, driven as a person would: a messy
workbook imported end to end, the preview following the mapping, a likely existing row
skipped, a stopped import that writes nothing, the undo, and the menu hidden from a
vrijwilliger."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from steunpunt.domain.caregivers.list_filter import CaregiverFilter
from steunpunt.domain.choices import ActiveFilter
from steunpunt.domain.roles import Role
from steunpunt.paths import AppPaths
from steunpunt.services.kernel.container import Services
from steunpunt.startup import OpenDatabase
from steunpunt.ui.imports.import_dialog import ImportDialog
from steunpunt.ui.imports.report_model import CHOICE, NAME, OUTCOME, REASON
from steunpunt.ui.imports.undo_dialog import UndoImportDialog
from steunpunt.ui.main_window import MainWindow
from steunpunt.ui.tasks import TaskRunner
from tests.caregivers.test_caseload import staff_in_role
from tests.helpers import add_caregiver
from tests.imports.test_reading import messy_register
from tests.ui_fixtures import HeldTaskRunner, make_context
from tests.widgets import Answers, Told, cells, choose, click, in_dialog, menu_entry, save_as


def names(services: Services) -> list[str]:
    ids = services.caregivers.search_ids(CaregiverFilter(active=ActiveFilter.ALL))
    return sorted(row.name for row in services.caregivers.rows(ids))


@pytest.fixture
def register(opened: OpenDatabase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The messy workbook, offered by the file dialog; the register holds Anna Jansen-de Vries,
    who row 5 likely is."""
    add_caregiver(
        opened.services,
        opened.actor,
        first_name="Anna",
        infix="",
        last_name="Jansen-de Vries",
        street="Dorpsstraat",
        house_number="12",
        house_number_suffix="a",
        postcode="3762 AB",
        place="Soest",
        municipality="Soest",
        birth_date="12-03-1956",
        email="",
    )
    path = messy_register(tmp_path / "register 2024.xlsx")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(path), ""))
    return path


def to_report(qtbot: QtBot, dialog: ImportDialog) -> None:
    click(qtbot, dialog.file_page.choose_button)
    click(qtbot, dialog.next_button)
    click(qtbot, dialog.next_button)


def row_of(dialog: ImportDialog, source_row: int) -> int:
    return cells(dialog.report_page.model, 0).index(str(source_row))


def test_a_messy_workbook_is_imported_end_to_end(
    qtbot: QtBot,
    window: MainWindow,
    register: Path,
    tmp_path: Path,
    told_where: list[Told],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    services = window.context.services
    save_as(monkeypatch, tmp_path / "rapport")

    def drive(dialog: ImportDialog) -> None:
        page = dialog.file_page
        click(qtbot, page.choose_button)
        assert page.header_row.value() == 4  # two title rows and an empty one passed over
        assert page.sheet.isVisible() and not page.encoding.isVisible()
        click(qtbot, dialog.next_button)
        [phone] = [
            combo for combo in dialog.mapping_page.combos if combo.currentText() == "Telefoon"
        ]
        assert dialog.step.text() == "Stap 2 van 3: de kolommen"
        click(qtbot, dialog.next_button)
        report = dialog.report_page
        assert report.summary.text() == (
            "7 gegevensrijen: 2 nieuw, 1 bestaat waarschijnlijk al, 2 geweigerd, "
            "2 overgeslagen; samen 7."
        )
        model = report.model
        likely = row_of(dialog, 5)
        assert model.index(likely, OUTCOME).data() == "bestaat waarschijnlijk al"
        assert model.index(likely, CHOICE).data().startswith("samenvoegen met Anna Jansen-de Vries")
        choose(qtbot, report.outcome, "Geweigerd (2)")
        assert cells(model, OUTCOME) == ["geweigerd", "geweigerd"]
        assert "geboortedatum: 31-02-1956 is geen bestaande datum." in cells(model, REASON)[1]
        click(qtbot, report.save_button)
        click(qtbot, dialog.import_button)
        assert report.status.text().startswith(
            "Klaar. 7 gegevensrijen: 2 nieuw, 1 samengevoegd, 2 overgeslagen, 2 geweigerd."
        )
        assert not dialog.import_button.isEnabled() and not dialog.back_button.isEnabled()
        assert phone is not None

    in_dialog(qtbot, menu_entry(window, "Importeren…").trigger, ImportDialog, drive)
    [told] = told_where
    assert told.files == [tmp_path / "rapport.xlsx"] and (tmp_path / "rapport.xlsx").exists()
    assert "persoonsgegevens" in told.where
    assert names(services) == [
        "Berg, Piet van der",
        "El Amrani, A.",
        "Jansen-de Vries, Anna",
    ], names(
        services
    )  # the refused rows (J. de Jong, van den Berg with its naaste missing) are not imported
    [run] = services.imports.runs()
    assert (run.file_name, run.new, run.merged, run.refused) == ("register 2024.xlsx", 2, 1, 2)


def test_a_changed_mapping_changes_the_preview_and_can_be_saved(
    qtbot: QtBot, window: MainWindow, register: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *_args, **_kw: ("Register 2024", True))

    def headers(dialog: ImportDialog) -> list[str]:
        preview = dialog.mapping_page.preview
        return [preview.horizontalHeaderItem(c).text() for c in range(preview.columnCount())]

    def drive(dialog: ImportDialog) -> None:
        assert not dialog.file_page.mapping.isVisible()  # none saved yet
        click(qtbot, dialog.file_page.choose_button)
        click(qtbot, dialog.next_button)
        preview = dialog.mapping_page.preview
        assert "Telefoon" in headers(dialog)
        postcode = headers(dialog).index("Postcode")
        read = preview.item(1, postcode)  # "3762ab  SOEST" in the file
        assert read.text() == "3762 AB"
        assert read.toolTip() == "In het bestand: 3762ab SOEST\nGelezen als: 3762 AB"
        assert read.background().color().name() == "#fff4ce"
        born = headers(dialog).index("Geboortedatum")
        bad = preview.item(4, born)
        assert bad.text() == "31-02-1956 is geen bestaande datum."
        assert bad.background().color().name() == "#fde2e1"

        phone = dialog.mapping_page.combos[3]
        choose(qtbot, phone, "Niet importeren")
        assert "Telefoon" not in headers(dialog)
        click(qtbot, dialog.mapping_page.save_button)

    in_dialog(qtbot, menu_entry(window, "Importeren…").trigger, ImportDialog, drive)
    [saved] = window.context.services.imports.mappings()
    assert saved.name == "Register 2024" and '"tel": "skip"' in saved.mapping_json

    def again(dialog: ImportDialog) -> None:
        choose(qtbot, dialog.file_page.mapping, "Register 2024")
        click(qtbot, dialog.file_page.choose_button)
        click(qtbot, dialog.next_button)
        assert dialog.mapping_page.combos[3].currentText() == "Niet importeren"

    in_dialog(qtbot, menu_entry(window, "Importeren…").trigger, ImportDialog, again)


def test_a_likely_existing_row_set_to_overslaan_is_not_merged(
    qtbot: QtBot, window: MainWindow, register: Path
) -> None:
    services = window.context.services
    [anna_id] = services.caregivers.search_ids(CaregiverFilter(text="jansen"))
    before = services.caregivers.get(anna_id)

    def drive(dialog: ImportDialog) -> None:
        to_report(qtbot, dialog)
        table, model = dialog.report_page.table, dialog.report_page.model
        index = model.index(row_of(dialog, 5), CHOICE)
        table.setCurrentIndex(index)
        qtbot.keyClick(table, Qt.Key.Key_F2)
        [editor] = [c for c in table.findChildren(QComboBox) if c.objectName() == "choice"]
        choose(qtbot, editor, "overslaan")
        assert index.data() == "overslaan"
        assert model.index(row_of(dialog, 5), NAME).data() == "A.B. Jansen-de Vries"
        click(qtbot, dialog.import_button)
        assert "0 samengevoegd, 3 overgeslagen" in dialog.report_page.status.text()

    in_dialog(qtbot, menu_entry(window, "Importeren…").trigger, ImportDialog, drive)
    assert services.caregivers.get(anna_id).version == before.version


def test_annuleren_during_the_import_writes_nothing(
    qtbot: QtBot, opened: OpenDatabase, app_paths: AppPaths, register: Path, answers: Answers
) -> None:
    runner = HeldTaskRunner()
    dialog = ImportDialog(make_context(opened.services, opened.actor, app_paths, runner))
    qtbot.addWidget(dialog)
    dialog.show()
    click(qtbot, dialog.file_page.choose_button)
    runner.finish(0)
    click(qtbot, dialog.next_button)
    click(qtbot, dialog.next_button)
    runner.finish(0)
    click(qtbot, dialog.import_button)
    assert dialog.report_page.progress.isVisible() and dialog.close_button.text() == "Annuleren"
    click(qtbot, dialog.close_button)
    runner.finish(0)
    assert dialog.report_page.status.text() == "Het importeren is gestopt; er is niets opgeslagen."
    assert dialog.isVisible() and dialog.import_button.isEnabled()
    assert names(opened.services) == ["Jansen-de Vries, Anna"]
    assert opened.services.imports.runs() == [] and answers.texts == []


def test_an_import_is_undone_from_the_menu(
    qtbot: QtBot, window: MainWindow, register: Path, answers: Answers
) -> None:
    services = window.context.services
    in_dialog(
        qtbot,
        menu_entry(window, "Importeren…").trigger,
        ImportDialog,
        lambda dialog: (to_report(qtbot, dialog), click(qtbot, dialog.import_button)),
    )
    [anna_id] = services.caregivers.search_ids(CaregiverFilter(text="el amrani"))
    anna = services.caregivers.get(anna_id)
    changed = replace(anna.data, notes="Belt liever 's avonds")
    services.caregivers.update(window.context.actor, anna.id, anna.version, changed)
    answers.question_answer = QMessageBox.StandardButton.Yes

    def drive(dialog: UndoImportDialog) -> None:
        table = dialog.table
        assert [table.item(0, c).text() for c in (0, 2, 3, 4, 5, 8)] == [
            "register 2024.xlsx (Sheet)",
            window.context.actor.name,
            "7",
            "2",
            "1",
            "nee",
        ]
        click(qtbot, dialog.undo_button)
        assert "De 2 mantelzorgers die deze import maakte worden verwijderd" in answers.texts[-1]
        assert dialog.status.text().endswith(
            "1 blijven staan omdat ze daarna zijn gewijzigd: El Amrani."
        )
        assert table.item(0, 8).text() != "nee" and not dialog.undo_button.isEnabled()

    in_dialog(qtbot, menu_entry(window, "Import ongedaan maken…").trigger, UndoImportDialog, drive)
    assert names(services) == ["El Amrani, A.", "Jansen-de Vries, Anna"]


def test_a_vrijwilliger_sees_no_import_in_the_menu(
    qtbot: QtBot, opened: OpenDatabase, app_paths: AppPaths, answers: Answers
) -> None:
    vera = staff_in_role(opened.services, opened.engine, "Vera", Role.VRIJWILLIGER)
    window = MainWindow(make_context(opened.services, vera, app_paths), opened)
    qtbot.addWidget(window)
    [bestand] = [m.menu() for m in window.menuBar().actions() if m.text() == "&Bestand"]
    texts = [action.text().replace("&", "") for action in bestand.actions()]
    assert "Zoeken" in texts
    assert "Importeren…" not in texts and "Import ongedaan maken…" not in texts


def test_a_csv_file_shows_its_encoding_and_delimiter_which_can_be_changed(
    qtbot: QtBot,
    opened: OpenDatabase,
    app_paths: AppPaths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = tmp_path / "aanmeldingen.csv"
    source.write_text(
        "Aanmeldingen\n\nNaam;Adres;Woonplaats\nZoë Bos;Kerkstraat 5;Soest\n", encoding="cp1252"
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(source), ""))
    dialog = ImportDialog(make_context(opened.services, opened.actor, app_paths))
    qtbot.addWidget(dialog)
    dialog.show()
    page = dialog.file_page
    click(qtbot, page.choose_button)
    assert page.encoding.isVisible() and not page.sheet.isVisible()
    assert (page.encoding.currentText(), page.delimiter.currentText()) == (
        "Windows-1252 (ANSI)",
        "puntkomma (;)",
    )
    assert (page.header_row.value(), page.raw.columnCount()) == (3, 3)
    assert page.raw.item(3, 0).text() == "Zoë Bos"
    choose(qtbot, page.delimiter, "komma (,)")
    assert page.raw.columnCount() == 1 and page.raw.item(2, 0).text() == "Naam;Adres;Woonplaats"
    choose(qtbot, page.delimiter, "puntkomma (;)")
    page.header_row.setValue(4)  # the person says the headers are one row lower
    click(qtbot, dialog.next_button)
    assert [combo.currentText() for combo in dialog.mapping_page.combos] == ["Niet importeren"] * 3
    assert not dialog.next_button.isEnabled()


def test_reading_and_planning_run_in_the_background_with_a_busy_bar(
    qtbot: QtBot, opened: OpenDatabase, app_paths: AppPaths, register: Path
) -> None:
    runner = TaskRunner()
    dialog = ImportDialog(make_context(opened.services, opened.actor, app_paths, runner))
    qtbot.addWidget(dialog)
    dialog.show()
    try:
        click(qtbot, dialog.file_page.choose_button)
        assert dialog.busy.isVisible() and dialog.busy_label.text() == "Bestand lezen…"
        assert not dialog.next_button.isEnabled()
        qtbot.waitUntil(dialog.next_button.isEnabled, timeout=20_000)
        click(qtbot, dialog.next_button)
        click(qtbot, dialog.next_button)
        assert dialog.busy_label.text() == "Alle rijen lezen en controleren…"
        assert not dialog.import_button.isEnabled()
        qtbot.waitUntil(dialog.import_button.isEnabled, timeout=20_000)
    finally:
        runner.shutdown()
    assert dialog.report_page.summary.text().startswith("7 gegevensrijen: ")
    assert not dialog.busy.isVisible()
