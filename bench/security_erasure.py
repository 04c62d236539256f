"""The erasure part of ``bench/security.py``: anonymising 10,000 people past retention.

Builds a fresh database under bench/out/erasure-<n> with generated caregivers, naasten,
contacts and support work, then anonymises the first ``erase`` caregivers in one bulk run
(as Beheer › Bewaartermijn does, in batches with progress) and checks that the search no
longer finds them.
"""

from __future__ import annotations

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


def measure_erasure(caregivers: int, erase: int) -> dict[str, object]:
    """Anonymise the first ``erase`` of ``caregivers`` generated people; figures by name."""
    folder = HERE / "out" / f"erasure-{caregivers}"
    shutil.rmtree(folder, ignore_errors=True)  # erasure changes the data: start fresh each run
    paths = resolve_paths(folder).ensure()
    database = open_database(paths.database_file, paths, new_register=True)
    try:
        started = time.perf_counter()
        fill_demo_database(database.engine, caregivers, today=TODAY)
        fill_demo_support(database.engine, today=TODAY)
        print(f"erasure database built in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        services, actor = database.services, database.actor
        with database.engine.connect() as connection:
            ids = list(connection.scalars(select(Caregiver.id).order_by(Caregiver.id)))[:erase]
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
    finally:
        database.close()
    return {
        "erasure_caregivers": caregivers,
        "erasure_asked": len(ids),
        "erasure_anonymised": result.caregivers,
        "erasure_refused": len(result.refused),
        "erasure_naasten_anonymised": result.naasten,
        "erasure_naasten_total": naasten,
        "erasure_progress_reports": len(batches),
        "erasure_names_left": left,
        "erasure_probe_still_found": ids[0] in found,
        "erasure_s": round(seconds, 2),
        "erasure_s_per_10000": round(seconds * 10_000 / max(result.caregivers, 1), 2),
    }
