"""Every figure of the verantwoording, recounted in plain Python from the definitions over a
generated register (demo people, support work, compliments with their status history)."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

import pytest
from sqlalchemy import Engine, insert, select, update

from steunpunt.db.compliment_models import (
    ApplicationStatusChange,
    ComplimentApplication,
    ComplimentRound,
)
from steunpunt.db.models import Caregiver, CareRelation, Contact
from steunpunt.db.support_models import (
    BurdenAssessment,
    HouseholdHelpGrant,
    HouseholdHelpMonth,
    Partner,
    Referral,
)
from steunpunt.domain.choices import ContactKind, RelationType, Source
from steunpunt.domain.compliment.round_rules import RoundRules
from steunpunt.domain.compliment.status import ApplicationStatus as Status
from steunpunt.domain.dates import long_date
from steunpunt.domain.household_help.settings import hours_text
from steunpunt.domain.partner import PartnerKind
from steunpunt.domain.referral import ReferralOutcome
from steunpunt.domain.report import Report, ReportSettings
from steunpunt.services.container import Services
from steunpunt.services.demo import fill_demo_database
from steunpunt.services.demo_support import fill_demo_support
from steunpunt.services.dto import Actor

TODAY = date(2026, 11, 22)
PERIODS = (
    (date(2025, 1, 1), date(2025, 12, 31)),
    (date(2026, 1, 1), date(2026, 12, 31)),
    (date(2026, 1, 1), date(2026, 3, 31)),
)
HELPED = {"toegekend", "lopend", "beeindigd"}
HISTORIES = (
    (Status.GRANTED,),
    (Status.GRANTED, Status.PAID),
    (Status.REFUSED,),
    (Status.IN_REVIEW, Status.GRANTED),
    (),
)


def rows(engine: Engine, *columns: Any) -> list[Any]:
    """Every row of the columns' table, unfiltered."""
    with engine.connect() as connection:
        return list(connection.execute(select(*columns)))


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


@pytest.fixture
def generated(services: Services, actor: Actor, engine: Engine) -> Services:
    fill_demo_database(engine, 400, seed=5, today=TODAY)
    fill_demo_support(engine, seed=5, today=TODAY)
    extend_some_grants(engine)
    add_compliments(services, actor, engine)
    services.reports.save_settings(actor, ReportSettings(suppress_below=0))
    return services


@dataclass(frozen=True)
class Person:
    id: int
    municipality: str
    registered_on: date
    ended_on: date | None
    birth_date: date | None
    source: str | None

    def active_on(self, day: date) -> bool:
        return self.registered_on <= day and (self.ended_on is None or self.ended_on > day)


