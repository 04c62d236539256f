"""Deciding on household help in the tab as a person would: refusing, ending, rates, edits."""

from __future__ import annotations

from decimal import Decimal

from pytestqt.qtbot import QtBot

from steunpunt.domain.support.household_help.status import HouseholdHelpStatus
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.ui.caregivers.grant_dialog import GrantDialog
from steunpunt.ui.caregivers.household_help_panel import HouseholdHelpPanel
from steunpunt.ui.caregivers.rate_dialog import RateDialog
from tests.helpers import add_caregiver
from tests.support.test_household_help_panel import panel
from tests.support.test_household_help_scenarios import TENTHS
from tests.support.test_services_household_help import grant_data, provider
from tests.widgets import Answers, choose, click, in_dialog, press_ok, retype, row_texts

__all__ = ["panel"]  # the fixture, shared with the panel's other tests

S = HouseholdHelpStatus


def granted_grant(services: Services, actor: Actor, caregiver: int, **form: str) -> int:
    view = services.household_help.request(
        actor, caregiver, grant_data(provider(services, actor), **form)
    )
    return services.household_help.change_status(actor, view.id, view.version, S.GRANTED).id


def test_a_refusal_keeps_its_reason_and_a_later_grant_starts_without_it(
    qtbot: QtBot, panel: HouseholdHelpPanel, services: Services, actor: Actor
) -> None:
    anna = add_caregiver(services, actor).id
    services.household_help.request(actor, anna, grant_data(provider(services, actor)))
    panel.show_caregiver(anna)
    qtbot.keyClicks(panel.reason, "Geen indicatie bekend")
    click(qtbot, panel.status_buttons[S.REFUSED])
    assert "Reden van het besluit: Geen indicatie bekend" in panel.facts.text()
    assert panel.reason.text() == ""  # used up by the refusal
    click(qtbot, panel.status_buttons[S.REQUESTED])
    click(qtbot, panel.status_buttons[S.GRANTED])
    assert panel.status.text() == "Toegekend"
    assert "Reden van het besluit" not in panel.facts.text()


def test_ending_asks_the_day_the_help_stops(
    qtbot: QtBot, panel: HouseholdHelpPanel, services: Services, actor: Actor
) -> None:
    anna = add_caregiver(services, actor).id
    granted_grant(services, actor, anna)
    panel.show_caregiver(anna)
    assert panel.stop.text() == "22-11-2026"  # today, to type over
    retype(qtbot, panel.stop, "01-02-2027")  # after the end, 31-12-2026: refused
    click(qtbot, panel.status_buttons[S.ENDED])
    assert "kies uiterlijk 01-01-2027" in panel.message.text()
    assert panel.status.text() == "Toegekend" and panel.stop.text() == "01-02-2027"
    retype(qtbot, panel.stop, "01-07-2026")
    click(qtbot, panel.status_buttons[S.ENDED])
    assert panel.status.text() == "Beëindigd"
    assert "Beëindigd per 01-07-2026 (laatste dag met hulp 30-06-2026)" in panel.facts.text()
    assert not panel.stop.isEnabled()


def test_a_new_rate_from_a_month_on_leaves_the_earlier_months_alone(
    qtbot: QtBot, panel: HouseholdHelpPanel, services: Services, actor: Actor
) -> None:
    anna = add_caregiver(services, actor).id
    grant_id = granted_grant(services, actor, anna, starts_on="1-7-2026", ends_on="30-6-2027")
    for month in (7, 8, 9, 10, 11, 12):
        services.household_help.record_hours(actor, grant_id, 2026, month, Decimal(4))
    for month in (1, 2, 3, 4, 5, 6):
        services.household_help.record_hours(actor, grant_id, 2027, month, Decimal(4))
    panel.show_caregiver(anna, grant_id)

    def drive(dialog: RateDialog) -> None:
        choose(qtbot, dialog.month, "januari 2027")
        assert dialog.current.text() == "Nu in die maand: € 7,50"
        qtbot.keyClicks(dialog.amount.line, "8")
        press_ok(qtbot, dialog)

    with qtbot.waitSignal(panel.changed):
        in_dialog(qtbot, panel.rate_button, RateDialog, drive)
    assert "€ 7,50 per uur; vanaf januari 2027 € 8,00" in panel.facts.text()
    # 24 h x € 7,50 + 24 h x € 8,00 = € 180 + € 192 = € 372.
    assert panel.budget.text().endswith("eigen bijdrage tot nu toe € 372,00")


def test_a_change_of_a_granted_grant_beyond_the_rules_asks_for_a_reason(
    qtbot: QtBot, panel: HouseholdHelpPanel, services: Services, actor: Actor, answers: Answers
) -> None:
    anna = add_caregiver(services, actor).id
    grant_id = granted_grant(services, actor, anna)
    panel.show_caregiver(anna, grant_id)
    seen: list[str] = []

    def drive(dialog: GrantDialog) -> None:
        assert dialog.reason.isVisibleTo(dialog)
        retype(qtbot, dialog.fields["hours_per_week"], "6")
        retype(qtbot, dialog.fields["hours_per_year"], "150")
        press_ok(qtbot, dialog)
        seen.append(dialog.message.text())
        qtbot.keyClicks(dialog.reason, "Terminale zorg")
        press_ok(qtbot, dialog)

    with qtbot.waitSignal(panel.changed):
        in_dialog(qtbot, panel.edit_button, GrantDialog, drive)
    assert seen[0].startswith("Deze wijziging past niet in de regels")
    assert row_texts(panel.records.table)[3:5] == ["6", "150"]
    assert "Reden van het besluit: Terminale zorg" in panel.facts.text()


def test_hours_in_tenths_show_exactly_in_the_tab(
    panel: HouseholdHelpPanel, services: Services, actor: Actor
) -> None:
    anna = add_caregiver(services, actor).id
    grant_id = granted_grant(services, actor, anna)
    for month, text in enumerate(TENTHS, start=1):
        hours = Decimal(text.replace(",", "."))
        services.household_help.record_hours(actor, grant_id, 2026, month, hours)
    panel.show_caregiver(anna, grant_id)
    # The twelve months add up to exactly 52 of the 52 hours: nothing left, nothing over.
    assert row_texts(panel.records.table)[5:7] == ["52", "0"]
    assert panel.budget.text().startswith("Gebruikt 52 van 52 uur, nog 0 uur")
    assert panel.warnings.isHidden()
