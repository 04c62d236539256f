"""The caregiver form's privacy actions, driven as a person would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from steunpunt.startup import OpenDatabase
from steunpunt.ui.main_window import MainWindow
from steunpunt.ui.privacy.form_actions import EraseConfirmDialog
from tests.helpers import add_caregiver
from tests.widgets import Answers, click, in_dialog, message_boxes, save_as, type_text


def test_inzage_export_saves_a_pdf_and_the_json_beside_it(
    qtbot: QtBot,
    window: MainWindow,
    opened: OpenDatabase,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    person = add_caregiver(
        opened.services, opened.actor, first_name="Ayşe", infix="", last_name="Yılmaz"
    )
    window.open_caregiver(person.id)
    offered = save_as(monkeypatch, tmp_path / "inzage.pdf")
    shown = message_boxes(monkeypatch)

    window.form_view.privacy.inzage_action.trigger()
    qtbot.waitUntil(lambda: bool(shown))

    assert Path(offered[0]).name.startswith("Inzage Ayşe Yılmaz")
    assert "inzage-export is gemaakt" in shown[0]
    assert (tmp_path / "inzage.pdf").stat().st_size > 0
    data = json.loads((tmp_path / "inzage.json").read_text("utf-8"))
    assert data["persoon"] == "Ayşe Yılmaz"
    history = opened.services.audit.for_caregiver(person.id)
    assert (history[0].kind, history[0].staff_name) == ("inzage", window.context.actor.name)


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
