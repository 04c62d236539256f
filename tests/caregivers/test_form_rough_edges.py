"""Rough edges of the caregiver form a new employee ran into (issue 15), driven as a person would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from steunpunt.startup import OpenDatabase
from steunpunt.ui.main_window import MainWindow
from tests.helpers import add_caregiver, care_recipient_data, contact_data, relation_data


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
