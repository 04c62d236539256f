"""The compliment window shows what a decision does to earlier grants, and the new rule settings."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.ui.compliment.batch_dialog import BatchDialog
from steunpunt.ui.compliment.round_rules_dialog import RoundRulesDialog
from steunpunt.ui.compliment.window import ComplimentWindow
from tests.compliment.test_compliment_window import open_row
from tests.compliment.test_services_compliment import SOEST, apply, iban_number, pair
from tests.compliment.test_services_compliment_amounts import (
    BUDGET,
    PAY_DAY,
    SPLIT,
    also_caring,
    version,
)
from tests.compliment.test_services_control_letter import set_deadline
from tests.widgets import Answers, retype


def test_the_batch_preview_shows_the_earlier_grant_it_lowers(
    services: Services, actor: Actor, compliment: ComplimentWindow, answers: Answers
) -> None:
    round_id = services.rounds.create(actor, SPLIT).id
    anna = pair(services, actor, "anna")
    first = apply(services, actor, round_id, anna, iban_number(1))
    services.applications.batch_decide(actor, round_id, [first])
    bram = also_caring(services, actor, anna[1], "bram")
    apply(services, actor, round_id, bram, iban_number(2), date(2026, 5, 2))
    compliment.load_rounds()

    compliment.applications.batch_button.click()
    dialog = compliment.dialog
    assert isinstance(dialog, BatchDialog)
    assert dialog.earlier_box.title() == "Eerdere toekenningen waarvan het bedrag verandert (1)"
    earlier = dialog.earlier.table
    assert earlier.item(0, 0).text() == "Anna de Vries"
    assert earlier.item(0, 2).text() == "€ 50,00"  # € 100 shared by 2 caregivers
    assert dialog.to_decide.table.item(0, 2).text() == "€ 50,00"
    assert dialog.status.text() == "Samen € 50,00; 1 eerdere toekenningen worden aangepast."

    answers.question_answer = QMessageBox.StandardButton.Yes
    dialog.decide_button.click()
    assert answers.texts[-1] == (
        "1 aanvragen toekennen, samen € 50,00? Het bedrag van 1 eerdere toekenningen wordt "
        "aangepast."
    )
    assert not dialog.earlier_box.isVisible()  # nothing left to change
    assert "Toegekend: € 100,00" in compliment.overview.money.text()


def test_a_paid_grant_short_of_its_share_is_shown_to_settle(
    services: Services,
    actor: Actor,
    engine: Engine,
    compliment: ComplimentWindow,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    rules = replace(BUDGET, fixed_budget_cents=90_000, control_letter_required=True)
    round_id = services.rounds.create(actor, rules).id
    ids = [
        apply(services, actor, round_id, pair(services, actor, name), iban_number(n))
        for n, name in ((1, "anna"), (2, "bram"))
    ]
    services.applications.batch_decide(actor, round_id, ids)
    services.applications.change_status(
        actor, ids[0], version(services, ids[0]), ApplicationStatus.GRANTED
    )  # € 900 / 2 = € 450 while Bram waits
    services.payments.make_batch(actor, round_id, PAY_DAY, tmp_path)
    set_deadline(engine, ids[1], date(2026, 11, 1))
    services.applications.refuse_overdue_control_letters(actor, round_id)
    compliment.load_rounds()

    # alone, Anna's share is the whole € 900: € 450 short
    assert "Te weinig betaald, te verrekenen: € 450,00" in compliment.overview.money.text()
    dialog = open_row(qtbot, compliment, 0)
    assert (
        "Te verrekenen: € 450,00 te weinig betaald, het aandeel volgens de regels is nu € 900,00"
        in dialog.panel.facts.text()
    )


def test_the_month_end_and_peildatum_settings_are_typed_in_the_rules(
    qtbot: QtBot, services: Services, actor: Actor, compliment: ComplimentWindow
) -> None:
    round_id = services.rounds.create(actor, SOEST).id
    compliment.load_rounds()
    compliment.rules_button.click()
    dialog = compliment.dialog
    assert isinstance(dialog, RoundRulesDialog)
    assert dialog.month_end.isChecked()  # the default
    assert dialog.age_reference.text() == ""  # empty: the day received
    dialog.month_end.setChecked(False)
    retype(qtbot, dialog.age_reference.line, "31-2-2026")
    dialog.save_button.click()
    assert dialog.age_reference.error.text() == "31-2-2026 is geen bestaande datum."
    retype(qtbot, dialog.age_reference.line, "1-1-2026")
    dialog.save_button.click()
    assert compliment.dialog is None
    rules = services.rounds.get(round_id).rules
    assert not rules.count_to_month_end
    assert rules.age_reference_date == date(2026, 1, 1)
    copy = services.rounds.copy_for_next_year(actor, round_id)
    assert copy.rules.age_reference_date == date(2027, 1, 1)


def test_a_grant_in_a_payment_batch_offers_no_withdrawal(
    services: Services,
    actor: Actor,
    compliment: ComplimentWindow,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    round_id = services.rounds.create(actor, SPLIT).id
    app = apply(services, actor, round_id, pair(services, actor, "anna"), iban_number(1))
    services.applications.change_status(actor, app, 1, ApplicationStatus.GRANTED)
    services.payments.make_batch(actor, round_id, PAY_DAY, tmp_path)
    compliment.load_rounds()
    dialog = open_row(qtbot, compliment, 0)
    assert dialog.panel.buttons == {}  # no "Toekenning intrekken", no "Uitbetaald" by hand
    assert "In een betaalopdracht" in dialog.panel.facts.text()
    assert dialog.panel.message.text() == (
        "Deze toekenning staat in een betaalopdracht en verandert alleen via die, "
        "of met een terugboeking."
    )
