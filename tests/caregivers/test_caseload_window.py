"""The caseload in the window: a vrijwilliger's list and worklist, assigning from form and list."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from steunpunt.domain.caregivers.list_filter import CaregiverFilter
from steunpunt.domain.choices import ActiveFilter
from steunpunt.domain.roles import Role
from steunpunt.domain.support.burden import AssessmentData
from steunpunt.paths import AppPaths
from steunpunt.services.caregivers.caseload import NOT_YOURS
from steunpunt.startup import OpenDatabase
from steunpunt.ui.caregivers.form_view import TAB_HOUSEHOLD_HELP, TAB_REGISTRATION
from steunpunt.ui.caregivers.volunteers import VolunteerChooser
from steunpunt.ui.main_window import MainWindow
from tests.caregivers.test_caregiver_list import fill_register, names
from tests.caregivers.test_caseload import staff_in_role
from tests.ui_fixtures import make_context
from tests.widgets import Answers, in_dialog, press_ok


def ids_by_first_name(opened: OpenDatabase) -> dict[str, int]:
    criteria = CaregiverFilter(active=ActiveFilter.ALL)
    return {
        row.name.split(", ")[1].split(" ")[0]: row.id
        for row in opened.services.caregivers.search(criteria, 50).rows
    }


def menu_action(window: MainWindow, text: str) -> QAction:
    [action] = [
        action
        for menu in window.menuBar().actions()
        for action in menu.menu().actions()  # type: ignore[attr-defined]
        if action.text().replace("&", "") == text
    ]
    return action


def test_a_volunteers_window_holds_only_their_caregivers(
    qtbot: QtBot, opened: OpenDatabase, app_paths: AppPaths, answers: Answers
) -> None:
    fill_register(opened)
    people = ids_by_first_name(opened)
    for caregiver_id in people.values():  # overloaded, never spoken to: on everyone's worklist
        opened.services.burden.record(
            opened.actor, caregiver_id, AssessmentData(date(2026, 1, 1), 12, None)
        )
    vera = staff_in_role(opened.services, opened.engine, "Vera", Role.VRIJWILLIGER)
    opened.services.assignments.assign(opened.actor, [people["Jan"]], [vera.staff_id])
    window = MainWindow(make_context(opened.services, vera, app_paths), opened)
    qtbot.addWidget(window)
    window.show()
    window.start()

    worklist = window.today_view.model
    shown = [worklist.item(row) for row in range(worklist.rowCount())]
    assert [item.caregiver_id for item in shown if item] == [people["Jan"]]
    window.go_to_search()
    assert names(window) == ["Vries, Jan de"]
    assert window.list_view.count_label.text() == "1 mantelzorger"
    assert not window.list_view.export_button.isEnabled()
    assert not window.list_view.new_button.isEnabled()
    assert not window.list_view.assign_button.isVisibleTo(window)
    for refused in ("Mailing maken…", "Mantelzorgcompliment…", "Huisstijl en briefpapier…"):
        assert not menu_action(window, refused).isEnabled()
    assert menu_action(window, "Mantelzorgers").isEnabled()

    window.open_caregiver(people["Sanne"])  # not hers, asked by id
    assert answers.texts == [NOT_YOURS]
    assert window.stack.currentWidget() is window.list_view

    window.open_caregiver(people["Jan"])
    form = window.form_view
    assert form.title.text() == "Jan de Vries"
    assert not form.save_button.isEnabled()
    assert not form.tabs.isTabEnabled(TAB_HOUSEHOLD_HELP)
    assert not form.volunteers.button.isVisibleTo(form)

    def offered(panel: QWidget) -> list[str]:
        return [b.text() for b in panel.findChildren(QPushButton) if b.isVisibleTo(panel)]

    assert offered(form.relations) == []  # naasten: read only
    assert offered(form.letters) == []  # no letters
    assert "Nieuw contactmoment…" in offered(form.contacts)
    assert "Nieuwe meting…" in offered(form.burden)
    assert "Nieuwe verwijzing…" in offered(form.referrals)
    assert answers.texts == [NOT_YOURS]


def tick(dialog: VolunteerChooser, name: str) -> None:
    [item] = dialog.list.findItems(name, Qt.MatchFlag.MatchExactly)
    item.setCheckState(Qt.CheckState.Checked)


def test_a_caregiver_is_assigned_from_the_form(
    qtbot: QtBot, window: MainWindow, opened: OpenDatabase
) -> None:
    fill_register(opened)
    people = ids_by_first_name(opened)
    vera = staff_in_role(opened.services, opened.engine, "Vera", Role.VRIJWILLIGER)
    staff_in_role(opened.services, opened.engine, "Wim", Role.VRIJWILLIGER)
    window.open_caregiver(people["Sanne"])
    form = window.form_view
    form.tabs.setCurrentIndex(TAB_REGISTRATION)
    assert form.volunteers.names.text() == "(geen)"

    def drive(dialog: VolunteerChooser) -> None:
        assert [dialog.list.item(i).text() for i in range(dialog.list.count())] == ["Vera", "Wim"]
        tick(dialog, "Vera")
        tick(dialog, "Wim")
        press_ok(qtbot, dialog)

    in_dialog(qtbot, form.volunteers.button, VolunteerChooser, drive)
    assert form.volunteers.names.text() == "Vera, Wim"
    assert opened.services.acting_as(vera).caregivers.count() == 1

    def untick_vera(dialog: VolunteerChooser) -> None:
        [item] = dialog.list.findItems("Vera", Qt.MatchFlag.MatchExactly)
        item.setCheckState(Qt.CheckState.Unchecked)
        press_ok(qtbot, dialog)

    in_dialog(qtbot, form.volunteers.button, VolunteerChooser, untick_vera)
    assert form.volunteers.names.text() == "Wim"
    assert opened.services.acting_as(vera).caregivers.count() == 0


def test_selected_caregivers_are_assigned_in_bulk_from_the_list(
    qtbot: QtBot, window: MainWindow, opened: OpenDatabase
) -> None:
    fill_register(opened)
    vera = staff_in_role(opened.services, opened.engine, "Vera", Role.VRIJWILLIGER)
    window.go_to_search()
    window.list_view.refresh()
    window.list_view.table.selectAll()

    def drive(dialog: VolunteerChooser) -> None:
        tick(dialog, "Vera")
        press_ok(qtbot, dialog)

    in_dialog(qtbot, window.list_view.assign_button, VolunteerChooser, drive)
    mine = opened.services.acting_as(vera).caregivers
    assert mine.count() == 3  # the three the list showed (the ended one is not listed)
