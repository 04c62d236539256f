"""The "Belasting" tab: an EDIZ-plus entered as a person would, the trend chart and removing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from steunpunt.domain.support.burden import AssessmentData
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.ui.caregivers.assessment_dialog import AssessmentDialog
from steunpunt.ui.caregivers.burden_chart import BurdenChart
from steunpunt.ui.caregivers.burden_panel import BurdenPanel
from steunpunt.ui.context import ScreenContext
from tests.conftest import TODAY
from tests.helpers import add_caregiver
from tests.widgets import Answers, click, in_dialog, press_ok, retype, row_texts


@pytest.fixture
def panel(qtbot: QtBot, screen_context: ScreenContext) -> BurdenPanel:
    widget = BurdenPanel(screen_context)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def type_answers(qtbot: QtBot, dialog: AssessmentDialog, keys: str) -> None:
    """Type one key per statement from the focused one on; focus moves on by itself."""
    for key in keys:
        focused = dialog.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, key)


def start_at_first(qtbot: QtBot, dialog: AssessmentDialog) -> None:
    """Click the first statement's text, as a person starting the list would."""
    click(qtbot, dialog.rows[0].label)


def test_all_statements_with_ten_ja_is_heavy_and_overloaded(
    qtbot: QtBot, panel: BurdenPanel, services: Services, actor: Actor
) -> None:
    anna = add_caregiver(services, actor)
    panel.show_caregiver(anna.id)
    assert panel.header.text() == "Nog geen EDIZ-plus gemeten."
    seen: dict[str, str] = {}

    def drive(dialog: AssessmentDialog) -> None:
        assert dialog.fields["assessed_on"].text() == "22-11-2026"
        start_at_first(qtbot, dialog)
        type_answers(qtbot, dialog, "jjjjjjjjj")
        seen["partial"] = dialog.running_total.text()
        click(qtbot, dialog.rows[9].yes)
        click(qtbot, dialog.rows[10].label)
        type_answers(qtbot, dialog, "nnnnn")
        seen["total"] = dialog.running_total.text()
        seen["band"] = dialog.band.text()
        press_ok(qtbot, dialog)

    with qtbot.waitSignal(panel.changed):
        in_dialog(qtbot, panel.new_button, AssessmentDialog, drive)
    assert seen["partial"] == "Totaal: 9 van 15 (nog 6 open)"
    assert seen["total"] == "Totaal: 10 van 15"
    assert seen["band"] == "Zwaar · overbelast"
    table = panel.records.table
    assert table.rowCount() == 1
    assert row_texts(table)[:4] == ["22-11-2026", "10", "Zwaar", "ja"]
    assert "10 van 15, zwaar" in panel.header.text()
    assert "overbelast" in panel.header.text()
    assert services.caregivers.rows([anna.id])[0].overloaded is True
    summary = services.burden.summary(anna.id)
    assert summary.assessments[0].answers == (True,) * 10 + (False,) * 5


def test_only_the_total_is_enough(
    qtbot: QtBot, panel: BurdenPanel, services: Services, actor: Actor
) -> None:
    anna = add_caregiver(services, actor)
    panel.show_caregiver(anna.id)
    seen: dict[str, str] = {}

    def drive(dialog: AssessmentDialog) -> None:
        retype(qtbot, dialog.fields["total"], "3")
        retype(qtbot, dialog.fields["note"], "Telefonisch afgenomen")
        seen["band"] = dialog.band.text()
        press_ok(qtbot, dialog)

    in_dialog(qtbot, panel.new_button, AssessmentDialog, drive)
    assert seen["band"] == "Licht"
    assert row_texts(panel.records.table)[:5] == [
        "22-11-2026",
        "3 (alleen totaal)",
        "Licht",
        "",
        "Telefonisch afgenomen",
    ]
    assert "overbelast" not in panel.header.text()
    assert services.caregivers.rows([anna.id])[0].overloaded is False


