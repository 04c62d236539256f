"""The change hub: the feed's announcements arrive on the main thread, once per event-loop turn."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QObject, QThread
from pytestqt.qtbot import QtBot

from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.changes import Changes, Topic
from steunpunt.services.kernel.container import Services
from steunpunt.ui.changes import ChangeHub
from steunpunt.ui.tasks import TaskRunner
from tests.helpers import add_caregiver, contact_data


def heard_by(hub: ChangeHub) -> list[Changes]:
    announcements: list[Changes] = []
    hub.changed.connect(announcements.append)
    return announcements


def test_one_turn_of_writes_arrives_once_and_merged_a_turn_later(
    qtbot: QtBot, services: Services, actor: Actor
) -> None:
    hub = ChangeHub(services.changes)
    heard = heard_by(hub)
    anna = add_caregiver(services, actor, first_name="anna").id
    services.contacts.add(actor, anna, contact_data())
    assert heard == []  # never in the middle of the code that saved
    qtbot.waitUntil(lambda: len(heard) == 1)
    QCoreApplication.processEvents()
    assert len(heard) == 1
    assert heard[0].topics == {Topic.CAREGIVERS, Topic.CONTACTS}
    assert heard[0].only_caregiver() == anna


def test_a_write_on_a_worker_thread_arrives_on_the_main_thread(
    qtbot: QtBot, services: Services, actor: Actor
) -> None:
    hub = ChangeHub(services.changes)
    threads: list[QThread] = []
    hub.changed.connect(lambda _changes: threads.append(QThread.currentThread()))
    runner = TaskRunner()
    written: list[int] = []
    runner.start(
        lambda _context: add_caregiver(services, actor).id, written.append, lambda error: None
    )
    qtbot.waitUntil(lambda: bool(written) and bool(threads))
    runner.shutdown()
    assert threads == [QCoreApplication.instance().thread()]  # type: ignore[union-attr]


def test_reading_is_not_announced(qtbot: QtBot, services: Services, actor: Actor) -> None:
    anna = add_caregiver(services, actor).id
    QCoreApplication.processEvents()
    hub = ChangeHub(services.changes)
    heard = heard_by(hub)
    services.caregivers.get(anna)
    services.worklist.items()
    qtbot.wait(20)
    assert heard == []


def test_a_deleted_hub_stops_listening(
    qtbot: QtBot, services: Services, actor: Actor, caplog: pytest.LogCaptureFixture
) -> None:
    owner = QObject()
    heard = heard_by(ChangeHub(services.changes, owner))
    with qtbot.waitSignal(owner.destroyed):
        owner.deleteLater()
    add_caregiver(services, actor)
    qtbot.wait(20)
    assert heard == []
    assert "listener failed" not in caplog.text
