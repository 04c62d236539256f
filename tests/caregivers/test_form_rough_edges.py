"""Rough edges of the caregiver form a new employee ran into (issue 15), driven as a person would."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from steunpunt.domain.support.burden import AssessmentData
from steunpunt.startup import OpenDatabase
from steunpunt.ui.caregivers.list_model import COL_BURDEN
from steunpunt.ui.caregivers.recipient_dialog import CareRecipientDialog
from steunpunt.ui.main_window import MainWindow
from tests.caregivers.test_caregiver_form import type_into
from tests.helpers import add_caregiver, care_recipient_data, contact_data, relation_data
from tests.widgets import cells, click, fill, in_dialog, press_ok, type_text

ADDRESS = ("street", "house_number", "house_number_suffix", "postcode", "place", "municipality")


def tab_texts(window: MainWindow) -> list[str]:
    """The titles of the caregiver form's tabs, left to right."""
    tabs = window.form_view.tabs
    return [tabs.tabText(index) for index in range(tabs.count())]


def test_a_new_form_shows_no_counts_of_the_person_shown_before(
    qtbot: QtBot, window: MainWindow, opened: OpenDatabase
) -> None:
    services, actor = opened.services, opened.actor
    anna = add_caregiver(services, actor, first_name="Anna")
    services.care_recipients.create_for_caregiver(
        actor, anna.id, care_recipient_data(), relation_data()
    )
    services.contacts.add(actor, anna.id, contact_data())
    window.open_caregiver(anna.id)
    assert "Naasten (1)" in tab_texts(window)
    assert "Contactmomenten (1)" in tab_texts(window)

    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.form_view.title.text() == "Nieuwe mantelzorger"
    texts = tab_texts(window)
    assert "Naasten" in texts
    assert "Contactmomenten" in texts
    assert "Verwijzingen" in texts
    assert not any("(" in text for text in texts)


def test_nieuwe_naaste_starts_at_voornaam_and_takes_the_caregivers_address(
    qtbot: QtBot, window: MainWindow, opened: OpenDatabase
) -> None:
    services, actor = opened.services, opened.actor
    anna = add_caregiver(services, actor, first_name="Anna", house_number_suffix="")
    window.show()
    window.open_caregiver(anna.id)
    form = window.form_view
    form.tabs.setCurrentWidget(form.relations)
    [new_button] = [
        b for b in form.relations.findChildren(QPushButton) if b.text() == "Nieuwe naaste…"
    ]

    def drive(dialog: CareRecipientDialog) -> None:
        assert dialog.focusWidget() is dialog.fields["first_name"].line  # type: ignore[attr-defined]
        type_text(dialog.focusWidget(), "Gerrit")
        fill(qtbot, dialog.fields, {"last_name": "Bos", "relation_type": "partner"})
        click(qtbot, dialog.same_address)
        assert {name: dialog.fields[name].text() for name in ADDRESS} == {
            "street": "Dorpsstraat",
            "house_number": "12",
            "house_number_suffix": "",
            "postcode": "3811 AB",
            "place": "Amersfoort",
            "municipality": "Amersfoort",
        }
        press_ok(qtbot, dialog)

    in_dialog(qtbot, new_button, CareRecipientDialog, drive)
    [relation] = services.caregivers.get(anna.id).relations
    naaste = services.care_recipients.get(relation.care_recipient_id)
    assert naaste.data.name.first_name == "Gerrit"
    assert naaste.data.address == services.caregivers.get(anna.id).data.address


def test_at_1280_by_800_every_column_of_the_list_fits_and_shows_its_text(
    qtbot: QtBot, window: MainWindow, opened: OpenDatabase
) -> None:
    services, actor = opened.services, opened.actor
    anna = add_caregiver(services, actor, first_name="Anna")
    services.burden.record(actor, anna.id, AssessmentData(date(2026, 1, 1), 12, None))
    window.resize(1280, 800)
    window.show()
    window.go_to_search()
    window.list_view.refresh()
    table = window.list_view.table
    qtbot.waitUntil(lambda: cells(table.model(), COL_BURDEN) == ["zwaar · overbelast"])
    header = table.horizontalHeader()
    last = header.count() - 1
    assert last == COL_BURDEN
    assert header.sectionViewportPosition(last) + header.sectionSize(last) <= (
        table.viewport().width()
    )
    for column in range(header.count()):
        text = table.model().index(0, column).data()
        assert header.sectionSize(column) >= table.fontMetrics().horizontalAdvance(text), text


def test_the_refusal_line_goes_once_the_iban_is_put_right_and_the_iban_shows_grouped(
    qtbot: QtBot, window: MainWindow, opened: OpenDatabase
) -> None:
    form = window.form_view
    window.new_caregiver()
    type_into(qtbot, window, "first_name", "Jan")
    type_into(qtbot, window, "iban", "NL91ABNA0417164301")
    click(qtbot, form.save_button)
    assert form.message.text() == "Niet opgeslagen: controleer de 2 rood gemarkeerde velden."

    type_into(qtbot, window, "last_name", "Jansen")
    assert form.message.text() == "Niet opgeslagen: controleer het rood gemarkeerde veld."
    type_into(qtbot, window, "iban", "nl91abna0417164300")
    assert form.message.text() == ""
    assert form.fields["iban"].text() == "NL91 ABNA 0417 1643 00"  # as the placeholder shows it

    click(qtbot, form.save_button)
    assert form.message.text() == "Opgeslagen."
    assert form.fields["iban"].text() == "NL91 ABNA 0417 1643 00"
    saved = window.form_view.caregiver_id
    assert saved is not None
    assert opened.services.caregivers.get(saved).data.iban == "NL91ABNA0417164300"


def test_an_iban_typed_in_groups_of_four_is_taken(
    qtbot: QtBot, window: MainWindow, opened: OpenDatabase
) -> None:
    window.new_caregiver()
    type_into(qtbot, window, "first_name", "Jan")
    type_into(qtbot, window, "last_name", "Jansen")
    type_into(qtbot, window, "iban", "nl91 abna 0417 1643 00")
    assert window.form_view.fields["iban"].text() == "NL91 ABNA 0417 1643 00"
    click(qtbot, window.form_view.save_button)
    assert window.form_view.message.text() == "Opgeslagen."
    saved = window.form_view.caregiver_id
    assert saved is not None
    assert opened.services.caregivers.get(saved).data.iban == "NL91ABNA0417164300"
