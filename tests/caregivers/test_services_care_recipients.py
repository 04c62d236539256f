"""Naasten: created for a caregiver, linked to more caregivers, edited, unlinked, found."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import Engine, text

from steunpunt.domain.caregivers.consent import ConsentData
from steunpunt.domain.choices import ConsentMethod, ConsentScope, LivingSituation, RelationType
from steunpunt.services.caregivers.dto import CaregiverDetail, RelationView
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.services.kernel.errors import NotAllowed, NotFound, StaleEdit
from tests.helpers import add_caregiver, care_recipient_data, relation_data


@pytest.fixture
def jan(services: Services, actor: Actor) -> CaregiverDetail:
    return add_caregiver(services, actor)


@pytest.fixture
def petra(services: Services, actor: Actor) -> CaregiverDetail:
    return add_caregiver(
        services, actor, first_name="Petra", infix="", last_name="Jansen", initials=""
    )


@pytest.fixture
def mother(services: Services, actor: Actor, jan: CaregiverDetail) -> RelationView:
    """Maria Jansen, cared for by Jan as his mother."""
    return services.care_recipients.create_for_caregiver(
        actor, jan.id, care_recipient_data(), relation_data(hours_per_week="7,5")
    )


def test_create_naaste_for_a_caregiver(
    services: Services, jan: CaregiverDetail, mother: RelationView
) -> None:
    assert mother.caregiver_id == jan.id
    assert mother.caregiver_name == "Jan Pieter de Vries"
    assert mother.care_recipient_name == "Maria Jansen"
    assert mother.data.relation_type is RelationType.PARENT
    assert mother.data.hours_per_week == 7.5
    assert mother.data.care_since == date(2024, 3, 1)
    assert mother.version == 1

    naaste = services.care_recipients.get(mother.care_recipient_id)
    assert naaste.data == care_recipient_data()
    assert naaste.relations == (mother,)
    assert services.caregivers.get(jan.id).relations == (mother,)


def test_create_for_unknown_caregiver_saves_nothing(
    services: Services, actor: Actor, engine: Engine
) -> None:
    with pytest.raises(NotFound):
        services.care_recipients.create_for_caregiver(
            actor, 404, care_recipient_data(), relation_data()
        )
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM care_recipient")).scalar() == 0


def test_link_the_same_naaste_to_a_second_caregiver(
    services: Services,
    actor: Actor,
    jan: CaregiverDetail,
    petra: CaregiverDetail,
    mother: RelationView,
) -> None:
    second = services.care_recipients.link(
        actor, petra.id, mother.care_recipient_id, relation_data(relation_type="schoonouder")
    )
    assert second.caregiver_id == petra.id
    assert second.caregiver_name == "Petra Jansen"
    assert second.care_recipient_id == mother.care_recipient_id
    assert second.data.relation_type is RelationType.PARENT_IN_LAW

    naaste = services.care_recipients.get(mother.care_recipient_id)
    assert [(r.id, r.caregiver_id, r.caregiver_name) for r in naaste.relations] == [
        (mother.id, jan.id, "Jan Pieter de Vries"),
        (second.id, petra.id, "Petra Jansen"),
    ]
    (jans,) = services.caregivers.get(jan.id).relations
    (petras,) = services.caregivers.get(petra.id).relations
    assert replace(jans, co_caregivers=()) == mother
    assert replace(petras, co_caregivers=()) == second
    # Each caregiver's record names the naaste's other caregivers.
    assert jans.co_caregivers == ("Petra Jansen",)
    assert petras.co_caregivers == ("Jan Pieter de Vries",)


def test_linking_twice_is_refused(
    services: Services, actor: Actor, jan: CaregiverDetail, mother: RelationView
) -> None:
    with pytest.raises(NotAllowed) as caught:
        services.care_recipients.link(actor, jan.id, mother.care_recipient_id, relation_data())
    assert caught.value.message == "Deze naaste is al gekoppeld aan deze mantelzorger."
    assert services.caregivers.get(jan.id).relations == (mother,)


def test_link_to_unknown_naaste_or_caregiver(
    services: Services, actor: Actor, jan: CaregiverDetail, mother: RelationView
) -> None:
    with pytest.raises(NotFound, match="Deze naaste bestaat niet meer"):
        services.care_recipients.link(actor, jan.id, 999, relation_data())
    with pytest.raises(NotFound, match="Deze mantelzorger bestaat niet meer"):
        services.care_recipients.link(actor, 999, mother.care_recipient_id, relation_data())


def test_update_relation(
    services: Services, actor: Actor, jan: CaregiverDetail, mother: RelationView
) -> None:
    changed = relation_data(relation_type="familie", hours_per_week="20", care_since="")
    updated = services.care_recipients.update_relation(actor, mother.id, mother.version, changed)
    assert updated.data == changed
    assert updated.data.care_since is None
    assert updated.version == mother.version + 1
    assert services.caregivers.get(jan.id).relations == (updated,)


def test_stale_relation_edit_is_refused(
    services: Services, actor: Actor, mother: RelationView
) -> None:
    saved = services.care_recipients.update_relation(
        actor, mother.id, mother.version, relation_data(hours_per_week="20")
    )
    with pytest.raises(StaleEdit, match="Deze koppeling is intussen"):
        services.care_recipients.update_relation(
            actor, mother.id, mother.version, relation_data(hours_per_week="40")
        )
    assert services.care_recipients.get(mother.care_recipient_id).relations == (saved,)


def test_unlink_keeps_the_naaste(
    services: Services, actor: Actor, jan: CaregiverDetail, mother: RelationView
) -> None:
    services.care_recipients.unlink(actor, mother.id, mother.version)
    assert services.caregivers.get(jan.id).relations == ()
    naaste = services.care_recipients.get(mother.care_recipient_id)
    assert naaste.relations == ()
    assert naaste.data.name.full == "Maria Jansen"
    # ... and it can be linked again.
    again = services.care_recipients.link(actor, jan.id, naaste.id, relation_data())
    assert services.caregivers.get(jan.id).relations == (again,)


def test_unlink_with_an_old_version_is_refused(
    services: Services, actor: Actor, jan: CaregiverDetail, mother: RelationView
) -> None:
    services.care_recipients.update_relation(
        actor, mother.id, mother.version, relation_data(hours_per_week="3")
    )
    with pytest.raises(StaleEdit):
        services.care_recipients.unlink(actor, mother.id, mother.version)
    assert len(services.caregivers.get(jan.id).relations) == 1


def test_update_naaste_and_refuse_stale_edit(
    services: Services, actor: Actor, jan: CaregiverDetail, mother: RelationView
) -> None:
    naaste = services.care_recipients.get(mother.care_recipient_id)
    changed = care_recipient_data(
        frozenset({ConsentScope.REGISTRATION}),
        living_situation="wlz",
        condition="CVA",
        consent_given_on="01-11-2026",
        consent_method="mondeling",
    )
    updated = services.care_recipients.update(actor, naaste.id, naaste.version, changed)
    assert updated.version == naaste.version + 1
    assert updated.data.living_situation is LivingSituation.WLZ_INSTITUTION
    assert updated.data.condition == "CVA"
    assert updated.data.consent == ConsentData(
        date(2026, 11, 1), frozenset({ConsentScope.REGISTRATION}), ConsentMethod.ORAL
    )
    assert updated.relations == (mother,)

    with pytest.raises(StaleEdit, match="Deze naaste is intussen"):
        services.care_recipients.update(
            actor, naaste.id, naaste.version, care_recipient_data(condition="anders")
        )
    assert services.care_recipients.get(naaste.id) == updated


def test_renaming_the_naaste_shows_on_the_caregiver(
    services: Services, actor: Actor, jan: CaregiverDetail, mother: RelationView
) -> None:
    naaste = services.care_recipients.get(mother.care_recipient_id)
    services.care_recipients.update(
        actor, naaste.id, naaste.version, care_recipient_data(last_name="bakker")
    )
    (relation,) = services.caregivers.get(jan.id).relations
    assert relation.care_recipient_name == "Maria Bakker"


def test_find_naaste_by_name_or_place(
    services: Services, actor: Actor, jan: CaregiverDetail, petra: CaregiverDetail
) -> None:
    maria = services.care_recipients.create_for_caregiver(
        actor, jan.id, care_recipient_data(), relation_data()
    )
    services.care_recipients.link(actor, petra.id, maria.care_recipient_id, relation_data())
    services.care_recipients.create_for_caregiver(
        actor,
        petra.id,
        care_recipient_data(
            first_name="ayşe",
            last_name="yılmaz",
            birth_date="",
            street="Zandweg",
            house_number="10",
            postcode="3812 EF",
            place="Leusden",
        ),
        relation_data(relation_type="vriend"),
    )

    found = services.care_recipients.find("jansen")
    assert [(f.name, f.birth_date, f.place, f.caregiver_count) for f in found] == [
        ("Maria Jansen", date(1940, 4, 3), "", 2)
    ]
    assert [f.name for f in services.care_recipients.find("ayse")] == ["Ayşe Yılmaz"]
    assert [f.name for f in services.care_recipients.find("Yılmaz")] == ["Ayşe Yılmaz"]
    assert [f.name for f in services.care_recipients.find("leusden")] == ["Ayşe Yılmaz"]
    assert [f.name for f in services.care_recipients.find("maria jans")] == ["Maria Jansen"]
    assert services.care_recipients.find("maria leusden") == []
    assert [f.name for f in services.care_recipients.find("")] == ["Maria Jansen", "Ayşe Yılmaz"]
    assert len(services.care_recipients.find("", limit=1)) == 1
    assert services.care_recipients.find("%") == []
    assert services.care_recipients.find("_") == []
