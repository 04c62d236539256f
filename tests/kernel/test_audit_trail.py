"""The audit trail: every write service leaves an event naming who, which record and which
fields changed; views and files made are recorded; and no code can change or delete an event."""

from __future__ import annotations

import ast
import importlib
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, delete, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from steunpunt.db.kernel.audit import APPEND_ONLY_MESSAGE, AuditEvent
from steunpunt.db.kernel.engine import make_session_factory
from steunpunt.db.kernel.staff import StaffMember
from steunpunt.domain.audit import AuditKind
from steunpunt.domain.choices import Source
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.audit import record
from steunpunt.services.kernel.changes import Changes, Topic
from steunpunt.services.kernel.container import Services, build_services
from steunpunt.services.kernel.session_scope import SessionScope
from steunpunt.services.kernel.use_case import registered
from tests.helpers import add_caregiver
from tests.kernel.audit_scenario import STEPS, Walk
from tests.kernel.test_use_cases import FUNCTION_USE_CASES, service_methods

SOURCE = Path(__file__).parents[2] / "src" / "steunpunt"

Row = tuple[object, ...]


def audit_rows(engine: Engine) -> list[Row]:
    """Every audit row as stored, in order."""
    with engine.connect() as connection:
        return [
            tuple(row) for row in connection.execute(text("SELECT * FROM audit_event ORDER BY id"))
        ]


def events_after(engine: Engine, last_id: int) -> list[AuditEvent]:
    with Session(engine) as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.id > last_id)))


def fields_of(event: AuditEvent) -> set[str]:
    return set(json.loads(event.details_json).get("velden", {}))


def test_every_write_service_records_who_which_record_and_what_changed(
    services: Services, actor: Actor, engine: Engine, tmp_path: Path
) -> None:
    """Each step is one feature's writing use case: it leaves its event, every event it leaves
    names the acting user, and the events before it are untouched (append-only)."""
    walk = Walk(services, actor, tmp_path)
    for name, step, expected in STEPS:
        before = audit_rows(engine)
        last_id = int(before[-1][0]) if before else 0  # type: ignore[call-overload]
        step(walk)
        assert audit_rows(engine)[: len(before)] == before, f"{name} changed earlier events"
        made = events_after(engine, last_id)
        assert made, f"{name} left no audit event"
        by_program = {e.record_table for e in made if e.staff_id is None}
        assert by_program <= {"letter_template"}, name  # the default templates, made on first use
        assert {(e.staff_id, e.staff_name) for e in made if e.staff_id is not None} == {
            (actor.staff_id, actor.name)
        }, name
        matching = [
            e
            for e in made
            if e.kind == expected.kind
            and e.record_table == expected.table
            and (not expected.caregiver or e.caregiver_id == walk.caregiver_id)
            and set(expected.fields) <= fields_of(e)
        ]
        assert matching, f"{name}: no {expected} among {[(e.kind, e.record_table) for e in made]}"


def test_the_walk_covers_a_writing_use_case_of_every_feature(services: Services) -> None:
    for module in set(FUNCTION_USE_CASES.values()):
        importlib.import_module(module)
    service_methods(services)  # every service's module imported: its use cases registered
    uses = registered()
    names = [name for name, _step, _expected in STEPS]
    assert all(uses[name].writes for name in names)
    writing_features = {use.feature for use in uses.values() if use.writes} - {"kernel"}
    assert {name.split(".")[0] for name in names} >= writing_features


def test_a_change_records_the_old_and_new_value_of_each_field_that_is_not_personal(
    services: Services, actor: Actor
) -> None:
    anna = add_caregiver(services, actor, first_name="Anna", source="huisarts")
    services.caregivers.update(
        actor,
        anna.id,
        anna.version,
        replace(anna.data, source=Source.DISTRICT_TEAM, registered_on=date(2026, 2, 1)),
    )
    [change] = services.audit.events(services_filter(AuditKind.CHANGED)).events
    assert change.caregiver_id == anna.id and change.record_table == "caregiver"
    assert "huisarts → wijkteam" in change.summary
    assert "2026-01-01 → 2026-02-01" in change.summary
    assert "version" not in change.summary and "updated_at" not in change.summary


def test_a_change_of_personal_data_records_which_fields_changed_never_their_values(
    services: Services, actor: Actor, engine: Engine
) -> None:
    """The audit cannot be erased, so a copied name or address would outlive the person's
    erasure: personal fields are named, their values not kept."""
    anna = add_caregiver(services, actor, first_name="Anna", phone="0612345678", notes="")
    last = len(audit_rows(engine))
    services.caregivers.update(
        actor,
        anna.id,
        anna.version,
        replace(anna.data, phone="0687654321", notes="Zorgt voor haar zoon"),
    )
    [change] = [e for e in events_after(engine, last) if e.record_table == "caregiver"]
    stored = change.details_json
    assert [secret for secret in ("12345678", "87654321", "zoon") if secret in stored] == []
    velden = json.loads(stored)["velden"]
    assert velden["phone"] == ["(niet bewaard)", "(niet bewaard)"]
    assert velden["notes"] == ["", "(niet bewaard)"]
    [shown] = services.audit.events(services_filter(AuditKind.CHANGED)).events
    assert "telefoon: gewijzigd (niet bewaard)" in shown.summary


def services_filter(kind: AuditKind) -> object:
    from steunpunt.domain.audit import AuditFilter

    return AuditFilter(kind=kind)


