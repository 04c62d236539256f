"""The settle timer: started again and again, the work runs once, after the last start."""

from __future__ import annotations

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from steunpunt.ui.debounce import debounce


def test_work_runs_once_after_the_last_start(qtbot: QtBot) -> None:
    parent = QObject()
    runs: list[int] = []
    timer = debounce(parent, 30, lambda: runs.append(len(runs)))
    assert timer.isSingleShot() and timer.interval() == 30 and timer.parent() is parent
    for _ in range(3):
        timer.start()
    assert runs == []
    qtbot.waitUntil(lambda: runs == [0])
    qtbot.wait(60)
    assert runs == [0]
