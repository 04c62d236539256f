"""The list export dialog, driven as a person would: columns, format, file, result."""

from __future__ import annotations

import csv
import errno
import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from steunpunt.domain.caregivers.list_filter import CaregiverFilter
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.ui.caregivers.export_dialog import ExportDialog
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.tasks import SynchronousTaskRunner, TaskContext
from tests.helpers import add_caregiver
from tests.widgets import Answers, Told, click, save_as


class CancellingRunner(SynchronousTaskRunner):
    """Runs at once, as if the user pressed Afbreken before the work began."""

    def start(self, function: Callable[[TaskContext], Any], *rest: Any) -> TaskContext:
        def cancelled_first(context: TaskContext) -> Any:
            context.cancel()
            return function(context)

        return super().start(cancelled_first, *rest)


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
def folder(screen_context: ScreenContext) -> Path:
    """The folder the save dialog opens in (empty): the letters folder of the context."""
    made = screen_context.paths.letters_dir
    made.mkdir()
    return made


def make_dialog(
    qtbot: QtBot, context: ScreenContext, runner: SynchronousTaskRunner | None = None
) -> ExportDialog:
    if runner is not None:
        context = replace(context, runner=runner)
    dialog = ExportDialog(context, CaregiverFilter(text="jansen"))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_chosen_columns_of_the_whole_filtered_list_are_written(
    qtbot: QtBot,
    filled: Services,
    screen_context: ScreenContext,
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    told_where: list[Told],
) -> None:
    dialog = make_dialog(qtbot, screen_context)
    assert dialog.count.text() == "3 mantelzorgers uit de huidige lijst"
    assert [item.key for item in dialog.selected_columns()] == [
        "naam",
        "adres",
        "postcode",
        "woonplaats",
        "telefoon",
        "email",
    ]
    click(qtbot, dialog.checks["telefoon"])
    click(qtbot, dialog.checks["leeftijd"])
    click(qtbot, dialog.csv)
    offered = save_as(monkeypatch, folder / "jansens")  # typed without a suffix
    click(qtbot, dialog.export_button)

    assert offered == [str(folder / "Mantelzorgers 22-11-2026.csv")]
    target = folder / "jansens.csv"
    assert dialog.status.text() == "Klaar: 3 mantelzorgers in jansens.csv."
    [told] = told_where
    assert told.text == "Klaar: 3 mantelzorgers in jansens.csv."
    assert told.where.startswith(f"Map: {folder}\nBestand: jansens.csv\nDit bestand bevat")
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
    qtbot: QtBot, filled: Services, screen_context: ScreenContext
) -> None:
    dialog = make_dialog(qtbot, screen_context)
    click(qtbot, dialog.none_button)
    assert dialog.selected_columns() == []
    assert not dialog.export_button.isEnabled()
    click(qtbot, dialog.all_button)
    assert len(dialog.selected_columns()) == 13
    assert dialog.export_button.isEnabled()


def test_an_empty_list_cannot_be_exported(qtbot: QtBot, screen_context: ScreenContext) -> None:
    dialog = make_dialog(qtbot, screen_context)
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
    screen_context: ScreenContext,
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    answers: Answers,
    error: OSError,
    words: str,
) -> None:
    dialog = make_dialog(qtbot, screen_context)
    save_as(monkeypatch, folder / "lijst.xlsx")

    def refuse(_source: object, _target: object) -> None:
        raise error

    monkeypatch.setattr(os, "replace", refuse)
    click(qtbot, dialog.export_button)
    assert len(answers.texts) == 1 and words in answers.texts[0]
    assert answers.texts[0].endswith("Er is niets opgeslagen.")
    assert dialog.status.text() == answers.texts[0]
    assert list(folder.iterdir()) == []
    assert dialog.export_button.isEnabled() and not dialog.open_button.isVisible()


def test_cancelling_leaves_no_file(
    qtbot: QtBot,
    filled: Services,
    screen_context: ScreenContext,
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = make_dialog(qtbot, screen_context, CancellingRunner())
    save_as(monkeypatch, folder / "lijst.xlsx")
    click(qtbot, dialog.export_button)
    assert dialog.status.text() == "Het exporteren is afgebroken; er is geen bestand gemaakt."
    assert list(folder.iterdir()) == []
