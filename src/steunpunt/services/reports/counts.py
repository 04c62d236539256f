"""The verantwoording's counts per gemeente: every query runs once for all gemeenten.

Each caregiver lives in exactly one gemeente ("" for none), and every figure counts caregivers
or things that belong to one caregiver (contacts, care relations, applications, grants, hours,
referrals), so the figures for all gemeenten together are the sums of the gemeenten' figures.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from steunpunt.db.reports import queries as q

YEARS_SHOWN = 5
Term = tuple[Any, ...]
"""A grant's start, end, extension, stop and hours per year (see ``q.grant_terms_query``)."""
ReferralKey = tuple[str, str, str | None]
"""A partner's name and kind, and the referral's outcome at the end (None: still open)."""


def shown_years(last_year: int) -> list[int]:
    """The years of the years table and the dashboard, ending with ``last_year``."""
    return list(range(last_year - YEARS_SHOWN + 1, last_year + 1))


@dataclass
class Counts:
    """What one gemeente's report is made of, as counted (or several gemeenten' summed)."""

    reach: list[int] = field(default_factory=lambda: [0] * 4)
    """Registered at the start, new, ended, registered at the end."""
    years: list[int] = field(default_factory=lambda: [0] * (2 * YEARS_SHOWN))
    """Per shown year: registered on 31 December, new in the year."""
    ages: Counter[int] = field(default_factory=Counter)
    relations: Counter[str] = field(default_factory=Counter)
    sources: Counter[str] = field(default_factory=Counter)
    overload: list[int] = field(default_factory=lambda: [0] * 5)
    contacts: Counter[str] = field(default_factory=Counter)
    compliment: list[int] = field(default_factory=lambda: [0] * 6)
    """Applied, granted, refused, paid, cents granted, cents paid."""
    household_help: list[int] = field(default_factory=lambda: [0] * 2)
    """Caregivers helped, grants."""
    grant_terms: Counter[Term] = field(default_factory=Counter)
    hours_used: Decimal = Decimal(0)
    referrals: Counter[ReferralKey] = field(default_factory=Counter)

    def add(self, other: Counts) -> None:
        """Count ``other``'s caregivers too."""
        for mine, theirs in (
            (self.reach, other.reach),
            (self.years, other.years),
            (self.overload, other.overload),
            (self.compliment, other.compliment),
            (self.household_help, other.household_help),
        ):
            mine[:] = [a + b for a, b in zip(mine, theirs, strict=True)]
        self.ages.update(other.ages)
        self.relations.update(other.relations)
        self.sources.update(other.sources)
        self.contacts.update(other.contacts)
        self.grant_terms.update(other.grant_terms)
        self.hours_used += other.hours_used
        self.referrals.update(other.referrals)


def total(parts: Iterable[Counts]) -> Counts:
    """The counts of every caregiver in ``parts`` together."""
    summed = Counts()
    for part in parts:
        summed.add(part)
    return summed


def count_per_gemeente(
    session: Session,
    period: tuple[date, date],
    municipality: str,
    age_brackets: tuple[int, ...],
    overload_from: int,
    period_over: datetime,
) -> dict[str, Counts]:
    """The counts of every gemeente (only ``municipality`` when given) with caregivers to
    count, by gemeente as registered; one query per figure."""
    start, end = period
    per: defaultdict[str, Counts] = defaultdict(Counts)

    def rows(query: q.AnySelect) -> Iterable[tuple[Counts, list[Any]]]:
        for gemeente, *values in session.execute(query):
            yield per[str(gemeente)], values

    for counts, values in rows(q.reach_query(start, end, municipality)):
        counts.reach = [int(v) for v in values]
    for counts, values in rows(q.years_query(shown_years(end.year), end, municipality)):
        counts.years = [int(v) for v in values]
    for counts, (position, count) in rows(q.age_query(end, age_brackets, municipality)):
        counts.ages[int(position)] = int(count)
    for counts, (code, count) in rows(q.relation_query(end, municipality)):
        counts.relations[str(code)] = int(count)
    for counts, (code, count) in rows(q.source_query(start, end, municipality)):
        counts.sources[str(code)] = int(count)
    for counts, values in rows(q.overload_query(start, end, municipality, overload_from)):
        counts.overload = [int(v) for v in values]
    for counts, (code, count) in rows(q.contact_query(start, end, municipality)):
        counts.contacts[str(code)] = int(count)
    for counts, values in rows(q.compliment_query(start, end, municipality, period_over)):
        counts.compliment = [int(v) for v in values]
    for counts, values in rows(q.household_help_query(start, end, municipality)):
        counts.household_help = [int(v) for v in values]
    for counts, (*term, count) in rows(q.grant_terms_query(start, end, municipality)):
        counts.grant_terms[tuple(term)] = int(count)
    for counts, (hours,) in rows(q.hours_used_query(start, end, municipality)):
        counts.hours_used = Decimal(hours or 0)
    for counts, (name, kind, outcome, count) in rows(q.referral_query(start, end, municipality)):
        counts.referrals[(str(name), str(kind), outcome)] = int(count)
    return dict(per)
