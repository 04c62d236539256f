"""The main window hands its one ScreenContext to every screen: one acting user, one day."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from steunpunt.services.kernel.actor import Actor
from steunpunt.settings import Settings
from steunpunt.startup import OpenDatabase
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.main_window import MainWindow
from tests.conftest import TODAY
from tests.widgets import Answers


def test_the_main_windows_screens_share_its_context(
    window: MainWindow, opened: OpenDatabase, opened_context: ScreenContext
) -> None:
    compliment = window.open_compliment()
    screens = (window.today_view, window.list_view, window.form_view, compliment)
    assert window.context is opened_context
    assert [screen.context for screen in screens] == [window.context] * len(screens)
    assert window.context.actor == opened.actor
    assert window.context.today() == TODAY
    compliment.close()


def test_the_acting_user_day_and_settings_of_the_context_are_what_screens_show(
    qtbot: QtBot, opened: OpenDatabase, opened_context: ScreenContext, answers: Answers
) -> None:
    fatma = opened.services.staff.add("Fatma")
    context = replace(
        opened_context,
        actor=Actor(fatma.id, fatma.name),
        settings=Settings(default_municipality="Soest"),
    )
    window = MainWindow(context, opened)
    qtbot.addWidget(window)
    status = [label.text() for label in window.statusBar().findChildren(QLabel)]
    assert any(text.startswith("Aangemeld: Fatma (beheerder)") for text in status)
    window.new_caregiver()
    assert window.form_view.fields["registered_on"].text() == "22-11-2026"
    assert window.form_view.fields["municipality"].text() == "Soest"
