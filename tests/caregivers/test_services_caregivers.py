"""Caregiver use cases: create, read, edit, refuse stale edits, keep consent history."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from steunpunt.db.caregivers.models import Caregiver
from steunpunt.domain.address import Address
from steunpunt.domain.caregivers.consent import ConsentData
from steunpunt.domain.choices import ConsentMethod, ConsentScope, Source
from steunpunt.domain.names import PersonName
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.services.kernel.errors import NotFound, StaleEdit
from steunpunt.services.kernel.records import load_for_edit
from tests.helpers import add_caregiver, caregiver_data

REGISTRATION = frozenset({ConsentScope.REGISTRATION})
MAIL = frozenset({ConsentScope.REGISTRATION, ConsentScope.MAIL})


def consent_rows(engine: Engine, caregiver_id: int) -> list[tuple[str, str, str, int]]:
    with engine.connect() as connection:
        return [
            (str(given_on), scopes, method, recorded_by)
            for given_on, scopes, method, recorded_by in connection.execute(
                text(
                    "SELECT given_on, scopes, method, recorded_by_id FROM consent "
                    "WHERE caregiver_id = :id ORDER BY id"
                ),
                {"id": caregiver_id},
            )
        ]


def test_create_and_get(services: Services, actor: Actor) -> None:
    data = caregiver_data(notes="Belt liever 's avonds.")
    created = services.caregivers.create(actor, data)
    assert created.id > 0
    assert len(created.uuid) == 36
    assert created.version == 1
    assert created.relations == ()
    assert created.contacts == ()

    loaded = services.caregivers.get(created.id)
    assert loaded == created
    assert loaded.data == data
    assert loaded.data.name == PersonName("Jan Pieter", "de", "Vries", "J.P.")
    assert loaded.data.address == Address(
        "Dorpsstraat", 12, "A", "3811 AB", "Amersfoort", "Amersfoort"
    )
    assert loaded.display_name == "Jan Pieter de Vries"
    assert services.caregivers.count() == 1


def test_every_caregiver_gets_its_own_uuid(services: Services, actor: Actor) -> None:
    first = add_caregiver(services, actor)
    second = add_caregiver(services, actor, first_name="Piet")
    assert first.uuid != second.uuid
    assert services.caregivers.count() == 2


def test_display_name_falls_back_to_formal_name(services: Services, actor: Actor) -> None:
    created = add_caregiver(services, actor, first_name="", initials="jp")
    assert created.display_name == "J.P. de Vries"


def test_get_unknown_caregiver_says_so_in_dutch(services: Services) -> None:
    with pytest.raises(NotFound) as caught:
        services.caregivers.get(12345)
    assert (
        caught.value.message == "Deze mantelzorger bestaat niet meer; misschien is het verwijderd."
    )


def test_edit_saves_and_raises_the_version(services: Services, actor: Actor) -> None:
    created = add_caregiver(services, actor)
    changed = caregiver_data(
        street="Kerkstraat", house_number="5", house_number_suffix="", phone="033-1234567"
    )
    updated = services.caregivers.update(actor, created.id, created.version, changed)
    assert updated.version == created.version + 1
    assert updated.data == changed
    assert updated.uuid == created.uuid
    assert services.caregivers.get(created.id) == updated


def test_edit_that_changes_nothing_keeps_the_version(services: Services, actor: Actor) -> None:
    created = add_caregiver(services, actor)
    again = services.caregivers.update(actor, created.id, created.version, created.data)
    assert again.version == created.version


def test_stale_edit_is_refused_and_changes_nothing(services: Services, actor: Actor) -> None:
    created = add_caregiver(services, actor)
    # Someone else saves first ...
    theirs = caregiver_data(phone="06-87654321", notes="Door de collega bijgewerkt.")
    saved = services.caregivers.update(actor, created.id, created.version, theirs)
    # ... then this form, opened before, is saved with the old version.
    mine = caregiver_data(phone="020-1234567", last_name="Jansen")
    with pytest.raises(StaleEdit) as caught:
        services.caregivers.update(actor, created.id, created.version, mine)
    assert caught.value.message.startswith("Deze mantelzorger is intussen door iemand anders")
    assert "niet opgeslagen" in caught.value.message
    assert services.caregivers.get(created.id) == saved


def test_edit_racing_another_save_is_refused(
    services: Services, actor: Actor, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The version check in the UPDATE itself catches a save between reading and writing."""
    created = add_caregiver(services, actor)

    def load_then_someone_saves(
        session: Session, model: type[Caregiver], row_id: int, version: int, what: str
    ) -> Caregiver:
        row = load_for_edit(session, model, row_id, version, what)
        with engine.begin() as other:
            other.execute(
                text("UPDATE caregiver SET version = version + 1, notes = 'ander' WHERE id = :id"),
                {"id": created.id},
            )
        return row

    monkeypatch.setattr(
        "steunpunt.services.caregivers.register.load_for_edit", load_then_someone_saves
    )
    with pytest.raises(StaleEdit):
        services.caregivers.update(
            actor, created.id, created.version, caregiver_data(last_name="Jansen")
        )
    monkeypatch.undo()
    after = services.caregivers.get(created.id)
    assert after.data.name.last_name == "Vries"
    assert after.data.notes == "ander"
    assert after.version == created.version + 1


