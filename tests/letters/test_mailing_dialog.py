"""The mailing dialog and the letters tab, driven as a person would."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from steunpunt.demo.fill import fill_demo_database
from steunpunt.domain.age import AgeBracket
from steunpunt.domain.choices import ConsentScope
from steunpunt.domain.saved_files import PERSONAL_DATA_NOTE as NOTE
from steunpunt.paths import AppPaths
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.services.letters.dto import MailingRequest
from steunpunt.startup import OpenDatabase
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.letters.left_out_dialog import LeftOutDialog
from steunpunt.ui.letters.letter_preview_dialog import LetterPreviewDialog
from steunpunt.ui.letters.mailing_dialog import MailingDialog
from steunpunt.ui.main_window import MainWindow
from steunpunt.ui.tasks import TaskRunner
from tests.helpers import TODAY, add_caregiver, add_mailing_people, consented, fill_house_style
from tests.ui_fixtures import make_context
from tests.widgets import (
    Answers,
    Told,
    choose,
    choose_item,
    click,
    in_dialog,
    on_exec,
    row_texts,
)

WELCOME = "Welkomstbrief (Welkomstbrief bij inschrijving)"
"""A template without dates, so no warning about past dates comes first."""


@pytest.fixture
def dialog(
    qtbot: QtBot, services: Services, actor: Actor, screen_context: ScreenContext
) -> MailingDialog:
    add_mailing_people(services, actor)
    dialog = MailingDialog(screen_context)
    qtbot.addWidget(dialog)
    dialog.show()
    choose(qtbot, dialog.template, WELCOME)
    return dialog


def test_the_dialog_counts_who_gets_the_letter_and_who_is_left_out(
    dialog: MailingDialog,
) -> None:
    text = dialog.count.text()
    assert "3 mantelzorgers krijgen deze brief." in text
    assert "3 vallen af" in text and "wil geen post ontvangen: 1" in text
    assert dialog.left_out_button.isEnabled()


def left_out(monkeypatch: pytest.MonkeyPatch) -> list[list[tuple[str, ...]]]:
    """The names and reasons each left-out list shows, when it is opened."""

    def read(box: LeftOutDialog) -> list[tuple[str, ...]]:
        table = box.records.table
        return [tuple(row_texts(table, row)[:2]) for row in range(table.rowCount())]

    return on_exec(monkeypatch, LeftOutDialog, read)


def test_the_left_out_list_names_people_and_reasons(
    dialog: MailingDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = left_out(monkeypatch)
    dialog.left_out_button.click()
    assert sorted(shown[0]) == [
        ("Eind, Eva de", "Inschrijving beëindigd"),
        ("Post, Nora de", "Wil geen post ontvangen"),
        ("Zonderadres, Bas de", "Geen volledig adres"),
    ]


def test_adjusting_the_filter_recounts(dialog: MailingDialog, qtbot: QtBot) -> None:
    dialog.filter.brackets[AgeBracket.UNDER_18].setChecked(True)
    qtbot.waitUntil(lambda: dialog.count.text().startswith("1 mantelzorgers"))
    dialog.filter.registered_from.setText("31-02-2026")
    qtbot.waitUntil(lambda: "geen bestaande datum" in dialog.count.text())


def test_making_the_mailing_shows_the_result_and_writes_the_pdf(
    dialog: MailingDialog,
    qtbot: QtBot,
    screen_context: ScreenContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog.labels.setChecked(True)
    click(qtbot, dialog.make_button)
    assert "Klaar: 3 brieven voor 3 mantelzorgers, kenmerk 2026-0001." in dialog.status.text()
    assert dialog.open_button.isVisible() and dialog.print_button.isVisible()
    assert not dialog.make_button.isEnabled()  # no second, duplicate mailing
    assert dialog.made is not None and dialog.made.labels_pdf is not None
    assert len(PdfReader(dialog.made.letters_pdf).pages) == 3
    assert dialog.made.letters_pdf.parent == screen_context.paths.letters_dir
    folder = screen_context.paths.letters_dir
    assert f"\nMap: {folder}\nBestanden: {dialog.made.letters_pdf.name}, " in dialog.status.text()
    assert "etiketten.pdf\nDeze bestanden bevatten persoonsgegevens en zijn niet versleuteld" in (
        dialog.status.text()
    )
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    click(qtbot, dialog.folder_button)
    assert opened == [str(folder)]


def test_no_consent_for_post_is_shown_and_a_label_that_does_not_fit_is_named(
    qtbot: QtBot,
    services: Services,
    actor: Actor,
    screen_context: ScreenContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fill_house_style(services, actor)
    services.caregivers.create(
        actor, consented(frozenset({ConsentScope.REGISTRATION}), first_name="Cor", last_name="geen")
    )
    add_caregiver(
        services,
        actor,
        first_name="Anna",
        infix="",
        last_name="Smit",
        salutation="mevrouw",
        street="Burgemeester van Nispen tot Sevenaerstraat",
        house_number="107",
        house_number_suffix="",
    )
    dialog = MailingDialog(screen_context)
    qtbot.addWidget(dialog)
    dialog.show()
    choose(qtbot, dialog.template, WELCOME)
    assert "geen toestemming voor post: 1" in dialog.count.text()
    shown = left_out(monkeypatch)
    dialog.left_out_button.click()
    assert shown == [[("Geen, Cor de", "Geen toestemming voor post")]]
    dialog.labels.setChecked(True)
    click(qtbot, dialog.make_button)
    status = dialog.status.text()
    assert "Klaar: 1 brieven voor 1 mantelzorgers" in status
    assert "Met de hand adresseren: het adres van Mevrouw A. Smit past niet op een etiket" in status


def test_a_wrong_letter_date_is_refused_with_a_message(dialog: MailingDialog) -> None:
    dialog.letter_date.setText("morgen")
    dialog.make()
    assert "dd-mm-jjjj" in dialog.status.text()
    assert dialog.made is None


def test_the_letters_tab_makes_a_letter_and_a_reprint(
    qtbot: QtBot,
    window: MainWindow,
    opened: OpenDatabase,
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
    told_where: list[Told],
) -> None:
    people = add_mailing_people(opened.services, opened.actor)
    choose_item(monkeypatch, lambda _options: WELCOME)
    window.open_caregiver(people["ayse"])
    panel = window.form_view.letters
    window.form_view.tabs.setCurrentWidget(panel)
    in_dialog(qtbot, panel.new_letter, LetterPreviewDialog, lambda shown: shown.save_button.click())
    qtbot.waitUntil(lambda: panel.records.table.rowCount() == 1)  # from the change announced
    assert panel.records.table.item(0, 2).text() == "Welkomstbrief"
    assert panel.records.table.item(0, 4).text() == "Mevrouw A. Yılmaz"
    panel.reprint()
    qtbot.waitUntil(lambda: panel.records.table.rowCount() == 2)
    assert "(herdruk)" in panel.records.table.item(0, 2).text()
    folder = window.context.paths.letters_dir
    assert [told.text for told in told_where] == [
        "De brief is opgeslagen en vastgelegd.",
        "De brief is opnieuw gemaakt.",
    ]
    for told in told_where:
        assert told.where.startswith(f"Map: {folder}\nBestand: ")
        assert told.where.endswith(NOTE)
    assert "Bestand: Herdruk 2026-0001" in told_where[1].where
    assert answers.texts == []


def test_no_letter_for_someone_who_wants_no_mail(
    window: MainWindow, opened: OpenDatabase, answers: Answers, monkeypatch: pytest.MonkeyPatch
) -> None:
    people = add_mailing_people(opened.services, opened.actor)
    choose_item(monkeypatch, lambda options: options[0])
    window.open_caregiver(people["no_mail"])
    window.form_view.letters.new_letter()
    assert window.form_view.letters.records.table.rowCount() == 0
    assert any("wil geen post ontvangen" in text for text in answers.texts)


def test_cancel_in_the_background_leaves_nothing_behind(
    qtbot: QtBot, services: Services, actor: Actor, engine: Engine, app_paths: AppPaths
) -> None:
    fill_house_style(services, actor)
    fill_demo_database(engine, 400, today=TODAY)
    runner = TaskRunner()
    folder = app_paths.letters_dir
    dialog = MailingDialog(make_context(services, actor, app_paths, runner))
    qtbot.addWidget(dialog)
    dialog.show()
    choose(qtbot, dialog.template, WELCOME)
    qtbot.waitUntil(lambda: "krijgen deze brief" in dialog.count.text(), timeout=10_000)
    try:
        click(qtbot, dialog.make_button)
        assert dialog.progress.isVisible() and dialog.close_button.text() == "Afbreken"
        assert not dialog.make_button.isEnabled()
        click(qtbot, dialog.close_button)
        qtbot.waitUntil(lambda: "afgebroken" in dialog.status.text(), timeout=20_000)
    finally:
        runner.shutdown()
    assert dialog.made is None and dialog.make_button.isEnabled()
    assert not folder.exists() or list(folder.iterdir()) == []
    assert services.mailings.letter_log(1) == []


def test_a_mailing_made_while_the_form_is_open_shows_in_its_letters_tab(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    services, actor = window.context.services, window.context.actor
    people = add_mailing_people(services, actor)
    window.open_caregiver(people["ayse"])
    letters = window.form_view.letters
    assert letters.records.table.rowCount() == 0
    request = MailingRequest(
        template_id=services.letters.mailing_templates()[0].id,
        letter_date=TODAY,
        folder=tmp_path,
        caregiver_ids=(people["ayse"], people["lukasz"]),
    )
    services.mailings.make_mailing(actor, request)
    qtbot.waitUntil(lambda: letters.records.table.rowCount() == 1)
    assert letters.records.table.item(0, 4).text() == "Mevrouw A. Yılmaz"
