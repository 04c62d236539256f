"""The list export dialog, driven as a person would: columns, format, file, result."""

from __future__ import annotations

import csv
import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from steunpunt.domain.caregivers.list_filter import CaregiverFilter
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.ui.caregivers.export_dialog import ExportDialog
from steunpunt.ui.tasks import SynchronousTaskRunner, TaskContext
from tests.helpers import TODAY, add_caregiver
from tests.ui_fixtures import Answers


class CancellingRunner(SynchronousTaskRunner):
    """Runs at once, as if the user pressed Afbreken before the work began."""

    def start(
        self,
        function: Callable[[TaskContext], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        on_progress: Callable[[int, int], None] | None = None,
    ) -> TaskContext:
        def cancelled_first(context: TaskContext) -> Any:
            context.cancel()
            return function(context)

        return super().start(cancelled_first, on_done, on_error, on_progress)


@pytest.fixture
def filled(services: Services, actor: Actor) -> Services:
    """Three Jansens (one of them =1+1 in the street) and one De Vries."""
    for first, changes in (
        ("anna", {"phone": "0612345671"}),
        ("bram", {"street": "=1+1 laan"}),
        ("cor", {"place": "soest"}),
    ):
        add_caregiver(services, actor, first_name=first, infix="", last_name="jansen", **changes)
    add_caregiver(services, actor, first_name="dirk", last_name="vries")
    return services


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The folder the save dialog opens in (empty)."""
    made = tmp_path / "uit"
    made.mkdir()
    return made


def make_dialog(
    qtbot: QtBot, services: Services, folder: Path, runner: SynchronousTaskRunner | None = None
) -> ExportDialog:
    dialog = ExportDialog(
        services.caregivers,
        CaregiverFilter(text="jansen"),
        runner or SynchronousTaskRunner(),
        folder,
        today=lambda: TODAY,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def save_as(monkeypatch: pytest.MonkeyPatch, target: Path) -> list[str]:
    """Answer the save dialog with ``target``; returns the default names it was offered."""
    offered: list[str] = []

    def answer(_parent: object, _title: str, default: str, _filter: str) -> tuple[str, str]:
        offered.append(default)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return offered


def test_the_chosen_columns_of_the_whole_filtered_list_are_written(
    qtbot: QtBot, filled: Services, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = make_dialog(qtbot, filled, folder)
    assert dialog.count.text() == "3 mantelzorgers uit de huidige lijst"
    assert [item.key for item in dialog.selected_columns()] == [
        "naam",
        "adres",
        "postcode",
        "woonplaats",
        "telefoon",
        "email",
    ]
    dialog.checks["telefoon"].click()
    dialog.checks["leeftijd"].click()
    dialog.csv.click()
    offered = save_as(monkeypatch, folder / "jansens")  # typed without a suffix
    dialog.export_button.click()

    assert offered == [str(folder / "Mantelzorgers 22-11-2026.csv")]
    target = folder / "jansens.csv"
    assert dialog.status.text() == "Klaar: 3 mantelzorgers in jansens.csv."
    assert dialog.open_button.isVisible() and dialog.close_button.text() == "Sluiten"
    with target.open(encoding="utf-8-sig", newline="") as handle:
        read = list(csv.reader(handle, delimiter=";"))
    assert read[0] == ["Naam", "Leeftijd", "Adres", "Postcode", "Woonplaats", "E-mail"]
    assert [row[0] for row in read[1:]] == [
        "Jansen, Anna",
        "Jansen, Bram",
        "Jansen, Cor",
    ]
    assert read[2][1:3] == ["66", "'=1+1 laan 12 A"]
    assert read[3][4] == "Soest"
    assert sorted(path.name for path in folder.iterdir()) == ["jansens.csv"]


def test_all_and_nothing_and_no_export_without_columns(
    qtbot: QtBot, filled: Services, folder: Path
) -> None:
    dialog = make_dialog(qtbot, filled, folder)
    dialog.none_button.click()
    assert dialog.selected_columns() == []
    assert not dialog.export_button.isEnabled()
    dialog.all_button.click()
    assert len(dialog.selected_columns()) == 13
    assert dialog.export_button.isEnabled()


def test_an_empty_list_cannot_be_exported(qtbot: QtBot, services: Services, folder: Path) -> None:
    dialog = make_dialog(qtbot, services, folder)
    assert "leeg" in dialog.count.text()
    assert not dialog.export_button.isEnabled()


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (PermissionError(errno.EACCES, "locked"), "nog geopend in Excel"),
        (OSError(errno.ENOSPC, "full"), "de schijf is vol"),
    ],
)
def test_a_locked_file_or_full_disk_gets_a_dutch_message_and_no_file(
    qtbot: QtBot,
    filled: Services,
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    answers: Answers,
    error: OSError,
    words: str,
) -> None:
    dialog = make_dialog(qtbot, filled, folder)
    save_as(monkeypatch, folder / "lijst.xlsx")

    def refuse(_source: object, _target: object) -> None:
        raise error

    monkeypatch.setattr(os, "replace", refuse)
    dialog.export_button.click()
    assert len(answers.texts) == 1 and words in answers.texts[0]
    assert answers.texts[0].endswith("Er is niets opgeslagen.")
    assert dialog.status.text() == answers.texts[0]
    assert list(folder.iterdir()) == []
    assert dialog.export_button.isEnabled() and not dialog.open_button.isVisible()


def test_cancelling_leaves_no_file(
    qtbot: QtBot, filled: Services, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = make_dialog(qtbot, filled, folder, CancellingRunner())
    save_as(monkeypatch, folder / "lijst.xlsx")
    dialog.export_button.click()
    assert dialog.status.text() == "Het exporteren is afgebroken; er is geen bestand gemaakt."
    assert list(folder.iterdir()) == []
