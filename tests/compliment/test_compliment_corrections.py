"""The compliment window reverses a grant out of its payment batch and settles a difference."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from steunpunt.domain.compliment.reversal import ReversalKind
from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.ui.compliment.reversal_dialog import ReversalDialog
from steunpunt.ui.compliment.window import ComplimentWindow
from tests.compliment.test_compliment_window import open_row
from tests.compliment.test_services_compliment import apply, iban_number, pair
from tests.compliment.test_services_compliment_amounts import BUDGET, PAY_DAY, SPLIT, also_caring
from tests.widgets import choose, choose_item, click, in_dialog, press_ok, retype


def test_a_paid_grant_is_reversed_with_its_reason_and_the_totals_follow(
    services: Services,
    actor: Actor,
    compliment: ComplimentWindow,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    round_id = services.rounds.create(actor, SPLIT).id
    anna = pair(services, actor, "anna")
    ids = [
        apply(services, actor, round_id, anna, iban_number(1)),
        apply(
            services, actor, round_id, also_caring(services, actor, anna[1], "bram"), iban_number(2)
        ),
    ]
    services.applications.batch_decide(actor, round_id, ids)  # € 100 / 2 = € 50 each
    services.payments.make_batch(actor, round_id, PAY_DAY, tmp_path)
    compliment.load_rounds()
    dialog = open_row(qtbot, compliment, 1)  # Bram
    assert dialog.panel.buttons == {} and dialog.panel.reverse_button.isVisible()

    def fill(reversal: ReversalDialog) -> None:
        assert "€ 50,00" in reversal.findChild(QLabel, "intro").text()
        choose(qtbot, reversal.kind, ReversalKind.BANK_RETURNED.label)
        press_ok(qtbot, reversal)
        assert reversal.error.text() == "Schrijf erbij waarom het bedrag wordt teruggeboekt."
        retype(qtbot, reversal.note, "rekening opgeheven")
        press_ok(qtbot, reversal)

    in_dialog(qtbot, dialog.panel.reverse_button, ReversalDialog, fill)

    assert dialog.panel.message.text() == "Teruggeboekt. De aanvraag is weer in behandeling."
    assert "Status: In behandeling" in dialog.panel.facts.text()
    assert not dialog.panel.reverse_button.isVisible()
    assert ApplicationStatus.GRANTED in dialog.panel.buttons  # to be decided again
    history = dialog.panel.history.table
    last = history.item(history.rowCount() - 1, 4).text()
    assert "€ 50,00" in last and "rekening opgeheven" in last
    qtbot.waitUntil(
        lambda: (
            "Betaalopdrachten: € 100,00, teruggeboekt € 50,00, netto € 50,00"
            in compliment.overview.money.text()
        )
    )  # Anna's € 50 is in the batch, not yet confirmed
    shown = choose_item(monkeypatch, lambda _options: None)
    dialog.reject()
    click(qtbot, compliment.confirm_button)
    # € 100 as made, Bram's € 50 back: € 50 net
    assert shown[0][0].endswith("2 betalingen, € 100,00, € 50,00 teruggeboekt (1), netto € 50,00")


def test_a_difference_is_marked_settled_and_stays_in_the_history(
    services: Services,
    actor: Actor,
    compliment: ComplimentWindow,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    round_id = services.rounds.create(actor, BUDGET).id
    app = apply(services, actor, round_id, pair(services, actor, "anna"), iban_number(1))
    services.applications.change_status(actor, app, 1, ApplicationStatus.GRANTED)  # € 1.000
    services.payments.make_batch(actor, round_id, PAY_DAY, tmp_path)
    view = services.rounds.get(round_id)
    services.rounds.update_rules(
        actor, round_id, view.version, replace(view.rules, fixed_budget_cents=90_000)
    )  # € 900 now: € 100 paid too much
    compliment.load_rounds()
    assert "Te veel betaald, te verrekenen: € 100,00" in compliment.overview.money.text()
    dialog = open_row(qtbot, compliment, 0)
    assert "Te verrekenen: € 100,00 te veel betaald" in dialog.panel.facts.text()
    click(qtbot, dialog.panel.settle_button)
    assert dialog.panel.message.text() == "Schrijf erbij hoe het verschil is verrekend."

    retype(qtbot, dialog.panel.reason, "verrekend met de gemeente")
    click(qtbot, dialog.panel.settle_button)

    assert dialog.panel.message.text() == "Het verschil is als verrekend vastgelegd."
    assert "Te verrekenen" not in dialog.panel.facts.text()
    assert not dialog.panel.settle_button.isVisible()
    history = dialog.panel.history.table
    assert "verrekend met de gemeente" in history.item(history.rowCount() - 1, 4).text()
    qtbot.waitUntil(lambda: "te verrekenen" not in compliment.overview.money.text())
