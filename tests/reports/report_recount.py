"""The verantwoording's figures recounted in plain Python from the definitions, from every
row of the register."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from sqlalchemy import Engine, select

from steunpunt.db.caregivers.models import Caregiver, CareRelation, Contact
from steunpunt.db.compliment.models import ApplicationStatusChange, ComplimentApplication
from steunpunt.db.support.models import (
    BurdenAssessment,
    HouseholdHelpGrant,
    HouseholdHelpMonth,
    Partner,
    Referral,
)
from steunpunt.domain.choices import ContactKind, RelationType, Source
from steunpunt.domain.dates import long_date
from steunpunt.domain.numbers import number_text
from steunpunt.domain.reports.report import Report, ReportSettings
from steunpunt.domain.support.partner import PartnerKind
from steunpunt.domain.support.referral import ReferralOutcome

HELPED = {"toegekend", "lopend", "beeindigd"}


def rows(engine: Engine, *columns: Any) -> list[Any]:
    """Every row of the columns' table, unfiltered."""
    with engine.connect() as connection:
        return list(connection.execute(select(*columns)))


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
        return number_text(tenths.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))

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
        return number_text(Decimal(used).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))

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
