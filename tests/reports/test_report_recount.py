"""Every figure of the verantwoording, recounted in plain Python from the definitions over a
generated register (demo people, support work, compliments with their status history)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine

from steunpunt.db.caregivers.models import Caregiver
from steunpunt.db.compliment.models import ComplimentRound
from steunpunt.db.support.models import Referral
from steunpunt.demo.fill import fill_demo_database
from steunpunt.demo.support import fill_demo_support
from steunpunt.domain.reports.report import ReportSettings
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from tests.reports.report_generated import add_compliments, extend_some_grants
from tests.reports.report_recount import Recount, expected, referral_rows, rows

TODAY = date(2026, 11, 22)
PERIODS = (
    (date(2025, 1, 1), date(2025, 12, 31)),
    (date(2026, 1, 1), date(2026, 12, 31)),
    (date(2026, 1, 1), date(2026, 3, 31)),
)


@pytest.fixture
def generated(services: Services, actor: Actor, engine: Engine) -> Services:
    fill_demo_database(engine, 400, seed=5, today=TODAY)
    fill_demo_support(engine, seed=5, today=TODAY)
    extend_some_grants(engine)
    add_compliments(services, actor, engine)
    services.reports.save_settings(actor, ReportSettings(suppress_below=0))
    return services


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
