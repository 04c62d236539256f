"""Demo support work: consistent with the register and usable by every support screen."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine, func, select

from steunpunt.db.caregivers.models import Caregiver
from steunpunt.db.support.models import HouseholdHelpMonth, Referral
from steunpunt.demo.fill import fill_demo_database
from steunpunt.demo.support import fill_demo_support
from steunpunt.services.kernel.container import Services

TODAY = date(2026, 11, 22)


def test_demo_support_work_matches_what_the_services_compute(
    engine: Engine, services: Services
) -> None:
    fill_demo_database(engine, 300, today=TODAY)
    counts = fill_demo_support(engine, today=TODAY)
    assert counts.partners == 13 and counts.assessments and counts.referrals and counts.grants
    with engine.connect() as connection:
        assert (
            connection.scalar(select(func.count()).where(Referral.consent_to_share.is_(False))) == 0
        )
        measured = connection.execute(
            select(Caregiver.id, Caregiver.burden_level, Caregiver.overloaded).where(
                Caregiver.burden_level.is_not(None)
            )
        ).all()
        assert connection.scalar(select(func.count(HouseholdHelpMonth.id)))
    for caregiver_id, level, overloaded in measured[:40]:
        latest = services.burden.summary(caregiver_id).latest
        assert latest is not None
        assert (latest.level.value, latest.overloaded) == (level, overloaded)
    assert services.worklist.items()
