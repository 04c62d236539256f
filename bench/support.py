"""Bench for support work (issue 5): the worklist and a caregiver's full record at scale.

    python bench/support.py

Builds (or reuses) a database under bench/out/support-100000 with 100,000 generated
caregivers and about 300,000 contacts (copied from bench/out/register-100000 when that exists),
then adds the support work: 50,000 referrals, 20,000 household-help grants with their
delivered hours, and EDIZ-plus measurements. It measures the worklist ("Vandaag") and
opening one caregiver's full record (details with naasten and contacts, measurements,
referrals, household help). The last line printed is one JSON object with all figures.
"""

from __future__ import annotations

import argparse
import gc
import json
import shutil
import sys
import time
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from steunpunt.db.caregivers.models import Contact
from steunpunt.db.support.models import HouseholdHelpGrant, Referral
from steunpunt.demo.fill import fill_demo_database
from steunpunt.demo.support import fill_demo_support
from steunpunt.paths import resolve_paths
from steunpunt.startup import OpenDatabase, open_database
from timing import timed

HERE = Path(__file__).resolve().parent
TODAY = date(2026, 11, 22)
CAREGIVERS = 100_000


def build(folder: Path) -> OpenDatabase:
    """The bench database; made once (a few minutes), reused after."""
    paths = resolve_paths(folder)
    register = HERE / "out" / f"register-{CAREGIVERS}" / paths.database_file.name
    fresh = not paths.database_file.exists()
    if fresh and register.exists():
        paths.data_dir.mkdir(parents=True, exist_ok=True)
        shutil.copy(register, paths.database_file)
    paths.ensure()
    database = open_database(paths.database_file, paths)
    services = database.services
    if services.caregivers.count() == 0:
        fill_demo_database(database.engine, CAREGIVERS, today=TODAY)
    with database.engine.connect() as connection:
        has_support = connection.scalar(select(func.count(Referral.id)))
    if not has_support:
        started = time.perf_counter()
        counts = fill_demo_support(database.engine, today=TODAY)
        print(
            f"support work added in {time.perf_counter() - started:.1f} s: {counts}",
            file=sys.stderr,
        )
    return database


def busiest_caregiver(database: OpenDatabase) -> int:
    """A caregiver with household help, referrals and many contacts: the heaviest record."""
    with database.engine.connect() as connection:
        helped = select(HouseholdHelpGrant.caregiver_id)
        referred = select(Referral.caregiver_id)
        return int(
            connection.scalar(
                select(Contact.caregiver_id)
                .where(Contact.caregiver_id.in_(helped), Contact.caregiver_id.in_(referred))
                .group_by(Contact.caregiver_id)
                .order_by(func.count().desc())
                .limit(1)
            )
            or 1
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    database = build(HERE / "out" / f"support-{CAREGIVERS}")
    services = database.services
    services.worklist.items()
    gc.freeze()  # as the program does once its window is up (see app.run)
    try:
        caregiver = busiest_caregiver(database)

        def full_record() -> None:
            services.caregivers.get(caregiver)
            services.burden.summary(caregiver)
            services.referrals.referrals(caregiver)
            services.household_help.grants(caregiver)
            services.mailings.letter_log(caregiver)

        services.worklist.items()  # warm the caches a person's first look would warm too
        worklist_median, worklist_best = timed(services.worklist.items, args.rounds)
        record_median, record_best = timed(full_record, args.rounds)
        with database.engine.connect() as connection:
            sizes = {
                "caregivers": services.caregivers.count(),
                "contacts": connection.scalar(select(func.count(Contact.id))),
                "referrals": connection.scalar(select(func.count(Referral.id))),
                "grants": connection.scalar(select(func.count(HouseholdHelpGrant.id))),
            }
        detail = services.caregivers.get(caregiver)
        figures = {
            **sizes,
            "worklist_items": len(services.worklist.items()),
            "worklist_ms_median": round(worklist_median * 1000, 1),
            "worklist_ms_best": round(worklist_best * 1000, 1),
            "worklist_target_ms": 300,
            "record_contacts": len(detail.contacts),
            "record_ms_median": round(record_median * 1000, 1),
            "record_ms_best": round(record_best * 1000, 1),
            "record_target_ms": 150,
        }
        figures["targets_met"] = (
            figures["worklist_ms_median"] <= 300 and figures["record_ms_median"] <= 150
        )
    finally:
        database.close()
    for key, value in figures.items():
        print(f"{key:>22}: {value}", file=sys.stderr)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
