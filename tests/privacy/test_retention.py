"""Retention: everyone past the period is listed with why, and anonymised in bulk with cancel."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from steunpunt.domain.errors import Cancelled, ValidationFailed
from steunpunt.domain.privacy.retention import RetentionSettings
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.services.privacy import erasure
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.privacy.retention_dialog import RetentionDialog
from tests.helpers import add_caregiver, contact_data
from tests.widgets import Answers, click, row_texts


def people(services: Services, actor: Actor) -> dict[str, int]:
    """Ended in 2015; still registered, last spoken in 2018; never spoken since 2012; recent."""
    ended = add_caregiver(
        services,
        actor,
        last_name="Vertrokken",
        registered_on="01-01-2010",
        ended_on="01-06-2015",
        end_reason="verhuisd",
    )
    quiet = add_caregiver(services, actor, last_name="Stil", registered_on="01-01-2010")
    services.contacts.add(actor, quiet.id, contact_data(contact_date="01-03-2018"))
    never = add_caregiver(services, actor, last_name="Nooit", registered_on="01-01-2012")
    recent = add_caregiver(services, actor, last_name="Recent", registered_on="01-01-2012")
    services.contacts.add(actor, recent.id, contact_data(contact_date="01-03-2024"))
    return {"ended": ended.id, "quiet": quiet.id, "never": never.id, "recent": recent.id}


def test_everyone_past_the_period_is_listed_with_why(services: Services, actor: Actor) -> None:
    ids = people(services, actor)

    rows = {row.caregiver_id: row for row in services.retention.past_period()}

    assert set(rows) == {ids["ended"], ids["quiet"], ids["never"]}
    assert rows[ids["ended"]].reason == "Inschrijving beëindigd"
    assert rows[ids["ended"]].since.isoformat() == "2015-06-01"
    assert rows[ids["quiet"]].reason == "Laatste contact"
    assert rows[ids["quiet"]].since.isoformat() == "2018-03-01"
    assert rows[ids["never"]].reason == "Ingeschreven, nooit contact"


def test_the_period_is_a_setting_of_seven_years_by_default(
    services: Services, actor: Actor
) -> None:
    ids = people(services, actor)
    assert services.retention.settings().years == 7

    services.retention.save_settings(actor, RetentionSettings(years=10))

    listed = {row.caregiver_id for row in services.retention.past_period()}
    assert listed == {ids["ended"], ids["never"]}  # spoken in 2018: not yet ten years
    with pytest.raises(ValidationFailed, match="1 tot 30 jaar"):
        services.retention.save_settings(actor, RetentionSettings(years=0))
    assert services.retention.settings().years == 10


def test_a_stop_keeps_the_batches_done_and_leaves_the_rest(
    services: Services, actor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    people(services, actor)
    monkeypatch.setattr(erasure, "BATCH", 2)
    ids = [row.caregiver_id for row in services.retention.past_period()]

    with pytest.raises(Cancelled, match="van 2 mensen"):
        services.erasure.anonymise_many(actor, ids, lambda _done, _total: False)

    assert len(services.retention.past_period()) == 1


def test_the_beheerder_anonymises_the_list_after_a_confirmation(
    qtbot: QtBot, screen_context: ScreenContext, answers: Answers
) -> None:
    services, actor = screen_context.services, screen_context.actor
    ids = people(services, actor)
    dialog = RetentionDialog(screen_context)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 3
    assert "Inschrijving beëindigd" in " ".join(
        " ".join(row_texts(dialog.table, row)) for row in range(3)
    )
    answers.question_answer = QMessageBox.StandardButton.Yes

    click(qtbot, dialog.erase_button)

    assert "Van 3 mensen" in answers.texts[0]
    assert dialog.table.rowCount() == 0
    assert "Van 3 mensen zijn de gegevens verwijderd" in dialog.message.text()
    assert services.caregivers.get(ids["ended"]).data.name.last_name == ""
    assert services.caregivers.get(ids["recent"]).data.name.last_name == "Recent"


def test_saying_no_changes_nothing(
    qtbot: QtBot, screen_context: ScreenContext, answers: Answers
) -> None:
    people(screen_context.services, screen_context.actor)
    dialog = RetentionDialog(screen_context)
    qtbot.addWidget(dialog)
    answers.question_answer = QMessageBox.StandardButton.No

    click(qtbot, dialog.erase_button)

    assert dialog.table.rowCount() == 3
