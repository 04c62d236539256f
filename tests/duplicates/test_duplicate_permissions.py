"""Finding, deciding, merging and undoing are for medewerkers and beheerders, never vrijwilligers."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from steunpunt.domain.roles import Role
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.services.kernel.errors import NotPermitted
from tests.caregivers.test_caseload import staff_in_role
from tests.helpers import add_caregiver


@pytest.mark.parametrize("role", [Role.VRIJWILLIGER, Role.FINANCIEN, Role.RAPPORTAGE])
def test_other_roles_are_refused_in_dutch(
    services: Services, actor: Actor, engine: Engine, role: Role
) -> None:
    first = add_caregiver(services, actor, first_name="Piet")
    second = add_caregiver(services, actor, first_name="Pieter")
    person = staff_in_role(services, engine, "Vera", role)
    theirs = services.acting_as(person).duplicates

    with pytest.raises(NotPermitted, match="geen dubbele mantelzorgers zoeken of samenvoegen"):
        theirs.scan()
    with pytest.raises(NotPermitted):
        theirs.not_same(person, first.id, second.id)
    with pytest.raises(NotPermitted):
        theirs.merge_proposal(first.id, second.id)
    with pytest.raises(NotPermitted):
        theirs.merge(person, first.id, second.id, {}, {first.id: 1, second.id: 1})
    with pytest.raises(NotPermitted):
        theirs.undo_merge(person, 1)
    with pytest.raises(NotPermitted):
        theirs.merges()


def test_a_medewerker_finds_merges_and_undoes(
    services: Services, actor: Actor, engine: Engine
) -> None:
    first = add_caregiver(services, actor, first_name="Piet")
    second = add_caregiver(services, actor, first_name="Pieter")
    person = staff_in_role(services, engine, "Mees", Role.MEDEWERKER)
    theirs = services.acting_as(person).duplicates

    assert [(p.first.id, p.second.id) for p in theirs.scan()] == [(first.id, second.id)]
    proposal = theirs.merge_proposal(first.id, second.id)
    merged = theirs.merge(
        person, proposal.survivor.id, proposal.other.id, {}, dict(proposal.versions)
    )
    theirs.undo_merge(person, merged.merge_id)
    assert theirs.merges()[0].merged_by == "Mees"
