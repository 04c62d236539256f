"""The register's pairs are kept between scans and found again after a change to the register."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import Engine, update

from steunpunt.db.caregivers.models import Caregiver
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from tests.helpers import add_caregiver


def test_pairs_are_kept_until_a_caregiver_changes(
    services: Services, actor: Actor, engine: Engine
) -> None:
    piet = add_caregiver(services, actor, first_name="Piet")
    assert services.duplicates.scan() == []
    pieter = add_caregiver(services, actor, first_name="Pieter")

    assert [(p.first.id, p.second.id) for p in services.duplicates.scan()] == [(piet.id, pieter.id)]

    with engine.begin() as connection:  # not through the services: nothing announced
        connection.execute(
            update(Caregiver).values(first_name="Kees").where(Caregiver.id == pieter.id)
        )
    assert len(services.duplicates.scan()) == 1  # kept
    detail = services.caregivers.get(piet.id)
    services.caregivers.update(actor, piet.id, detail.version, replace(detail.data, notes="Belt"))
    assert services.duplicates.scan() == []  # found again: Kees is no Piet
