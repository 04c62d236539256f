"""The background-task helper: work off the main thread, results and errors back on it."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from steunpunt.ui.tasks import SynchronousTaskRunner, TaskContext, TaskRunner


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown()


def test_result_and_progress_arrive_on_the_main_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    main = threading.get_ident()
    seen: dict[str, object] = {"progress": []}

    def work(context: TaskContext) -> int:
        seen["worker"] = threading.get_ident()
        for step in range(3):
            context.progress(step + 1, 3)
        return 42

    def done(result: object) -> None:
        seen["result"] = result
        seen["done_thread"] = threading.get_ident()

    runner.start(work, done, pytest.fail, lambda d, t: seen["progress"].append((d, t)))  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["result"] == 42
    assert seen["worker"] != main
    assert seen["done_thread"] == main
    qtbot.waitUntil(lambda: len(seen["progress"]) == 3)  # type: ignore[arg-type]


def test_errors_are_delivered_not_lost(qtbot: QtBot, runner: TaskRunner) -> None:
    errors: list[BaseException] = []

    def work(_context: TaskContext) -> None:
        raise ValueError("kapot")

    runner.start(work, pytest.fail, errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert str(errors[0]) == "kapot"


def test_cancel_stops_a_task_that_reports_progress(qtbot: QtBot, runner: TaskRunner) -> None:
    started = threading.Event()
    release = threading.Event()
    outcome: list[object] = []

    def work(context: TaskContext) -> int:
        started.set()
        release.wait(5)
        steps = 0
        while context.progress(steps, 1000) and steps < 1000:
            steps += 1
        return steps

    context = runner.start(work, outcome.append, pytest.fail)
    assert started.wait(5)
    context.cancel()
    release.set()
    qtbot.waitUntil(lambda: bool(outcome))
    assert outcome == [0]


def test_synchronous_runner_runs_at_once() -> None:
    results: list[object] = []
    SynchronousTaskRunner().start(lambda _context: "klaar", results.append, pytest.fail)
    assert results == ["klaar"]
