"""Who may import, what the audit trail keeps of it (the file's name and counts, never its
rows), erasure of what an import kept, and the mappings saved by name."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from steunpunt.db.imports.models import ImportRow
from steunpunt.domain.audit import AuditKind
from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.roles import Role
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.services.kernel.errors import NotPermitted
from tests.imports.scenario import file_rows, register_with_jan
from tests.imports.test_undo import imported


def test_a_vrijwilliger_may_not_import_or_undo_a_medewerker_may(
    services: Services, actor: Actor
) -> None:
    result = imported(services, actor)
    vera = Actor(actor.staff_id, "Vera", Role.VRIJWILLIGER)
    as_vera = services.acting_as(vera).imports
    for attempt in (
        lambda: as_vera.plan(file_rows()),
        lambda: as_vera.runs(),
        lambda: as_vera.undo(vera, result.run_id),
        lambda: as_vera.save_mapping(vera, "Register", "{}"),
    ):
        with pytest.raises(NotPermitted) as refused:
            attempt()
        assert refused.value.message == (
            "Met de rol Vrijwilliger mag u geen bestanden importeren of imports ongedaan maken."
        )
    assert services.imports.runs()[0].undone_at is None
    mark = Actor(actor.staff_id, "Mark", Role.MEDEWERKER)
    as_mark = services.acting_as(mark).imports
    assert as_mark.undo(mark, result.run_id).removed == 2  # no Jan yet: row 3 was new too


def test_the_audit_keeps_the_files_name_and_the_counts_not_its_rows(
    services: Services, actor: Actor, engine: Engine
) -> None:
    register_with_jan(services, actor)
    with engine.connect() as connection:
        last = connection.execute(text("SELECT max(id) FROM audit_event")).scalar_one()
    result = imported(services, actor)
    services.imports.undo(actor, result.run_id)
    with engine.connect() as connection:
        events = connection.execute(
            text(
                "SELECT kind, staff_id, details_json, record_table FROM audit_event "
                "WHERE id > :last"
            ),
            {"last": last},
        ).all()
    stored = "\n".join(details for _kind, _staff, details, _table in events)
    secrets = ("Bakker", "anna@example", "huisarts", "Kerkstraat", "1234567", "1956")
    assert [secret for secret in secrets if secret in stored] == []
    assert {staff for _kind, staff, _details, _table in events} == {actor.staff_id}
    by_kind = {kind: json.loads(details) for kind, _staff, details, _table in events}
    # the rows written in bulk: one event per statement, with its count
    written = {
        (kind, table): json.loads(details)
        for kind, _staff, details, table in events
        if table in ("caregiver", "care_recipient", "care_relation")
    }
    assert written[("aangemaakt", "caregiver")] == {"opdracht": "aangemaakt", "rijen": 1}
    assert written[("gewijzigd", "caregiver")]["rijen"] == 1  # Jan's note, and back
    assert written[("verwijderd", "caregiver")]["rijen"] == 1
    assert by_kind[AuditKind.IMPORTED.value] == {
        "bestand": "register 2025.xlsx",
        "blad": "Blad1",
        "rijen": 8,
        "nieuw": 1,
        "samengevoegd": 2,
        "overgeslagen": 3,
        "geweigerd": 2,
    }
    assert by_kind[AuditKind.IMPORT_UNDONE.value] == {
        "bestand": "register 2025.xlsx",
        "verwijderd": 1,
        "teruggezet": 1,
        "behouden": 0,
    }


def test_erasure_clears_what_a_merge_kept_to_undo_it(
    services: Services, actor: Actor, engine: Engine
) -> None:
    jan = register_with_jan(services, actor)
    result = imported(services, actor)
    with Session(engine) as session:
        query = select(ImportRow.filled_json).where(ImportRow.caregiver_id == jan.id)
        assert json.loads(session.scalars(query).one()) == {"notes": ""}
    services.erasure.anonymise(actor, jan.id)
    with Session(engine) as session:
        assert session.scalars(query).one() == ""
    undone = services.imports.undo(actor, result.run_id)
    assert undone.kept == (f"mantelzorger nr. {jan.id}",)  # erased since: changed, unnamed


def test_mappings_are_saved_by_name_replaced_and_removed(services: Services, actor: Actor) -> None:
    services.imports.save_mapping(actor, " Register 2025 ", '{"Naam": "name"}')
    services.imports.save_mapping(actor, "Aanmeldingen", '{"E-mail": "email"}')
    services.imports.save_mapping(actor, "Register 2025", '{"Naam": "full_name"}')
    saved = services.imports.mappings()
    assert [(m.name, m.mapping_json, m.staff_name) for m in saved] == [
        ("Aanmeldingen", '{"E-mail": "email"}', actor.name),
        ("Register 2025", '{"Naam": "full_name"}', actor.name),
    ]
    services.imports.delete_mapping(actor, "Aanmeldingen")
    assert [m.name for m in services.imports.mappings()] == ["Register 2025"]
    with pytest.raises(InvalidValue, match="Er is geen indeling met de naam 'Aanmeldingen'"):
        services.imports.delete_mapping(actor, "Aanmeldingen")
    with pytest.raises(InvalidValue, match="Geef de indeling een naam"):
        services.imports.save_mapping(actor, "  ", "{}")