class Recount:
    """The report's figures for one period and gemeente, from every row in Python."""

    def __init__(self, engine: Engine, period: tuple[date, date], municipality: str) -> None:
        self.start, self.end = period
        people = [
            Person(*row)
            for row in rows(
                engine,
                Caregiver.id,
                Caregiver.municipality,
                Caregiver.registered_on,
                Caregiver.ended_on,
                Caregiver.birth_date,
                Caregiver.source,
            )
        ]
        self.people = {p.id: p for p in people if municipality in ("", p.municipality)}
        self.engine = engine

    def in_period(self, day: date) -> bool:
        return self.start <= day <= self.end

    def at_end(self) -> list[Person]:
        return [p for p in self.people.values() if p.active_on(self.end)]

    def reach(self) -> list[int]:
        people = self.people.values()
        return [
            sum(p.active_on(self.start - timedelta(days=1)) for p in people),
            sum(self.in_period(p.registered_on) for p in people),
            sum(p.ended_on is not None and self.in_period(p.ended_on) for p in people),
            len(self.at_end()),
        ]

    def years(self) -> list[tuple[str, int, int]]:
        result = []
        for year in range(self.end.year - 4, self.end.year + 1):
            last = min(date(year, 12, 31), self.end)
            people = self.people.values()
            result.append(
                (
                    str(year),
                    sum(p.active_on(last) for p in people),
                    sum(date(year, 1, 1) <= p.registered_on <= last for p in people),
                )
            )
        return result

    def ages(self, bounds: tuple[int, ...]) -> list[int]:
        counts = [0] * (len(bounds) + 2)
        for person in self.at_end():
            if person.birth_date is None:
                counts[-1] += 1
                continue
            born = person.birth_date
            age = (
                self.end.year
                - born.year
                - ((self.end.month, self.end.day) < (born.month, born.day))
            )
            counts[sum(age >= bound for bound in bounds)] += 1
        return counts

    def relations(self) -> Counter[str]:
        ids = {p.id for p in self.at_end()}
        pairs = rows(self.engine, CareRelation.caregiver_id, CareRelation.relation_type)
        return Counter(kind for caregiver, kind in pairs if caregiver in ids)

    def sources(self) -> Counter[str]:
        return Counter(
            p.source or "onbekend" for p in self.people.values() if self.in_period(p.registered_on)
        )

    def contacts(self) -> list[tuple[int, date, str]]:
        found = rows(self.engine, Contact.caregiver_id, Contact.contact_date, Contact.kind)
        return [c for c in found if c[0] in self.people and self.in_period(c[1])]

    def referrals(self) -> list[Any]:
        with self.engine.connect() as connection:
            found = connection.execute(
                select(
                    Referral.caregiver_id,
                    Referral.referred_on,
                    Referral.outcome,
                    Referral.closed_on,
                    Partner.name,
                    Partner.kind,
                ).join(Partner, Partner.id == Referral.partner_id)
            ).all()
        return [
            r
            for r in found
            if r[0] in self.people
            and self.in_period(r[1])
            and (self.people[r[0]].ended_on is None or r[1] <= self.people[r[0]].ended_on)
        ]

    def grants(self) -> list[Any]:
        found = rows(
            self.engine,
            HouseholdHelpGrant.id,
            HouseholdHelpGrant.caregiver_id,
            HouseholdHelpGrant.starts_on,
            HouseholdHelpGrant.ends_on,
            HouseholdHelpGrant.extended_until,
            HouseholdHelpGrant.hours_per_year,
            HouseholdHelpGrant.status,
        )
        return [
            g
            for g in found
            if g[1] in self.people
            and g[6] in HELPED
            and g[2] <= self.end
            and max(g[3], g[4] or g[3]) >= self.start
        ]

    def overload(self) -> list[int]:
        latest: dict[int, tuple[date, int, int]] = {}
        for caregiver, day, row_id, total in rows(
            self.engine,
            BurdenAssessment.caregiver_id,
            BurdenAssessment.assessed_on,
            BurdenAssessment.id,
            BurdenAssessment.total,
        ):
            if day <= self.end and (day, row_id) > latest.get(caregiver, (date.min, 0, 0))[:2]:
                latest[caregiver] = (day, row_id, total)
        overloaded = {p.id for p in self.at_end() if p.id in latest and latest[p.id][2] >= 9}
        contacted = {c[0] for c in self.contacts()} & overloaded
        referred = {r[0] for r in self.referrals()} & overloaded
        helped = {g[1] for g in self.grants()} & overloaded
        return [
            len(overloaded),
            len(contacted),
            len(referred),
            len(helped),
            len(contacted | referred | helped),
        ]

    def hours_granted(self) -> str:
        total = Fraction(0)
        for _id, _caregiver, starts, ends, until, yearly, _status in self.grants():
            last = max(ends, until or ends)
            months = (last.year * 12 + last.month) - (ends.year * 12 + ends.month)
            budget = Fraction(Decimal(str(yearly))) * (12 + months) / 12
            first_in, last_in = max(starts, self.start), min(last, self.end)
            total += budget * ((last_in - first_in).days + 1) / ((last - starts).days + 1)
        tenths = Decimal(total.numerator) / Decimal(total.denominator)
        return hours_text(float(tenths.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)))

    def hours_delivered(self) -> str:
        grants = {g[0] for g in self.grants()}
        months = rows(
            self.engine,
            HouseholdHelpMonth.grant_id,
            HouseholdHelpMonth.year,
            HouseholdHelpMonth.month,
            HouseholdHelpMonth.hours,
        )
        first, last = (self.start.year, self.start.month), (self.end.year, self.end.month)
        used = sum(
            Decimal(str(hours))
            for grant, year, month, hours in months
            if grant in grants and first <= (year, month) <= last
        )
        return hours_text(float(Decimal(used).quantize(Decimal("0.1"))))

    def compliments(self) -> list[Any]:
        moment = datetime.combine(self.end + timedelta(days=1), time.min).astimezone(UTC)
        status: dict[int, tuple[datetime, int, str]] = {}
        for application, at, row_id, to_status in rows(
            self.engine,
            ApplicationStatusChange.application_id,
            ApplicationStatusChange.changed_at,
            ApplicationStatusChange.id,
            ApplicationStatusChange.to_status,
        ):
            at = at.replace(tzinfo=UTC) if at.tzinfo is None else at
            if at < moment and (at, row_id) > status.get(application, (at, -1, ""))[:2]:
                status[application] = (at, row_id, to_status)
        applications = [
            (status.get(app_id, (None, 0, ""))[2], cents or 0)
            for app_id, caregiver, received, cents in rows(
                self.engine,
                ComplimentApplication.id,
                ComplimentApplication.caregiver_id,
                ComplimentApplication.received_on,
                ComplimentApplication.amount_cents,
            )
            if caregiver in self.people and self.in_period(received)
        ]
        granted = [c for s, c in applications if s in ("toegekend", "uitbetaald")]
        paid = [c for s, c in applications if s == "uitbetaald"]
        return [
            ("Aanvragen", len(applications)),
            ("Toegekend", len(granted)),
            ("Afgewezen", sum(s == "afgewezen" for s, _c in applications)),
            ("Uitbetaald", len(paid)),
            ("Bedrag toegekend", euro_text(sum(granted))),
            ("Bedrag uitbetaald", euro_text(sum(paid))),
        ]