def test_half_filled_form_is_refused_and_keeps_the_answers(
    qtbot: QtBot, services: Services, actor: Actor, screen_context: ScreenContext
) -> None:
    anna = add_caregiver(services, actor)
    dialog = AssessmentDialog(screen_context, anna.id)
    qtbot.addWidget(dialog)
    dialog.show()
    start_at_first(qtbot, dialog)
    type_answers(qtbot, dialog, "jnjnjnj")
    press_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.answers_error.text().startswith(
        "Vul alle 15 uitspraken in, of alleen de totaalscore."
    )
    assert "Nog open: 8, 9, 10, 11, 12 ..." in dialog.answers_error.text()
    assert dialog.answers()[:7] == [True, False, True, False, True, False, True]
    assert dialog.focusWidget() is dialog.rows[7]
    assert services.burden.summary(anna.id).assessments == ()


def test_a_date_in_the_future_is_refused_at_the_date(
    qtbot: QtBot, services: Services, actor: Actor, screen_context: ScreenContext
) -> None:
    anna = add_caregiver(services, actor)
    dialog = AssessmentDialog(screen_context, anna.id)
    qtbot.addWidget(dialog)
    date_field = dialog.fields["assessed_on"]
    retype(qtbot, date_field, "01-01-2030")
    retype(qtbot, dialog.fields["total"], "5")
    press_ok(qtbot, dialog)
    assert "toekomst" in date_field.error.text()  # type: ignore[union-attr]
    assert services.burden.summary(anna.id).assessments == ()


def measure(services: Services, actor: Actor, caregiver_id: int, totals: list[int]) -> None:
    start = TODAY - timedelta(days=30 * len(totals))
    for number, total in enumerate(totals):
        day = start + timedelta(days=30 * number)
        services.burden.record(actor, caregiver_id, AssessmentData(day, total, None))


def test_removing_asks_first_and_names_the_date(
    qtbot: QtBot, panel: BurdenPanel, services: Services, actor: Actor, answers: Answers
) -> None:
    anna = add_caregiver(services, actor)
    measure(services, actor, anna.id, [3, 12])
    panel.show_caregiver(anna.id)
    assert panel.records.table.item(0, 1).text() == "12 (alleen totaal)"
    newest = (TODAY - timedelta(days=30)).strftime("%d-%m-%Y")

    answers.question_answer = QMessageBox.StandardButton.No
    click(qtbot, panel.remove_button)
    assert newest in answers.texts[-1]
    assert panel.records.table.rowCount() == 2

    answers.question_answer = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(panel.changed):
        click(qtbot, panel.remove_button)
    assert panel.records.table.rowCount() == 1
    assert panel.records.table.item(0, 1).text() == "3 (alleen totaal)"
    assert services.caregivers.rows([anna.id])[0].overloaded is False


@pytest.mark.parametrize("count", [0, 1, 12])
def test_chart_paints(qtbot: QtBot, services: Services, actor: Actor, count: int) -> None:
    anna = add_caregiver(services, actor)
    measure(services, actor, anna.id, [(n * 7) % 16 for n in range(count)])
    chart = BurdenChart()
    qtbot.addWidget(chart)
    chart.set_summary(services.burden.summary(anna.id), services.burden.bands())
    chart.resize(480, 200)
    image = chart.grab().toImage()
    assert not image.isNull()
    assert image.width() >= 360


def test_clear_leaves_nothing_to_add_to(panel: BurdenPanel) -> None:
    panel.clear()
    assert not panel.new_button.isEnabled()
    assert panel.records.table.rowCount() == 0
    assert panel.header.text() == ""


@pytest.mark.parametrize("typed", ["²", "①", "9" * 5000])
def test_a_total_in_other_digits_is_refused_not_crashed(
    qtbot: QtBot, services: Services, actor: Actor, screen_context: ScreenContext, typed: str
) -> None:
    anna = add_caregiver(services, actor)
    dialog = AssessmentDialog(screen_context, anna.id)
    qtbot.addWidget(dialog)
    total = dialog.fields["total"]
    retype(qtbot, total, typed)
    assert dialog.score() is None
    press_ok(qtbot, dialog)
    assert "heel getal van 0 tot en met 15" in total.error.text()  # type: ignore[union-attr]
    assert services.burden.summary(anna.id).assessments == ()
