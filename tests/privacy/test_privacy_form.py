"""The caregiver form's privacy actions, driven as a person would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from steunpunt.services.privacy.dossier_sections import AUDIT_HEADING
from steunpunt.startup import OpenDatabase
from steunpunt.ui.caregivers.form_view import TAB_RELATIONS
from steunpunt.ui.main_window import MainWindow
from steunpunt.ui.privacy.form_actions import EraseConfirmDialog
from tests.helpers import add_caregiver, care_recipient_data, relation_data
from tests.reports.test_report_output import page_texts
from tests.widgets import Answers, Told, click, in_dialog, save_as, type_text


def test_inzage_export_saves_a_pdf_and_the_json_beside_it(
    qtbot: QtBot,
    window: MainWindow,
    opened: OpenDatabase,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    told_where: list[Told],
) -> None:
    person = add_caregiver(
        opened.services, opened.actor, first_name="Ayşe", infix="", last_name="Yılmaz"
    )
    window.open_caregiver(person.id)
    offered = save_as(monkeypatch, tmp_path / "inzage.pdf")

    window.form_view.privacy.inzage_action.trigger()
    qtbot.waitUntil(lambda: bool(told_where))

    assert Path(offered[0]).name.startswith("Inzage Ayşe Yılmaz")
    [told] = told_where
    assert "inzage-export is gemaakt" in told.text
    assert told.where == (
        f"Map: {tmp_path}\nBestanden: inzage.pdf, inzage.json\n"
        "Deze bestanden bevatten persoonsgegevens en zijn niet versleuteld: bewaar ze alleen "
        "op een plek waar dat mag, en verwijder ze als u ze niet meer nodig hebt."
    )
    assert (tmp_path / "inzage.pdf").stat().st_size > 0
    data = json.loads((tmp_path / "inzage.json").read_text("utf-8"))
    assert data["persoon"] == "Ayşe Yılmaz"
    history = opened.services.audit.for_caregiver(person.id)
    assert (history[0].kind, history[0].staff_name) == ("inzage", window.context.actor.name)


def test_the_naasten_tab_makes_the_inzage_export_of_the_chosen_naaste(
    qtbot: QtBot,
    window: MainWindow,
    opened: OpenDatabase,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    told_where: list[Told],
) -> None:
    services, actor = opened.services, opened.actor
    person = add_caregiver(services, actor, first_name="Ayşe", infix="", last_name="Yılmaz")
    for first_name in ("Fatma", "Mehmet"):
        services.care_recipients.create_for_caregiver(
            actor, person.id, care_recipient_data(first_name=first_name), relation_data()
        )
    window.open_caregiver(person.id)
    form = window.form_view
    form.tabs.setCurrentIndex(TAB_RELATIONS)
    table = form.relations.records.table
    names = [table.item(row, 0).text() for row in range(table.rowCount())]
    mehmet = next(row for row, name in enumerate(names) if name.startswith("Mehmet"))
    qtbot.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=table.visualRect(table.model().index(mehmet, 0)).center(),
    )
    offered = save_as(monkeypatch, tmp_path / "naaste.pdf")

    click(qtbot, form.relations.inzage_button)
    qtbot.waitUntil(lambda: bool(told_where))

    assert Path(offered[0]).name.startswith("Inzage Mehmet")
    assert "inzage-export is gemaakt" in told_where[0].text
    text = " ".join(page_texts(tmp_path / "naaste.pdf"))
    for heading in (
        "Persoonsgegevens",
        "Mantelzorgers",
        "Huishoudelijke hulp",
        "Complimentaanvragen en besluiten",
        "Verstuurde brieven",
        "Toestemmingen",
        AUDIT_HEADING,
    ):
        assert heading in text
    assert "Mehmet" in text and "Yılmaz" in text and "Fatma" not in text
    data = json.loads((tmp_path / "naaste.json").read_text("utf-8"))
    assert data["persoon"].startswith("Mehmet") and "mantelzorgers" in data["secties"]


def test_erasure_asks_twice_then_the_form_shows_the_person_without_data(
    qtbot: QtBot, window: MainWindow, opened: OpenDatabase, answers: Answers
) -> None:
    person = add_caregiver(
        opened.services, opened.actor, first_name="Ayşe", infix="", last_name="Yılmaz"
    )
    window.open_caregiver(person.id)
    answers.question_answer = QMessageBox.StandardButton.Yes

    def confirm(dialog: EraseConfirmDialog) -> None:
        ok = dialog.buttons.buttons()[0]
        assert not ok.isEnabled()
        type_text(dialog.word, "verwijderen")
        click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))

    in_dialog(qtbot, window.form_view.privacy.erase_action.trigger, EraseConfirmDialog, confirm)

    assert "Yılmaz" in answers.texts[0] and "niet ongedaan" in answers.texts[0]
    assert window.form_view.fields["last_name"].text() == ""
    assert opened.services.caregivers.get(person.id).data.name.last_name == ""


def test_erasure_stops_when_the_second_question_is_not_answered(
    qtbot: QtBot, window: MainWindow, opened: OpenDatabase, answers: Answers
) -> None:
    person = add_caregiver(opened.services, opened.actor, last_name="Blijft")
    window.open_caregiver(person.id)
    answers.question_answer = QMessageBox.StandardButton.Yes

    in_dialog(
        qtbot, window.form_view.privacy.erase_action.trigger, EraseConfirmDialog, lambda d: None
    )

    assert opened.services.caregivers.get(person.id).data.name.last_name == "Blijft"
