"""Demo support work for the caregivers of a demo database: a sociale kaart, EDIZ-plus
measurements, referrals, household help with delivered hours."""

from __future__ import annotations

import logging
import random
import time as clock
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, func, select, update

from steunpunt.db.caregivers.models import Caregiver
from steunpunt.db.kernel.base import new_uuid
from steunpunt.db.support.models import (
    BurdenAssessment,
    HouseholdHelpGrant,
    HouseholdHelpMonth,
    Partner,
    Referral,
)
from steunpunt.demo.fill import insert_with_ids
from steunpunt.domain.address import household_key
from steunpunt.domain.support.burden import BurdenBands
from steunpunt.domain.support.household_help.status import HouseholdHelpStatus
from steunpunt.domain.support.partner import PartnerKind
from steunpunt.domain.support.referral import ReferralOutcome

log = logging.getLogger(__name__)

Row = dict[str, Any]

PARTNERS: tuple[tuple[str, PartnerKind, int | None], ...] = (
    ("Respijthuis De Linde", PartnerKind.RESPITE_CARE, None),
    ("Logeerhuis Het Anker", PartnerKind.RESPITE_CARE, None),
    ("Vrijwillige Thuishulp Eemland", PartnerKind.VOLUNTEER_HOME_CARE, None),
    ("Mantelzorgmakelaar Van Dijk", PartnerKind.CARE_BROKER, None),
    ("Wmo-loket gemeente", PartnerKind.WMO_DESK, None),
    ("Sociaal wijkteam Noord", PartnerKind.NEIGHBOURHOOD_TEAM, None),
    ("Sociaal wijkteam Zuid", PartnerKind.NEIGHBOURHOOD_TEAM, None),
    ("Casemanagement Dementie Eemland", PartnerKind.DEMENTIA_CASE_MANAGER, None),
    ("POH-ouderenzorg Huisartsen Centrum", PartnerKind.PRACTICE_NURSE, None),
    ("Huisartsenpraktijk De Brink", PartnerKind.GP, None),
    ("Thuiszorg Eemland", PartnerKind.HOME_CARE, 3250),
    ("Zorgthuis Schoon & Fris", PartnerKind.HOME_CARE, 2975),
    ("Buurtzorg Huishoudelijke Hulp", PartnerKind.HOME_CARE, 3400),
)
REASONS = {
    PartnerKind.RESPITE_CARE: "Even op adem komen: logeeropvang voor de naaste",
    PartnerKind.VOLUNTEER_HOME_CARE: "Een vrijwilliger die een middag per week oppast",
    PartnerKind.CARE_BROKER: "Hulp bij aanvragen en regelwerk",
    PartnerKind.WMO_DESK: "Aanvraag Wmo-voorziening voor de naaste",
    PartnerKind.NEIGHBOURHOOD_TEAM: "Meedenken over de thuissituatie",
    PartnerKind.DEMENTIA_CASE_MANAGER: "Begeleiding bij dementie",
    PartnerKind.PRACTICE_NURSE: "Signalen van overbelasting besproken",
    PartnerKind.GP: "Lichamelijke klachten van de mantelzorger",
}
OUTCOMES = (
    (ReferralOutcome.HELPED, 0.6),
    (ReferralOutcome.WAITING_LIST, 0.2),
    (ReferralOutcome.NOT_SUITABLE, 0.1),
    (ReferralOutcome.NO_CONTACT, 0.1),
)


@dataclass(frozen=True)
class SupportCounts:
    partners: int
    assessments: int
    referrals: int
    grants: int


def fill_demo_support(
    engine: Engine,
    *,
    seed: int = 2026,
    today: date | None = None,
    assessed: float = 0.4,
    referred: float = 0.5,
    helped: float = 0.2,
) -> SupportCounts:
    """Add support work for the caregivers present; shares are of all caregivers."""
    started = clock.perf_counter()
    today = today or date.today()
    rng = random.Random(seed)
    with engine.begin() as connection:
        caregivers = connection.execute(
            select(
                Caregiver.id,
                Caregiver.registered_on,
                Caregiver.postcode,
                Caregiver.house_number,
                Caregiver.house_number_suffix,
            )
        ).all()
        partners = _partners(connection)
        home_care = [pid for pid, kind in partners if kind is PartnerKind.HOME_CARE]
        others = [(pid, kind) for pid, kind in partners if kind is not PartnerKind.HOME_CARE]
        assessments = _assessments(connection, rng, caregivers, assessed, today)
        referrals = [
            _referral(rng, caregiver.id, caregiver.registered_on, others, today)
            for caregiver in caregivers
            if rng.random() < referred
        ]
        _insert(connection, Referral, referrals)
        grants = _grants(connection, rng, caregivers, home_care, helped, today)
    counts = SupportCounts(len(partners), assessments, len(referrals), grants)
    log.info("Demo support work %s added in %.1f s", counts, clock.perf_counter() - started)
    return counts


def _insert(connection: Connection, model: Any, rows: list[Row]) -> list[int]:
    """Give the rows a uuid and insert them; the new ids in the order of ``rows``."""
    for row in rows:
        row["uuid"] = new_uuid()
    return insert_with_ids(connection, model, rows)


