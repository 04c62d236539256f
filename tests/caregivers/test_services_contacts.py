"""Contact moments and staff members."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine

from steunpunt.domain.choices import ContactKind
from steunpunt.services.caregivers.dto import CaregiverDetail
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.services.kernel.errors import NotAllowed, NotFound, StaleEdit
from tests.helpers import add_caregiver, contact_data


@pytest.fixture
def jan(services: Services, actor: Actor) -> CaregiverDetail:
    return add_caregiver(services, actor)


def test_add_contact(services: Services, actor: Actor, jan: CaregiverDetail) -> None:
    view = services.contacts.add(actor, jan.id, contact_data(actor.staff_id))
    assert view.caregiver_id == jan.id
    assert view.data.contact_date == date(2026, 11, 20)
    assert view.kind is ContactKind.PHONE
    assert view.data.note == "Belde over respijtzorg."
    assert view.staff_name == "Tester"
    assert view.version == 1
    assert services.caregivers.get(jan.id).contacts == (view,)


def test_contact_without_staff_member(
    services: Services, actor: Actor, jan: CaregiverDetail
) -> None:
    view = services.contacts.add(actor, jan.id, contact_data(None))
    assert view.staff_name == ""
    assert view.data.staff_id is None


def test_contacts_are_listed_newest_first(
    services: Services, actor: Actor, jan: CaregiverDetail
) -> None:
    for day, note in [
        ("01-03-2026", "maart"),
        ("15-10-2026", "oktober, eerste"),
        ("02-01-2025", "vorig jaar"),
        ("15-10-2026", "oktober, tweede"),
        ("22-11-2026", "vandaag"),
    ]:
        services.contacts.add(actor, jan.id, contact_data(contact_date=day, note=note))
    notes = [c.data.note for c in services.caregivers.get(jan.id).contacts]
    assert notes == ["vandaag", "oktober, tweede", "oktober, eerste", "maart", "vorig jaar"]


def test_contacts_belong_to_their_own_caregiver(
    services: Services, actor: Actor, jan: CaregiverDetail
) -> None:
    petra = add_caregiver(services, actor, first_name="Petra")
    services.contacts.add(actor, jan.id, contact_data(note="jan"))
    services.contacts.add(actor, petra.id, contact_data(note="petra"))
    assert [c.data.note for c in services.caregivers.get(petra.id).contacts] == ["petra"]


def test_contact_for_unknown_caregiver(services: Services, actor: Actor) -> None:
    with pytest.raises(NotFound, match="Deze mantelzorger bestaat niet meer"):
        services.contacts.add(actor, 999, contact_data())


def test_update_contact(services: Services, actor: Actor, jan: CaregiverDetail) -> None:
    view = services.contacts.add(actor, jan.id, contact_data(actor.staff_id))
    changed = contact_data(actor.staff_id, kind="huisbezoek", note="Toch langs geweest.")
    updated = services.contacts.update(actor, view.id, view.version, changed)
    assert updated.data == changed
    assert updated.kind is ContactKind.HOME_VISIT
    assert updated.version == view.version + 1
    assert services.caregivers.get(jan.id).contacts == (updated,)


def test_stale_contact_edit_is_refused(
    services: Services, actor: Actor, jan: CaregiverDetail
) -> None:
    view = services.contacts.add(actor, jan.id, contact_data())
    saved = services.contacts.update(actor, view.id, view.version, contact_data(note="eerste"))
    with pytest.raises(StaleEdit) as caught:
        services.contacts.update(actor, view.id, view.version, contact_data(note="tweede"))
    assert caught.value.message.startswith("Dit contactmoment is intussen door iemand anders")
    with pytest.raises(StaleEdit):
        services.contacts.remove(actor, view.id, view.version)
    assert services.caregivers.get(jan.id).contacts == (saved,)


def test_remove_contact(services: Services, actor: Actor, jan: CaregiverDetail) -> None:
    keep = services.contacts.add(actor, jan.id, contact_data(note="blijft"))
    gone = services.contacts.add(actor, jan.id, contact_data(note="weg"))
    services.contacts.remove(actor, gone.id, gone.version)
    assert services.caregivers.get(jan.id).contacts == (keep,)
    with pytest.raises(NotFound, match="Dit contactmoment bestaat niet meer"):
        services.contacts.remove(actor, gone.id, gone.version)


def test_default_actor_is_created_once(services: Services) -> None:
    assert services.staff.list() == []
    first = services.staff.default_actor("  Els   Bakker ")
    assert first.name == "Els Bakker"
    second = services.staff.default_actor("Iemand Anders")
    assert second == first
    assert [s.name for s in services.staff.list()] == ["Els Bakker"]


def test_default_actor_without_a_name(services: Services) -> None:
    assert services.staff.default_actor("  ").name == "Medewerker"


def test_default_actor_is_the_first_staff_member(services: Services) -> None:
    services.staff.add("Wim")
    services.staff.add("Anna")
    assert services.staff.default_actor("Nieuw").name == "Wim"
    assert [s.name for s in services.staff.list()] == ["Anna", "Wim"]


def test_staff_member_needs_a_name(services: Services) -> None:
    with pytest.raises(NotAllowed, match=r"Vul de naam van de medewerker in\."):
        services.staff.add("   ")


def test_the_caregiver_keeps_the_date_of_the_latest_contact(
    services: Services, actor: Actor, engine: Engine
) -> None:
    from sqlalchemy import select

    from steunpunt.db.caregivers.models import Caregiver

    caregiver = add_caregiver(services, actor).id

    def last_contact() -> object:
        with engine.connect() as connection:
            return connection.scalar(
                select(Caregiver.last_contact_on).where(Caregiver.id == caregiver)
            )

    older = services.contacts.add(actor, caregiver, contact_data(contact_date="1-3-2026"))
    newer = services.contacts.add(actor, caregiver, contact_data(contact_date="1-6-2026"))
    assert str(last_contact()) == "2026-06-01"
    services.contacts.remove(actor, newer.id, newer.version)
    assert str(last_contact()) == "2026-03-01"
    services.contacts.update(actor, older.id, older.version, contact_data(contact_date="2-3-2026"))
    assert str(last_contact()) == "2026-03-02"
    services.contacts.remove(actor, older.id, older.version + 1)
    assert last_contact() is None
