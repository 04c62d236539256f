"""The "Huishoudelijke hulp" tab: requesting, granting and entering hours as a person would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from steunpunt.domain.support.household_help.status import HouseholdHelpStatus
from steunpunt.domain.support.partner import partner_from_form
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.ui.caregivers.grant_dialog import GrantDialog
from steunpunt.ui.caregivers.hours_dialog import HoursDialog
from steunpunt.ui.caregivers.household_help_panel import HouseholdHelpPanel
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.widgets import FieldEdit
from tests.helpers import add_caregiver, care_recipient_data, relation_data
from tests.support.test_services_household_help import grant_data, provider
from tests.support.test_services_support import partner_form
from tests.widgets import (
    Answers,
    Told,
    choose,
    click,
    in_dialog,
    item_texts,
    press_ok,
    retype,
    row_texts,
)

GREEN, RED = "#1b6e20", "#b00020"


@pytest.fixture
def panel(qtbot: QtBot, screen_context: ScreenContext) -> HouseholdHelpPanel:
    widget = HouseholdHelpPanel(screen_context)
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    return widget


def test_request_through_the_dialog_shows_the_verdict(
    qtbot: QtBot, panel: HouseholdHelpPanel, services: Services, actor: Actor
) -> None:
    anna = add_caregiver(services, actor)
    services.care_recipients.create_for_caregiver(
        actor, anna.id, care_recipient_data(), relation_data()
    )
    services.partners.create(actor, partner_from_form(partner_form(), active=True))  # respijtzorg
    provider(services, actor)
    zorgaccent = partner_form(name="Zorgaccent", kind="thuiszorg", hourly_rate="30")
    services.partners.create(actor, partner_from_form(zorgaccent, active=True))
    panel.show_caregiver(anna.id)
    seen: dict[str, object] = {}

    def drive(dialog: GrantDialog) -> None:
        seen["providers"] = item_texts(dialog.provider)
        seen["households"] = item_texts(dialog.household)
        seen["defaults"] = {n: dialog.fields[n].text() for n in dialog.fields.raw()}
        choose(qtbot, dialog.provider, "Thuiszorg Eemland (€ 32,50 per uur)")
        choose(qtbot, dialog.household, "Huishouden van Maria Jansen")
        retype(qtbot, dialog.fields["hours_per_week"], "2,5")
        retype(qtbot, dialog.fields["hours_per_year"], "40")
        press_ok(qtbot, dialog)

    with qtbot.waitSignal(panel.changed):
        in_dialog(qtbot, panel.new_button, GrantDialog, drive)
    assert seen["providers"] == [
        "(kies)",
        "Thuiszorg Eemland (€ 32,50 per uur)",
        "Zorgaccent (€ 30,00 per uur)",
    ]
    assert seen["households"] == ["Eigen huishouden", "Huishouden van Maria Jansen"]
    defaults = seen["defaults"]
    assert isinstance(defaults, dict)
    assert defaults["starts_on"] == "22-11-2026"
    assert defaults["ends_on"] == "21-11-2027"
    assert defaults["evaluation_on"] == "22-05-2027"
    assert defaults["own_contribution"] == "7,50"
    assert row_texts(panel.records.table) == [
        "22-11-2026 t/m 21-11-2027",
        "Thuiszorg Eemland",
        "Bij Maria Jansen",
        "2,5",
        "40",
        "0",
        "40",
        "Aangevraagd",
    ]
    verdict = panel.verdict.text()
    assert (
        f'<span style="color: {GREEN};">✔ voldoet: 2,5 uur per week, maximaal 3</span>' in verdict
    )
    assert "Voldoet aan alle regels." in verdict
    assert panel.status.text() == "Aangevraagd"
    assert sorted(b.text() for b in panel.status_buttons.values()) == ["Afwijzen", "Toekennen"]
    assert not panel.hours_button.isEnabled()


def test_wrong_input_is_shown_at_the_fields_and_kept(
    qtbot: QtBot, services: Services, actor: Actor, screen_context: ScreenContext
) -> None:
    anna = add_caregiver(services, actor)
    provider(services, actor)
    services.partners.create(
        actor, partner_from_form(partner_form(name="Zorgaccent", kind="thuiszorg"), active=True)
    )
    dialog = GrantDialog(screen_context, anna.id, None)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    start = dialog.fields["starts_on"]
    assert isinstance(start, FieldEdit)
    start.line.setFocus()
    retype(qtbot, start, "1-1-2027")
    qtbot.keyClick(start.line, Qt.Key.Key_Tab)
    assert dialog.fields["starts_on"].text() == "01-01-2027"
    assert dialog.fields["ends_on"].text() == "31-12-2027"  # moved along with the start
    assert dialog.fields["evaluation_on"].text() == "01-07-2027"
    retype(qtbot, dialog.fields["hours_per_week"], "veel")
    retype(qtbot, dialog.fields["ends_on"], "31-02-2027")
    press_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.fields["hours_per_week"].error.text() == "Vul een getal in, zoals 3 of 2,5."  # type: ignore[union-attr]
    assert "geen bestaande datum" in dialog.fields["ends_on"].error.text()  # type: ignore[union-attr]
    assert dialog.fields["hours_per_week"].text() == "veel"
    assert "Kies de thuiszorgaanbieder." in dialog.message.text()
    assert services.household_help.grants(anna.id) == []


def test_no_providers_points_to_the_sociale_kaart(
    qtbot: QtBot, services: Services, actor: Actor, screen_context: ScreenContext
) -> None:
    anna = add_caregiver(services, actor)
    dialog = GrantDialog(screen_context, anna.id, None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.notice.isVisible()
    assert "Beheer › Sociale kaart" in dialog.notice.text()
    assert not dialog.save_button.isEnabled()


def enter_hours(qtbot: QtBot, panel: HouseholdHelpPanel, month: str, hours: str) -> str:
    """Enter hours for ``month`` through the dialog; returns what it said was registered."""
    seen: list[str] = []

    def drive(dialog: HoursDialog) -> None:
        choose(qtbot, dialog.month, month)
        seen.append(dialog.registered.text())
        qtbot.keyClicks(dialog.hours.line, hours)
        press_ok(qtbot, dialog)

    with qtbot.waitSignal(panel.changed):
        in_dialog(qtbot, panel.hours_button, HoursDialog, drive)
    return seen[0]


def test_hours_over_the_budget_are_warned_in_red(
    qtbot: QtBot, panel: HouseholdHelpPanel, services: Services, actor: Actor
) -> None:
    anna = add_caregiver(services, actor)
    services.household_help.request(
        actor, anna.id, grant_data(provider(services, actor), hours_per_year="20")
    )
    panel.show_caregiver(anna.id)
    click(qtbot, panel.status_buttons[HouseholdHelpStatus.GRANTED])
    assert panel.status.text() == "Toegekend"
    assert panel.message.text() == "Status nu: Toegekend."
    assert panel.hours_button.isEnabled()
    assert panel.warnings.isHidden()

    defaults: list[str] = []
    in_dialog(
        qtbot,
        panel.hours_button,
        HoursDialog,
        lambda dialog: defaults.append(dialog.month.currentText()),
    )
    assert defaults == ["oktober 2026"]
    assert "nog geen uren" in enter_hours(qtbot, panel, "oktober 2026", "12,5")
    enter_hours(qtbot, panel, "september 2026", "10")

    assert panel.warnings.isVisible()
    assert panel.warnings.text() == "⚠ 2,5 uur boven het jaarbudget van 20 uur"
    assert RED in panel.warnings.styleSheet()
    assert panel.budget.text() == (
        "Gebruikt 22,5 van 20 uur, 2,5 uur te veel; eigen bijdrage tot nu toe € 168,75"
    )
    months = panel.months.table
    assert [(months.item(r, 0).text(), months.item(r, 1).text()) for r in range(2)] == [
        ("september 2026", "10"),
        ("oktober 2026", "12,5"),
    ]
    assert row_texts(panel.records.table)[5:7] == ["22,5", "-2,5"]
    assert panel.records.table.item(0, 6).foreground().color().name() == RED

    registered = enter_hours(qtbot, panel, "oktober 2026", "0")
    assert "Al geregistreerd: 12,5 uur" in registered
    assert panel.warnings.isHidden()
    assert panel.budget.text().startswith("Gebruikt 10 van 20 uur, nog 10 uur")


def test_granting_against_the_rules_needs_a_reason_which_is_kept(
    qtbot: QtBot, panel: HouseholdHelpPanel, services: Services, actor: Actor
) -> None:
    anna = add_caregiver(services, actor)
    grant = services.household_help.request(
        actor, anna.id, grant_data(provider(services, actor), hours_per_week="4")
    )
    panel.show_caregiver(anna.id)
    assert (
        f'<span style="color: {RED};">✘ voldoet niet: 4 uur per week, maximaal 3</span>'
        in panel.verdict.text()
    )
    assert "Voldoet niet aan 1 van de 8 regels." in panel.verdict.text()

    click(qtbot, panel.status_buttons[HouseholdHelpStatus.GRANTED])
    assert panel.message.isVisible()
    assert panel.message.text().startswith("Deze aanvraag past niet in de regels")
    assert "Geef een reden om toch toe te kennen" in panel.message.text()
    assert RED in panel.message.styleSheet()
    assert panel.status.text() == "Aangevraagd"

    reason = "Partner ernstig ziek; vier uur nodig"
    qtbot.keyClicks(panel.reason, reason)
    assert panel.message.isHidden()
    with qtbot.waitSignal(panel.changed):
        click(qtbot, panel.status_buttons[HouseholdHelpStatus.GRANTED])
    assert panel.status.text() == "Toegekend"
    assert f"Reden van het besluit: {reason}" in panel.facts.text()
    assert services.household_help.get(grant.id).override_reason == reason
    assert sorted(b.text() for b in panel.status_buttons.values()) == ["Beëindigen", "Starten"]
    assert not panel.reason.isEnabled()


def test_editing_keeps_the_grant_and_removing_asks_first(
    qtbot: QtBot, panel: HouseholdHelpPanel, services: Services, actor: Actor, answers: Answers
) -> None:
    anna = add_caregiver(services, actor)
    services.household_help.request(actor, anna.id, grant_data(provider(services, actor)))
    panel.show_caregiver(anna.id)

    def drive(dialog: GrantDialog) -> None:
        assert dialog.provider.currentText() == "Thuiszorg Eemland (€ 32,50 per uur)"
        assert dialog.fields["hours_per_week"].text() == "3"
        retype(qtbot, dialog.fields["hours_per_week"], "1,5")
        press_ok(qtbot, dialog)

    with qtbot.waitSignal(panel.changed):
        in_dialog(qtbot, panel.edit_button, GrantDialog, drive)
    assert row_texts(panel.records.table)[3] == "1,5"
    assert "✔ voldoet: 1,5 uur per week" in panel.verdict.text()

    answers.question_answer = QMessageBox.StandardButton.No
    click(qtbot, panel.remove_button)
    assert "01-01-2026 t/m 31-12-2026" in answers.texts[-1]
    assert panel.records.table.rowCount() == 1

    answers.question_answer = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(panel.changed):
        click(qtbot, panel.remove_button)
    assert panel.records.table.rowCount() == 0
    assert panel.detail.isHidden()
    assert services.household_help.grants(anna.id) == []


def test_clear_leaves_nothing_to_add_to(panel: HouseholdHelpPanel) -> None:
    panel.clear()
    assert not panel.new_button.isEnabled()
    assert panel.records.table.rowCount() == 0
    assert panel.detail.isHidden()


def test_the_grant_letter_is_made_from_the_tab_and_logged(
    qtbot: QtBot,
    services: Services,
    actor: Actor,
    screen_context: ScreenContext,
    told_where: list[Told],
) -> None:
    from steunpunt.domain.choices import LetterKind
    from tests.helpers import fill_house_style

    fill_house_style(services, actor)
    caregiver = add_caregiver(services, actor).id
    grant = services.household_help.request(actor, caregiver, grant_data(provider(services, actor)))
    widget = HouseholdHelpPanel(screen_context)
    qtbot.addWidget(widget)
    widget.show_caregiver(caregiver, grant.id)

    widget.make_letter(LetterKind.HOUSEHOLD_HELP_GRANTED)  # not granted yet: refused in place
    assert "toekenningsbrief past daar niet bij" in widget.message.text() and told_where == []
    widget.make_letter(LetterKind.HOUSEHOLD_HELP_PROOF)

    [told] = told_where
    assert told.text == "De brief is gemaakt en vastgelegd."
    assert told.where.startswith(f"Map: {screen_context.paths.letters_dir}\nBestand: ")
    [entry] = services.mailings.letter_log(caregiver)
    assert entry.kind is LetterKind.HOUSEHOLD_HELP_PROOF
    assert [a.text() for a in widget.letter_button.menu().actions()] == [
        "Huishoudelijke hulp: bewijs van inschrijving",
        "Huishoudelijke hulp: toekenning",
    ]


def test_without_a_chosen_grant_the_tab_says_what_to_do(
    qtbot: QtBot, panel: HouseholdHelpPanel, services: Services, actor: Actor
) -> None:
    anna = add_caregiver(services, actor)
    panel.show_caregiver(anna.id)
    assert panel.hint.isVisible() and not panel.detail.isVisible()
    assert panel.hint.text() == (
        "Deze mantelzorger heeft nog geen huishoudelijke hulp. "
        "Klik op 'Nieuwe aanvraag…' om hulp aan te vragen."
    )
    assert panel.new_button.text() == "Nieuwe aanvraag…"

    services.household_help.request(actor, anna.id, grant_data(provider(services, actor)))
    panel.show_caregiver(anna.id)
    assert panel.detail.isVisible() and not panel.hint.isVisible()
    table = panel.records.table
    qtbot.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        table.visualItemRect(table.item(0, 0)).center(),
    )  # the chosen row chosen off again
    assert panel.hint.isVisible() and not panel.detail.isVisible()
    assert panel.hint.text().startswith("Kies een aanvraag in de lijst hierboven")
