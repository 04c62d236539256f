"""Who pays a round: said before the payment date is asked, and warned of when a round is saved
without it."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from steunpunt.domain.compliment.round_rules import CompensationForm, missing_payer
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.ui.compliment.round_rules_dialog import RoundRulesDialog
from steunpunt.ui.compliment.window import ComplimentWindow
from steunpunt.ui.context import ScreenContext
from tests.compliment.test_services_compliment import IBAN, SOEST, apply, iban_number, pair
from tests.widgets import Answers, click, retype


def test_a_payment_without_a_payer_says_where_to_fill_it_in_before_asking_the_date(
    qtbot: QtBot,
    services: Services,
    actor: Actor,
    screen_context: ScreenContext,
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    round_id = services.rounds.create(actor, SOEST).id
    application = apply(services, actor, round_id, pair(services, actor, "anna"), iban_number(1))
    services.applications.batch_decide(actor, round_id, [application])
    window = ComplimentWindow(screen_context)
    qtbot.addWidget(window)
    window.show()
    asked: list[str] = []
    monkeypatch.setattr(
        QInputDialog, "getText", lambda *args, **kwargs: asked.append("datum") or ("", False)
    )
    click(qtbot, window.pay_button)
    assert asked == []
    status = window.status.text()
    assert "ontbreekt de naam en het IBAN van de betaler" in status
    assert "'Regels wijzigen…'" in status and "Betaling (voor het SEPA-bestand)" in status
    assert list(screen_context.paths.letters_dir.glob("*.xml")) == []


def test_a_new_round_without_a_payer_iban_is_saved_with_a_warning(
    qtbot: QtBot, services: Services, compliment: ComplimentWindow, answers: Answers
) -> None:
    compliment.new_round_button.click()
    dialog = compliment.dialog
    assert isinstance(dialog, RoundRulesDialog)
    retype(qtbot, dialog.municipality.line, "Soest")
    retype(qtbot, dialog.payer_name.line, "Gemeente Soest")
    dialog.save_button.click()
    assert compliment.dialog is None
    assert [round_.title for round_ in services.rounds.rounds()] == ["Soest 2026"]
    [warning] = answers.texts
    assert warning.startswith("De ronde is opgeslagen, maar er kan nog niet worden betaald.")
    assert "ontbreekt het IBAN van de betaler" in warning and "'Regels wijzigen…'" in warning


def test_a_round_with_its_payer_is_saved_without_a_word(
    qtbot: QtBot, compliment: ComplimentWindow, answers: Answers
) -> None:
    compliment.new_round_button.click()
    dialog = compliment.dialog
    assert isinstance(dialog, RoundRulesDialog)
    retype(qtbot, dialog.municipality.line, "Soest")
    retype(qtbot, dialog.payer_name.line, "Gemeente Soest")
    retype(qtbot, dialog.payer_iban.line, IBAN)
    dialog.save_button.click()
    assert compliment.dialog is None and answers.texts == []


def test_only_a_money_round_needs_its_payer() -> None:
    assert missing_payer(replace(SOEST, form=CompensationForm.VOUCHER)) is None
    assert missing_payer(replace(SOEST, payer_name="Gemeente Soest", payer_iban=IBAN)) is None
    problem = missing_payer(replace(SOEST, payer_name="  ", payer_iban=IBAN))
    assert problem is not None and "ontbreekt de naam van de betaler" in problem
