"""The compliment window driven as a person would: a round, applications, verdicts, decisions."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, update

from steunpunt.db.compliment.models import ComplimentApplication
from steunpunt.domain.age import AgeBracket
from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.ui.compliment.application_dialog import ApplicationDialog
from steunpunt.ui.compliment.application_model import (
    COL_CAREGIVER,
    COL_SAMPLE,
    COL_STATUS,
    COL_WARNINGS,
)
from steunpunt.ui.compliment.batch_dialog import BatchDialog
from steunpunt.ui.compliment.round_rules_dialog import RoundRulesDialog
from steunpunt.ui.compliment.window import ComplimentWindow
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.main_window import MainWindow
from tests.compliment.test_services_compliment import IBAN, SOEST, apply, iban_number, pair
from tests.widgets import (
    Answers,
    Told,
    cells,
    choose_item,
    click,
    item_texts,
    retype,
)


@pytest.fixture
def soest(services: Services, actor: Actor, compliment: ComplimentWindow) -> int:
    round_id = services.rounds.create(actor, SOEST).id
    compliment.load_rounds()
    return round_id


def open_row(qtbot: QtBot, window: ComplimentWindow, row: int) -> ApplicationDialog:
    """Select a row of the list and press Enter, as a person opens an application."""
    table = window.applications.table
    table.setCurrentIndex(window.applications.model.index(row, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    dialog = window.dialog
    assert isinstance(dialog, ApplicationDialog)
    return dialog


# --- rounds -------------------------------------------------------------------------------------


def test_the_menu_opens_the_compliment_window(window: MainWindow) -> None:
    menus = {action.text(): action.menu() for action in window.menuBar().actions()}
    [entry] = menus["&Compliment"].actions()
    assert entry.text() == "&Mantelzorgcompliment…"
    assert entry.shortcut().toString() == "Ctrl+K"
    entry.trigger()
    opened = window.compliment_window
    assert opened.isVisible()
    assert "Er is nog geen ronde" in opened.overview.message.text()
    assert not opened.applications.new_button.isEnabled()


def test_a_round_is_made_by_typing_its_rules(qtbot: QtBot, compliment: ComplimentWindow) -> None:
    compliment.new_round_button.click()
    dialog = compliment.dialog
    assert isinstance(dialog, RoundRulesDialog)
    assert dialog.year.value() == 2026 and dialog.opens_on.text() == "01-01-2026"
    retype(qtbot, dialog.closes_on.line, "1-12-2026")
    retype(qtbot, dialog.amount.line, "1.250,5")
    dialog.save_button.click()
    assert dialog.municipality.error.text() == "Vul de gemeente van de ronde in."
    retype(qtbot, dialog.municipality.line, "soest")
    retype(qtbot, dialog.under_18.line, "50")
    dialog.limits["per_address"].setValue(2)
    dialog.save_button.click()
    assert compliment.dialog is None
    qtbot.waitUntil(lambda: compliment.round_choice.currentText() == "Soest 2026")
    assert "Ronde Soest 2026 gemaakt." in compliment.status.text()
    overview = compliment.overview
    assert "nog 9 dagen tot de sluitingsdatum" in overview.period.text()
    assert "€ 1.250,50 per compliment" in overview.rules.text()
    assert overview.total.number.text() == "0"
    current = compliment.current_round()
    assert current is not None
    rules = current.rules
    assert rules.closes_on == date(2026, 12, 1) and rules.per_address == 2
    assert rules.per_care_recipient == 1 and rules.amounts_by_bracket[AgeBracket.UNDER_18] == 5000


def test_impossible_rules_are_shown_at_their_field(
    qtbot: QtBot, compliment: ComplimentWindow, soest: int
) -> None:
    compliment.rules_button.click()
    dialog = compliment.dialog
    assert isinstance(dialog, RoundRulesDialog)
    assert dialog.municipality.text() == "Soest" and not dialog.year.isEnabled()
    retype(qtbot, dialog.closes_on.line, "31-12-2025")
    retype(qtbot, dialog.amount.line, "twintig")
    dialog.save_button.click()
    assert dialog.amount.error.text().startswith("Vul een bedrag in euro in")
    retype(qtbot, dialog.amount.line, "75")
    dialog.save_button.click()
    assert dialog.closes_on.error.text() == "De aanvraagperiode sluit voordat zij opent."
    retype(qtbot, dialog.closes_on.line, "15-12-2026")
    dialog.control_letter.setChecked(True)
    dialog.save_button.click()
    assert compliment.dialog is None
    assert "Regels van Soest 2026 opgeslagen." in compliment.status.text()
    qtbot.waitUntil(lambda: "€ 75,00 per compliment" in compliment.overview.rules.text())
    assert "nog 23 dagen" in compliment.overview.period.text()


def test_who_pays_is_part_of_the_rules(
    qtbot: QtBot, services: Services, compliment: ComplimentWindow, soest: int
) -> None:
    compliment.rules_button.click()
    dialog = compliment.dialog
    assert isinstance(dialog, RoundRulesDialog)
    qtbot.keyClicks(dialog.payer_name.line, "Gemeente Soest")
    qtbot.keyClicks(dialog.payer_iban.line, "NL00 ABNA 0000 0000 00")
    qtbot.keyClicks(dialog.payer_bic.line, "abnanl2a")
    dialog.save_button.click()
    assert dialog.payer_iban.error.isVisible() and compliment.dialog is dialog
    retype(qtbot, dialog.payer_iban.line, IBAN)
    dialog.save_button.click()
    assert compliment.dialog is None
    rules = services.rounds.get(soest).rules
    assert (rules.payer_name, rules.payer_iban, rules.payer_bic) == (
        "Gemeente Soest",
        "NL91ABNA0417164300",
        "ABNANL2A",
    )


def test_next_years_round_is_a_copy_and_only_once(
    qtbot: QtBot, compliment: ComplimentWindow, soest: int
) -> None:
    compliment.copy_button.click()
    qtbot.waitUntil(lambda: compliment.round_choice.currentText() == "Soest 2027")
    assert "01-01-2027 t/m 01-12-2027: opent over 40 dagen" in compliment.overview.period.text()
    compliment.round_choice.setCurrentIndex(compliment.round_choice.findText("Soest 2026"))
    compliment.copy_button.click()
    assert "Er is al een ronde 2027 voor Soest" in compliment.status.text()


# --- one application ----------------------------------------------------------------------------


def test_register_an_application_see_its_verdict_and_grant_it(
    qtbot: QtBot, services: Services, actor: Actor, compliment: ComplimentWindow, soest: int
) -> None:
    pair(services, actor, "anna")
    compliment.applications.new_button.click()
    dialog = compliment.dialog
    assert isinstance(dialog, ApplicationDialog)
    form = dialog.form
    dialog.register_button.click()
    assert form.caregiver_error.text() == "Zoek en kies de mantelzorger."
    qtbot.keyClicks(form.search, "anna")
    qtbot.keyClick(form.search, Qt.Key.Key_Return)
    assert form.matches.item(0).text().startswith("Vries, Anna de")
    assert form.recipient.currentText() == "Naaste Van Anna Jansen (ouder, 12 uur per week)"
    assert form.account_holder.text() == "Anna de Vries"
    assert form.received_on.text() == "22-11-2026"
    assert form.applied_by.currentText() == "De mantelzorger"  # as the round asks
    retype(qtbot, form.received_on.line, "1-5-2026")
    retype(qtbot, form.iban.line, "nl91abna0417164300")
    dialog.register_button.click()

    assert dialog.stack.currentWidget() is dialog.panel
    assert dialog.panel.message.text() == "De aanvraag is geregistreerd."
    lines = item_texts(dialog.panel.verdict)
    assert "✔ voldoet: 12 uur per week, minimaal 8" in lines
    assert all(line.startswith("✔") for line in lines)
    assert dialog.panel.summary.text() == "Voldoet aan alle regels."
    assert "IBAN NL91ABNA0417164300 t.n.v. Anna de Vries" in dialog.panel.facts.text()
    assert "aangevraagd door de mantelzorger" in dialog.panel.facts.text()
    qtbot.waitUntil(lambda: cells(compliment.applications.model, COL_STATUS) == ["Ontvangen"])
    assert compliment.overview.tiles[ApplicationStatus.RECEIVED].number.text() == "1"

    dialog.panel.buttons[ApplicationStatus.GRANTED].click()
    assert dialog.panel.message.text() == "De status is nu 'Toegekend'."
    assert "Bedrag: € 100,00" in dialog.panel.facts.text()
    history = dialog.panel.history.table
    assert [history.item(row, 3).text() for row in range(history.rowCount())] == [
        "Ontvangen",
        "Toegekend",
    ]
    assert history.item(1, 1).text() == "Tester" and history.item(1, 2).text() == "Ontvangen"
    qtbot.waitUntil(lambda: cells(compliment.applications.model, COL_STATUS) == ["Toegekend"])
    assert compliment.overview.tiles[ApplicationStatus.GRANTED].number.text() == "1"
    assert compliment.overview.tiles[ApplicationStatus.RECEIVED].number.text() == "0"
    assert "Toegekend: € 100,00" in compliment.overview.money.text()
    dialog.close_button.click()
    assert compliment.dialog is None


def test_registration_problems_are_shown_at_their_field(
    qtbot: QtBot, services: Services, actor: Actor, compliment: ComplimentWindow, soest: int
) -> None:
    people = pair(services, actor, "anna")
    compliment.applications.new_button.click()
    dialog = compliment.dialog
    assert isinstance(dialog, ApplicationDialog)
    qtbot.keyClicks(dialog.form.search, "anna")
    qtbot.keyClick(dialog.form.search, Qt.Key.Key_Return)
    retype(qtbot, dialog.form.received_on.line, "01-01-2027")
    dialog.register_button.click()
    assert dialog.form.received_on.error.text() == "De datum van ontvangst ligt in de toekomst."
    assert dialog.form.iban.error.text().startswith("Vul het IBAN in")
    apply(services, actor, soest, people)  # meanwhile registered by a colleague
    retype(qtbot, dialog.form.received_on.line, "01-05-2026")
    retype(qtbot, dialog.form.iban.line, IBAN)
    dialog.register_button.click()
    assert (
        dialog.message.text()
        == "Voor deze mantelzorger en naaste is in deze ronde al een aanvraag."
    )
    assert dialog.stack.currentWidget() is dialog.form


def test_a_failing_rule_is_explained_refusing_needs_no_reason_but_granting_does(
    qtbot: QtBot, services: Services, actor: Actor, compliment: ComplimentWindow, soest: int
) -> None:
    apply(services, actor, soest, pair(services, actor, "bram", hours="6"))
    compliment.refresh()
    dialog = open_row(qtbot, compliment, 0)
    assert "✘ voldoet niet: 6 uur per week, minimaal 8" in item_texts(dialog.panel.verdict)
    assert dialog.panel.summary.text() == "Voldoet niet aan 1 regel."
    dialog.panel.buttons[ApplicationStatus.GRANTED].click()
    message = dialog.panel.message.text()
    assert "voldoet niet aan de regels" in message and "Geef een reden" in message
    assert cells(compliment.applications.model, COL_STATUS) == ["Ontvangen"]
    dialog.panel.buttons[ApplicationStatus.REFUSED].click()
    assert dialog.panel.message.text() == "De status is nu 'Afgewezen'."
    qtbot.waitUntil(lambda: cells(compliment.applications.model, COL_STATUS) == ["Afgewezen"])
    assert list(dialog.panel.buttons) == [ApplicationStatus.IN_REVIEW]


def test_a_grant_against_the_rules_keeps_its_reason(
    qtbot: QtBot, services: Services, actor: Actor, compliment: ComplimentWindow, soest: int
) -> None:
    apply(services, actor, soest, pair(services, actor, "bram", hours="6"))
    compliment.refresh()
    dialog = open_row(qtbot, compliment, 0)
    qtbot.keyClicks(dialog.panel.reason, "Zorgt ook 's nachts; akkoord teamleider")
    dialog.panel.buttons[ApplicationStatus.GRANTED].click()
    assert "Reden van het besluit: Zorgt ook 's nachts" in dialog.panel.facts.text()
    assert dialog.panel.history.table.item(1, 4).text().startswith("Zorgt ook")
    qtbot.waitUntil(lambda: cells(compliment.applications.model, COL_STATUS) == ["Toegekend"])


def test_warnings_must_be_ticked_off_before_granting(
    qtbot: QtBot, services: Services, actor: Actor, compliment: ComplimentWindow, soest: int
) -> None:
    apply(services, actor, soest, pair(services, actor, "anna"))
    apply(services, actor, soest, pair(services, actor, "bram"))  # the same IBAN
    compliment.refresh()
    assert cells(compliment.applications.model, COL_WARNINGS) == ["⚠ 1", "⚠ 1"]
    dialog = open_row(qtbot, compliment, 1)
    panel = dialog.panel
    assert panel.warning_box.isVisible()
    assert (
        panel.warnings.item(0).text().startswith("⚠ ")
        and "rekeningnummer" in panel.warnings.item(0).text()
    )
    grant = panel.buttons[ApplicationStatus.GRANTED]
    assert not grant.isEnabled()
    panel.acknowledge.click()
    assert grant.isEnabled()
    grant.click()
    qtbot.waitUntil(
        lambda: cells(compliment.applications.model, COL_STATUS) == ["Ontvangen", "Toegekend"]
    )


# --- the whole round ----------------------------------------------------------------------------


def test_a_batch_grants_the_clean_applications_after_a_preview(
    qtbot: QtBot,
    services: Services,
    actor: Actor,
    compliment: ComplimentWindow,
    soest: int,
    answers: Answers,
) -> None:
    for number, name in enumerate(("anna", "bram")):
        apply(services, actor, soest, pair(services, actor, name), iban_number(number))
    apply(services, actor, soest, pair(services, actor, "cor", hours="2"), iban_number(9))
    compliment.refresh()
    compliment.applications.batch_button.click()
    dialog = compliment.dialog
    assert isinstance(dialog, BatchDialog)
    to_decide, left = dialog.to_decide.table, dialog.left.table
    assert to_decide.rowCount() == 2 and left.rowCount() == 1
    assert (
        to_decide.item(0, 0).text() == "Anna de Vries" and to_decide.item(0, 2).text() == "€ 100,00"
    )
    assert "2 uur per week, minimaal 8" in left.item(0, 2).text()
    assert dialog.decide_button.text() == "Toekennen (2)"
    assert dialog.status.text() == "Samen € 200,00."

    answers.question_answer = QMessageBox.StandardButton.No
    dialog.decide_button.click()
    assert answers.texts[-1] == "2 aanvragen toekennen, samen € 200,00?"
    assert cells(compliment.applications.model, COL_STATUS).count("Toegekend") == 0

    answers.question_answer = QMessageBox.StandardButton.Yes
    dialog.decide_button.click()
    assert dialog.done_label.text() == "2 aanvragen toegekend."
    assert dialog.decide_button.text() == "Toekennen (0)" and not dialog.decide_button.isEnabled()
    qtbot.waitUntil(
        lambda: (
            sorted(cells(compliment.applications.model, COL_STATUS))
            == ["Ontvangen", "Toegekend", "Toegekend"]
        )
    )
    assert compliment.overview.tiles[ApplicationStatus.GRANTED].number.text() == "2"
    assert "Toegekend: € 200,00" in compliment.overview.money.text()

    compliment.applications.status_filter.setCurrentText("Toegekend")
    assert cells(compliment.applications.model, COL_STATUS) == ["Toegekend", "Toegekend"]
    assert compliment.applications.count_label.text() == "2 van 3 aanvragen"


def test_a_sample_marks_a_share_of_the_grants(
    qtbot: QtBot,
    services: Services,
    actor: Actor,
    compliment: ComplimentWindow,
    soest: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ids = [
        apply(services, actor, soest, pair(services, actor, name), iban_number(number))
        for number, name in enumerate(("anna", "bram", "cor", "dirk"))
    ]
    services.applications.batch_decide(actor, soest, ids)
    compliment.refresh()
    asked: list[str] = []

    def get_double(_parent: object, _title: str, label: str, *args: object) -> tuple[float, bool]:
        asked.append(label)
        return 50.0, True

    monkeypatch.setattr(QInputDialog, "getDouble", get_double)
    compliment.applications.sample_button.click()
    assert "percentage" in asked[0]
    assert compliment.status.text() == "2 toekenningen zijn gemarkeerd voor de steekproef."
    qtbot.waitUntil(lambda: cells(compliment.applications.model, COL_SAMPLE).count("ja") == 2)
    assert "In de steekproef: 2" in compliment.overview.money.text()


def test_a_round_without_grants_has_no_sample(
    compliment: ComplimentWindow, soest: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QInputDialog, "getDouble", lambda *args: (10.0, True))
    compliment.applications.sample_button.click()
    assert "nog geen toekenningen" in compliment.status.text()


# --- payment ------------------------------------------------------------------------------------


def test_a_payment_batch_is_made_and_confirmed_from_the_window(
    qtbot: QtBot,
    services: Services,
    actor: Actor,
    screen_context: ScreenContext,
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
    told_where: list[Told],
) -> None:
    from dataclasses import replace

    rules = replace(SOEST, payer_name="Gemeente Soest", payer_iban=iban_number(99))
    round_id = services.rounds.create(actor, rules).id
    ids = [
        apply(services, actor, round_id, pair(services, actor, name), iban_number(n))
        for n, name in enumerate(("anna", "bram"), start=1)
    ]
    services.applications.batch_decide(actor, round_id, ids)
    window = ComplimentWindow(screen_context)
    qtbot.addWidget(window)
    window.show()
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("01-12-2026", True))
    click(qtbot, window.pay_button)
    assert "2 betalingen, samen € 200,00" in window.status.text()
    [told] = told_where
    folder = screen_context.paths.letters_dir
    assert told.where.startswith(f"Map: {folder}\nBestanden: ")
    assert [file.suffix for file in told.files] == [".xml", ".xlsx"]
    assert "persoonsgegevens en zijn niet versleuteld" in told.where
    assert len(list(screen_context.paths.letters_dir.glob("*.xml"))) == 1
    choose_item(monkeypatch, lambda options: options[0])
    click(qtbot, window.confirm_button)
    assert window.status.text() == "2 toekenningen staan nu op uitbetaald."
    assert services.rounds.overview(round_id).per_status[ApplicationStatus.PAID] == 2
    click(qtbot, window.confirm_button)
    assert "geen betaalopdracht" in window.status.text()


def test_waiting_letters_are_made_from_the_window_once(
    qtbot: QtBot,
    services: Services,
    actor: Actor,
    screen_context: ScreenContext,
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
    told_where: list[Told],
) -> None:
    from tests.helpers import fill_house_style

    fill_house_style(services, actor)
    round_id = services.rounds.create(actor, SOEST).id
    for n, name in enumerate(("anna", "bram"), start=1):
        apply(services, actor, round_id, pair(services, actor, name), iban_number(n))
    window = ComplimentWindow(screen_context)
    qtbot.addWidget(window)
    window.show()
    asked = choose_item(monkeypatch, lambda options: options[0])
    click(qtbot, window.letters_button)
    assert asked[0][0] == "Ontvangstbevestigingen (2 aanvragen wachten)"
    assert window.status.text().startswith("2 brieven gemaakt")
    [told] = told_where
    assert told.text == "De brieven zijn gemaakt."
    assert told.where.startswith(f"Map: {screen_context.paths.letters_dir}\nBestand: ")
    click(qtbot, window.letters_button)
    assert asked[1][0] == "Ontvangstbevestigingen (0 aanvragen wachten)"
    assert window.status.text() == "Er wachten geen aanvragen op deze brief."


def test_a_returned_controlebrief_grants_and_overdue_ones_are_refused_together(
    qtbot: QtBot,
    services: Services,
    actor: Actor,
    engine: Engine,
    compliment: ComplimentWindow,
    answers: Answers,
) -> None:
    from dataclasses import replace

    round_id = services.rounds.create(actor, replace(SOEST, control_letter_required=True)).id
    ids = [
        apply(services, actor, round_id, pair(services, actor, name), iban_number(n))
        for n, name in enumerate(("anna", "bram", "cor"), start=1)
    ]
    for application in ids:
        services.applications.change_status(actor, application, 1, ApplicationStatus.IN_REVIEW)
        services.applications.change_status(
            actor, application, 2, ApplicationStatus.AWAITING_CONTROL_LETTER
        )
    with engine.begin() as connection:  # two of them are now eight weeks old
        connection.execute(
            update(ComplimentApplication)
            .where(ComplimentApplication.id.in_(ids[1:]))
            .values(control_letter_due_on=date(2026, 11, 20))
        )
    compliment.load_rounds()
    overdue = compliment.applications.overdue_button
    assert overdue.isVisible() and overdue.text() == "Verlopen controlebrieven afwijzen (2)…"

    dialog = open_row(qtbot, compliment, 0)
    assert "Controlebrief terug uiterlijk 17-01-2027" in dialog.panel.facts.text()
    returned = dialog.panel.buttons[ApplicationStatus.GRANTED]
    assert returned.text() == "Controlebrief terug: toekennen"
    returned.click()
    assert dialog.panel.history.table.item(3, 4).text() == "controlebrief teruggestuurd"
    dialog.reject()

    answers.question_answer = QMessageBox.StandardButton.Yes
    click(qtbot, overdue)
    assert "afgewezen" in answers.texts[-1]
    assert compliment.status.text() == "2 aanvragen afgewezen: controlebrief niet op tijd terug."
    qtbot.waitUntil(
        lambda: (
            cells(compliment.applications.model, COL_STATUS)
            == ["Toegekend", "Afgewezen", "Afgewezen"]
        )
    )
    assert not overdue.isVisible()


def test_a_change_in_the_register_shows_in_the_open_window_and_a_hidden_one_when_shown(
    qtbot: QtBot, services: Services, actor: Actor, compliment: ComplimentWindow, soest: int
) -> None:
    anna = pair(services, actor, "anna")
    apply(services, actor, soest, anna)
    qtbot.waitUntil(
        lambda: cells(compliment.applications.model, COL_CAREGIVER) == ["Anna de Vries"]
    )

    def rename(first_name: str) -> None:
        detail = services.caregivers.get(anna[0])
        name = dataclasses.replace(detail.data.name, first_name=first_name)
        data = dataclasses.replace(detail.data, name=name)
        services.caregivers.update(actor, detail.id, detail.version, data)

    rename("Annie")
    qtbot.waitUntil(
        lambda: cells(compliment.applications.model, COL_CAREGIVER) == ["Annie de Vries"]
    )
    compliment.hide()
    rename("Anja")
    qtbot.wait(20)
    assert cells(compliment.applications.model, COL_CAREGIVER) == [
        "Annie de Vries"
    ]  # hidden: nothing loaded
    compliment.show()
    assert cells(compliment.applications.model, COL_CAREGIVER) == ["Anja de Vries"]


def test_the_window_opened_from_the_menu_shows_a_round_made_elsewhere(
    qtbot: QtBot, window: MainWindow
) -> None:
    opened = window.open_compliment()
    assert opened.round_choice.count() == 0
    services, actor = window.context.services, window.context.actor
    services.rounds.create(actor, SOEST)
    qtbot.waitUntil(lambda: opened.round_choice.currentText() == "Soest 2026")
    assert "per compliment" in opened.overview.rules.text()
