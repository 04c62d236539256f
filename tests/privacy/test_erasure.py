"""Erasure anonymises a person and their naasten, and every past year's figures stay the same."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import Date, Engine, String, Text, select, text
from sqlalchemy.orm import Session

from steunpunt.db.caregivers.models import Caregiver, CareRecipient, Contact
from steunpunt.db.compliment.models import ComplimentApplication
from steunpunt.db.kernel.audit import AuditEvent
from steunpunt.db.kernel.base import Base
from steunpunt.db.kernel.personal_data import NOT_PERSONAL_COLUMNS, PERSONAL_COLUMNS
from steunpunt.db.privacy.erasure import care_recipient_statements, caregiver_statements
from steunpunt.demo.fill import fill_demo_database
from steunpunt.demo.support import fill_demo_support
from steunpunt.domain.audit import AuditKind
from steunpunt.domain.caregivers.list_filter import CaregiverFilter
from steunpunt.domain.choices import ActiveFilter
from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.reports.report import Report, ReportSettings
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from tests.compliment.test_services_compliment import SOEST
from tests.helpers import add_caregiver, care_recipient_data, contact_data, relation_data
from tests.reports.report_scenario import happened_in_2026, known_at_the_end_of_2025

TODAY = date(2026, 11, 22)


def every_past_year(services: Services, first_year: int) -> dict[tuple[int, str], Report]:
    """The verantwoording of every whole past year, for all gemeenten and each one."""
    places = ["", *services.reports.municipalities()]
    return {
        (year, place): services.reports.report(date(year, 1, 1), date(year, 12, 31), place)
        for year in range(first_year, TODAY.year)
        for place in places
    }


def test_every_past_years_figures_are_the_same_after_anonymising(
    services: Services, actor: Actor, engine: Engine
) -> None:
    services.reports.save_settings(actor, ReportSettings(suppress_below=0))
    register = known_at_the_end_of_2025(services, actor, engine)
    happened_in_2026(services, actor, engine, register)
    fill_demo_database(engine, 300, today=TODAY)
    fill_demo_support(engine, today=TODAY)
    with Session(engine) as session:
        first_year = min(session.scalars(select(Caregiver.registered_on))).year
        everyone = list(session.scalars(select(Caregiver.id).order_by(Caregiver.id)))
    before = every_past_year(services, first_year)
    assert sum(
        r.headlines[0].value for r in before.values() if isinstance(r.headlines[0].value, int)
    )

    for name in ("anna", "dirk", "eva", "sara"):
        plan = services.erasure.plan(register.ids[name])
        if plan.refusal is None:
            services.erasure.anonymise(actor, register.ids[name])
    result = services.erasure.anonymise_many(actor, everyone[::3])

    assert result.caregivers > 90
    assert every_past_year(services, first_year) == before


def test_erasure_removes_names_address_contact_details_and_free_text(
    services: Services, actor: Actor, engine: Engine
) -> None:
    person = add_caregiver(services, actor, first_name="Ayşe", last_name="Yılmaz", notes="geheim")
    link = services.care_recipients.create_for_caregiver(
        actor,
        person.id,
        care_recipient_data(first_name="Moeder", notes="dementie"),
        relation_data(),
    )
    services.contacts.add(actor, person.id, contact_data(note="vertelde over haar moeder"))
    before = services.caregivers.get(person.id)

    services.erasure.anonymise(actor, person.id)

    with Session(engine) as session:
        row = session.get(Caregiver, person.id)
        assert row is not None
        assert (row.first_name, row.last_name, row.street, row.postcode, row.phone) == ("",) * 5
        assert (row.email, row.iban, row.notes, row.search_text) == ("",) * 4
        assert row.municipality == before.data.address.municipality
        assert row.registered_on == before.data.registered_on
        birth = before.data.birth_date
        assert birth is not None and row.birth_date == date(birth.year, 1, 1)
        assert row.ended_on == TODAY
        recipient = session.get(CareRecipient, link.care_recipient_id)
        assert recipient is not None and (recipient.first_name, recipient.notes) == ("", "")
        notes = session.scalars(select(Contact.note).where(Contact.caregiver_id == person.id))
        assert list(notes) == [""]
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.kind == AuditKind.ERASED.value)
        ).one()
    assert event.caregiver_id == person.id and event.staff_id == actor.staff_id
    assert "Yılmaz" not in event.details_json and "geheim" not in event.details_json
    assert json.loads(event.details_json)["naasten_verwijderd"] == 1


def test_the_search_no_longer_finds_an_anonymised_person(services: Services, actor: Actor) -> None:
    person = add_caregiver(services, actor, first_name="Wilhelmina", last_name="Zwanenburg")
    found = services.caregivers.search_ids(
        CaregiverFilter(text="zwanenburg", active=ActiveFilter.ALL)
    )
    assert found == [person.id]

    services.erasure.anonymise(actor, person.id)

    assert (
        services.caregivers.search_ids(CaregiverFilter(text="zwanenburg", active=ActiveFilter.ALL))
        == []
    )
    assert (
        services.caregivers.search_ids(CaregiverFilter(text="wilhelmina", active=ActiveFilter.ALL))
        == []
    )


def test_a_naaste_shared_with_another_caregiver_stays_for_that_caregiver(
    services: Services, actor: Actor, engine: Engine
) -> None:
    first = add_caregiver(services, actor, first_name="Piet", last_name="Gedeeld")
    second = add_caregiver(services, actor, first_name="Klaas", last_name="Gedeeld")
    shared = services.care_recipients.create_for_caregiver(
        actor, first.id, care_recipient_data(first_name="Oma"), relation_data()
    ).care_recipient_id
    own = services.care_recipients.create_for_caregiver(
        actor, first.id, care_recipient_data(first_name="Opa"), relation_data()
    ).care_recipient_id
    services.care_recipients.link(actor, second.id, shared, relation_data())

    plan = services.erasure.plan(first.id)
    assert plan.naasten_kept and plan.naasten_erased
    assert "Oma" in plan.naasten_kept[0] and "Opa" in plan.naasten_erased[0]
    assert "Oma" in plan.description() and "niet ongedaan" in plan.description()
    services.erasure.anonymise(actor, first.id)

    with Session(engine) as session:
        kept, erased = session.get(CareRecipient, shared), session.get(CareRecipient, own)
        assert kept is not None and kept.first_name == "Oma"
        assert erased is not None and erased.first_name == ""
    # once the other caregiver is anonymised too, no one keeps the shared naaste
    services.erasure.anonymise(actor, second.id)
    with Session(engine) as session:
        gone = session.get(CareRecipient, shared)
        assert gone is not None and gone.first_name == ""


def test_erasure_is_refused_with_the_reason_while_an_application_is_open(
    services: Services, actor: Actor, engine: Engine
) -> None:
    person = add_caregiver(services, actor, first_name="Open", last_name="Aanvraag")
    recipient = services.care_recipients.create_for_caregiver(
        actor, person.id, care_recipient_data(), relation_data()
    ).care_recipient_id
    round_id = services.rounds.create(actor, SOEST).id
    with Session(engine) as session, session.begin():
        session.add(
            ComplimentApplication(
                round_id=round_id,
                caregiver_id=person.id,
                care_recipient_id=recipient,
                received_on=TODAY,
                channel="post",
            )
        )

    assert services.erasure.plan(person.id).refusal is not None
    with pytest.raises(InvalidValue, match="complimentaanvraag die nog niet is afgehandeld"):
        services.erasure.anonymise(actor, person.id)
    assert services.caregivers.get(person.id).data.name.last_name == "Aanvraag"
    result = services.erasure.anonymise_many(actor, [person.id])
    assert result.caregivers == 0 and result.refused[0][0] == person.id


def test_anonymising_twice_is_refused(services: Services, actor: Actor) -> None:
    person = add_caregiver(services, actor)
    services.erasure.anonymise(actor, person.id)
    with pytest.raises(InvalidValue, match="al verwijderd"):
        services.erasure.anonymise(actor, person.id)


def test_after_anonymising_the_audit_trail_holds_nothing_of_the_person(
    services: Services, actor: Actor, engine: Engine
) -> None:
    """The audit is append-only, so it must never have copied what erasure removes."""
    secrets = {
        "first name": "Ayşe",
        "last name": "Yılmaz",
        "street": "Lindelaan",
        "postcode": "3818",
        "phone": "8765432",
        "email": "ayse@voorbeeld",
        "iban": "0417",
        "notes": "schulden",
        "naaste": "Mehmet",
        "condition": "parkinson",
        "contact note": "vertelde over haar zoon",
    }
    person = add_caregiver(
        services,
        actor,
        first_name="Ayşe",
        last_name="Yılmaz",
        street="Lindelaan",
        postcode="3818 AB",
        phone="06-18765432",
        email="ayse@voorbeeld.nl",
        notes="heeft schulden",
    )
    services.caregivers.update(
        actor, person.id, person.version, replace(person.data, notes="heeft schulden, hulp")
    )
    services.care_recipients.create_for_caregiver(
        actor,
        person.id,
        care_recipient_data(first_name="Mehmet", condition="parkinson"),
        relation_data(),
    )
    services.contacts.add(actor, person.id, contact_data(note="vertelde over haar zoon"))

    services.erasure.anonymise(actor, person.id)

    with engine.connect() as connection:
        stored = "\n".join(connection.scalars(text("SELECT details_json FROM audit_event")))
    assert {name for name, value in secrets.items() if value in stored} == set()


def test_erasure_clears_exactly_the_columns_the_audit_never_copies() -> None:
    """``PERSONAL_COLUMNS`` is one list for both: what erasure removes, the audit withholds."""
    cleared: dict[str, set[str]] = {}
    statements = [
        *caregiver_statements([1], "sqlite", TODAY, "eigen verzoek"),
        *care_recipient_statements([1], "sqlite"),
    ]
    for statement in statements:
        columns = {column.key for column in statement._values or {}}  # type: ignore[union-attr]
        cleared.setdefault(statement.table.name, set()).update(columns)  # type: ignore[attr-defined]
    kept = {"version", "search_text", "sort_name", "no_mail", "ended_on", "end_reason"}
    assert {table: columns - kept for table, columns in cleared.items()} == {
        table: set(columns) for table, columns in PERSONAL_COLUMNS.items()
    }


def test_every_text_and_date_column_of_a_persons_tables_is_called_personal_or_not() -> None:
    """A new column must be decided on: erased and kept out of the audit, or not."""
    unnamed = {
        f"{table.name}.{column.name}"
        for table in Base.metadata.sorted_tables
        if table.name in PERSONAL_COLUMNS or table.name in NOT_PERSONAL_COLUMNS
        for column in table.columns
        if isinstance(column.type, String | Text | Date)
        and column.name not in PERSONAL_COLUMNS.get(table.name, frozenset())
        and column.name not in NOT_PERSONAL_COLUMNS.get(table.name, frozenset())
    }
    assert unnamed == set()
    people_tables = {
        table.name
        for table in Base.metadata.sorted_tables
        if {"caregiver_id", "care_recipient_id", "application_id"} & set(table.c.keys())
    } | {"caregiver", "care_recipient"}
    people_tables.discard("audit_event")  # ids only; see test_audit_trail
    assert people_tables - {*PERSONAL_COLUMNS, *NOT_PERSONAL_COLUMNS} == set()
