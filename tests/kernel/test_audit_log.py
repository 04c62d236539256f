"""Beheer › Auditlog and "Wie heeft dit dossier bekeken of gewijzigd?": filtered, paged,
newest first, exported to Excel; driven as a person would."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from steunpunt.db.kernel.errors import DatabaseDamaged, DatabaseLocked
from steunpunt.domain.audit import AuditFilter, AuditKind
from steunpunt.domain.errors import KnownProblem
from steunpunt.domain.roles import Role
from steunpunt.services.caregivers.list_export import column, export_caregiver_list
from steunpunt.services.kernel import audit_log
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.audit_log import PAGE
from steunpunt.services.kernel.container import Services
from steunpunt.services.kernel.errors import NotPermitted
from steunpunt.ui.audit_log import AuditLogDialog
from steunpunt.ui.audit_model import COLUMNS
from steunpunt.ui.caregivers.form_view import CaregiverFormView
from steunpunt.ui.context import ScreenContext
from steunpunt.ui.main_window import MainWindow
from tests.caregivers.test_caseload import staff_in_role
from tests.helpers import add_caregiver
from tests.widgets import Told, cells, choose, click, in_dialog, save_as, type_text

PERSON, USER, KIND = COLUMNS.index("Mantelzorger"), COLUMNS.index("Gebruiker"), 2


@pytest.fixture
def other(services: Services) -> Actor:
    member = services.staff.add("Fatima el Amrani")
    return Actor(member.id, member.name)


@pytest.fixture
def people(services: Services, actor: Actor, other: Actor) -> dict[str, int]:
    """Anna made and opened by the tester, Bram made by Fatima and changed by her."""
    anna = add_caregiver(services, actor, first_name="Anna", infix="", last_name="Bos")
    services.caregivers.open(actor, anna.id)
    bram = add_caregiver(services, other, first_name="Bram", infix="", last_name="Vos")
    services.caregivers.update(other, bram.id, bram.version, replace(bram.data, notes="Belt"))
    return {"anna": anna.id, "bram": bram.id}


def test_the_log_filters_by_person_user_kind_and_period_newest_first(
    services: Services, actor: Actor, other: Actor, people: dict[str, int]
) -> None:
    audit = services.audit
    everything = audit.events(AuditFilter())
    moments = [event.at for event in everything.events]
    assert moments == sorted(moments, reverse=True)
    ids = [event.id for event in everything.events]
    assert ids == sorted(ids, reverse=True)
    bram = audit.events(AuditFilter(caregiver_ids=(people["bram"],))).events
    assert [e.kind for e in bram] == [AuditKind.CHANGED, AuditKind.CREATED]
    assert {e.staff_name for e in bram} == {other.name}
    by_user = audit.events(AuditFilter(staff_id=other.staff_id)).events
    assert {e.caregiver_id for e in by_user} == {people["bram"]}
    views = audit.events(AuditFilter(kind=AuditKind.VIEWED)).events
    assert [(e.caregiver_id, e.staff_id) for e in views] == [(people["anna"], actor.staff_id)]
    today = datetime.now().date()
    assert audit.events(AuditFilter(start=today, end=today)).total == everything.total
    assert audit.events(AuditFilter(end=today - timedelta(days=1))).total == 0
    assert audit.for_caregiver(people["anna"])[0].kind == AuditKind.VIEWED


def test_the_log_is_paged(services: Services, actor: Actor) -> None:
    anna = add_caregiver(services, actor)
    for _ in range(7):
        services.caregivers.open(actor, anna.id)
    first = services.audit.events(AuditFilter(kind=AuditKind.VIEWED), 0, 3)
    rest = services.audit.events(AuditFilter(kind=AuditKind.VIEWED), 6, 3)
    assert (first.total, len(first.events), len(rest.events)) == (7, 3, 1)
    assert first.events[0].id > rest.events[0].id


def test_the_export_writes_dates_and_numbers_as_cells_and_is_recorded(
    services: Services, actor: Actor, people: dict[str, int], tmp_path: Path
) -> None:
    target = tmp_path / "auditlog.xlsx"
    criteria = AuditFilter(caregiver_ids=(people["anna"],))
    assert services.audit.export(actor, criteria, target) == 2
    sheet = load_workbook(target).active
    assert [cell.value for cell in sheet[1]][:5] == [
        "Tijdstip",
        "Gebruiker",
        "Soort",
        "Mantelzorger-nr.",
        "Mantelzorger",
    ]
    viewed = [cell for cell in sheet[2]]
    assert isinstance(viewed[0].value, datetime)
    assert viewed[0].number_format == "dd-mm-yyyy hh:mm:ss"
    assert (viewed[2].value, viewed[3].value, viewed[4].value) == (
        "Bekeken",
        people["anna"],
        "Bos, Anna",
    )
    assert viewed[3].number_format == "#,##0"
    [export] = services.audit.events(AuditFilter(kind=AuditKind.EXPORT)).events
    assert "gebeurtenissen: 2" in export.summary and "Anna" not in export.summary


def test_beheer_auditlog_filters_as_a_person_types_and_chooses(
    qtbot: QtBot, screen_context: ScreenContext, other: Actor, people: dict[str, int]
) -> None:
    dialog = AuditLogDialog(screen_context)
    qtbot.addWidget(dialog)
    dialog.show()
    total = dialog.model.rowCount()
    assert total >= 5 and "1–" in dialog.count.text()
    type_text(dialog.person, "vos")
    click(qtbot, dialog.search_button)
    assert set(cells(dialog.model, PERSON)) == {"Vos, Bram"}
    dialog.person.clear()
    choose(qtbot, dialog.user, other.name)
    assert set(cells(dialog.model, USER)) == {other.name}
    choose(qtbot, dialog.user, "Alle gebruikers")
    choose(qtbot, dialog.kind, "Bekeken")
    assert cells(dialog.model, KIND) == ["Bekeken"]
    type_text(dialog.start, "31-02-2026")
    click(qtbot, dialog.search_button)
    assert "Periode" in dialog.problem.text()
    assert cells(dialog.model, KIND) == ["Bekeken"]  # the last good answer stays


def test_the_caregiver_form_shows_who_viewed_or_changed_the_record(
    qtbot: QtBot,
    screen_context: ScreenContext,
    services: Services,
    people: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
    told_where: list[Told],
    tmp_path: Path,
) -> None:
    form = CaregiverFormView(screen_context)
    qtbot.addWidget(form)
    form.show()
    assert not form.history_button.isVisible()
    form.open_existing(people["bram"])  # opening it is itself a view
    assert form.history_button.isVisible()
    target = tmp_path / "bram.xlsx"
    save_as(monkeypatch, target)
    seen: list[list[str]] = []

    def look(dialog: AuditLogDialog) -> None:
        assert dialog.windowTitle() == "Wie heeft dit dossier bekeken of gewijzigd?"
        assert not dialog.person.isVisible()
        seen.append(cells(dialog.model, KIND))
        seen.append(cells(dialog.model, USER))
        click(qtbot, dialog.export_button)

    in_dialog(qtbot, form.history_button, AuditLogDialog, look)
    assert seen[0] == ["Bekeken", "Gewijzigd", "Aangemaakt"]
    assert seen[1] == ["Tester", "Fatima el Amrani", "Fatima el Amrani"]
    assert load_workbook(target).active.max_row == 4
    [told] = told_where
    assert told.where.startswith(f"Map: {tmp_path}\nBestand: bram.xlsx\nDit bestand bevat")


def test_the_beheer_menu_opens_the_audit_log(qtbot: QtBot, window: MainWindow) -> None:
    [action] = [a for a in window.findChildren(QAction) if a.text() == "&Auditlog…"]
    titles: list[str] = []
    in_dialog(qtbot, action.trigger, AuditLogDialog, lambda d: titles.append(d.windowTitle()))
    assert titles == ["Auditlog"]


@pytest.mark.parametrize(
    ("problem", "kept"),
    [(DatabaseLocked("bezet"), False), (DatabaseDamaged("beschadigd"), True)],
)
def test_a_file_whose_making_cannot_be_recorded_is_removed_unless_it_is_the_way_out(
    services: Services,
    actor: Actor,
    people: dict[str, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    problem: KnownProblem,
    kept: bool,
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise problem

    monkeypatch.setattr(audit_log, "record", refuse)
    target = tmp_path / "lijst.xlsx"
    ids = [people["anna"], people["bram"]]
    if kept:  # a damaged database: exporting is how the data is saved
        assert (
            export_caregiver_list(
                services.caregivers, services.audit, actor, ids, target, [column("naam")]
            )
            == 2
        )
    else:
        with pytest.raises(KnownProblem, match="bezet"):
            export_caregiver_list(
                services.caregivers, services.audit, actor, ids, target, [column("naam")]
            )
    assert target.exists() is kept


def test_the_log_pages_with_next_and_previous(
    qtbot: QtBot, screen_context: ScreenContext, services: Services, actor: Actor
) -> None:
    anna = add_caregiver(services, actor)
    for _ in range(PAGE + 4):
        services.caregivers.open(actor, anna.id)
    dialog = AuditLogDialog(screen_context, (anna.id, "Anna"))
    qtbot.addWidget(dialog)
    dialog.show()
    total = PAGE + 5  # the views and the making of the record
    assert dialog.count.text() == f"1–{PAGE} van {total}"
    assert not dialog.previous_button.isEnabled()
    click(qtbot, dialog.next_button)
    assert dialog.count.text() == f"{PAGE + 1}–{total} van {total}"
    assert cells(dialog.model, KIND)[-1] == "Aangemaakt"  # the oldest comes last
    assert not dialog.next_button.isEnabled()
    click(qtbot, dialog.previous_button)
    assert dialog.count.text() == f"1–{PAGE} van {total}"


def test_a_refused_request_is_found_under_its_own_kind(
    qtbot: QtBot,
    screen_context: ScreenContext,
    services: Services,
    engine: Engine,
    people: dict[str, int],
) -> None:
    vera = staff_in_role(services, engine, "Vera", Role.VRIJWILLIGER)
    with pytest.raises(NotPermitted):
        services.acting_as(vera).caregivers.get(people["anna"])
    dialog = AuditLogDialog(screen_context)
    qtbot.addWidget(dialog)
    dialog.show()
    choose(qtbot, dialog.kind, "Geweigerd")
    assert cells(dialog.model, KIND) == ["Geweigerd"]
    assert cells(dialog.model, PERSON) == ["Bos, Anna"]
    assert cells(dialog.model, USER) == ["Vera"]
