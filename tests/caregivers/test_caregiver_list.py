"""The caregiver list: filters, sorting by header click, keyboard, and the paged model."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from steunpunt.domain.caregivers.caregiver import caregiver_from_form
from steunpunt.startup import OpenDatabase
from steunpunt.ui.caregivers.list_model import PAGE_SIZE, CaregiverTableModel
from steunpunt.ui.main_window import MainWindow
from tests.conftest import TODAY
from tests.widgets import cells, choose

PEOPLE = [
    ("Jan", "de", "Vries", "01-01-1950", "", "Soest"),
    ("Sanne", "", "Bakker", "01-06-2010", "", "Baarn"),
    ("Ayşe", "", "Yılmaz", "02-03-2005", "", "Amersfoort"),
    ("Piet", "", "Aalders", "", "01-10-2026", "Zeist"),
]


def fill_register(opened: OpenDatabase) -> None:
    for first, infix, last, born, ended, place in PEOPLE:
        form = {
            "first_name": first,
            "infix": infix,
            "last_name": last,
            "birth_date": born,
            "registered_on": "01-01-2024",
            "ended_on": ended,
            "end_reason": "verhuisd" if ended else "",
            "street": "Laan",
            "house_number": "1",
            "postcode": "3761 AB",
            "place": place,
        }
        opened.services.caregivers.create(
            opened.actor, caregiver_from_form(form, frozenset(), False, TODAY)
        )


def names(window: MainWindow) -> list[str]:
    return cells(window.list_view.model, 0)


def test_filters_and_header_sort(qtbot: QtBot, window: MainWindow, opened: OpenDatabase) -> None:
    fill_register(opened)
    window.list_view.refresh()
    assert names(window) == ["Bakker, Sanne", "Vries, Jan de", "Yılmaz, Ayşe"]
    assert window.list_view.count_label.text() == "3 mantelzorgers"

    choose(qtbot, window.list_view.status_filter, "Inschrijving beëindigd")
    assert names(window) == ["Aalders, Piet"]
    choose(qtbot, window.list_view.status_filter, "Alle")
    assert len(names(window)) == 4

    choose(qtbot, window.list_view.age_filter, "jonger dan 18")
    assert names(window) == ["Bakker, Sanne"]
    choose(qtbot, window.list_view.age_filter, "Alle leeftijden")

    header = window.list_view.table.horizontalHeader()
    place_column = QPoint(header.sectionViewportPosition(5) + 5, 5)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=place_column)
    assert names(window)[0] == "Yılmaz, Ayşe"  # Amersfoort first when sorted on woonplaats


def test_keyboard_from_search_into_list_and_open(
    qtbot: QtBot, window: MainWindow, opened: OpenDatabase
) -> None:
    fill_register(opened)
    window.list_view.refresh()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.list_view.search, "vries")
    window.list_view.refresh()
    assert names(window) == ["Vries, Jan de"]
    qtbot.keyClick(window.list_view.search, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.form_view
    assert window.form_view.title.text() == "Jan de Vries"


def test_model_loads_only_the_pages_it_shows(qtbot: QtBot) -> None:
    from datetime import date

    from steunpunt.domain.age import AgeBracket
    from steunpunt.services.caregivers.dto import CaregiverPage, CaregiverRow

    asked: list[tuple[int, int]] = []

    def row(i: int) -> CaregiverRow:
        return CaregiverRow(
            i,
            f"Naam {i}",
            None,
            None,
            AgeBracket.UNKNOWN,
            "",
            "",
            "",
            "",
            "",
            date(2024, 1, 1),
            i % 2 == 0,
        )

    def load(offset: int, limit: int) -> list[CaregiverRow]:
        asked.append((offset, limit))
        return [row(i) for i in range(offset, min(offset + limit, 100_000))]

    model = CaregiverTableModel()
    first = tuple(row(i) for i in range(PAGE_SIZE))
    model.show_result(CaregiverPage(100_000, 0, first), load)
    assert model.rowCount() == 100_000
    assert model.index(3, 0).data() == "Naam 3"
    assert asked == []
    assert model.index(99_999, 0).data() == "Naam 99999"
    assert model.index(5, 9).data() == "beëindigd"
    assert asked == [(100_000 - PAGE_SIZE, PAGE_SIZE)]
    assert model.row_of(99_950) == 99_950
    with qtbot.waitSignal(model.sort_requested) as signal:
        model.sort(5, Qt.SortOrder.DescendingOrder)
    assert signal.args[1] is True


def test_a_caregiver_saved_in_the_form_is_selected_in_the_list_after_one_search(
    qtbot: QtBot, window: MainWindow, opened: OpenDatabase
) -> None:
    with qtbot.waitSignal(window.changes.changed):
        fill_register(opened)
    window.go_to_search()
    window.list_view.table.selectRow(0)  # Bakker, Sanne
    searches: list[int] = []
    window.list_view.search_finished.connect(searches.append)
    yilmaz = next(r for r in range(3) if names(window)[r] == "Yılmaz, Ayşe")
    window.open_caregiver(window.list_view.model.id_at(yilmaz))
    window.form_view.fields["phone"].line.setText("0612345678")  # type: ignore[union-attr]
    qtbot.mouseClick(window.form_view.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(searches) == 1)
    qtbot.wait(20)
    assert len(searches) == 1  # one save, one search
    window.go_back()
    assert window.list_view.selected_id() == window.list_view.model.id_at(yilmaz)


def test_a_change_made_elsewhere_shows_in_the_open_list(
    qtbot: QtBot, window: MainWindow, opened: OpenDatabase
) -> None:
    fill_register(opened)
    window.go_to_search()
    window.list_view.refresh()
    detail = opened.services.caregivers.get(window.list_view.model.id_at(0))
    renamed = replace(detail.data, name=replace(detail.data.name, last_name="Backer"))
    opened.services.caregivers.update(opened.actor, detail.id, detail.version, renamed)
    qtbot.waitUntil(lambda: names(window)[0] == "Backer, Sanne")
    assert window.list_view.selected_id() == detail.id
