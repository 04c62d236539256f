"""The support settings dialog driven as a person would: bands, household-help rules, worklist."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from steunpunt.domain.support.burden import AssessmentData, BurdenBands
from steunpunt.domain.support.household_help.settings import HouseholdHelpRules
from steunpunt.domain.today.worklist import WorklistSettings
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.support.settings_dialog import (
    BANDS_TAB,
    HOUSEHOLD_TAB,
    WORKLIST_TAB,
    SupportSettingsDialog,
    bands_text,
)
from tests.helpers import add_caregiver
from tests.widgets import retype


@pytest.fixture
def dialog(qtbot: QtBot, screen_context: ScreenContext) -> SupportSettingsDialog:
    shown = SupportSettingsDialog(screen_context)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def test_the_stored_values_are_shown(dialog: SupportSettingsDialog) -> None:
    assert dialog.windowTitle() == "Instellingen ondersteuning"
    titles = [dialog.tabs.tabText(index) for index in range(dialog.tabs.count())]
    assert titles == ["Belasting (EDIZ-plus)", "Huishoudelijke hulp", "Werklijst"]
    spins = dialog.band_spins
    assert [spins[name].value() for name in spins] == [1, 4, 9, 9]
    assert dialog.bands_line.text() == (
        "0 geen · 1-3 licht · 4-8 matig · 9-15 zwaar · overbelast vanaf 9"
    )
    assert dialog.week_hours.text() == "3,00 uur per week"
    assert dialog.year_hours.value() == 52 and dialog.months.value() == 12
    assert dialog.extension.value() == 6 and dialog.contribution.text() == "7,50"
    checks = {box.text(): box.isChecked() for box in dialog.rule_checks.values()}
    assert checks == {
        "Alleen voor overbelaste mantelzorgers": False,
        "Niet als het huishouden al Wmo-hulp heeft": True,
        "Eén mantelzorger per huishouden": True,
        "Eén toekenning per jaar": True,
        "Hulp korter dan een jaar: uren per jaar naar rato van de maanden": True,
        "Begint of stopt de hulp in de loop van een maand: weekmaximum alleen over die dagen": True,
        "Een eerdere aanvraag die nog niet besloten is, gaat voor (wie het eerst komt)": True,
    }
    assert dialog.no_contact_months.value() == 3
    assert dialog.no_contact_returns.isChecked()


def test_the_bands_line_follows_the_spin_boxes(dialog: SupportSettingsDialog) -> None:
    dialog.band_spins["moderate_from"].setValue(2)
    dialog.band_spins["overload_from"].setValue(12)
    assert dialog.bands_line.text() == (
        "0 geen · 1 licht · 2-8 matig · 9-15 zwaar · overbelast vanaf 12"
    )
    assert bands_text(BurdenBands(light_from=5, moderate_from=5)) == (
        "Licht, matig en zwaar moeten in die volgorde oplopen."
    )


def test_a_lower_overload_threshold_rebands_measured_caregivers(
    qtbot: QtBot, services: Services, actor: Actor, dialog: SupportSettingsDialog
) -> None:
    caregiver = add_caregiver(services, actor).id
    add_caregiver(services, actor, first_name="els", last_name="bakker")  # never measured
    services.burden.record(actor, caregiver, AssessmentData(date(2026, 1, 1), 7, None))
    assert not services.caregivers.rows([caregiver])[0].overloaded
    retype(qtbot, dialog.band_spins["overload_from"], "7")
    dialog.ok_button.click()
    assert dialog.result() == SupportSettingsDialog.DialogCode.Accepted
    assert dialog.result_text == (
        "Instellingen ondersteuning opgeslagen; 1 gemeten mantelzorger is opnieuw ingedeeld."
    )
    assert services.burden.bands() == BurdenBands(overload_from=7)
    assert services.caregivers.rows([caregiver])[0].overloaded


def test_impossible_bands_are_shown_at_their_field_and_nothing_is_saved(
    qtbot: QtBot, services: Services, dialog: SupportSettingsDialog
) -> None:
    dialog.tabs.setCurrentIndex(WORKLIST_TAB)
    dialog.no_contact_months.setValue(6)
    retype(qtbot, dialog.band_spins["light_from"], "4")
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert dialog.tabs.currentIndex() == BANDS_TAB
    error = dialog.errors["light_from"]
    assert error.isVisible()
    assert error.text() == (
        "De banden moeten oplopen: licht, dan matig, dan zwaar, binnen 1 tot en met 15."
    )
    assert dialog.band_spins["light_from"].value() == 4
    assert dialog.no_contact_months.value() == 6
    assert services.burden.bands() == BurdenBands()
    assert services.worklist.settings() == WorklistSettings()


def test_household_rules_and_worklist_months_are_saved(
    qtbot: QtBot, services: Services, dialog: SupportSettingsDialog
) -> None:
    dialog.tabs.setCurrentIndex(HOUSEHOLD_TAB)
    retype(qtbot, dialog.week_hours, "4,5")
    retype(qtbot, dialog.year_hours, "100,25")
    retype(qtbot, dialog.months, "9")
    retype(qtbot, dialog.extension, "0")
    assert dialog.extension.value() == 0
    retype(qtbot, dialog.contribution, "12,5")
    dialog.rule_checks["only_overloaded"].click()
    dialog.rule_checks["one_grant_per_year"].click()
    dialog.rule_checks["budget_pro_rata"].click()
    dialog.rule_checks["partial_month_pro_rata"].click()
    dialog.rule_checks["earlier_request_counts"].click()
    dialog.tabs.setCurrentIndex(WORKLIST_TAB)
    retype(qtbot, dialog.no_contact_months, "6")
    dialog.no_contact_returns.click()
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert dialog.result_text == "Instellingen ondersteuning opgeslagen."
    assert services.household_help.rules() == HouseholdHelpRules(
        max_hours_per_week=4.5,
        max_hours_per_year=100.25,
        max_months=9,
        extension_months=0,
        own_contribution_cents=1250,
        only_overloaded=True,
        one_grant_per_year=False,
        budget_pro_rata=False,
        partial_month_pro_rata=False,
        earlier_request_counts=False,
    )
    assert services.worklist.settings() == WorklistSettings(6, False)
    assert services.burden.bands() == BurdenBands()


def test_impossible_household_rules_are_shown_at_their_tab(
    qtbot: QtBot, services: Services, dialog: SupportSettingsDialog
) -> None:
    retype(qtbot, dialog.year_hours, "2")
    retype(qtbot, dialog.contribution, "zeven")
    dialog.ok_button.click()
    assert dialog.tabs.currentIndex() == HOUSEHOLD_TAB
    assert dialog.errors["max_hours_per_year"].text() == (
        "Het maximum per jaar is kleiner dan het maximum per week."
    )
    assert dialog.contribution.error.text() == (
        "Vul een bedrag in euro in, bijvoorbeeld 100 of 62,50."
    )
    assert dialog.contribution.text() == "zeven"
    assert services.household_help.rules() == HouseholdHelpRules()


def test_cancel_saves_nothing(
    qtbot: QtBot, services: Services, dialog: SupportSettingsDialog
) -> None:
    retype(qtbot, dialog.band_spins["overload_from"], "5")
    retype(qtbot, dialog.week_hours, "8")
    dialog.rule_checks["only_overloaded"].click()
    retype(qtbot, dialog.no_contact_months, "12")
    dialog.cancel_button.click()
    assert dialog.result() == SupportSettingsDialog.DialogCode.Rejected
    assert dialog.result_text == ""
    assert services.burden.bands() == BurdenBands()
    assert services.household_help.rules() == HouseholdHelpRules()
    assert services.worklist.settings() == WorklistSettings()
