"""The demo data: the count asked, values the domain accepts, repeatable, cancellable, searchable."""

from __future__ import annotations

import random
import shutil
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from faker import Faker
from sqlalchemy import Engine, func, select

from steunpunt.db.caregivers.models import (
    Caregiver,
    CareRecipient,
    CareRelation,
    Consent,
    Contact,
    caregiver_search_text,
)
from steunpunt.db.kernel.engine import create_engine_for, sqlite_url
from steunpunt.db.kernel.staff import StaffMember
from steunpunt.demo import fill, words
from steunpunt.demo.fill import fill_demo_database
from steunpunt.demo.people import DemoRandom, People
from steunpunt.domain.address import Address
from steunpunt.domain.age import AgeBracket
from steunpunt.domain.caregivers.care_recipient import care_recipient_from_form, relation_from_form
from steunpunt.domain.caregivers.caregiver import caregiver_from_form
from steunpunt.domain.caregivers.consent import scopes_from_text
from steunpunt.domain.caregivers.contact import contact_from_form
from steunpunt.domain.caregivers.list_filter import CaregiverFilter
from steunpunt.domain.choices import ActiveFilter
from steunpunt.domain.dates import format_date
from steunpunt.domain.email import normalize_email
from steunpunt.domain.iban import normalize_iban
from steunpunt.domain.names import PersonName
from steunpunt.domain.phone import normalize_phone
from steunpunt.domain.postcode import normalize_postcode
from steunpunt.services.kernel.container import Services

COUNT = 200
SEED = 11


def rows(engine: Engine, model: type[Any]) -> list[Any]:
    with engine.connect() as connection:
        return list(connection.execute(select(model.__table__).order_by(model.id)))


@pytest.fixture
def filled(engine: Engine, today: date) -> Engine:
    assert fill_demo_database(engine, COUNT, seed=SEED, today=today) == COUNT
    return engine


@pytest.fixture
def second_engine(migrated_template: Path, tmp_path: Path) -> Iterator[Engine]:
    file = tmp_path / "second.sqlite"
    shutil.copy(migrated_template, file)
    engine = create_engine_for(sqlite_url(file))
    yield engine
    engine.dispose()


def person_form(row: Any) -> dict[str, str]:
    return {
        "first_name": row.first_name,
        "infix": row.infix,
        "last_name": row.last_name,
        "birth_date": format_date(row.birth_date),
        "street": row.street,
        "house_number": str(row.house_number or ""),
        "house_number_suffix": row.house_number_suffix,
        "postcode": row.postcode,
        "place": row.place,
        "municipality": row.municipality,
        "notes": row.notes,
    }


def test_adds_the_number_asked(filled: Engine, services: Services) -> None:
    assert services.caregivers.count() == COUNT
    recipients = len(rows(filled, CareRecipient))
    assert 0.7 * COUNT < recipients < COUNT
    assert len(rows(filled, CareRelation)) == COUNT  # one naaste per caregiver
    assert len(rows(filled, Contact)) > COUNT
    assert len(rows(filled, Consent)) > 0.8 * COUNT


def test_caregivers_pass_the_form_rules_unchanged(filled: Engine, today: date) -> None:
    """Every caregiver, typed into the form as stored, is accepted and comes out the same."""
    for row in rows(filled, Caregiver):
        form = person_form(row) | {
            "initials": row.initials,
            "salutation": row.salutation,
            "phone": row.phone,
            "email": row.email,
            "iban": row.iban,
            "source": row.source or "",
            "registered_on": format_date(row.registered_on),
            "ended_on": format_date(row.ended_on),
            "end_reason": row.end_reason or "",
        }
        data = caregiver_from_form(form, frozenset(), row.no_mail, today)
        assert (data.name.first_name, data.name.infix, data.name.last_name) == (
            row.first_name,
            row.infix,
            row.last_name,
        )
        assert data.name.initials == row.initials
        assert data.address == Address(
            row.street,
            row.house_number,
            row.house_number_suffix,
            row.postcode,
            row.place,
            row.municipality,
        )
        assert (data.phone, data.email, data.iban) == (row.phone, row.email, row.iban)
        assert row.uuid and row.version == 1 and row.created_at and row.updated_at
        assert row.search_text == caregiver_search_text(row)
        assert row.sort_name == PersonName(row.first_name, row.infix, row.last_name).sort_key


