"""Support work through the main window: the burden shows in the list, the worklist opens records."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from steunpunt.domain.support.burden import AssessmentData
from steunpunt.startup import OpenDatabase
from steunpunt.ui.caregivers.assessment_dialog import AssessmentDialog
from steunpunt.ui.caregivers.list_model import COL_BURDEN
from steunpunt.ui.main_window import MainWindow
from tests.helpers import add_caregiver
from tests.support.test_burden_panel import start_at_first, type_answers
from tests.widgets import cells, choose, click, in_dialog, item_texts, on_exec, press_ok, retype


def test_an_assessment_shows_the_overload_flag_in_the_list(
    qtbot: QtBot, window: MainWindow, opened: OpenDatabase
) -> None:
    services, actor = opened.services, opened.actor
    anna = add_caregiver(services, actor, first_name="anna")
    add_caregiver(services, actor, first_name="bram", infix="", last_name="bakker")
    window.go_to_search()
    window.list_view.refresh()
    window.open_caregiver(anna.id)
    form = window.form_view
    assert form.subtitle.text().startswith(f"nr. {anna.id} · ")  # the number `inzage` takes
    form.tabs.setCurrentWidget(form.burden)

    def drive(dialog: AssessmentDialog) -> None:
        start_at_first(qtbot, dialog)
        type_answers(qtbot, dialog, "jjjjjjjjjjjnnnn")
        press_ok(qtbot, dialog)

    in_dialog(qtbot, form.burden.new_button, AssessmentDialog, drive)
    assert form.subtitle.text().endswith("belasting zwaar, overbelast")
    window.go_back()
    assert window.stack.currentWidget() is window.list_view
    model = window.list_view.model
    # the list hears the change a turn of the event loop after the save
    qtbot.waitUntil(
        lambda: (
            dict(zip(cells(model, 0), cells(model, COL_BURDEN), strict=True))
            == {"Vries, Anna de": "zwaar · overbelast", "Bakker, Bram": ""}
        )
    )

    click(qtbot, window.list_view.overloaded_only)
    window.list_view.refresh()
    assert cells(model, 0) == ["Vries, Anna de"]


def test_the_worklist_is_the_start_screen_and_opens_a_record(
    qtbot: QtBot, window: MainWindow, opened: OpenDatabase
) -> None:
    services, actor = opened.services, opened.actor
    anna = add_caregiver(services, actor, first_name="anna")
    services.burden.record(actor, anna.id, AssessmentData(date(2026, 1, 1), 12, None))
    qtbot.wait(20)  # the change hub delivers these saves before the screens are driven
    window.start()
    today = window.today_view
    assert window.stack.currentWidget() is today
    assert today.model.rowCount() == 1
    assert today.model.index(0, 2).data() == "Anna de Vries"
    assert today.model.index(0, 3).data() == "Overbelast en nog nooit gesproken"
    qtbot.keyClick(today.table, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.form_view
    assert window.form_view.title.text() == "Anna de Vries"
    qtbot.keyClick(window.form_view, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is today

    today.table.selectRow(0)
    qtbot.keyClick(today.table, Qt.Key.Key_Delete)  # afgehandeld
    qtbot.waitUntil(lambda: today.model.rowCount() == 0)  # loaded again from the change
    assert "niets op de werklijst" in today.summary.text()


def test_the_dashboard_shows_this_years_headlines(
    qtbot: QtBot, window: MainWindow, opened: OpenDatabase
) -> None:
    services, actor = opened.services, opened.actor
    add_caregiver(services, actor, first_name="anna")
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    dashboard = window.dashboard
    assert dashboard is not None and window.stack.currentWidget() is dashboard
    labels = [label for _value, label in dashboard.tile_texts()]
    assert "Nieuw in de periode" in labels and "Verwijzingen" in labels


def test_the_list_export_opens_with_the_lists_filter(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from steunpunt.ui.caregivers.export_dialog import ExportDialog

    shown = on_exec(monkeypatch, ExportDialog, lambda dialog: dialog)
    window.go_to_search()
    window.list_view.search.setText("anna")
    click(qtbot, window.list_view.export_button)
    assert len(shown) == 1
    assert window.list_view.criteria().text == "anna"


def test_the_dashboard_shows_one_gemeente_when_chosen(
    qtbot: QtBot, window: MainWindow, opened: OpenDatabase
) -> None:
    services, actor = opened.services, opened.actor
    add_caregiver(services, actor, first_name="anna")
    add_caregiver(services, actor, first_name="bram", municipality="soest")
    window.show_dashboard()
    dashboard = window.dashboard
    assert dashboard is not None
    assert item_texts(dashboard.municipality) == ["Alle gemeenten", "Amersfoort", "Soest"]
    choose(qtbot, dashboard.municipality, "Soest")
    assert dashboard.title.text().startswith("Gemeente Soest")


def test_the_worklist_shown_follows_changes_and_a_hidden_one_loads_only_when_shown(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    services, actor = window.context.services, window.context.actor
    worklist = services.worklist
    loads: list[int] = []
    items = worklist.items
    monkeypatch.setattr(worklist, "items", lambda: loads.append(1) or items())
    today = window.today_view
    anna = add_caregiver(services, actor, first_name="anna")
    qtbot.waitUntil(lambda: len(loads) == 1)  # shown: loaded again
    assert today.model.rowCount() == 0
    services.burden.record(actor, anna.id, AssessmentData(date(2026, 1, 1), 12, None))
    qtbot.waitUntil(lambda: today.model.rowCount() == 1)
    assert today.model.index(0, 2).data() == "Anna de Vries"

    window.go_to_search()
    loads.clear()
    bram = add_caregiver(services, actor, first_name="bram")
    with qtbot.waitSignal(window.changes.changed):
        services.burden.record(actor, bram.id, AssessmentData(date(2026, 1, 1), 12, None))
    assert loads == []  # hidden: nothing loaded
    window.show_today()
    assert loads == [1]
    assert today.model.rowCount() == 2


def test_new_bands_saved_in_the_settings_dialog_show_behind_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    from steunpunt.ui.support.settings_dialog import SupportSettingsDialog

    services, actor = window.context.services, window.context.actor
    anna = add_caregiver(services, actor, first_name="anna")
    services.burden.record(actor, anna.id, AssessmentData(date(2026, 1, 1), 7, None))
    window.go_to_search()
    window.open_caregiver(anna.id)
    form = window.form_view
    assert not form.subtitle.text().endswith("overbelast")

    def drive(dialog: SupportSettingsDialog) -> None:
        # Someone saves meanwhile: the screens behind the open dialog show it already.
        bram = add_caregiver(services, actor, first_name="bram", infix="", last_name="bakker")
        qtbot.waitUntil(lambda: window.list_view.model.row_of(bram.id) is not None)
        retype(qtbot, dialog.band_spins["overload_from"], "7")
        dialog.ok_button.click()

    in_dialog(qtbot, window.edit_support_settings, SupportSettingsDialog, drive)
    qtbot.waitUntil(lambda: form.subtitle.text().endswith("overbelast"))
    assert "overbelast" in form.burden.header.text()
    window.go_back()
    model = window.list_view.model
    cells = {model.index(r, 0).data(): model.index(r, COL_BURDEN).data() for r in range(2)}
    assert cells["Vries, Anna de"].endswith("overbelast")
