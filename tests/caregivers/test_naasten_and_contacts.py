"""The naasten and contact-moment tabs: dialogs filled in as a person would."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from steunpunt.domain.caregivers.caregiver import caregiver_from_form
from steunpunt.services.caregivers.dto import CaregiverDetail
from steunpunt.startup import OpenDatabase
from steunpunt.ui.caregivers.contact_dialog import ContactDialog
from steunpunt.ui.caregivers.recipient_dialog import CareRecipientDialog, LinkRecipientDialog
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.main_window import MainWindow
from tests.conftest import TODAY
from tests.helpers import contact_data
from tests.widgets import Answers, fill, in_dialog, press_ok, retype


def make_caregiver(opened: OpenDatabase, first: str, last: str) -> CaregiverDetail:
    form = {"first_name": first, "last_name": last, "registered_on": "01-03-2025"}
    return opened.services.caregivers.create(
        opened.actor, caregiver_from_form(form, frozenset(), False, TODAY)
    )


def test_new_naaste_needs_a_relation_then_both_sides_show_it(
    qtbot: QtBot, opened: OpenDatabase, opened_context: ScreenContext
) -> None:
    anna = make_caregiver(opened, "Anna", "Bos")
    dialog = CareRecipientDialog(opened_context, anna.id)
    qtbot.addWidget(dialog)
    fill(
        qtbot, dialog.fields, {"first_name": "Gerrit", "last_name": "Bos", "hours_per_week": "7,5"}
    )
    press_ok(qtbot, dialog)
    assert "relatie" in dialog.fields["relation_type"].toolTip().lower()
    assert opened.services.caregivers.get(anna.id).relations == ()

    fill(qtbot, dialog.fields, {"relation_type": "ouder", "condition": "Dementie"})
    press_ok(qtbot, dialog)
    relations = opened.services.caregivers.get(anna.id).relations
    assert [(r.care_recipient_name, r.data.hours_per_week) for r in relations] == [
        ("Gerrit Bos", 7.5)
    ]

    kees = make_caregiver(opened, "Kees", "Bos")
    link = LinkRecipientDialog(opened_context, kees.id)
    qtbot.addWidget(link)
    qtbot.keyClicks(link.search, "gerrit")
    assert link.results.count() == 1
    fill(qtbot, link.fields, {"relation_type": "ouder"})
    press_ok(qtbot, link)
    naaste = opened.services.care_recipients.get(relations[0].care_recipient_id)
    assert sorted(r.caregiver_name for r in naaste.relations) == ["Anna Bos", "Kees Bos"]
    assert opened.services.caregivers.get(kees.id).relations[0].co_caregivers == ("Anna Bos",)


def test_contact_dialog_records_a_contact_newest_first(
    qtbot: QtBot, window: MainWindow, opened: OpenDatabase, opened_context: ScreenContext
) -> None:
    anna = make_caregiver(opened, "Anna", "Bos")
    for day, note in (("01-10-2026", "Eerste gesprek"), ("15-11-2026", "Huisbezoek gedaan")):
        dialog = ContactDialog(opened_context, anna.id)
        qtbot.addWidget(dialog)
        fill(qtbot, dialog.fields, {"contact_date": day, "kind": "telefoon"})
        retype(qtbot, dialog.fields["note"], note)
        press_ok(qtbot, dialog)
    window.open_caregiver(anna.id)
    table = window.form_view.contacts.records.table
    assert table.rowCount() == 2
    assert table.item(0, 3).text() == "Huisbezoek gedaan"
    assert window.form_view.tabs.tabText(3) == "Contactmomenten (2)"


def test_contact_in_the_future_is_refused(
    qtbot: QtBot, opened: OpenDatabase, opened_context: ScreenContext
) -> None:
    anna = make_caregiver(opened, "Anna", "Bos")
    dialog = ContactDialog(opened_context, anna.id)
    qtbot.addWidget(dialog)
    fill(qtbot, dialog.fields, {"contact_date": "01-01-2030", "kind": "email"})
    press_ok(qtbot, dialog)
    assert "toekomst" in dialog.fields["contact_date"].error.text()  # type: ignore[union-attr]
    assert opened.services.caregivers.get(anna.id).contacts == ()


def test_unlink_asks_first(
    qtbot: QtBot,
    window: MainWindow,
    opened: OpenDatabase,
    opened_context: ScreenContext,
    answers: Answers,
) -> None:
    anna = make_caregiver(opened, "Anna", "Bos")
    dialog = CareRecipientDialog(opened_context, anna.id)
    qtbot.addWidget(dialog)
    fill(qtbot, dialog.fields, {"last_name": "Bos", "relation_type": "partner"})
    press_ok(qtbot, dialog)
    window.open_caregiver(anna.id)
    answers.question_answer = QMessageBox.StandardButton.No
    window.form_view.relations.unlink()
    assert len(opened.services.caregivers.get(anna.id).relations) == 1
    answers.question_answer = QMessageBox.StandardButton.Yes
    window.form_view.relations.unlink()
    assert opened.services.caregivers.get(anna.id).relations == ()
    qtbot.waitUntil(lambda: window.form_view.relations.records.table.rowCount() == 0)


def test_a_contact_saved_in_its_dialog_shows_in_the_open_form(
    qtbot: QtBot, window: MainWindow, opened: OpenDatabase
) -> None:
    anna = make_caregiver(opened, "Anna", "Bos")
    window.open_caregiver(anna.id)
    form = window.form_view

    def drive(dialog: ContactDialog) -> None:
        fill(qtbot, dialog.fields, {"contact_date": "01-10-2026", "kind": "telefoon"})
        press_ok(qtbot, dialog)

    in_dialog(qtbot, form.contacts.new, ContactDialog, drive)
    qtbot.waitUntil(lambda: form.tabs.tabText(3) == "Contactmomenten (1)")
    assert form.contacts.records.table.rowCount() == 1


def test_a_refused_removal_shows_what_is_stored_now(
    qtbot: QtBot, window: MainWindow, opened: OpenDatabase, answers: Answers
) -> None:
    from PySide6.QtWidgets import QMessageBox

    anna = make_caregiver(opened, "Anna", "Bos")
    opened.services.contacts.add(opened.actor, anna.id, contact_data(note="Eerste gesprek"))
    window.open_caregiver(anna.id)
    with opened.engine.begin() as connection:  # another computer edits the contact meanwhile
        connection.execute(text("UPDATE contact SET note = 'Bijgewerkt', version = version + 1"))
    answers.question_answer = QMessageBox.StandardButton.Yes
    window.form_view.contacts.records.table.selectRow(0)
    window.form_view.contacts.remove()
    assert any("gewijzigd" in text for text in answers.texts)
    assert window.form_view.contacts.records.table.item(0, 3).text() == "Bijgewerkt"