def test_contact_details_are_in_the_validators_form(filled: Engine) -> None:
    caregivers = rows(filled, Caregiver)
    for row in caregivers:
        assert normalize_postcode(row.postcode) == row.postcode
        assert not row.phone or normalize_phone(row.phone) == row.phone
        assert not row.email or normalize_email(row.email) == row.email
        assert not row.iban or normalize_iban(row.iban) == row.iban
        assert row.email.endswith(".example") or not row.email  # demo mail reaches no one
    share = Counter(
        key for row in caregivers for key in ("phone", "email", "iban") if getattr(row, key)
    )
    assert share["phone"] > 0.8 * COUNT
    assert 0.45 * COUNT < share["email"] < 0.75 * COUNT
    assert 0.25 * COUNT < share["iban"] < 0.55 * COUNT


def test_naasten_relations_contacts_and_consents_pass_the_form_rules(
    filled: Engine, today: date
) -> None:
    registered = {row.id: row.registered_on for row in rows(filled, Caregiver)}
    ended = {row.id: row.ended_on for row in rows(filled, Caregiver)}
    for row in rows(filled, CareRecipient):
        extra = {"condition": row.condition, "living_situation": row.living_situation}
        data = care_recipient_from_form(person_form(row) | extra, frozenset(), today)
        assert (data.address.postcode, data.condition) == (row.postcode, row.condition)
        assert data.condition and data.living_situation.value == row.living_situation
    for row in rows(filled, CareRelation):
        hours = "" if row.hours_per_week is None else str(row.hours_per_week)
        raw = {"relation_type": row.relation_type, "hours_per_week": hours}
        relation = relation_from_form(raw | {"care_since": format_date(row.care_since)}, today)
        assert relation.hours_per_week is None or 4 <= relation.hours_per_week <= 40
        assert relation.care_since is None or relation.care_since <= registered[row.caregiver_id]
    for row in rows(filled, Contact):
        raw = {"contact_date": format_date(row.contact_date), "kind": row.kind, "note": row.note}
        contact_from_form(raw, row.staff_member_id, today)
        last_day = ended[row.caregiver_id] or today
        assert registered[row.caregiver_id] <= row.contact_date <= last_day
    for row in rows(filled, Consent):
        assert scopes_from_text(row.scopes) and row.given_on <= today
        if row.caregiver_id is not None:
            assert row.given_on == registered[row.caregiver_id]


def test_the_same_seed_gives_the_same_people(
    filled: Engine, second_engine: Engine, today: date
) -> None:
    fill_demo_database(second_engine, COUNT, seed=SEED, today=today)

    def content(engine: Engine) -> list[tuple[Any, ...]]:
        own = {"id", "uuid", "created_at", "updated_at"}
        columns = [c for c in Caregiver.__table__.columns if c.name not in own]
        with engine.connect() as connection:
            people = list(connection.execute(select(*columns).order_by(Caregiver.id)))
        notes = [(r.caregiver_id, r.contact_date, r.kind, r.note) for r in rows(engine, Contact)]
        return [tuple(row) for row in people] + notes

    assert content(filled) == content(second_engine)
    assert rows(filled, Caregiver)[0].uuid != rows(second_engine, Caregiver)[0].uuid


def test_another_seed_gives_other_people(filled: Engine, second_engine: Engine) -> None:
    fill_demo_database(second_engine, 20, seed=SEED + 1)
    names = {(r.first_name, r.last_name) for r in rows(filled, Caregiver)[:20]}
    assert names != {(r.first_name, r.last_name) for r in rows(second_engine, Caregiver)}


def test_progress_after_every_batch_and_cancel_keeps_what_was_saved(
    engine: Engine, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fill, "BATCH_SIZE", 50)
    calls: list[tuple[int, int]] = []

    def cancel_after_two(done: int, total: int) -> bool:
        calls.append((done, total))
        return len(calls) < 2

    assert fill_demo_database(engine, COUNT, progress=cancel_after_two) == 100
    assert calls == [(50, COUNT), (100, COUNT)]
    assert services.caregivers.count() == 100


