"""Beheer › Mogelijke dubbelen, driven as a person would: decide, merge, undo, and the refusals."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox, QRadioButton
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from steunpunt.domain.roles import Role
from steunpunt.paths import AppPaths
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.services.kernel.errors import NotFound
from steunpunt.startup import OpenDatabase
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.duplicates.merge_dialog import MergeDialog
from steunpunt.ui.duplicates.pairs_dialog import DuplicatesDialog
from steunpunt.ui.main_window import MainWindow
from tests.caregivers.test_caseload import staff_in_role
from tests.duplicates.scenario import Twins, two_records_of_one_person
from tests.duplicates.test_merge import _a_moved_contact
from tests.helpers import contact_data
from tests.ui_fixtures import make_context
from tests.widgets import Answers, click, click_text, in_dialog, menu_entry, row_texts, tick


@pytest.fixture
def twins(services: Services, actor: Actor, engine: Engine) -> Twins:
    return two_records_of_one_person(services, actor, engine)


@pytest.fixture
def dialog(qtbot: QtBot, screen_context: ScreenContext, answers: Answers) -> DuplicatesDialog:
    shown = DuplicatesDialog(screen_context)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def rows(dialog: DuplicatesDialog) -> list[list[str]]:
    return [row_texts(dialog.table, row) for row in range(dialog.table.rowCount())]


def select_twins(dialog: DuplicatesDialog, twins: Twins) -> None:
    for row in range(dialog.table.rowCount()):
        dialog.table.selectRow(row)
        pair = dialog.selected_pair()
        if pair is not None and {pair.first.id, pair.second.id} == {twins.busy, twins.quiet}:
            return
    raise AssertionError("the twins are not in the list")


def twins_listed(dialog: DuplicatesDialog) -> bool:
    return any({"Anna Jansen", "Anna Janssen"} <= set(row) for row in rows(dialog))


def test_the_pairs_show_both_names_why_and_the_score(
    twins: Twins, dialog: DuplicatesDialog
) -> None:
    assert (
        "gevonden" in dialog.summary.text() and "mogelijk dezelfde persoon" in dialog.summary.text()
    )
    (row,) = [row for row in rows(dialog) if {"Anna Jansen", "Anna Janssen"} <= set(row)]
    assert "zelfde geboortedatum" in row[2] and int(row[3]) >= 85
    select_twins(dialog, twins)
    assert "geboren 12-03-1958" in dialog.details.text()
    assert dialog.merge_button.isEnabled() and dialog.not_same_button.isEnabled()


def test_not_the_same_takes_the_pair_off_the_list_for_good(
    qtbot: QtBot, twins: Twins, dialog: DuplicatesDialog, screen_context: ScreenContext
) -> None:
    select_twins(dialog, twins)
    click(qtbot, dialog.not_same_button)

    qtbot.waitUntil(lambda: not twins_listed(dialog))
    assert "niet dezelfde" in dialog.message.text()
    again = DuplicatesDialog(screen_context)
    qtbot.addWidget(again)
    assert not twins_listed(again)


def test_merge_as_chosen_then_undo_brings_the_person_back(
    qtbot: QtBot,
    twins: Twins,
    dialog: DuplicatesDialog,
    services: Services,
    answers: Answers,
) -> None:
    select_twins(dialog, twins)

    def merge(merging: MergeDialog) -> None:
        proposed = merging.findChild(QRadioButton, f"email-{twins.quiet}")
        assert proposed is not None and proposed.isChecked()  # the busy record has none
        keep_name = merging.findChild(QRadioButton, f"last_name-{twins.quiet}")
        assert keep_name is not None and keep_name.text() == "Jansen"
        tick(qtbot, keep_name)
        assert merging.chosen()["last_name"] == twins.quiet, merging.chosen()
        click_text(qtbot, merging, "Samenvoegen")
        assert not merging.isVisible(), merging.error.text()

    in_dialog(qtbot, dialog.merge_button, MergeDialog, merge)

    qtbot.waitUntil(lambda: not twins_listed(dialog))
    assert "is samengevoegd met" in dialog.message.text()
    assert services.caregivers.get(twins.busy).data.name.last_name == "Jansen"
    with pytest.raises(NotFound):
        services.caregivers.get(twins.quiet)
    dialog.tabs.setCurrentWidget(dialog.merges)
    qtbot.waitUntil(lambda: dialog.merges.table.rowCount() == 1)
    assert row_texts(dialog.merges.table)[1:3] == ["Anna Jansen", "Anna Jansen"]
    answers.question_answer = QMessageBox.StandardButton.Yes

    click(qtbot, dialog.merges.undo_button)

    assert "komt terug als aparte mantelzorger" in answers.texts[-1]
    assert services.caregivers.get(twins.quiet).data.name.last_name == "Jansen"
    assert services.caregivers.get(twins.busy).data.name.last_name == "Janssen"
    qtbot.waitUntil(twins_listed_again := lambda: twins_listed(dialog))
    assert twins_listed_again()
    assert "weer een aparte mantelzorger" in dialog.merges.message.text()
    assert not dialog.merges.undo_button.isEnabled()


def test_undo_after_a_change_says_what_blocks_it(
    qtbot: QtBot,
    twins: Twins,
    dialog: DuplicatesDialog,
    services: Services,
    actor: Actor,
    engine: Engine,
    answers: Answers,
) -> None:
    proposal = services.duplicates.merge_proposal(twins.busy, twins.quiet)
    merge_id = services.duplicates.merge(
        actor, proposal.survivor.id, proposal.other.id, {}, dict(proposal.versions)
    ).merge_id
    contact, version = _a_moved_contact(engine, twins.quiet, merge_id)
    services.contacts.update(actor, contact, version, contact_data(note="Daarna bijgewerkt."))
    qtbot.waitUntil(lambda: dialog.merges.table.rowCount() == 1)
    answers.question_answer = QMessageBox.StandardButton.Yes

    click(qtbot, dialog.merges.undo_button)

    assert f"Contactmoment {contact} van 20-11-2026" in answers.texts[-1]
    assert "niets veranderd" in answers.texts[-1]
    with pytest.raises(NotFound):
        services.caregivers.get(twins.quiet)


def test_a_second_grant_is_refused_in_the_merge_dialog(
    qtbot: QtBot, screen_context: ScreenContext, services: Services, actor: Actor
) -> None:
    from steunpunt.domain.compliment.status import ApplicationStatus
    from tests.compliment.test_services_compliment import SOEST, apply, iban_number, pair

    round_id = services.rounds.create(actor, SOEST).id
    people = [pair(services, actor, "anna"), pair(services, actor, "anna")]
    for number, person in enumerate(people, start=1):
        application = apply(services, actor, round_id, person, iban_number(number))
        services.applications.change_status(
            actor, application, 1, ApplicationStatus.GRANTED, warnings_acknowledged=True
        )
    proposal = services.duplicates.merge_proposal(people[0][0], people[1][0])
    merging = MergeDialog(screen_context, proposal)
    qtbot.addWidget(merging)
    merging.show()

    merging.merge()

    assert "in 2026 een mantelzorgcompliment toegekend" in merging.error.text()
    assert merging.isVisible()


def test_only_offered_to_roles_that_may_merge(
    qtbot: QtBot, window: MainWindow, opened: OpenDatabase, app_paths: AppPaths
) -> None:
    assert menu_entry(window, "Mogelijke dubbelen…").isEnabled()
    volunteer = staff_in_role(opened.services, opened.engine, "Vera", Role.VRIJWILLIGER)
    theirs = MainWindow(make_context(opened.services, volunteer, app_paths), opened)
    qtbot.addWidget(theirs)
    assert not menu_entry(theirs, "Mogelijke dubbelen…").isEnabled()
