"""The change feed: a committed service call announces what it wrote; a refused one nothing."""

from __future__ import annotations

import dataclasses
import gc
from datetime import date

import pytest
from sqlalchemy import Engine, insert, update
from sqlalchemy.orm import Session, sessionmaker

import steunpunt.db.kernel.tables  # noqa: F401  (registers every feature's tables)
from steunpunt.db.caregivers.models import Caregiver
from steunpunt.db.kernel.base import Base
from steunpunt.domain.support.burden import AssessmentData, BurdenBands
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.changes import TABLE_TOPICS, ChangeFeed, Changes, Topic
from steunpunt.services.kernel.container import Services
from steunpunt.services.kernel.errors import StaleEdit
from steunpunt.services.kernel.session_scope import SessionScope
from tests.helpers import add_caregiver, caregiver_data, contact_data
from tests.log_guard import ErrorRecords


@pytest.fixture
def heard(services: Services) -> list[Changes]:
    """Every announcement of the services' feed, in order."""
    announcements: list[Changes] = []
    services.changes.subscribe(announcements.append)
    return announcements


def test_every_table_has_a_topic() -> None:
    assert set(TABLE_TOPICS) == set(Base.metadata.tables)


def test_a_new_caregiver_is_announced_with_its_id(
    services: Services, actor: Actor, heard: list[Changes]
) -> None:
    created = add_caregiver(services, actor)
    assert heard == [Changes(frozenset({Topic.CAREGIVERS}), frozenset({created.id}))]
    assert heard[0].only_caregiver() == created.id


def test_reading_announces_nothing(services: Services, actor: Actor, heard: list[Changes]) -> None:
    created = add_caregiver(services, actor)
    heard.clear()
    services.caregivers.get(created.id)
    services.worklist.items()
    services.burden.summary(created.id)
    assert heard == []


def test_the_listener_hears_after_the_commit(services: Services, actor: Actor) -> None:
    created = add_caregiver(services, actor)
    seen: list[str] = []
    services.changes.subscribe(
        lambda _changes: seen.append(services.caregivers.get(created.id).data.notes)
    )
    edited = dataclasses.replace(created.data, notes="Na het opslaan")
    services.caregivers.update(actor, created.id, created.version, edited)
    assert seen == ["Na het opslaan"]  # another session already reads what was committed


def test_a_refused_stale_edit_announces_nothing(
    services: Services, actor: Actor, heard: list[Changes]
) -> None:
    created = add_caregiver(services, actor)
    services.caregivers.update(actor, created.id, created.version, caregiver_data(notes="een"))
    heard.clear()
    with pytest.raises(StaleEdit):
        services.caregivers.update(actor, created.id, created.version, caregiver_data(notes="x"))
    assert heard == []


def test_a_rolled_back_session_announces_nothing_though_it_flushed(engine: Engine) -> None:
    feed = ChangeFeed()
    heard: list[Changes] = []
    feed.subscribe(heard.append)
    scope = SessionScope(sessionmaker(bind=engine), feed)
    with pytest.raises(RuntimeError), scope() as session:
        session.execute(update(Caregiver).values(notes="weg"))
        session.flush()
        raise RuntimeError("refused")
    assert heard == []


def test_what_a_session_rolled_back_itself_is_not_announced(engine: Engine) -> None:
    feed = ChangeFeed()
    heard: list[Changes] = []
    feed.subscribe(heard.append)
    scope = SessionScope(sessionmaker(bind=engine), feed)
    with scope() as session:
        session.execute(update(Caregiver).values(notes="weg"))
        session.rollback()
        session.execute(insert(Base.metadata.tables["partner"]).values(name="Welzijn", kind="x"))
    assert heard == [Changes(frozenset({Topic.PARTNERS}))]


def test_records_of_a_caregiver_name_their_topic_and_the_caregiver(
    services: Services, actor: Actor, heard: list[Changes]
) -> None:
    caregiver = add_caregiver(services, actor).id
    heard.clear()
    services.contacts.add(actor, caregiver, contact_data())
    services.burden.record(actor, caregiver, AssessmentData(date(2026, 3, 1), 10, None))
    contact, burden = heard
    assert Topic.CONTACTS in contact.topics and contact.caregiver_ids == {caregiver}
    assert burden.topics == {Topic.BURDEN, Topic.CAREGIVERS}  # the band is kept on the caregiver
    assert burden.caregiver_ids == {caregiver}


