"""The dashboard: headline tiles, the title line, the reach chart and the message state."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from steunpunt.domain.reports.report import Cell, Headline, Report, ReportTable
from steunpunt.paths import AppPaths
from steunpunt.startup import OpenDatabase
from steunpunt.ui.main_window import MainWindow
from steunpunt.ui.reports.dashboard import BAR_COLORS, DashboardView, nice_top
from tests.helpers import add_caregiver
from tests.ui_fixtures import HeldTaskRunner, make_context

REACH: tuple[tuple[Cell, ...], ...] = (
    ("2024", 980, 210),
    ("2025", 1150, 260),
    ("2026", 12345, 1234),
)


def make_report(municipality: str = "Soest", reach: tuple[tuple[Cell, ...], ...] = REACH) -> Report:
    return Report(
        title="Verantwoording 2026",
        organisation="Steunpunt Mantelzorg Eemland",
        municipality=municipality,
        starts_on=date(2026, 1, 1),
        ends_on=date(2026, 12, 31),
        made_on=date(2026, 11, 22),
        suppress_below=5,
        headlines=(
            Headline("Ingeschreven op 31 december", 12345),
            Headline("Nieuw ingeschreven", 1234),
            Headline("Jonge mantelzorgers", "<5"),
            Headline("Overbelast", 0),
            Headline("Contactmomenten", 4321),
        ),
        tables=(
            ReportTable("jaren", "Bereik door de jaren", ("Jaar", "Ingeschreven", "Nieuw"), reach),
        ),
    )


def make_view(qtbot: QtBot, width: int = 1000) -> DashboardView:
    view = DashboardView()
    qtbot.addWidget(view)
    view.resize(width, 700)
    view.show()
    return view


def test_tiles_title_and_chart_show_the_report(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.show_report(make_report())
    assert view.pages.currentIndex() == 1
    assert view.title.text() == "Gemeente Soest · 1 januari 2026 t/m 31 december 2026"
    assert view.tile_texts() == [
        ("12.345", "Ingeschreven op 31 december"),
        ("1.234", "Nieuw ingeschreven"),
        ("<5", "Jonge mantelzorgers"),
        ("0", "Overbelast"),
        ("4.321", "Contactmomenten"),
    ]
    assert view.tiles.columns == 4
    hidden = view.tiles.tiles[2]  # a person hovering over "<5" reads the rule of the report
    assert "Aantallen van 1 tot 5 staan als <5" in hidden.toolTip()
    assert view.tiles.tiles[0].toolTip() == ""
    assert view.chart.accessibleDescription().startswith("2024: 980 ingeschreven, 210 nieuw")

    image = view.chart.grab().toImage()
    assert not image.isNull()
    colors = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
    }
    assert {QColor(color).name() for color in BAR_COLORS} <= colors  # both bars are drawn
    assert not view.grab().isNull()


def test_hidden_counts_in_the_chart_show_their_mark_and_the_rule(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.show_report(make_report(reach=(("2025", 1150, "×"), ("2026", 1210, "<5"))))
    assert view.chart.accessibleDescription() == (
        "2025: 1.150 ingeschreven, × nieuw; 2026: 1.210 ingeschreven, <5 nieuw"
    )
    assert "Aantallen van 1 tot 5 staan als <5" in view.chart.toolTip()
    image = view.chart.grab().toImage()
    colors = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    }
    assert QColor(BAR_COLORS[0]).name() in colors  # a filled bar for the shown counts only
    view.show_report(make_report())
    assert view.chart.toolTip() == ""


def test_all_municipalities_and_a_second_report_replace_the_tiles(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.show_report(make_report())
    view.show_report(make_report("", (("2026", 30, 10),)))
    assert view.title.text().startswith("Alle gemeenten · 1 januari 2026")
    assert len(view.tile_texts()) == 5
    assert not view.chart.grab().isNull()


def test_tiles_reflow_on_a_narrow_window(qtbot: QtBot) -> None:
    view = make_view(qtbot, 1000)
    view.show_report(make_report())
    view.resize(460, 700)
    qtbot.waitUntil(lambda: view.tiles.columns == 2)
    view.resize(200, 700)
    qtbot.waitUntil(lambda: view.tiles.columns == 1)
    assert not view.grab().isNull()


def test_the_message_state_and_an_empty_chart(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.show_message("Het dashboard wordt geladen…")
    assert view.pages.currentIndex() == 0
    assert view.message.isVisible() and view.message.text() == "Het dashboard wordt geladen…"
    view.show_report(make_report(reach=()))
    assert view.pages.currentIndex() == 1 and not view.message.isVisible()
    assert not view.chart.grab().isNull()


def test_the_scale_has_round_steps() -> None:
    assert nice_top(1234) == (1500, 500)
    assert nice_top(3) == (3, 1)
    assert nice_top(0) == (1, 1)
    assert nice_top(13333) == (15000, 5000)


@pytest.fixture
def held_window(
    qtbot: QtBot, opened: OpenDatabase, app_paths: AppPaths
) -> tuple[MainWindow, HeldTaskRunner]:
    """The main window on the dashboard with two gemeenten, its loads held by the test."""
    for first, place in (("anna", "Soest"), ("bram", "Baarn")):
        add_caregiver(opened.services, opened.actor, first_name=first, municipality=place)
    runner = HeldTaskRunner()
    window = MainWindow(make_context(opened.services, opened.actor, app_paths, runner), opened)
    qtbot.addWidget(window)
    window.show()
    window.show_dashboard()
    runner.held.clear()  # the list and worklist at start-up, and the first figures
    return window, runner


@pytest.mark.parametrize("order", [(1, 0), (0, 0)])
def test_figures_for_the_gemeente_chosen_before_are_dropped(
    held_window: tuple[MainWindow, HeldTaskRunner], order: tuple[int, int]
) -> None:
    window, runner = held_window
    dashboard = window.dashboard
    assert dashboard is not None
    dashboard.municipality.setCurrentIndex(dashboard.municipality.findData("Baarn"))
    dashboard.municipality.setCurrentIndex(dashboard.municipality.findData("Soest"))
    assert len(runner.held) == 2
    for index in order:  # Soest answers first, or Baarn answers late
        runner.finish(index)
    assert dashboard.title.text().startswith("Gemeente Soest")


def test_a_failure_for_the_gemeente_chosen_before_is_not_shown(
    held_window: tuple[MainWindow, HeldTaskRunner], monkeypatch: pytest.MonkeyPatch
) -> None:
    window, runner = held_window
    dashboard = window.dashboard
    assert dashboard is not None
    reports = window._database.services.reports
    report = reports.report

    def fails_for_baarn(starts_on: date, ends_on: date, municipality: str) -> Report:
        if municipality == "Baarn":
            raise ValueError("kapot")
        return report(starts_on, ends_on, municipality)

    monkeypatch.setattr(reports, "report", fails_for_baarn)
    dashboard.municipality.setCurrentIndex(dashboard.municipality.findData("Baarn"))
    dashboard.municipality.setCurrentIndex(dashboard.municipality.findData("Soest"))
    runner.finish(1)  # Soest
    runner.finish(0)  # Baarn fails, late
    assert dashboard.pages.currentIndex() == 1
    assert dashboard.title.text().startswith("Gemeente Soest")


def test_the_dashboard_shown_counts_a_change_made_meanwhile(
    qtbot: QtBot, window: MainWindow
) -> None:
    services, actor = window._database.services, window._database.actor
    window.show_dashboard()
    dashboard = window.dashboard
    assert dashboard is not None
    before = dict(dashboard.tile_texts())
    add_caregiver(services, actor, first_name="anna")
    qtbot.waitUntil(lambda: dict(dashboard.tile_texts()) != before)
    window.go_to_search()
    shown = dashboard.tile_texts()
    add_caregiver(services, actor, first_name="bram")
    qtbot.wait(20)
    assert dashboard.tile_texts() == shown  # hidden: not loaded again
