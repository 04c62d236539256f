"""A generated register for the verantwoording: demo people and support work, some grants
extended, and compliments with their status history; or demo people spread over a large, a
middle and a small gemeente."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Engine, insert, select, update

from steunpunt.db.caregivers.models import Caregiver, CareRelation
from steunpunt.db.compliment.models import ApplicationStatusChange, ComplimentApplication
from steunpunt.db.support.models import HouseholdHelpGrant
from steunpunt.demo.fill import fill_demo_database
from steunpunt.demo.support import fill_demo_support
from steunpunt.domain.compliment.application import ApplicationData, Channel
from steunpunt.domain.compliment.round_rules import RoundRules
from steunpunt.domain.compliment.status import ApplicationStatus as Status
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from tests.reports.report_recount import rows

TODAY = date(2026, 11, 22)
GEMEENTEN = ("Amersfoort", "Soest", "Eemnes")
"""A large, a middle and a small gemeente, most caregivers first."""
HISTORIES = (
    (Status.GRANTED,),
    (Status.GRANTED, Status.PAID),
    (Status.REFUSED,),
    (Status.IN_REVIEW, Status.GRANTED),
    (),
)


def add_compliments(services: Services, actor: Actor, engine: Engine) -> None:
    """Applications in rounds of 2025 and 2026 for most care relations, each with a history of
    status changes at noon on days spread over both years."""
    rng = random.Random(11)
    rounds = {
        (year, town): services.rounds.create(
            actor, RoundRules(year, town, date(year, 1, 1), date(year, 12, 31))
        ).id
        for year in (2025, 2026)
        for town in ("Amersfoort", "Soest", "Zeist")
    }
    applications: list[dict[str, Any]] = []
    histories: list[list[tuple[str, datetime]]] = []
    pairs = rows(engine, CareRelation.caregiver_id, CareRelation.care_recipient_id)
    for caregiver_id, naaste_id in pairs:
        if rng.random() < 0.3:
            continue
        received = date(2025, 1, 1) + timedelta(days=rng.randint(0, 690))
        applications.append(
            {
                "round_id": rounds[(received.year, rng.choice(("Amersfoort", "Soest", "Zeist")))],
                "caregiver_id": caregiver_id,
                "care_recipient_id": naaste_id,
                "received_on": received,
                "channel": "papier",
                "amount_cents": rng.choice((5_000, 10_000, None)),
            }
        )
        day, history = received, [(Status.RECEIVED.value, received)]
        for status in rng.choice(HISTORIES):
            day += timedelta(days=rng.randint(1, 200))
            history.append((status.value, day))
        histories.append(
            [(status, datetime.combine(day, time(12), UTC)) for status, day in history]
        )
    with engine.begin() as connection:
        for application, history in zip(applications, histories, strict=True):
            application["status"] = history[-1][0]
            application_id = connection.execute(
                insert(ComplimentApplication).values(application)
            ).inserted_primary_key[0]
            connection.execute(
                insert(ApplicationStatusChange),
                [
                    {"application_id": application_id, "to_status": status, "changed_at": at}
                    for status, at in history
                ],
            )


def extend_some_grants(engine: Engine) -> None:
    """Every fifth grant extended by three whole months (its budget grows by a quarter)."""
    grants = rows(engine, HouseholdHelpGrant.id, HouseholdHelpGrant.ends_on)
    with engine.begin() as connection:
        for grant_id, ends_on in grants[::5]:
            after = ends_on + timedelta(days=1)
            month = after.month + 3
            until = date(after.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
            connection.execute(
                update(HouseholdHelpGrant)
                .where(HouseholdHelpGrant.id == grant_id)
                .values(extended_until=until - timedelta(days=1))
            )


def three_gemeenten(
    services: Services, actor: Actor, engine: Engine, caregivers: int, seed: int
) -> None:
    """Demo caregivers with support work spread over :data:`GEMEENTEN` (about 11, 3 and 1 in
    14), and a compliment round of 2026 at € 100 with twelve applications from Amersfoort:
    eight granted, four refused."""
    fill_demo_database(engine, caregivers, seed=seed, today=TODAY)
    fill_demo_support(engine, seed=seed, today=TODAY)
    with engine.begin() as connection:
        for number, name in ((0, "Eemnes"), (1, "Soest"), (2, "Soest"), (3, "Soest")):
            connection.execute(
                update(Caregiver).where(Caregiver.id % 14 == number).values(municipality=name)
            )
        connection.execute(
            update(Caregiver)
            .where(Caregiver.municipality.not_in(("Eemnes", "Soest")))
            .values(municipality="Amersfoort")
        )
        pairs = connection.execute(
            select(CareRelation.caregiver_id, CareRelation.care_recipient_id)
            .join(Caregiver, Caregiver.id == CareRelation.caregiver_id)
            .where(Caregiver.municipality == "Amersfoort", Caregiver.ended_on.is_(None))
            .order_by(CareRelation.caregiver_id)
        ).all()
    rules = RoundRules(
        2026, "Amersfoort", date(2026, 1, 1), date(2026, 11, 30), amount_cents=10_000
    )
    round_id = services.rounds.create(actor, rules).id
    seen: set[int] = set()
    statuses = (Status.GRANTED, Status.GRANTED, Status.REFUSED)
    for caregiver, naaste in pairs:
        if caregiver in seen or len(seen) == 12:
            continue
        seen.add(caregiver)
        data = ApplicationData(
            caregiver, naaste, date(2026, 5, 1), Channel.PAPER, "NL91ABNA0417164300", "X"
        )
        application = services.applications.register(actor, round_id, data)
        status = statuses[len(seen) % 3]
        services.applications.change_status(
            actor, application, 1, status, reason="test", warnings_acknowledged=True
        )
    assert services.reports.municipalities() == list(GEMEENTEN)
