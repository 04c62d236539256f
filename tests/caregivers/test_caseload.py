"""A vrijwilliger's caseload: they see only the caregivers assigned to them, nothing else."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from steunpunt.db.caregivers.models import CaregiverAssignment, Contact
from steunpunt.db.kernel.staff import StaffMember
from steunpunt.domain.caregivers.list_filter import CaregiverFilter
from steunpunt.domain.roles import Role
from steunpunt.domain.support.burden import AssessmentData
from steunpunt.services.caregivers.caseload import NOT_YOURS
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.services.kernel.errors import NotAllowed, NotPermitted
from tests.helpers import (
    add_caregiver,
    care_recipient_data,
    contact_data,
    relation_data,
)


def staff_in_role(services: Services, engine: Engine, name: str, role: Role) -> Actor:
    """A staff member with ``role`` (accounts are set up elsewhere; here straight in the table)."""
    member = services.staff.add(name)
    with Session(engine) as session, session.begin():
        session.execute(
            update(StaffMember).where(StaffMember.id == member.id).values(role=role.value)
        )
    return Actor(member.id, name, role)


@pytest.fixture
def vera(services: Services, engine: Engine) -> Actor:
    return staff_in_role(services, engine, "Vera", Role.VRIJWILLIGER)


@pytest.fixture
def people(services: Services, actor: Actor, vera: Actor) -> dict[str, int]:
    """Jan and Kees are Vera's; Piet is not."""
    ids = {
        name: add_caregiver(services, actor, first_name=name, postcode=postcode).id
        for name, postcode in (("Jan", "1234 AB"), ("Piet", "1234 AC"), ("Kees", "1234 AD"))
    }
    assert services.assignments.assign(actor, [ids["Jan"], ids["Kees"]], [vera.staff_id]) == 2
    return ids


def test_a_volunteers_search_list_and_counts_hold_only_their_caregivers(
    services: Services, vera: Actor, people: dict[str, int]
) -> None:
    mine = services.acting_as(vera).caregivers
    page = mine.search(CaregiverFilter(), 50)
    assert page.total == 2
    assert sorted(row.id for row in page.rows) == sorted([people["Jan"], people["Kees"]])
    assert sorted(mine.search_ids(CaregiverFilter())) == sorted([people["Jan"], people["Kees"]])
    assert [row.id for row in mine.page(CaregiverFilter(), 1, 10)] == [
        row.id for row in page.rows[1:]
    ]
    assert mine.count() == 2
    assert mine.search(CaregiverFilter(text="piet"), 50).total == 0
    assert [row.id for row in mine.rows(list(people.values()))] == [people["Jan"], people["Kees"]]
    assert services.caregivers.count() == 3  # the office still sees everyone


def test_a_caregiver_not_theirs_is_refused_by_id_and_nothing_is_shown_or_changed(
    services: Services, engine: Engine, actor: Actor, vera: Actor, people: dict[str, int]
) -> None:
    mine = services.acting_as(vera)
    piet = people["Piet"]
    naaste_of_piet = services.care_recipients.create_for_caregiver(
        actor, piet, care_recipient_data(), relation_data()
    ).care_recipient_id
    refusals = [
        lambda: mine.caregivers.get(piet),
        lambda: mine.burden.summary(piet),
        lambda: mine.referrals.referrals(piet),
        lambda: mine.mailings.letter_log(piet),
        lambda: mine.assignments.volunteers_of(piet),
        lambda: mine.care_recipients.get(naaste_of_piet),
        lambda: mine.contacts.add(vera, piet, contact_data(vera.staff_id)),
        lambda: mine.burden.record(vera, piet, AssessmentData(date(2026, 1, 1), 12, None)),
    ]
    for refused in refusals:
        with pytest.raises(NotPermitted) as problem:
            refused()
        assert problem.value.message == NOT_YOURS
    with Session(engine) as session:
        assert session.scalars(select(Contact)).all() == []
    assert mine.caregivers.get(people["Jan"]).id == people["Jan"]
    services.care_recipients.link(actor, people["Jan"], naaste_of_piet, relation_data())
    naaste = mine.care_recipients.get(naaste_of_piet)  # now Jan's naaste too
    assert [relation.caregiver_id for relation in naaste.relations] == [people["Jan"]]
    [relation] = mine.caregivers.get(people["Jan"]).relations
    assert relation.co_caregivers == ()  # Piet cares for the naaste too, but is not hers
    [relation] = services.caregivers.get(people["Jan"]).relations
    assert len(relation.co_caregivers) == 1
    assert mine.contacts.add(vera, people["Jan"], contact_data(vera.staff_id)).id


def test_a_volunteers_worklist_holds_only_their_caregivers(
    services: Services, actor: Actor, vera: Actor, people: dict[str, int]
) -> None:
    for caregiver_id in people.values():  # overloaded and never spoken to: on the worklist
        services.burden.record(actor, caregiver_id, AssessmentData(date(2026, 1, 1), 12, None))
    assert len(services.worklist.items()) == 3
    mine = services.acting_as(vera).worklist.items()
    assert sorted(item.caregiver_id for item in mine) == sorted([people["Jan"], people["Kees"]])
    others = [item for item in services.worklist.items() if item.caregiver_id == people["Piet"]]
    worklist = services.acting_as(vera).worklist
    with pytest.raises(NotPermitted):
        worklist.mark_done(vera, others[0].key)
    worklist.mark_done(vera, mine[0].key)
    assert [item.key for item in worklist.done_items()] == [mine[0].key]
    assert len(services.worklist.items()) == 2  # Piet's item is still there


def test_caregivers_are_assigned_to_one_or_more_volunteers_and_taken_back(
    services: Services, engine: Engine, actor: Actor, vera: Actor, people: dict[str, int]
) -> None:
    wim = staff_in_role(services, engine, "Wim", Role.VRIJWILLIGER)
    assert [v.name for v in services.assignments.volunteers()] == ["Vera", "Wim"]
    both = [vera.staff_id, wim.staff_id]
    assert services.assignments.assign(actor, [people["Jan"], people["Piet"]], both) == 3
    assert [v.name for v in services.assignments.volunteers_of(people["Jan"])] == ["Vera", "Wim"]
    services.assignments.unassign(actor, [people["Jan"]], [vera.staff_id])
    assert [v.name for v in services.assignments.volunteers_of(people["Jan"])] == ["Wim"]
    assert services.acting_as(vera).caregivers.count() == 2  # Kees and Piet
    with Session(engine) as session:
        assert len(session.scalars(select(CaregiverAssignment)).all()) == 4


def test_only_the_office_assigns_and_only_to_volunteers(
    services: Services, engine: Engine, actor: Actor, vera: Actor, people: dict[str, int]
) -> None:
    mia = staff_in_role(services, engine, "Mia", Role.MEDEWERKER)
    assert services.acting_as(mia).assignments.assign(mia, [people["Piet"]], [vera.staff_id])
    with pytest.raises(NotPermitted, match="Met de rol Vrijwilliger mag u geen mantelzorgers"):
        services.assignments.assign(vera, [people["Piet"]], [vera.staff_id])
    with pytest.raises(NotAllowed, match="actieve vrijwilligers"):
        services.assignments.assign(actor, [people["Piet"]], [mia.staff_id])
