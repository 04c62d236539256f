"""The sociale kaart and the referrals tab, driven as a person would."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from steunpunt.domain.caregivers.caregiver import caregiver_from_form
from steunpunt.domain.choices import ConsentScope
from steunpunt.domain.support.partner import PartnerKind, partner_from_form
from steunpunt.domain.support.referral import ReferralData, ReferralOutcome
from steunpunt.services.support.dto import PartnerView
from steunpunt.startup import OpenDatabase
from steunpunt.ui.caregivers.referrals_panel import OVERDUE_COLOUR, ReferralsPanel
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.support.partner_dialog import PartnerDialog
from steunpunt.ui.support.partner_directory import PartnerDirectory
from steunpunt.ui.support.referral_dialog import ReferralDialog
from steunpunt.ui.widgets import FieldEdit
from tests.conftest import TODAY
from tests.helpers import consented
from tests.widgets import Answers, cells, choose, click_text, fill, press_ok, tick


def add_partner(opened: OpenDatabase, name: str, kind: str, place: str = "") -> PartnerView:
    form = {"name": name, "kind": kind}
    if place:
        form.update(street="Kerkstraat", house_number="1", postcode="3761 AB", place=place)
    return opened.services.partners.create(opened.actor, partner_from_form(form, active=True))


def add_caregiver(opened: OpenDatabase) -> int:
    form = {"first_name": "Anna", "last_name": "Bos", "registered_on": "01-03-2025"}
    data = caregiver_from_form(form, frozenset(), False, TODAY)
    return opened.services.caregivers.create(opened.actor, data).id


def names(directory: PartnerDirectory) -> list[str]:
    return cells(directory.proxy, 0)


def test_a_wrong_postcode_is_shown_at_its_field_and_the_input_stays(
    qtbot: QtBot, opened: OpenDatabase, opened_context: ScreenContext, answers: Answers
) -> None:
    dialog = PartnerDialog(opened_context, None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "thuiszorgaanbieders" in dialog.rate_hint.text()
    typed = {"name": "Thuiszorg Eemland", "kind": "thuiszorg", "contact_person": "Els Visser"}
    address = {"street": "Stationsplein", "house_number": "10", "place": "amersfoort"}
    fill(qtbot, dialog.fields, {**typed, **address, "postcode": "37611AB"})
    fill(qtbot, dialog.fields, {"hourly_rate": "32,5"})
    press_ok(qtbot, dialog)
    postcode = dialog.fields["postcode"]
    assert isinstance(postcode, FieldEdit)
    assert "Nederlandse postcode" in postcode.error.text() and postcode.error.isVisible()
    assert postcode.text() == "37611AB" and dialog.fields["name"].text() == "Thuiszorg Eemland"
    assert opened.services.partners.partners() == [] and dialog.isVisible()

    fill(qtbot, dialog.fields, {"postcode": "3811ab"})
    press_ok(qtbot, dialog)
    assert dialog.saved is not None and not dialog.isVisible()
    [stored] = opened.services.partners.partners()
    assert stored.data.address.postcode == "3811 AB" and stored.data.hourly_rate_cents == 3250
    assert stored.data.kind is PartnerKind.HOME_CARE and stored.data.active


def test_the_directory_filters_as_you_type_and_hides_inactive_partners(
    qtbot: QtBot, opened: OpenDatabase, opened_context: ScreenContext, answers: Answers
) -> None:
    add_partner(opened, "Respijthuis De Linde", "respijtzorg", place="Soest")
    eemland = add_partner(opened, "Thuiszorg Eemland", "thuiszorg")
    data = replace(eemland.data, contact_person="José Müller", hourly_rate_cents=3250)
    opened.services.partners.update(opened.actor, eemland.id, eemland.version, data)
    add_partner(opened, "Wijkteam Zuid", "wijkteam", place="Amersfoort")
    directory = PartnerDirectory(opened_context)
    qtbot.addWidget(directory)
    directory.show()
    assert names(directory) == ["Respijthuis De Linde", "Thuiszorg Eemland", "Wijkteam Zuid"]

    qtbot.keyClicks(directory.search, "SOEST")
    assert names(directory) == ["Respijthuis De Linde"]
    directory.search.clear()
    qtbot.keyClicks(directory.search, "jose muller")
    assert names(directory) == ["Thuiszorg Eemland"]
    assert directory.count.text() == "1 van 3 organisaties"
    directory.search.clear()
    choose(qtbot, directory.kind, PartnerKind.NEIGHBOURHOOD_TEAM.label)
    assert names(directory) == ["Wijkteam Zuid"]
    directory.kind.setCurrentIndex(0)

    directory.table.selectRow(0)
    click_text(qtbot, directory, "Bewerken…")
    dialog = directory.dialog
    assert isinstance(dialog, PartnerDialog)
    tick(qtbot, dialog.active)
    press_ok(qtbot, dialog)
    assert directory.dialog is None
    assert names(directory) == ["Thuiszorg Eemland", "Wijkteam Zuid"]
    tick(qtbot, directory.show_inactive)
    assert names(directory) == ["Respijthuis De Linde", "Thuiszorg Eemland", "Wijkteam Zuid"]
    assert directory.proxy.index(0, 8).data() == "Nee"

    directory.activateWindow()
    qtbot.waitUntil(directory.isActiveWindow)
    qtbot.keyClick(directory.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    new = directory.dialog
    assert isinstance(new, PartnerDialog) and new.windowTitle() == "Nieuwe organisatie"
    new.reject()
    directory.table.setFocus()
    qtbot.keyClick(directory.table, Qt.Key.Key_Return)
    opened_one = directory.dialog
    assert isinstance(opened_one, PartnerDialog)
    assert opened_one.fields["name"].text() == "Thuiszorg Eemland"  # the selection was kept
    assert opened_one.fields["hourly_rate"].text() == "32,50" and opened_one.active.isChecked()
    opened_one.reject()


def test_a_partner_with_referrals_cannot_be_removed(
    qtbot: QtBot, opened: OpenDatabase, opened_context: ScreenContext, answers: Answers
) -> None:
    linde = add_partner(opened, "Respijthuis De Linde", "respijtzorg")
    caregiver = add_caregiver(opened)
    data = ReferralData(linde.id, TODAY, "Even op adem komen", True, None, None, None)
    opened.services.referrals.add(opened.actor, caregiver, data)
    directory = PartnerDirectory(opened_context)
    qtbot.addWidget(directory)
    directory.show()
    answers.question_answer = QMessageBox.StandardButton.Yes
    directory.activateWindow()
    qtbot.waitUntil(directory.isActiveWindow)
    directory.table.setFocus()
    qtbot.keyClick(directory.table, Qt.Key.Key_Delete)
    assert "verwijderen" in answers.texts[0]
    assert "1 keer doorverwezen" in answers.texts[1] and "niet actief" in answers.texts[1]
    assert len(answers.texts) == 2
    assert names(directory) == ["Respijthuis De Linde"]


def test_a_referral_without_consent_is_refused_then_stored_with_it(
    qtbot: QtBot, opened: OpenDatabase, opened_context: ScreenContext, answers: Answers
) -> None:
    linde = add_partner(opened, "Respijthuis De Linde", "respijtzorg")
    caregiver = add_caregiver(opened)
    panel = ReferralsPanel(opened_context)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_caregiver(caregiver)
    click_text(qtbot, panel, "Nieuwe verwijzing…")
    dialog = panel.dialog
    assert isinstance(dialog, ReferralDialog)
    assert dialog.fields["referred_on"].text() == "22-11-2026"
    index = dialog.partner.findData(linde.id)
    assert dialog.partner.itemText(index) == "Respijthuis De Linde (Respijtzorg)"
    choose(qtbot, dialog.partner, "Respijthuis De Linde (Respijtzorg)")
    fill(qtbot, dialog.fields, {"reason": "Wil even op adem komen", "follow_up_on": "6-12-2026"})
    press_ok(qtbot, dialog)

    assert answers.texts and "toestemming" in answers.texts[-1]
    assert dialog.consent_error.isVisible() and "toestemming" in dialog.consent_error.text()
    assert opened.services.referrals.referrals(caregiver) == []
    assert panel.dialog is dialog and dialog.fields["reason"].text() == "Wil even op adem komen"

    tick(qtbot, dialog.consent)
    assert not dialog.consent_error.isVisible()
    press_ok(qtbot, dialog)
    assert panel.dialog is None
    [stored] = opened.services.referrals.referrals(caregiver)
    assert stored.data.consent_to_share and stored.data.follow_up_on == date(2026, 12, 6)
    table = panel.records.table
    assert table.rowCount() == 1 and table.item(0, 1).text() == "Respijthuis De Linde"


def test_an_overdue_follow_up_is_marked_red(
    qtbot: QtBot, opened: OpenDatabase, opened_context: ScreenContext
) -> None:
    partner = add_partner(opened, "Wijkteam Zuid", "wijkteam")
    caregiver = add_caregiver(opened)
    for day, follow_up, outcome in (
        (date(2026, 10, 1), date(2026, 10, 15), ReferralOutcome.HELPED),  # closed: not overdue
        (date(2026, 11, 1), date(2026, 11, 15), None),  # open and passed: overdue
        (date(2026, 11, 20), date(2026, 12, 1), None),  # open, still to come
    ):
        closed = day if outcome else None
        data = ReferralData(partner.id, day, "Hulp thuis", True, follow_up, outcome, closed)
        opened.services.referrals.add(opened.actor, caregiver, data)
    panel = ReferralsPanel(opened_context)
    qtbot.addWidget(panel)
    panel.show_caregiver(caregiver)
    table = panel.records.table
    follow_ups = [table.item(row, 3) for row in range(table.rowCount())]
    assert [item.text() for item in follow_ups] == ["01-12-2026", "15-11-2026", "15-10-2026"]
    red = [item.foreground().color() == OVERDUE_COLOUR for item in follow_ups]
    assert red == [False, True, False]
    assert table.item(2, 4).text() == "Geholpen"

    panel.show()
    table.selectRow(1)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)  # Enter opens it, and saves nothing by itself
    dialog = panel.dialog
    assert isinstance(dialog, ReferralDialog) and dialog.consent.isChecked()
    assert dialog.fields["follow_up_on"].text() == "15-11-2026"
    dialog.reject()
    assert panel.dialog is None


def test_without_active_partners_the_referral_dialog_points_to_the_sociale_kaart(
    qtbot: QtBot, opened: OpenDatabase, opened_context: ScreenContext
) -> None:
    dialog = ReferralDialog(opened_context, add_caregiver(opened), None)
    qtbot.addWidget(dialog)
    assert "Beheer › Sociale kaart" in dialog.notice.text()
    assert not dialog.save_button.isEnabled()


@pytest.mark.parametrize(
    ("scopes", "ticked"),
    [
        (frozenset({ConsentScope.REGISTRATION, ConsentScope.SHARE_WITH_PARTNERS}), True),
        (frozenset({ConsentScope.REGISTRATION, ConsentScope.MAIL}), False),
    ],
)
def test_a_new_referrals_consent_follows_the_consent_given_at_registration(
    qtbot: QtBot,
    opened: OpenDatabase,
    opened_context: ScreenContext,
    scopes: frozenset[ConsentScope],
    ticked: bool,
) -> None:
    add_partner(opened, "Respijthuis De Linde", "respijtzorg")
    caregiver = opened.services.caregivers.create(opened.actor, consented(scopes)).id
    panel = ReferralsPanel(opened_context)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_caregiver(caregiver)
    click_text(qtbot, panel, "Nieuwe verwijzing…")
    dialog = panel.dialog
    assert isinstance(dialog, ReferralDialog)
    assert dialog.consent.isChecked() is ticked
    assert ("01-01-2026" in dialog.consent.toolTip()) is ticked
    dialog.reject()


def test_a_caregiver_without_recorded_consent_starts_a_referral_unticked(
    qtbot: QtBot, opened: OpenDatabase, opened_context: ScreenContext
) -> None:
    add_partner(opened, "Respijthuis De Linde", "respijtzorg")
    dialog = ReferralDialog(opened_context, add_caregiver(opened), None)
    qtbot.addWidget(dialog)
    assert not dialog.consent.isChecked()