def euro_text(cents: int) -> str:
    """``€ 1.234,50``, written out independently of the program's formatter."""
    whole = f"{cents // 100:,}".replace(",", ".")
    return f"€ {whole},{cents % 100:02d}"


def grouped(found: Counter[str], labels: Iterable[tuple[str, str]], total: bool) -> list[Any]:
    known = dict(labels)
    result = [(label, found.get(code, 0)) for code, label in known.items()]
    unknown = sum(count for code, count in found.items() if code not in known)
    if unknown or any(code not in known for code in found):
        result.append(("Onbekend", unknown))
    if total:
        result.append(("Totaal", sum(count for _label, count in result)))
    return result


def referral_rows(recount: Recount) -> list[Any]:
    outcomes = (*(o.value for o in ReferralOutcome), None)
    per_partner: dict[tuple[str, str], Counter[str | None]] = {}
    for _caregiver, _day, outcome, closed_on, name, kind in recount.referrals():
        at_end = outcome if closed_on is not None and closed_on <= recount.end else None
        per_partner.setdefault((name, kind), Counter())[at_end] += 1
    result: list[Any] = []
    totals: Counter[str | None] = Counter()
    for (name, kind), counts in sorted(per_partner.items()):
        totals.update(counts)
        label = f"{name} ({PartnerKind(kind).label})"
        result.append((label, sum(counts.values()), *(counts[o] for o in outcomes)))
    result.append(("Totaal", sum(totals.values()), *(totals[o] for o in outcomes)))
    return result


def expected(recount: Recount, report: Report) -> dict[str, list[Any]]:
    bounds = ReportSettings().age_brackets
    labels = [*ReportSettings().bracket_labels(), "Leeftijd onbekend"]
    start, end = recount.start, recount.end
    return {
        "bereik": list(
            zip(
                (
                    f"Ingeschreven op {long_date(start)}",
                    "Nieuw ingeschreven",
                    "Uitgeschreven",
                    f"Ingeschreven op {long_date(end)}",
                ),
                recount.reach(),
                strict=True,
            )
        ),
        "jaren": recount.years(),
        "leeftijd": list(zip(labels, recount.ages(bounds), strict=True)),
        "relatie": grouped(recount.relations(), ((c.value, c.label) for c in RelationType), False),
        "herkomst": grouped(recount.sources(), ((c.value, c.label) for c in Source), False),
        "overbelasting": [
            (label, count)
            for (label, _old), count in zip(
                report.table("overbelasting").rows, recount.overload(), strict=True
            )
        ],
        "contacten": grouped(
            Counter(kind for _c, _d, kind in recount.contacts()),
            ((c.value, c.label) for c in ContactKind),
            True,
        ),
        "compliment": recount.compliments(),
        "huishoudelijke_hulp": [
            ("Mantelzorgers geholpen", len({g[1] for g in recount.grants()})),
            ("Toekenningen", len(recount.grants())),
            ("Uren toegekend, naar rato van de periode", recount.hours_granted()),
            ("Uren geleverd in de maanden van de periode", recount.hours_delivered()),
        ],
        "verwijzingen": referral_rows(recount),
    }


@pytest.mark.parametrize("period", PERIODS, ids=["2025", "2026", "q1-2026"])
@pytest.mark.parametrize("municipality", ["", "Amersfoort"])
def test_every_figure_recounted_from_the_definitions(
    generated: Services, engine: Engine, period: tuple[date, date], municipality: str
) -> None:
    report = generated.reports.report(*period, municipality)
    recount = Recount(engine, period, municipality)
    for key, rows_expected in expected(recount, report).items():
        assert [tuple(row) for row in rows_expected] == list(report.table(key).rows), key
    overload, _contact, _referral, _help, _any = recount.overload()
    referrals = referral_rows(recount)[-1][1]
    granted = recount.compliments()[1][1]
    reach = recount.reach()
    assert [h.value for h in report.headlines] == [reach[3], reach[1], overload, referrals, granted]


def test_the_generated_register_has_something_to_count_in_every_table(
    generated: Services, engine: Engine
) -> None:
    """The recount compares real figures: each definition meets rows on both of its sides."""
    recount = Recount(engine, PERIODS[0], "")
    status_2025 = recount.compliments()
    assert all(count for _label, count in status_2025[:4])
    assert recount.overload()[0] > 0 and recount.grants()
    ended = dict(rows(engine, Caregiver.id, Caregiver.ended_on))
    late = [
        (caregiver, day)
        for caregiver, day in rows(engine, Referral.caregiver_id, Referral.referred_on)
        if ended[caregiver] is not None and day > ended[caregiver]
    ]
    assert late  # referrals after the end date exist and are left out
    assert any(g[4] for g in recount.grants())  # extended grants
    rounds = rows(engine, ComplimentRound.id)
    assert len(rounds) == 6