def test_a_statement_on_many_rows_names_its_topic_without_ids(
    services: Services, actor: Actor, heard: list[Changes]
) -> None:
    add_caregiver(services, actor)
    heard.clear()
    services.burden.save_bands(actor, BurdenBands())
    assert heard == [Changes(frozenset({Topic.SETTINGS, Topic.CAREGIVERS}))]
    assert heard[0].only_caregiver() is None


def test_an_insert_statement_is_heard_and_one_session_is_one_announcement(engine: Engine) -> None:
    feed = ChangeFeed()
    heard: list[Changes] = []
    feed.subscribe(heard.append)
    scope = SessionScope(sessionmaker(bind=engine), feed)
    with scope() as session:
        session.execute(insert(Base.metadata.tables["partner"]).values(name="Welzijn", kind="x"))
        session.execute(update(Caregiver).values(notes="iedereen"))
    assert heard == [Changes(frozenset({Topic.PARTNERS, Topic.CAREGIVERS}))]


def test_a_worklist_mark_is_announced(
    services: Services, actor: Actor, heard: list[Changes]
) -> None:
    services.worklist.mark_done(actor, "contact:1:nooit")
    assert [changes.topics for changes in heard] == [{Topic.WORKLIST}]


def test_a_failing_listener_is_logged_and_the_others_still_hear(
    services: Services, actor: Actor, heard: list[Changes], logged_errors: ErrorRecords
) -> None:
    def broken(_changes: Changes) -> None:
        raise ValueError("kapot")

    services.changes.subscribe(broken)
    after: list[Changes] = []
    unsubscribe = services.changes.subscribe(after.append)
    created = add_caregiver(services, actor)
    assert len(heard) == len(after) == 1
    assert services.caregivers.get(created.id).id == created.id  # the save itself stands
    unsubscribe()
    add_caregiver(services, actor, first_name="piet")
    assert len(after) == 1 and len(heard) == 2
    assert logged_errors.templates() == ["A change listener failed"] * 2


def test_merged_changes_touch_what_either_touched() -> None:
    first = Changes(frozenset({Topic.CONTACTS}), frozenset({1}))
    second = Changes(frozenset({Topic.COMPLIMENT}), round_ids=frozenset({7}))
    merged = first | second
    assert merged.touches({Topic.COMPLIMENT}) and merged.touches([Topic.CONTACTS])
    assert not merged.touches({Topic.LETTERS})
    assert (merged.caregiver_ids, merged.round_ids) == ({1}, {7})
    assert not Changes() and merged


def test_two_scopes_on_one_factory_record_once(engine: Engine) -> None:
    factory: sessionmaker[Session] = sessionmaker(bind=engine)
    feed = ChangeFeed()
    heard: list[Changes] = []
    feed.subscribe(heard.append)
    SessionScope(factory)
    scope = SessionScope(factory, feed)
    with scope() as session:
        session.execute(update(Caregiver).values(notes="x"))
    assert heard == [Changes(frozenset({Topic.CAREGIVERS}))]


def test_every_new_session_factory_announces_though_an_old_one_was_collected(
    engine: Engine,
) -> None:
    """A factory made after another was garbage collected may get its address; it still records.

    SQLAlchemy's event registry keys listeners by ``id()``: asking it whether a new factory
    already listens could answer for a dead one at the same address, and a window then never
    heard what its services wrote.
    """
    for attempt in range(30):
        feed = ChangeFeed()
        heard: list[Changes] = []
        feed.subscribe(heard.append)
        scope = SessionScope(sessionmaker(bind=engine), feed)
        with scope() as session:
            session.execute(
                insert(Base.metadata.tables["partner"]).values(name=f"P{attempt}", kind="x")
            )
        assert heard == [Changes(frozenset({Topic.PARTNERS}))], f"factory {attempt} was deaf"
        del scope, session
        gc.collect()
