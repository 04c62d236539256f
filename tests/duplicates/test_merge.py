"""Merging two records of one person and undoing it: every row moves, and every row comes back."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from steunpunt.db.caregivers.models import Caregiver, CareRelation
from steunpunt.db.duplicates.merge import MERGE_RULES, caregiver_references
from steunpunt.db.kernel.audit import AuditEvent
from steunpunt.domain.audit import AuditKind
from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.services.duplicates.dto import MergeProposal
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.services.kernel.errors import NotAllowed, NotFound, StaleEdit
from tests.compliment.test_services_compliment import SOEST, apply, iban_number, pair
from tests.duplicates.scenario import Twins, dump, fts_rows, two_records_of_one_person
from tests.helpers import contact_data


@pytest.fixture
def twins(services: Services, actor: Actor, engine: Engine) -> Twins:
    return two_records_of_one_person(services, actor, engine)


def merge_as_proposed(services: Services, actor: Actor, proposal: MergeProposal) -> int:
    chosen = {field.key: field.proposed_id for field in proposal.fields}
    return services.duplicates.merge(
        actor, proposal.survivor.id, proposal.other.id, chosen, dict(proposal.versions)
    ).merge_id


def owned_rows(engine: Engine, caregiver_id: int) -> dict[str, int]:
    """How many rows of each table name the caregiver."""
    counts = {}
    with engine.connect() as connection:
        for table, column in caregiver_references():
            found = connection.execute(select(table.c.id).where(column == caregiver_id)).all()
            if found:
                counts[f"{table.name}.{column.name}"] = len(found)
    return counts


def test_every_table_that_refers_to_a_caregiver_has_a_merge_rule() -> None:
    """A new table with a caregiver column must say what a merge does with its rows."""
    found = {(table.name, column.name) for table, column in caregiver_references()}
    assert found == set(MERGE_RULES)


def test_the_proposal_keeps_the_person_with_more_history_and_the_fuller_values(
    services: Services, actor: Actor, twins: Twins
) -> None:
    proposal = services.duplicates.merge_proposal(twins.quiet, twins.busy)

    assert (proposal.survivor.id, proposal.other.id) == (twins.busy, twins.quiet)
    assert proposal.survivor_history > proposal.other_history
    fields = {field.key: field for field in proposal.fields}
    # the busy record has no e-mail: the quiet one's fills it
    assert fields["email"].survivor_value == ""
    assert fields["email"].proposed_id == twins.quiet
    # both filled and different: the record changed last (busy, renamed last) gives it
    assert fields["last_name"].survivor_value == "Janssen"
    assert fields["last_name"].proposed_id == twins.busy
    assert dict(proposal.versions).keys() == {twins.busy, twins.quiet}


def test_a_merge_moves_everything_and_undo_restores_every_row_exactly(
    services: Services, actor: Actor, engine: Engine, twins: Twins
) -> None:
    before = dump(engine)
    index_before = fts_rows(engine)
    quiet_rows = owned_rows(engine, twins.quiet)
    busy_rows = owned_rows(engine, twins.busy)
    assert {"contact.caregiver_id", "care_relation.caregiver_id", "sent_letter.caregiver_id"} <= (
        quiet_rows.keys()
    )
    assert "compliment_application.caregiver_id" in quiet_rows

    merge_id = merge_as_proposed(
        services, actor, services.duplicates.merge_proposal(twins.busy, twins.quiet)
    )

    with Session(engine) as session:
        assert session.get(Caregiver, twins.quiet) is None
        survivor = session.get_one(Caregiver, twins.busy)
        assert survivor.email != ""  # the quiet record's e-mail was proposed and kept
        naasten = session.scalars(
            select(CareRelation.care_recipient_id).where(CareRelation.caregiver_id == twins.busy)
        ).all()
    # the naaste both cared for keeps one relation; the others all move
    assert sorted(naasten) == sorted(set(naasten)) and twins.shared_naaste in naasten
    after = owned_rows(engine, twins.busy)
    for key, count in quiet_rows.items():
        if key != "care_relation.caregiver_id":
            assert after[key] == busy_rows.get(key, 0) + count, key
    assert (
        after["care_relation.caregiver_id"]
        == busy_rows["care_relation.caregiver_id"] + quiet_rows["care_relation.caregiver_id"] - 1
    )
    assert owned_rows(engine, twins.quiet) == {}
    assert services.duplicates.merges()[0].undoable

    services.duplicates.undo_merge(actor, merge_id)

    restored = dump(engine)
    for table in before:
        if table != "caregiver":
            assert restored[table] == before[table], table

    def without_bookkeeping(row: dict[str, Any]) -> dict[str, Any]:
        changing = ("version", "updated_at") if row["id"] == twins.busy else ()
        return {key: value for key, value in row.items() if key not in changing}

    assert [without_bookkeeping(row) for row in restored["caregiver"]] == [
        without_bookkeeping(row) for row in before["caregiver"]
    ]
    assert fts_rows(engine) == index_before
    record = services.duplicates.merges()[0]
    assert record.undone_at is not None and not record.undoable


def test_undo_after_a_change_names_what_blocks_it_and_changes_nothing(
    services: Services, actor: Actor, engine: Engine, twins: Twins
) -> None:
    merge_id = merge_as_proposed(
        services, actor, services.duplicates.merge_proposal(twins.busy, twins.quiet)
    )
    moved_contact, version = _a_moved_contact(engine, twins.quiet, merge_id)
    services.contacts.update(actor, moved_contact, version, contact_data(note="Later bijgewerkt."))
    before = dump(engine)

    with pytest.raises(NotAllowed) as refused:
        services.duplicates.undo_merge(actor, merge_id)

    assert f"Contactmoment {moved_contact} van 20-11-2026" in refused.value.message
    assert "niets veranderd" in refused.value.message
    assert dump(engine) == before
    assert services.duplicates.merges()[0].undoable


def _a_moved_contact(engine: Engine, merged_id: int, merge_id: int) -> tuple[int, int]:
    """A contact moved by the merge: its id and version since."""
    from steunpunt.db.duplicates.models import CaregiverMerge

    with Session(engine) as session:
        snapshot = json.loads(session.get_one(CaregiverMerge, merge_id).snapshot_json)
    return next(
        (row["id"], row["version"])
        for row in snapshot["moved"]
        if row["table"] == "contact" and row["old_caregiver_id"] == merged_id
    )


def test_a_merge_that_would_give_a_second_grant_in_one_year_is_refused(
    services: Services, actor: Actor, engine: Engine
) -> None:
    round_id = services.rounds.create(actor, SOEST).id
    first, second = pair(services, actor, "anna"), pair(services, actor, "anna")
    for people, number in ((first, 1), (second, 2)):
        application = apply(services, actor, round_id, people, iban_number(number))
        services.applications.change_status(
            actor, application, 1, ApplicationStatus.GRANTED, warnings_acknowledged=True
        )
    ids = [first[0], second[0]]
    proposal = services.duplicates.merge_proposal(ids[0], ids[1])
    before = dump(engine)

    with pytest.raises(NotAllowed, match="in 2026 een mantelzorgcompliment toegekend"):
        merge_as_proposed(services, actor, proposal)

    assert dump(engine) == before


def test_a_change_since_the_proposal_refuses_the_merge(
    services: Services, actor: Actor, engine: Engine, twins: Twins
) -> None:
    proposal = services.duplicates.merge_proposal(twins.busy, twins.quiet)
    with Session(engine) as session:
        session.get_one(Caregiver, twins.quiet).notes = "Belde net nog."
        session.commit()
    before = dump(engine)

    with pytest.raises(StaleEdit, match="intussen door iemand anders gewijzigd"):
        merge_as_proposed(services, actor, proposal)

    assert dump(engine) == before


def test_not_the_same_is_remembered_and_the_scan_no_longer_shows_the_pair(
    services: Services, actor: Actor, twins: Twins
) -> None:
    pairs = services.duplicates.scan()
    ours = [p for p in pairs if {p.first.id, p.second.id} == {twins.busy, twins.quiet}]
    assert len(ours) == 1
    assert "zelfde geboortedatum" in ours[0].reasons and ours[0].score >= 85
    assert ours[0].first.name and ours[0].second.birth_date is not None

    services.duplicates.not_same(actor, twins.quiet, twins.busy)

    again = services.duplicates.scan()
    assert not [p for p in again if {p.first.id, p.second.id} == {twins.busy, twins.quiet}]
    assert len(again) == len(pairs) - 1


def test_merges_and_decisions_are_audited_with_ids_only(
    services: Services, actor: Actor, engine: Engine, twins: Twins
) -> None:
    services.duplicates.not_same(actor, twins.busy, twins.quiet)
    merge_id = merge_as_proposed(
        services, actor, services.duplicates.merge_proposal(twins.busy, twins.quiet)
    )
    services.duplicates.undo_merge(actor, merge_id)
    with Session(engine) as session:
        events = session.scalars(
            select(AuditEvent)
            .where(
                AuditEvent.kind.in_([AuditKind.NOT_SAME, AuditKind.MERGED, AuditKind.MERGE_UNDONE])
            )
            .order_by(AuditEvent.id)
        ).all()
    assert [event.kind for event in events] == [
        "niet dezelfde",
        "samengevoegd",
        "samenvoegen ongedaan gemaakt",
    ]
    for event in events:
        assert "Jansen" not in event.details_json and "Anna" not in event.details_json
    assert json.loads(events[1].details_json)["samengevoegd"] == twins.quiet


def test_undo_is_impossible_once_the_survivor_is_erased(
    services: Services, actor: Actor, engine: Engine
) -> None:
    from tests.helpers import add_caregiver

    first = add_caregiver(services, actor, first_name="Piet")
    second = add_caregiver(services, actor, first_name="Pieter")
    proposal = services.duplicates.merge_proposal(first.id, second.id)
    merge_id = merge_as_proposed(services, actor, proposal)
    services.erasure.anonymise(actor, proposal.survivor.id)

    with pytest.raises(NotAllowed, match="gegevens van de mantelzorger zijn verwijderd"):
        services.duplicates.undo_merge(actor, merge_id)
    assert not services.duplicates.merges()[0].undoable
    with pytest.raises(NotFound):
        services.duplicates.merge_proposal(first.id, second.id)
