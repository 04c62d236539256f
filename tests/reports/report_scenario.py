"""A register built in two steps, for reports of 2025: what was known at the end of 2025, and
what happened in 2026. Household help and compliment decisions are written as rows, with
the dates and times they happened; everything else goes through the services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import Engine, update
from sqlalchemy.orm import Session

from steunpunt.db.compliment.models import ApplicationStatusChange, ComplimentApplication
from steunpunt.db.support.models import HouseholdHelpGrant
from steunpunt.domain.compliment.round_rules import RoundRules
from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.domain.support.burden import AssessmentData
from steunpunt.domain.support.household_help.status import HouseholdHelpStatus
from steunpunt.domain.support.partner import partner_from_form
from steunpunt.domain.support.referral import ReferralData, ReferralOutcome
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from tests.helpers import add_caregiver, care_recipient_data, contact_data, relation_data
from tests.support.test_services_household_help import provider
from tests.support.test_services_support import partner_form

PERIOD_2025 = (date(2025, 1, 1), date(2025, 12, 31))
SOEST = {"municipality": "soest", "postcode": "3761ab", "place": "soest"}


@dataclass
class Register:
    """The ids the second step needs."""

    ids: dict[str, int]
    naasten: dict[str, int]
    rounds: dict[str, int]
    respite: int
    team: int
    home_care: int
    open_referral: int


def at(day: date) -> datetime:
    """Noon (UTC) of ``day``: a status change well inside that day in any Dutch time."""
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


def person(services: Services, actor: Actor, name: str, registered: str, **form: str) -> int:
    return add_caregiver(
        services,
        actor,
        first_name=name,
        infix="",
        last_name=name,
        registered_on=registered,
        **form,
    ).id


def naaste(services: Services, actor: Actor, caregiver_id: int) -> int:
    link = services.care_recipients.create_for_caregiver(
        actor,
        caregiver_id,
        care_recipient_data(first_name=f"naaste{caregiver_id}"),
        relation_data(),
    )
    return link.care_recipient_id


def measure(services: Services, actor: Actor, caregiver_id: int, day: date, total: int) -> None:
    services.burden.record(actor, caregiver_id, AssessmentData(day, total, None))


def contact(services: Services, actor: Actor, caregiver_id: int, day: str) -> None:
    services.contacts.add(actor, caregiver_id, contact_data(contact_date=day, kind="telefoon"))


def refer(
    services: Services,
    actor: Actor,
    caregiver_id: int,
    partner_id: int,
    day: date,
    outcome: ReferralOutcome | None = None,
    closed_on: date | None = None,
) -> int:
    data = ReferralData(partner_id, day, "steun", True, None, outcome, closed_on)
    return services.referrals.add(actor, caregiver_id, data).id


def grant(
    engine: Engine,
    caregiver_id: int,
    provider_id: int,
    period: tuple[date, date],
    hours_per_year: float,
) -> None:
    """Household help granted for ``period``, as the household help service stores it."""
    with Session(engine) as session, session.begin():
        session.add(
            HouseholdHelpGrant(
                caregiver_id=caregiver_id,
                provider_id=provider_id,
                starts_on=period[0],
                ends_on=period[1],
                hours_per_week=1.0,
                hours_per_year=hours_per_year,
                own_contribution_cents=750,
                status=HouseholdHelpStatus.GRANTED.value,
            )
        )


def apply(
    engine: Engine,
    round_id: int,
    caregiver_id: int,
    naaste_id: int,
    received_on: date,
    *history: tuple[ApplicationStatus, date],
) -> int:
    """An application received on a day, with each later change of status on its day."""
    with Session(engine) as session, session.begin():
        row = ComplimentApplication(
            round_id=round_id,
            caregiver_id=caregiver_id,
            care_recipient_id=naaste_id,
            received_on=received_on,
            channel="papier",
            status=ApplicationStatus.RECEIVED.value,
            amount_cents=10_000,
        )
        session.add(row)
        session.flush()
        changes = [(ApplicationStatus.RECEIVED, received_on), *history]
        previous: ApplicationStatus | None = None
        for status, day in changes:
            session.add(
                ApplicationStatusChange(
                    application_id=row.id,
                    from_status=previous,
                    to_status=status.value,
                    changed_at=at(day),
                )
            )
            previous = status
        row.status = changes[-1][0].value
        return row.id


def change_status(
    engine: Engine, application_id: int, status: ApplicationStatus, day: date
) -> None:
    with Session(engine) as session, session.begin():
        row = session.get_one(ComplimentApplication, application_id)
        session.add(
            ApplicationStatusChange(
                application_id=row.id,
                from_status=row.status,
                to_status=status.value,
                changed_at=at(day),
            )
        )
        row.status = status.value


def date_status_changes(engine: Engine, day: date) -> None:
    """Every status change recorded so far happened on ``day`` (the services stamp the clock)."""
    with Session(engine) as session, session.begin():
        session.execute(update(ApplicationStatusChange).values(changed_at=at(day)))


def known_at_the_end_of_2025(services: Services, actor: Actor, engine: Engine) -> Register:
    """Every fact dated 2025 or earlier; the comments say what each is there to test."""
    ids = {
        # overloaded on 1 March 2025, no longer in 2026
        "anna": person(services, actor, "anna", "01-01-2024"),
        # not overloaded in 2025, overloaded in 2026
        "bram": person(services, actor, "bram", "01-01-2024"),
        # new in 2025; measured (overloaded) only in 2026
        "cor": person(services, actor, "cor", "01-02-2025"),
        # overloaded since 2024, household help across 2025 and 2026
        "dirk": person(services, actor, "dirk", "01-01-2023"),
        # overloaded but ended in 2025; referred on her last day
        "eva": person(
            services, actor, "eva", "01-01-2024", ended_on="30-06-2025", end_reason="verhuisd"
        ),
        # referred after he ended
        "gijs": person(
            services, actor, "gijs", "01-01-2024", ended_on="31-03-2025", end_reason="verhuisd"
        ),
        # new in 2025, found himself, measured overloaded on the last day of 2025
        "hans": person(services, actor, "hans", "01-08-2025", source="zelf"),
        # lives in Soest, cares for someone in Amersfoort
        "sara": person(services, actor, "sara", "01-01-2024", **SOEST),
    }
    naasten = {
        name: naaste(services, actor, ids[name]) for name in ("anna", "bram", "dirk", "sara")
    }
    measure(services, actor, ids["anna"], date(2025, 3, 1), 10)
    measure(services, actor, ids["bram"], date(2025, 5, 1), 4)
    measure(services, actor, ids["dirk"], date(2024, 6, 1), 9)
    measure(services, actor, ids["eva"], date(2025, 1, 10), 14)
    measure(services, actor, ids["hans"], date(2025, 12, 31), 9)
    contact(services, actor, ids["anna"], "01-04-2025")
    contact(services, actor, ids["bram"], "01-09-2025")
    respite = services.partners.create(actor, partner_from_form(partner_form(), active=True)).id
    team = services.partners.create(
        actor, partner_from_form(partner_form(name="Wijkteam Zuid", kind="wijkteam"), active=True)
    ).id
    open_referral = refer(services, actor, ids["anna"], respite, date(2025, 5, 1))
    refer(
        services,
        actor,
        ids["bram"],
        team,
        date(2025, 10, 1),
        ReferralOutcome.WAITING_LIST,
        date(2025, 11, 1),
    )
    refer(
        services,
        actor,
        ids["eva"],
        team,
        date(2025, 6, 30),
        ReferralOutcome.NO_CONTACT,
        date(2025, 7, 15),
    )
    refer(services, actor, ids["gijs"], respite, date(2025, 6, 1))
    home_care = provider(services, actor)
    grant(engine, ids["dirk"], home_care, (date(2025, 7, 1), date(2026, 6, 30)), 52)
    rounds = {
        town: services.rounds.create(
            actor, RoundRules(2025, town, date(2025, 1, 1), date(2025, 12, 31))
        ).id
        for town in ("Amersfoort", "Soest")
    }
    amersfoort = rounds["Amersfoort"]
    apply(
        engine,
        amersfoort,
        ids["anna"],
        naasten["anna"],
        date(2025, 5, 1),
        (ApplicationStatus.GRANTED, date(2025, 6, 1)),
    )
    apply(
        engine,
        rounds["Soest"],
        ids["bram"],
        naasten["bram"],
        date(2025, 9, 1),
        (ApplicationStatus.REFUSED, date(2025, 10, 1)),
    )
    apply(engine, amersfoort, ids["dirk"], naasten["dirk"], date(2025, 12, 20))
    apply(
        engine,
        amersfoort,
        ids["sara"],
        naasten["sara"],
        date(2025, 5, 2),
        (ApplicationStatus.GRANTED, date(2025, 6, 1)),
    )
    return Register(ids, naasten, rounds, respite, team, home_care, open_referral)


def happened_in_2026(services: Services, actor: Actor, engine: Engine, register: Register) -> None:
    """New facts of 2026: none of them changes what was true at the end of 2025."""
    ids = register.ids
    measure(services, actor, ids["anna"], date(2026, 2, 1), 3)
    measure(services, actor, ids["bram"], date(2026, 3, 1), 12)
    measure(services, actor, ids["cor"], date(2026, 1, 15), 9)
    contact(services, actor, ids["dirk"], "10-01-2026")
    contact(services, actor, ids["cor"], "20-01-2026")
    referral = next(
        view
        for view in services.referrals.referrals(ids["anna"])
        if view.id == register.open_referral
    )
    services.referrals.update(
        actor,
        referral.id,
        referral.version,
        ReferralData(
            register.respite,
            date(2025, 5, 1),
            "steun",
            True,
            None,
            ReferralOutcome.HELPED,
            date(2026, 2, 1),
        ),
    )
    refer(services, actor, ids["cor"], register.team, date(2026, 2, 1))
    grant(engine, ids["bram"], register.home_care, (date(2026, 3, 1), date(2027, 2, 28)), 36)
    with Session(engine) as session:
        anna, dirk = (
            session.query(ComplimentApplication.id)
            .filter(ComplimentApplication.caregiver_id == ids[name])
            .scalar()
            for name in ("anna", "dirk")
        )
    change_status(engine, anna, ApplicationStatus.PAID, date(2026, 1, 15))
    change_status(engine, dirk, ApplicationStatus.GRANTED, date(2026, 1, 10))
    person(services, actor, "ivo", "01-02-2026")