def test_opening_a_caregiver_is_recorded_as_a_view_and_refreshes_no_screen(
    services: Services, actor: Actor
) -> None:
    anna = add_caregiver(services, actor)
    heard: list[Changes] = []
    services.changes.subscribe(heard.append)
    services.caregivers.get(anna.id)  # the program reading, not a person opening the record
    assert services.audit.for_caregiver(anna.id)[0].kind == AuditKind.CREATED
    opened = services.caregivers.open(actor, anna.id)
    assert opened == services.caregivers.get(anna.id)
    [view, _created] = services.audit.for_caregiver(anna.id)
    assert (view.kind, view.staff_id, view.staff_name) == (
        AuditKind.VIEWED,
        actor.staff_id,
        actor.name,
    )
    assert view.caregiver_name == anna.data.name.sorted_form
    assert heard == [Changes(frozenset({Topic.AUDIT}))]  # no caregiver id: no screen reloads


def test_a_read_only_database_shows_the_record_without_recording_the_view(
    engine: Engine, services: Services, actor: Actor
) -> None:
    anna = add_caregiver(services, actor)
    reading = build_services(make_session_factory(engine), read_only=True)
    assert reading.caregivers.open(actor, anna.id).id == anna.id
    assert [e.kind for e in services.audit.for_caregiver(anna.id)] == [AuditKind.CREATED]


def test_a_write_that_rolls_back_leaves_no_audit_event(engine: Engine) -> None:
    scope = SessionScope(make_session_factory(engine))
    with pytest.raises(RuntimeError), scope() as session:
        session.add(StaffMember(name="Piet", active=True))
        session.flush()
        raise RuntimeError("stop")
    assert audit_rows(engine) == []


def test_a_statement_on_many_rows_is_one_event_with_its_count(
    services: Services, actor: Actor, engine: Engine
) -> None:
    from steunpunt.domain.support.burden import AssessmentData, BurdenBands

    for name in ("Anna", "Bram", "Cor"):
        anna = add_caregiver(services, actor, first_name=name)
        services.burden.record(actor, anna.id, AssessmentData(date(2026, 3, 1), 10, None))
    last = len(audit_rows(engine))

    services.burden.save_bands(actor, BurdenBands())
    bulk = [e for e in events_after(engine, last) if e.record_table == "caregiver"]
    assert [(e.kind, e.record_id, e.staff_id) for e in bulk] == [
        (AuditKind.CHANGED, None, actor.staff_id)
    ]
    assert json.loads(bulk[0].details_json) == {"opdracht": "gewijzigd", "rijen": 3}


def test_a_password_hash_is_never_copied_into_the_audit(engine: Engine) -> None:
    scope = SessionScope(make_session_factory(engine))
    with scope() as session:
        session.add(StaffMember(name="Piet", login="piet", password_hash="$argon2id$geheim"))
    [event] = events_after(engine, 0)
    assert "geheim" not in event.details_json
    assert json.loads(event.details_json)["velden"]["password_hash"] == [None, "(verborgen)"]


def test_record_adds_an_event_for_the_accounts_to_call(engine: Engine, actor: Actor) -> None:
    last = len(audit_rows(engine))
    scope = SessionScope(make_session_factory(engine))
    with scope() as session:
        record(session, actor, AuditKind.SIGNED_IN, details={"computer": "balie"})
    [event] = events_after(engine, last)
    assert (event.kind, event.staff_id, event.staff_name) == (
        "aangemeld",
        actor.staff_id,
        actor.name,
    )


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_event SET staff_name = 'iemand anders'",
        "DELETE FROM audit_event",
        "UPDATE audit_event SET details_json = '{}' WHERE id = 1",
    ],
)
def test_the_database_refuses_to_change_or_delete_an_audit_row(
    services: Services, actor: Actor, engine: Engine, statement: str
) -> None:
    add_caregiver(services, actor)
    before = audit_rows(engine)
    with pytest.raises(IntegrityError, match=APPEND_ONLY_MESSAGE), engine.begin() as connection:
        connection.execute(text(statement))
    assert audit_rows(engine) == before


def test_the_orm_cannot_change_or_delete_an_audit_row_either(
    services: Services, actor: Actor, engine: Engine
) -> None:
    add_caregiver(services, actor)
    before = audit_rows(engine)
    scope = SessionScope(make_session_factory(engine))
    for attempt in (
        lambda s: s.execute(update(AuditEvent).values(kind="x")),
        lambda s: s.execute(delete(AuditEvent)),
        lambda s: s.delete(s.get(AuditEvent, 1)),
        lambda s: setattr(s.get(AuditEvent, 1), "kind", "x"),
    ):
        with pytest.raises(Exception, match=APPEND_ONLY_MESSAGE), scope() as session:
            attempt(session)
            session.flush()
    assert audit_rows(engine) == before


def test_no_module_but_the_audit_trail_writes_audit_rows() -> None:
    """Only the recorder adds events; nothing in the program names the model to change it.
    Two more modules only read it: who was anonymised, and the inzage's history section."""
    allowed = {
        "db/kernel/audit.py",
        "services/kernel/audit.py",
        "services/kernel/audit_log.py",
        "db/privacy/queries.py",
        "services/privacy/dossier_sections.py",
        "services/privacy/inzage.py",
    }
    naming = {
        str(file.relative_to(SOURCE))
        for file in sorted(SOURCE.rglob("*.py"))
        if "AuditEvent"
        in {
            node.id
            for node in ast.walk(ast.parse(file.read_text("utf-8")))
            if isinstance(node, ast.Name)
        }
    }
    assert naming <= allowed