def _partners(connection: Connection) -> list[tuple[int, PartnerKind]]:
    rows = [
        {
            "name": name,
            "kind": kind.value,
            "contact_person": "",
            "phone": "033 " + str(400_0000 + number * 1234)[:3] + " " + str(10 + number) + " 00",
            "email": f"info@{name.split()[-1].lower()}.example",
            "street": "Stationsweg",
            "house_number": 10 + number,
            "house_number_suffix": "",
            "postcode": "3811 AB",
            "place": "Amersfoort",
            "municipality": "Amersfoort",
            "notes": "",
            "active": True,
            "hourly_rate_cents": rate,
        }
        for number, (name, kind, rate) in enumerate(PARTNERS)
    ]
    ids = _insert(connection, Partner, rows)
    return [(pid, kind) for pid, (_name, kind, _rate) in zip(ids, PARTNERS, strict=True)]


def _assessments(
    connection: Connection, rng: random.Random, caregivers: Any, share: float, today: date
) -> int:
    """One to three measurements for a share of the caregivers; sets their band."""
    bands = BurdenBands()
    rows: list[Row] = []
    latest: dict[int, int] = {}
    for caregiver in caregivers:
        if rng.random() >= share:
            continue
        total = min(15, max(0, int(rng.gauss(6, 3.5))))
        day = max(caregiver.registered_on, today - timedelta(days=rng.randint(30, 1000)))
        for _ in range(rng.choice((1, 1, 2, 3))):
            rows.append(
                {
                    "caregiver_id": caregiver.id,
                    "assessed_on": day,
                    "total": total,
                    "answers": "",
                    "note": "",
                }
            )
            latest[caregiver.id] = total
            day += timedelta(days=rng.randint(120, 240))
            total = min(15, max(0, total + rng.randint(-3, 3)))
            if day > today:
                break
    _insert(connection, BurdenAssessment, rows)
    for level in {bands.level(total) for total in latest.values()}:
        for overloaded in (False, True):
            ids = [
                cid
                for cid, total in latest.items()
                if bands.level(total) is level and bands.overloaded(total) is overloaded
            ]
            for start in range(0, len(ids), 900):
                connection.execute(
                    update(Caregiver)
                    .where(Caregiver.id.in_(ids[start : start + 900]))
                    .values(burden_level=level.value, overloaded=overloaded)
                )
    return len(rows)


def _referral(
    rng: random.Random,
    caregiver_id: int,
    registered_on: date,
    partners: Sequence[tuple[int, PartnerKind]],
    today: date,
) -> Row:
    partner_id, kind = rng.choice(partners)
    referred_on = max(registered_on, today - timedelta(days=rng.randint(0, 700)))
    follow_up = referred_on + timedelta(days=rng.choice((14, 28, 42)))
    closed = follow_up < today and rng.random() < 0.85
    outcome = rng.choices([o for o, _ in OUTCOMES], [w for _, w in OUTCOMES])[0] if closed else None
    return {
        "caregiver_id": caregiver_id,
        "partner_id": partner_id,
        "staff_member_id": None,
        "referred_on": referred_on,
        "reason": REASONS.get(kind, "Doorverwezen"),
        "consent_to_share": True,
        "follow_up_on": follow_up,
        "outcome": outcome.value if outcome else None,
        "closed_on": follow_up if closed else None,
    }


def _grants(
    connection: Connection,
    rng: random.Random,
    caregivers: Any,
    providers: list[int],
    share: float,
    today: date,
) -> int:
    """Household help for a share of the caregivers, with hours delivered in past months."""
    rows: list[Row] = []
    for caregiver in caregivers:
        if rng.random() >= share:
            continue
        starts_on = date(today.year, 1, 1) - timedelta(days=rng.randint(0, 400))
        starts_on = starts_on.replace(day=1)
        ends_on = date(starts_on.year + 1, starts_on.month, 1) - timedelta(days=1)
        status = HouseholdHelpStatus.RUNNING if ends_on >= today else HouseholdHelpStatus.ENDED
        yearly = rng.choice((36.0, 52.0))
        rows.append(
            {
                "caregiver_id": caregiver.id,
                "provider_id": rng.choice(providers),
                "care_recipient_id": None,
                "household_key": household_key(
                    caregiver.postcode, caregiver.house_number, caregiver.house_number_suffix
                ),
                "starts_on": starts_on,
                "ends_on": ends_on,
                "extended_until": None,
                "hours_per_week": 1.0 if yearly == 52.0 else 0.75,
                "hours_per_year": yearly,
                "own_contribution_cents": 750,
                "status": status.value,
                "household_has_wmo_help": False,
                "evaluation_on": starts_on + timedelta(days=180),
                "note": "",
                "override_reason": "",
            }
        )
    ids = _insert(connection, HouseholdHelpGrant, rows)
    months: list[Row] = []
    for grant_id, row in zip(ids, rows, strict=True):
        day = row["starts_on"]
        while day <= min(row["ends_on"], today) and day.replace(day=28) < today:
            # mostly within the weekly hours, now and then a month over them
            hours = round(row["hours_per_week"] * rng.uniform(3.0, 4.6), 1)
            months.append(
                {"grant_id": grant_id, "year": day.year, "month": day.month, "hours": hours}
            )
            day = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    for start in range(0, len(months), 20_000):
        _insert(connection, HouseholdHelpMonth, months[start : start + 20_000])
    used = (
        select(func.coalesce(func.sum(HouseholdHelpMonth.hours), 0.0))
        .where(HouseholdHelpMonth.grant_id == HouseholdHelpGrant.id)
        .scalar_subquery()
    )
    connection.execute(update(HouseholdHelpGrant).values(hours_used=used))
    return len(rows)