def test_update_of_unknown_caregiver(services: Services, actor: Actor) -> None:
    with pytest.raises(NotFound):
        services.caregivers.update(actor, 999, 1, caregiver_data())


def test_consent_history_grows_only_when_consent_changes(
    services: Services, actor: Actor, engine: Engine
) -> None:
    consent_form = {"consent_given_on": "15-01-2026", "consent_method": "schriftelijk"}
    created = services.caregivers.create(actor, caregiver_data(REGISTRATION, **consent_form))
    assert created.data.consent == ConsentData(
        date(2026, 1, 15), REGISTRATION, ConsentMethod.WRITTEN
    )
    assert consent_rows(engine, created.id) == [
        ("2026-01-15", "registratie", "schriftelijk", actor.staff_id)
    ]

    # Another field changes, consent stays the same: no new row.
    same = caregiver_data(REGISTRATION, phone="033-1234567", **consent_form)
    updated = services.caregivers.update(actor, created.id, created.version, same)
    assert len(consent_rows(engine, created.id)) == 1

    # Wider consent: a row is added, the old one stays as history.
    wider = caregiver_data(
        MAIL, phone="033-1234567", consent_given_on="20-11-2026", consent_method="mondeling"
    )
    updated = services.caregivers.update(actor, created.id, updated.version, wider)
    assert updated.data.consent == ConsentData(date(2026, 11, 20), MAIL, ConsentMethod.ORAL)
    assert consent_rows(engine, created.id) == [
        ("2026-01-15", "registratie", "schriftelijk", actor.staff_id),
        ("2026-11-20", "registratie,post", "mondeling", actor.staff_id),
    ]

    # Saving the same consent once more adds nothing.
    services.caregivers.update(actor, created.id, updated.version, wider)
    assert len(consent_rows(engine, created.id)) == 2
    assert services.caregivers.get(created.id).data.consent == wider.consent


def test_caregiver_without_consent_has_no_consent_rows(
    services: Services, actor: Actor, engine: Engine
) -> None:
    created = add_caregiver(services, actor)
    assert created.data.consent is None
    assert consent_rows(engine, created.id) == []


def test_derived_search_and_sort_columns_follow_edits(
    services: Services, actor: Actor, engine: Engine
) -> None:
    created = add_caregiver(services, actor, first_name="Ayşe", infix="", last_name="Yılmaz")
    changed = dataclasses.replace(
        created.data, name=PersonName("Ayşe", "", "Özdemir", "A."), source=Source.SELF
    )
    services.caregivers.update(actor, created.id, created.version, changed)
    with engine.connect() as connection:
        sort_name, search_text = connection.execute(
            text("SELECT sort_name, search_text FROM caregiver WHERE id = :id"), {"id": created.id}
        ).one()
    assert sort_name == "ozdemir ayse"
    assert "yilmaz" not in search_text
    assert search_text.startswith("ayse ozdemir a. 3811ab dorpsstraat 0612345678")  # no place


def test_clearing_consent_records_a_withdrawal(
    services: Services, actor: Actor, engine: Engine
) -> None:
    consent_form = {"consent_given_on": "15-01-2026", "consent_method": "schriftelijk"}
    created = services.caregivers.create(actor, caregiver_data(REGISTRATION, **consent_form))
    withdrawn = services.caregivers.update(actor, created.id, created.version, caregiver_data())
    assert withdrawn.data.consent is None
    assert withdrawn.version == created.version + 1
    assert consent_rows(engine, created.id) == [
        ("2026-01-15", "registratie", "schriftelijk", actor.staff_id),
        ("2026-11-22", "", "schriftelijk", actor.staff_id),
    ]


def test_a_consent_only_change_makes_an_older_copy_stale(services: Services, actor: Actor) -> None:
    created = services.caregivers.create(actor, caregiver_data())
    consent_form = {"consent_given_on": "15-01-2026", "consent_method": "mondeling"}
    services.caregivers.update(
        actor, created.id, created.version, caregiver_data(MAIL, **consent_form)
    )
    with pytest.raises(StaleEdit):
        services.caregivers.update(actor, created.id, created.version, caregiver_data())
