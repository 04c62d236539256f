"""Bench for the privacy rights (issue 16): anonymising 10,000 people past the retention period.

    python bench/erasure.py [--caregivers 20000] [--erase 10000]

Builds a fresh database under bench/out/erasure-<n> with generated caregivers, naasten,
contacts and support work, then anonymises the first ``--erase`` caregivers in one bulk run
(as Beheer › Bewaartermijn does, in batches with progress) and checks that the search no
longer finds them. The last line printed is one JSON object with the figures, the targets
and whether they were met.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from steunpunt.db.caregivers.models import Caregiver, CareRecipient
from steunpunt.demo.fill import fill_demo_database
from steunpunt.demo.support import fill_demo_support
from steunpunt.domain.caregivers.list_filter import CaregiverFilter
from steunpunt.domain.choices import ActiveFilter
from steunpunt.paths import resolve_paths
from steunpunt.startup import open_database

HERE = Path(__file__).resolve().parent
TODAY = date(2026, 11, 22)
TARGET_SECONDS = 60.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--caregivers", type=int, default=20_000)
    parser.add_argument("--erase", type=int, default=10_000)
    args = parser.parse_args()
    folder = HERE / "out" / f"erasure-{args.caregivers}"
    shutil.rmtree(folder, ignore_errors=True)  # erasure changes the data: start fresh each run
    paths = resolve_paths(folder).ensure()
    database = open_database(paths.database_file, paths, new_register=True)
    try:
        started = time.perf_counter()
        fill_demo_database(database.engine, args.caregivers, today=TODAY)
        fill_demo_support(database.engine, today=TODAY)
        print(f"database built in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        services, actor = database.services, database.actor
        with database.engine.connect() as connection:
            ids = list(connection.scalars(select(Caregiver.id).order_by(Caregiver.id)))[
                : args.erase
            ]
            probe = connection.execute(
                select(Caregiver.last_name).where(Caregiver.id == ids[0])
            ).scalar_one()
        batches: list[int] = []

        def progress(done: int, _total: int) -> bool:
            batches.append(done)
            return True

        started = time.perf_counter()
        result = services.erasure.anonymise_many(actor, ids, progress)
        seconds = time.perf_counter() - started
        with database.engine.connect() as connection:
            left = connection.scalar(
                select(func.count()).where(Caregiver.id.in_(ids), Caregiver.last_name != "")
            )
            naasten = connection.scalar(select(func.count(CareRecipient.id)))
        found = services.caregivers.search_ids(CaregiverFilter(text=probe, active=ActiveFilter.ALL))
        figures = {
            "caregivers": args.caregivers,
            "asked": len(ids),
            "anonymised": result.caregivers,
            "refused": len(result.refused),
            "naasten_anonymised": result.naasten,
            "naasten_total": naasten,
            "progress_reports": len(batches),
            "names_left": left,
            "probe_still_found": ids[0] in found,
            "seconds": round(seconds, 2),
            "per_person_ms": round(seconds * 1000 / max(result.caregivers, 1), 3),
            "targets": {"seconds_for_10000": TARGET_SECONDS},
        }
        per_10000 = seconds * 10_000 / max(result.caregivers, 1)
        figures["seconds_per_10000"] = round(per_10000, 2)
        figures["targets_met"] = (
            per_10000 <= TARGET_SECONDS and left == 0 and not figures["probe_still_found"]
        )
    finally:
        database.close()
    for key, value in figures.items():
        print(f"{key:>20}: {value}", file=sys.stderr)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
