"""Bench for the verantwoording (issue 6): the yearly report computed and rendered at scale.

    python bench/reports.py

Builds (or reuses) bench/out/reports-100000: a copy of the support bench's database (100,000
caregivers with contacts, naasten, consents, measurements, referrals and household help; made
by bench/support.py when missing) plus a compliment round of 20,000 applications, so that
more than 1,000,000 rows hang off the caregivers. It measures the yearly report for all
gemeenten and for the largest one (computed in SQL), its PDF and its Excel workbook.
The last line printed is one JSON object with all figures.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select, text

from steunpunt.db.caregivers.models import CareRelation
from steunpunt.db.compliment.models import ApplicationStatusChange, ComplimentApplication
from steunpunt.domain.compliment.round_rules import RoundRules
from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.io.report_workbook import write_report_workbook
from steunpunt.letters.report_pdf import render_report
from steunpunt.paths import resolve_paths
from steunpunt.startup import OpenDatabase, open_database
from timing import timed

HERE = Path(__file__).resolve().parent
TODAY = date(2026, 11, 22)
YEAR = (date(2026, 1, 1), date(2026, 12, 31))
APPLICATIONS = 20_000
RELATED_TABLES = (
    "contact",
    "care_relation",
    "care_recipient",
    "consent",
    "referral",
    "household_help_grant",
    "household_help_month",
    "burden_assessment",
    "compliment_application",
)


def build(folder: Path) -> OpenDatabase:
    """The bench database; copied from the support bench once, reused after."""
    paths = resolve_paths(folder)
    support = HERE / "out" / "support-100000" / paths.database_file.name
    if not paths.database_file.exists():
        if not support.exists():
            subprocess.run([sys.executable, str(HERE / "support.py"), "--rounds", "1"], check=True)
        paths.data_dir.mkdir(parents=True, exist_ok=True)
        shutil.copy(support, paths.database_file)
    database = open_database(paths.database_file, paths.ensure())
    if not database.services.rounds.rounds():
        _add_round(database)
    return database


def _add_round(database: OpenDatabase) -> None:
    """A compliment round with 20,000 applications, most granted, some paid or refused, each
    with its status history (the report reads the status at the end of the period)."""
    round_id = database.services.rounds.create(
        database.actor,
        RoundRules(year=2026, municipality="Amersfoort", opens_on=YEAR[0], closes_on=YEAR[1]),
    ).id
    statuses = (
        ApplicationStatus.GRANTED,
        ApplicationStatus.PAID,
        ApplicationStatus.PAID,
        ApplicationStatus.REFUSED,
        ApplicationStatus.RECEIVED,
    )
    with database.engine.begin() as connection:
        pairs = connection.execute(
            select(CareRelation.caregiver_id, CareRelation.care_recipient_id).limit(APPLICATIONS)
        ).all()
        connection.execute(
            insert(ComplimentApplication),
            [
                {
                    "round_id": round_id,
                    "caregiver_id": caregiver,
                    "care_recipient_id": naaste,
                    "received_on": date(2026, 1 + n % 10, 1 + n % 28),
                    "channel": "papier",
                    "iban": "",
                    "account_holder": "",
                    "voucher_code": "",
                    "status": statuses[n % len(statuses)].value,
                    "amount_cents": 10_000
                    if statuses[n % 5] != ApplicationStatus.REFUSED
                    else None,
                    "override_reason": "",
                    "warnings_acknowledged": False,
                    "in_sample": False,
                }
                for n, (caregiver, naaste) in enumerate(pairs)
            ],
        )
        applications = connection.execute(
            select(
                ComplimentApplication.id,
                ComplimentApplication.received_on,
                ComplimentApplication.status,
            ).where(ComplimentApplication.round_id == round_id)
        ).all()
        connection.execute(
            insert(ApplicationStatusChange),
            [
                {"application_id": application, "to_status": status, "changed_at": moment}
                for application, received_on, final in applications
                for status, moment in _history(received_on, ApplicationStatus(final))
            ],
        )


def _history(received_on: date, final: ApplicationStatus) -> list[tuple[str, datetime]]:
    """Received on its day, decided a month later, paid on 10 November."""
    moment = datetime(received_on.year, received_on.month, received_on.day, 12, tzinfo=UTC)
    steps = [(ApplicationStatus.RECEIVED.value, moment)]
    if final is not ApplicationStatus.RECEIVED:
        decided = ApplicationStatus.REFUSED if final is ApplicationStatus.REFUSED else None
        steps.append(((decided or ApplicationStatus.GRANTED).value, moment + timedelta(days=30)))
    if final is ApplicationStatus.PAID:
        steps.append((final.value, datetime(received_on.year, 11, 10, 12, tzinfo=UTC)))
    return steps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    database = build(HERE / "out" / "reports-100000")
    reports = database.services.reports
    try:
        with database.engine.connect() as connection:
            related = sum(
                int(connection.execute(text(f"SELECT count(*) FROM {name}")).scalar_one())
                for name in RELATED_TABLES
            )
            caregivers = int(
                connection.execute(text("SELECT count(*) FROM caregiver")).scalar_one()
            )
        largest = reports.municipalities()[0]
        all_median, all_best = timed(lambda: reports.report(*YEAR), args.rounds)
        one_median, _ = timed(lambda: reports.report(*YEAR, largest), args.rounds)
        report = reports.report(*YEAR, organisation="Steunpunt Mantelzorg (bench)")
        with tempfile.TemporaryDirectory() as folder:
            pdf_median, _ = timed(lambda: render_report(Path(folder) / "r.pdf", report), 3)
            pages = render_report(Path(folder) / "r.pdf", report)
            xlsx_median, _ = timed(
                lambda: write_report_workbook(Path(folder) / "r.xlsx", report), 3
            )
    finally:
        database.close()
    figures = {
        "caregivers": caregivers,
        "related_rows": related,
        "report_all_s_median": round(all_median, 3),
        "report_all_s_best": round(all_best, 3),
        "report_one_gemeente_s_median": round(one_median, 3),
        "report_target_s": 2.0,
        "pdf_pages": pages,
        "pdf_s_median": round(pdf_median, 3),
        "pdf_target_s": 3.0,
        "workbook_s_median": round(xlsx_median, 3),
    }
    figures["targets_met"] = max(all_median, one_median) <= 2.0 and figures["pdf_s_median"] <= 3.0
    for key, value in figures.items():
        print(f"{key:>28}: {value}", file=sys.stderr)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