def test_progress_reaches_the_total(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fill, "BATCH_SIZE", 80)
    calls: list[tuple[int, int]] = []

    def carry_on(done: int, total: int) -> bool:
        calls.append((done, total))
        return True

    assert fill_demo_database(engine, COUNT, progress=carry_on) == COUNT
    assert calls == [(80, COUNT), (160, COUNT), (200, COUNT)]


def test_nothing_asked_nothing_added(engine: Engine, services: Services) -> None:
    assert fill_demo_database(engine, 0) == 0
    assert services.caregivers.count() == 0


def test_search_finds_generated_people_by_last_name(filled: Engine, services: Services) -> None:
    for row in rows(filled, Caregiver)[:10]:
        criteria = CaregiverFilter(text=row.last_name, active=ActiveFilter.ALL)
        assert row.id in services.caregivers.search_ids(criteria)


def test_names_beyond_ascii_are_generated_and_found(second_engine: Engine, today: date) -> None:
    fill_demo_database(second_engine, 600, seed=SEED, today=today)
    caregivers = rows(second_engine, Caregiver)
    foreign = [r for r in caregivers if not (r.first_name + r.last_name).isascii()]
    assert 0.01 * len(caregivers) < len(foreign) < 0.2 * len(caregivers)
    with second_engine.connect() as connection:
        found = connection.scalars(
            select(Caregiver.id).where(Caregiver.search_text.contains(foreign[0].search_text))
        ).all()
    assert foreign[0].id in found


def test_some_naasten_have_two_or_three_caregivers(filled: Engine) -> None:
    with filled.connect() as connection:
        per_naaste = Counter(
            connection.scalars(select(CareRelation.care_recipient_id)).all()
        ).values()
    shared = [n for n in per_naaste if n > 1]
    assert shared and max(shared) <= 3
    assert 0.05 < len(shared) / len(per_naaste) < 0.3


def test_young_caregivers_and_unknown_ages_exist(filled: Engine, services: Services) -> None:
    def count(bracket: AgeBracket) -> int:
        criteria = CaregiverFilter(active=ActiveFilter.ALL, bracket=bracket)
        return len(services.caregivers.search_ids(criteria))

    assert count(AgeBracket.UNDER_18) > 0
    assert count(AgeBracket.FROM_18_TO_24) > 0
    assert count(AgeBracket.FROM_25) > 0.75 * COUNT
    ended = services.caregivers.search_ids(CaregiverFilter(active=ActiveFilter.ENDED))
    assert 0.05 * COUNT < len(ended) < 0.3 * COUNT


def test_existing_staff_is_reused_and_completed_to_four(
    engine: Engine, services: Services, today: date
) -> None:
    tester = services.staff.default_actor("Tester")
    fill_demo_database(engine, 20, today=today)
    staff = rows(engine, StaffMember)
    assert len(staff) == 4 and staff[0].name == "Tester"
    fill_demo_database(engine, 20, today=today)
    assert len(rows(engine, StaffMember)) == 4
    with engine.connect() as connection:
        used = set(connection.scalars(select(Contact.staff_member_id)))
        assert connection.scalar(select(func.count()).select_from(Contact)) > 0
    assert used <= {s.id for s in staff} and tester.staff_id in {s.id for s in staff}


def test_every_area_code_and_domain_gives_what_the_validators_give(today: date) -> None:
    people = People(Faker("nl_NL"), DemoRandom(1), today)
    for place in words.PLACES:
        for mobile in (True, False):
            for _ in range(10):
                phone = people.phone(place[0], mobile)
                assert normalize_phone(phone) == phone
        for _ in range(5):
            address = people.address(place[0])
            assert normalize_postcode(address.postcode) == address.postcode
            assert address.postcode[:4].isdigit()
            assert place[3] <= int(address.postcode[:4]) <= place[4]
            assert address.municipality == place[1]
    for _ in range(300):
        iban = people.iban()
        assert normalize_iban(iban) == iban
    rng = random.Random(3)
    for _ in range(300):
        male, origin = rng.random() < 0.5, people.origin()
        surname = people.surname(origin, male)
        person = people.person(male, rng.randint(12, 95), origin, surname, people.address())
        email = people.email(person)
        assert normalize_email(email) == email
