"""A single letter from the caregiver form: shown first, made and logged only when saved or
printed; a template's dates already past are named before anything is sent."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from steunpunt.startup import OpenDatabase
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.letters.letter_preview_dialog import LetterPreviewDialog
from steunpunt.ui.letters.mailing_dialog import MailingDialog
from steunpunt.ui.main_window import MainWindow
from tests.helpers import add_mailing_people
from tests.widgets import (
    Answers,
    Told,
    choose,
    choose_item,
    click,
    in_dialog,
    retype,
)

INVITATION = "Uitnodiging Dag van de Mantelzorg"


def letters_in(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.glob("*.pdf")) if folder.exists() else []


def open_letters_tab(
    window: MainWindow, opened: OpenDatabase, monkeypatch: pytest.MonkeyPatch, template: str
) -> int:
    """Open Ayşe Yılmaz's letters tab with ``template`` chosen for the next letter."""
    people = add_mailing_people(opened.services, opened.actor)
    choose_item(monkeypatch, lambda options: next(o for o in options if o.startswith(template)))
    window.open_caregiver(people["ayse"])
    window.form_view.tabs.setCurrentWidget(window.form_view.letters)
    return people["ayse"]


def test_cancel_at_the_preview_files_and_logs_nothing(
    qtbot: QtBot,
    window: MainWindow,
    opened: OpenDatabase,
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
    told_where: list[Told],
) -> None:
    ayse = open_letters_tab(window, opened, monkeypatch, "Welkomstbrief")
    seen: list[object] = []

    def look_and_cancel(preview: LetterPreviewDialog) -> None:
        seen.extend([preview.preview.page_count(), preview.warning.isVisible()])
        click(qtbot, preview.cancel_button)

    in_dialog(qtbot, window.form_view.letters.new_letter, LetterPreviewDialog, look_and_cancel)
    assert seen == [1, False]
    assert opened.services.mailings.letter_log(ayse) == []
    assert letters_in(window.context.paths.letters_dir) == []
    assert told_where == [] and answers.texts == []


def test_saving_at_the_preview_files_and_logs_the_letter_once(
    qtbot: QtBot,
    window: MainWindow,
    opened: OpenDatabase,
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
    told_where: list[Told],
) -> None:
    ayse = open_letters_tab(window, opened, monkeypatch, "Welkomstbrief")
    panel = window.form_view.letters
    in_dialog(qtbot, panel.new_letter, LetterPreviewDialog, lambda p: click(qtbot, p.save_button))
    qtbot.waitUntil(lambda: panel.records.table.rowCount() == 1)
    assert len(opened.services.mailings.letter_log(ayse)) == 1
    assert letters_in(window.context.paths.letters_dir) == [
        "Brief 2026-0001 Welkomstbrief - Ayşe Yılmaz.pdf"
    ]
    [told] = told_where
    assert told.text == "De brief is opgeslagen en vastgelegd."
    assert told.where == (
        f"Map: {window.context.paths.letters_dir}\n"
        "Bestand: Brief 2026-0001 Welkomstbrief - Ayşe Yılmaz.pdf\n"
        "Dit bestand bevat persoonsgegevens en is niet versleuteld: bewaar het alleen op een "
        "plek waar dat mag, en verwijder het als u het niet meer nodig hebt."
    )


def test_the_preview_of_a_letter_with_past_dates_names_them(
    qtbot: QtBot,
    window: MainWindow,
    opened: OpenDatabase,
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ayse = open_letters_tab(window, opened, monkeypatch, INVITATION)
    warnings: list[str] = []

    def read_and_save(preview: LetterPreviewDialog) -> None:
        if preview.warning.isVisible():
            warnings.append(preview.warning.text())
        click(qtbot, preview.save_button)

    in_dialog(qtbot, window.form_view.letters.new_letter, LetterPreviewDialog, read_and_save)
    assert warnings == [
        "De tekst van de brief noemt data die op de briefdatum (22 november 2026) al voorbij "
        "zijn: 10 november, 14 november en 1 november. Pas zo nodig het sjabloon aan via "
        "Brieven › Briefsjablonen."
    ]
    assert len(opened.services.mailings.letter_log(ayse)) == 1  # the person can still go on


@pytest.fixture
def mailing(qtbot: QtBot, screen_context: ScreenContext) -> MailingDialog:
    add_mailing_people(screen_context.services, screen_context.actor)
    dialog = MailingDialog(screen_context)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_mailing_with_past_dates_asks_first_and_makes_nothing_when_stopped(
    qtbot: QtBot, mailing: MailingDialog, answers: Answers, screen_context: ScreenContext
) -> None:
    choose(qtbot, mailing.template, next(t for t in _titles(mailing) if t.startswith(INVITATION)))
    retype(qtbot, mailing.letter_date, "04-12-2026")
    answers.question_answer = QMessageBox.StandardButton.No
    click(qtbot, mailing.make_button)
    [question] = answers.texts
    assert "(4 december 2026) al voorbij zijn: 10 november, 14 november en 1 november." in question
    assert question.endswith("Toch de brieven maken?")
    assert mailing.made is None and "al voorbij" in mailing.status.text()
    assert letters_in(screen_context.paths.letters_dir) == []
    answers.question_answer = QMessageBox.StandardButton.Yes
    click(qtbot, mailing.make_button)
    assert mailing.made is not None and "Klaar: 3 brieven" in mailing.status.text()


def test_a_mailing_whose_dates_are_still_to_come_asks_nothing(
    qtbot: QtBot, mailing: MailingDialog, answers: Answers
) -> None:
    choose(qtbot, mailing.template, next(t for t in _titles(mailing) if t.startswith(INVITATION)))
    retype(qtbot, mailing.letter_date, "01-10-2026")
    click(qtbot, mailing.make_button)
    assert answers.texts == [] and mailing.made is not None


def _titles(dialog: MailingDialog) -> list[str]:
    return [dialog.template.itemText(index) for index in range(dialog.template.count())]
