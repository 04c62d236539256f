"""Importing: one transaction that makes the new people with their naaste, fills only the empty
fields of the people merged into, records where every row came from, and writes nothing when
stopped."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

from steunpunt.db.caregivers.models import Caregiver, CareRecipient, CareRelation
from steunpunt.db.imports.models import ImportRow, ImportRun
from steunpunt.domain.caregivers.list_filter import CaregiverFilter
from steunpunt.domain.choices import ActiveFilter
from steunpunt.domain.errors import Cancelled, InvalidValue
from steunpunt.domain.imports.plan import Action
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from tests.imports.scenario import file_rows, register_with_jan


def counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in (
                "caregiver",
                "care_recipient",
                "care_relation",
                "import_run",
                "import_row",
            )
        }


def found(services: Services, words: str) -> list[str]:
    ids = services.caregivers.search_ids(CaregiverFilter(text=words, active=ActiveFilter.ALL))
    return [row.name for row in services.caregivers.rows(ids)]


def test_the_import_writes_new_people_merges_and_where_each_row_came_from(
    services: Services, actor: Actor, engine: Engine
) -> None:
    jan = register_with_jan(services, actor)
    plan = services.imports.plan(file_rows())
    result = services.imports.run(actor, plan, "register 2025.xlsx", "Blad1", {})
    assert (result.data_rows, result.new, result.merged) == (8, 1, 2)
    assert (result.skipped, result.refused) == (3, 2)
    assert result.summary == (
        "8 gegevensrijen: 1 nieuw, 2 samengevoegd, 3 overgeslagen, 2 geweigerd."
    )
    assert counts(engine) == {
        "caregiver": 2,  # Jan, and Anna (rows 2 and 7)
        "care_recipient": 1,  # Piet, named twice for Anna, made once
        "care_relation": 1,
        "import_run": 1,
        "import_row": 3,
    }
    [anna_id] = services.caregivers.search_ids(CaregiverFilter(text="bakker"))
    anna = services.caregivers.get(anna_id)
    assert anna.data.registered_on == date(2020, 1, 15)  # kept from the file
    assert anna.data.email == "anna@example.nl"  # filled in from row 7
    assert anna.data.phone == "033 123 4567"  # normalised by the register's own rule
    [piet] = anna.relations
    assert (piet.care_recipient_name, piet.data.relation_type.value) == ("Piet Bakker", "partner")
    assert piet.data.hours_per_week == 10

    after = services.caregivers.get(jan.id)
    assert after.data.notes == "Komt via de huisarts"  # was empty: filled
    assert after.data.phone == jan.data.phone == "06 12345678"  # was filled: kept
    assert after.version == jan.version + 1

    # search finds the new person and the filled field, through the FTS index
    assert found(services, "bakker") == ["Bakker, Anna"]
    assert found(services, "anna@example") == ["Bakker, Anna"]
    assert found(services, "3811 cd") == ["Bakker, Anna"]
    with Session(engine) as session:
        for row in session.scalars(select(Caregiver)):
            from steunpunt.db.caregivers.models import caregiver_search_text

            assert row.search_text == caregiver_search_text(row)
            assert row.sort_name == row.name.sort_key
        written = session.execute(
            select(ImportRow.source_row, ImportRow.outcome, ImportRow.caregiver_id)
            .join(ImportRun, ImportRun.id == ImportRow.run_id)
            .where(ImportRun.file_name == "register 2025.xlsx")
            .order_by(ImportRow.source_row)
        ).all()
        assert [tuple(row) for row in written] == [
            (2, "nieuw", anna_id),
            (3, "samengevoegd", jan.id),
            (7, "samengevoegd", anna_id),
        ]


def test_the_person_may_make_a_likely_one_new_or_skip_it(
    services: Services, actor: Actor, engine: Engine
) -> None:
    register_with_jan(services, actor)
    plan = services.imports.plan(file_rows())
    result = services.imports.run(actor, plan, "f.csv", "", {3: Action.NEW, 7: Action.SKIP})
    assert (result.new, result.merged, result.skipped, result.refused) == (2, 0, 4, 2)
    # J.P.: no first name, so the voorletters
    assert found(services, "vries") == ["Vries, J.P. de", "Vries, Jan Pieter de"]
    assert counts(engine)["caregiver"] == 3


def test_a_choice_a_row_cannot_have_is_refused_and_nothing_written(
    services: Services, actor: Actor, engine: Engine
) -> None:
    plan = services.imports.plan(file_rows())
    with pytest.raises(InvalidValue) as refused:
        services.imports.run(actor, plan, "f.csv", "", {6: Action.NEW})
    assert refused.value.message == "Rij 6 (geweigerd) kan niet 'nieuw' worden."
    assert counts(engine)["import_run"] == 0


def test_a_merge_into_someone_no_longer_in_the_register_is_refused(
    services: Services, actor: Actor, engine: Engine
) -> None:
    jan = register_with_jan(services, actor)
    plan = services.imports.plan(file_rows())
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM caregiver WHERE id = :id"), {"id": jan.id})
    with pytest.raises(InvalidValue, match="staan niet meer in het register"):
        services.imports.run(actor, plan, "f.csv", "", {})
    assert counts(engine)["caregiver"] == 0


def test_a_stop_writes_nothing(services: Services, actor: Actor, engine: Engine) -> None:
    register_with_jan(services, actor)
    before = counts(engine)
    told: list[tuple[int, int]] = []

    def stop_after_the_caregivers(done: int, total: int) -> bool:
        told.append((done, total))
        return done < 2

    plan = services.imports.plan(file_rows())
    with pytest.raises(Cancelled) as stopped:
        services.imports.run(actor, plan, "f.csv", "", {}, stop_after_the_caregivers)
    assert stopped.value.message == "Het importeren is gestopt; er is niets opgeslagen."
    assert told[0] == (0, told[0][1]) and len(told) >= 2
    assert counts(engine) == before
    assert services.caregivers.get(1).data.notes == ""
    assert services.imports.runs() == []


def test_progress_goes_from_nothing_to_all(services: Services, actor: Actor) -> None:
    told: list[tuple[int, int]] = []
    plan = services.imports.plan(file_rows())
    services.imports.run(actor, plan, "f.csv", "", {}, lambda d, t: told.append((d, t)) or True)
    total = told[0][1]
    assert told[0] == (0, total) and told[-1] == (total, total)
    assert [done for done, _ in told] == sorted(done for done, _ in told)


def test_an_existing_naaste_of_the_person_is_linked_not_made_twice(
    services: Services, actor: Actor, engine: Engine
) -> None:
    from tests.helpers import care_recipient_data, relation_data

    jan = register_with_jan(services, actor)
    services.care_recipients.create_for_caregiver(
        actor, jan.id, care_recipient_data(first_name="piet", last_name="bakker"), relation_data()
    )
    row = file_rows()[1]
    again = replace(row, care_recipient={"first_name": "Piet", "last_name": "Bakker"})
    again = replace(again, relation={"relation_type": "ouder"})
    services.imports.run(actor, services.imports.plan([again]), "f.csv", "", {})
    with Session(engine) as session:
        assert session.scalar(select(func.count(CareRecipient.id))) == 1
        assert session.scalar(select(func.count(CareRelation.id))) == 1


def test_the_screens_hear_of_an_import_and_not_of_a_stopped_one(
    services: Services, actor: Actor
) -> None:
    from steunpunt.services.kernel.changes import Changes, Topic

    heard: list[Changes] = []
    services.changes.subscribe(heard.append)
    plan = services.imports.plan(file_rows())
    with pytest.raises(Cancelled):
        services.imports.run(actor, plan, "f.csv", "", {}, lambda done, total: done == 0)
    assert heard == []
    services.imports.run(actor, plan, "f.csv", "", {})
    [changes] = heard
    assert {Topic.CAREGIVERS, Topic.CARE_RECIPIENTS, Topic.IMPORTS} <= changes.topics
