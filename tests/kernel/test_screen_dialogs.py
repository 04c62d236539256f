"""What screens share around dialogs: one open at a time, Enter kept out, asking before removing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from steunpunt.domain.errors import InvalidValue
from steunpunt.ui.screen_dialogs import open_window_modal, remove_when_confirmed, swallow_enter
from tests.ui_fixtures import Answers


class _Screen(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.dialog: QDialog | None = None
        self.results: list[int] = []


def test_one_dialog_at_a_time_forgotten_when_it_closes(qtbot: QtBot) -> None:
    screen = _Screen()
    qtbot.addWidget(screen)
    first, second = QDialog(screen), QDialog(screen)
    open_window_modal(screen, first, screen.results.append)
    open_window_modal(screen, second, screen.results.append)
    assert screen.dialog is first and first.isVisible() and not second.isVisible()
    first.accept()
    assert screen.results == [1]
    assert screen.dialog is None
    third = QDialog(screen)
    open_window_modal(screen, third, screen.results.append)
    third.reject()
    assert screen.results == [1, 0]


@pytest.mark.parametrize(
    ("key", "swallowed"),
    [(Qt.Key.Key_Return, True), (Qt.Key.Key_Enter, True), (Qt.Key.Key_Escape, False)],
)
def test_only_enter_is_swallowed(key: Qt.Key, swallowed: bool) -> None:
    event = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier)
    event.ignore()
    assert swallow_enter(event) is swallowed
    assert event.isAccepted() is swallowed


def test_nothing_is_removed_without_ja(qtbot: QtBot, answers: Answers) -> None:
    removed: list[str] = []
    answers.question_answer = QMessageBox.StandardButton.No
    asked = remove_when_confirmed(
        QWidget(), "Verwijderen", "Jan verwijderen?", lambda: removed.append("Jan")
    )
    assert (asked, removed, answers.texts) == (False, [], ["Jan verwijderen?"])


def test_ja_removes_and_a_known_problem_is_shown(qtbot: QtBot, answers: Answers) -> None:
    answers.question_answer = QMessageBox.StandardButton.Yes
    removed: list[str] = []
    assert remove_when_confirmed(QWidget(), "Verwijderen", "Jan?", lambda: removed.append("Jan"))
    assert removed == ["Jan"]

    def refuse() -> None:
        raise InvalidValue("Deze organisatie heeft nog verwijzingen.")

    assert remove_when_confirmed(QWidget(), "Verwijderen", "De Linde?", refuse)
    assert answers.texts[-1] == "Deze organisatie heeft nog verwijzingen."
