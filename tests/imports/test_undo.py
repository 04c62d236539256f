"""Undoing an import: what it made goes, what it filled is emptied again, and the people
changed by hand since stay and are named."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import Engine

from steunpunt.domain.caregivers.list_filter import CaregiverFilter
from steunpunt.domain.choices import ActiveFilter
from steunpunt.domain.errors import InvalidValue
from steunpunt.services.imports.dto import ImportResult
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from tests.helpers import contact_data
from tests.imports.scenario import file_rows, register_with_jan
from tests.imports.test_run import counts


def imported(services: Services, actor: Actor) -> ImportResult:
    plan = services.imports.plan(file_rows())
    return services.imports.run(actor, plan, "register 2025.xlsx", "Blad1", {})


def anna_id(services: Services) -> int:
    [found] = services.caregivers.search_ids(
        CaregiverFilter(text="bakker", active=ActiveFilter.ALL)
    )
    return found


def test_undo_removes_what_it_made_and_empties_what_it_filled(
    services: Services, actor: Actor, engine: Engine
) -> None:
    jan = register_with_jan(services, actor)
    before = counts(engine)
    result = imported(services, actor)
    undone = services.imports.undo(actor, result.run_id)
    assert (undone.removed, undone.restored, undone.kept) == (1, 1, ())
    assert undone.message == (
        "Import ongedaan gemaakt: 1 mantelzorgers verwijderd, 1 aangevulde mantelzorgers "
        "teruggezet."
    )
    assert {**counts(engine), "import_run": 0, "import_row": 0} == before
    assert services.caregivers.get(jan.id).data == jan.data  # the note it filled: gone
    assert services.caregivers.search_ids(CaregiverFilter(text="bakker")) == []
    assert services.caregivers.search_ids(CaregiverFilter(text="huisarts")) == []
    [run] = services.imports.runs()
    assert run.undone_at is not None and run.file_name == "register 2025.xlsx"
    assert (run.data_rows, run.new, run.merged, run.skipped, run.refused) == (8, 1, 2, 3, 2)


def test_an_undone_import_cannot_be_undone_twice(services: Services, actor: Actor) -> None:
    result = imported(services, actor)
    services.imports.undo(actor, result.run_id)
    with pytest.raises(InvalidValue) as refused:
        services.imports.undo(actor, result.run_id)
    assert refused.value.message == "Deze import is al ongedaan gemaakt."


def test_people_changed_by_hand_since_stay_and_are_named(
    services: Services, actor: Actor, engine: Engine
) -> None:
    jan = register_with_jan(services, actor)
    result = imported(services, actor)
    merged = services.caregivers.get(jan.id)
    services.caregivers.update(
        actor, jan.id, merged.version, replace(merged.data, phone="06-11112222")
    )
    undone = services.imports.undo(actor, result.run_id)
    assert (undone.removed, undone.restored, undone.kept) == (1, 0, ("Jan Pieter de Vries",))
    assert undone.message.endswith(
        "1 blijven staan omdat ze daarna zijn gewijzigd: Jan Pieter de Vries."
    )
    kept = services.caregivers.get(jan.id).data
    assert (kept.notes, kept.phone) == ("Komt via de huisarts", "06-11112222")


def test_a_new_person_with_a_contact_since_is_kept(
    services: Services, actor: Actor, engine: Engine
) -> None:
    """A contact does not change the caregiver's own row, but it is work done on them."""
    register_with_jan(services, actor)
    result = imported(services, actor)
    anna = anna_id(services)
    services.contacts.add(actor, anna, contact_data())
    undone = services.imports.undo(actor, result.run_id)
    assert (undone.removed, undone.restored, undone.kept) == (0, 1, ("Anna Bakker",))
    assert services.caregivers.get(anna).relations[0].care_recipient_name == "Piet Bakker"


def test_a_new_persons_naaste_changed_since_keeps_them(
    services: Services, actor: Actor, engine: Engine
) -> None:
    result = imported(services, actor)
    anna = services.caregivers.get(anna_id(services))
    [relation] = anna.relations
    services.care_recipients.update_relation(
        actor, relation.id, relation.version, replace(relation.data, hours_per_week=20)
    )
    undone = services.imports.undo(actor, result.run_id)
    assert undone.kept == ("Anna Bakker",)
    assert counts(engine)["care_recipient"] == 1


def test_undo_takes_away_the_naaste_a_merge_added_and_leaves_the_person_as_they_were(
    services: Services, actor: Actor, engine: Engine
) -> None:
    jan = register_with_jan(services, actor)
    row = file_rows()[1]
    only_naaste = replace(
        row,
        caregiver={**row.caregiver, "notes": ""},
        care_recipient={"first_name": "Mien", "infix": "de", "last_name": "Vries"},
        relation={"relation_type": "ouder", "hours_per_week": "4"},
    )
    result = services.imports.run(actor, services.imports.plan([only_naaste]), "f.csv", "", {})
    assert result.merged == 1
    merged = services.caregivers.get(jan.id)
    assert [r.care_recipient_name for r in merged.relations] == ["Mien de Vries"]
    assert merged.version == jan.version  # nothing of Jan's own row was filled
    undone = services.imports.undo(actor, result.run_id)
    assert (undone.removed, undone.restored, undone.kept) == (0, 1, ())
    after = services.caregivers.get(jan.id)
    assert (after.relations, after.version) == ((), jan.version)
    assert counts(engine)["care_recipient"] == 0
