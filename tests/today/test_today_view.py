"""The worklist screen: a late answer for a load that was asked again is dropped."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from steunpunt.domain.support.burden import AssessmentData
from steunpunt.paths import AppPaths
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.services.kernel.errors import NotAllowed
from steunpunt.services.today.dto import WorkItem
from steunpunt.ui.today.today_view import TodayView
from tests.helpers import add_caregiver
from tests.ui_fixtures import HeldTaskRunner, make_context
from tests.widgets import Answers


def test_a_late_failure_of_an_earlier_load_is_not_shown(
    qtbot: QtBot,
    services: Services,
    actor: Actor,
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
    app_paths: AppPaths,
) -> None:
    add_caregiver(services, actor)
    answered: list[int] = []
    items = services.worklist.items

    def second_answer_fails() -> list[WorkItem]:
        answered.append(1)
        if len(answered) == 2:
            raise NotAllowed("Dat mag niet.")
        return items()

    monkeypatch.setattr(services.worklist, "items", second_answer_fails)
    runner = HeldTaskRunner()
    view = TodayView(make_context(services, actor, app_paths, runner))
    qtbot.addWidget(view)
    view.refresh()
    view.refresh()
    runner.finish(1)  # the newer load answers first
    assert view.summary.text() == "Er staat niets op de werklijst. Goed gedaan!"
    runner.finish(0)  # the older one fails, late
    assert answers.texts == []
    assert view.summary.text() == "Er staat niets op de werklijst. Goed gedaan!"


def test_the_summary_counts_one_point_and_many_points_in_good_dutch(
    qtbot: QtBot, services: Services, actor: Actor, app_paths: AppPaths
) -> None:
    view = TodayView(make_context(services, actor, app_paths))
    qtbot.addWidget(view)
    for name in ("anna", "bram"):
        person = add_caregiver(services, actor, first_name=name)
        services.burden.record(actor, person.id, AssessmentData(date(2026, 1, 1), 12, None))
        view.refresh()
        if name == "anna":
            assert view.summary.text() == "1 punt op de werklijst, waarvan 0 over tijd."
    assert view.summary.text() == "2 punten op de werklijst, waarvan 0 over tijd."
