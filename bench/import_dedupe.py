"""Bench for import and duplicates (issue 19): a messy register previewed and imported, the
duplicate scan, a merge and its undo, at scale.

    python bench/import_dedupe.py

Builds (or reuses) a database under bench/out/dedupe-100000: 100,000 generated caregivers with
contacts and support work, and 1,000 of them entered a second time in the ways of
``demo/duplicates.py``. Each part measures one thing and names its targets; the last line
printed is one JSON object with every part's figures, the targets and whether all are met.
Parts are functions in :data:`PARTS`; run some with ``--parts duplicates``. The import part
reads a messy workbook of 20,000 rows (``messy_register.py``, made once under bench/out, a tenth
of its rows people of the register written the messy way), previews it as the window does
(open, header, mapping, then every row read and planned against the register: the report the
window shows), saves that report as an Excel file (timed on its own: the person asks for it with
"Rapport opslaan…"), imports it, and undoes the import so the register stays as it was.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from messy_register import Person, write_messy_register
from steunpunt.db.caregivers.models import Caregiver
from steunpunt.demo.duplicates import DUPLICATES, variant
from steunpunt.demo.fill import fill_demo_database
from steunpunt.demo.support import fill_demo_support
from steunpunt.domain.imports.columns import find_header_row, guess_mapping
from steunpunt.paths import resolve_paths
from steunpunt.startup import OpenDatabase, open_database
from timing import timed

HERE = Path(__file__).resolve().parent
TODAY = date(2026, 11, 22)
CAREGIVERS = 100_000
INJECTED = 1_000
MERGES = 5
IMPORT_ROWS = 20_000

COPIED = (
    "first_name",
    "infix",
    "last_name",
    "initials",
    "salutation",
    "birth_date",
    "street",
    "house_number",
    "house_number_suffix",
    "postcode",
    "place",
    "municipality",
    "phone",
    "email",
    "registered_on",
)


def build(folder: Path) -> OpenDatabase:
    """The bench database; made once (a few minutes), reused after."""
    paths = resolve_paths(folder).ensure()
    database = open_database(paths.database_file, paths)
    if database.services.caregivers.count() == 0:
        started = time.perf_counter()
        fill_demo_database(database.engine, CAREGIVERS, today=TODAY)
        fill_demo_support(database.engine, today=TODAY)
        inject_duplicates(database)
        print(f"register built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return database


def inject_duplicates(database: OpenDatabase) -> None:
    """Enter :data:`INJECTED` caregivers a second time, each in one of the known ways."""
    rng = random.Random(19)
    with Session(database.engine) as session:
        highest = session.scalar(select(func.max(Caregiver.id))) or 0
        chosen = rng.sample(range(1, highest + 1), INJECTED)
        originals = session.scalars(select(Caregiver).where(Caregiver.id.in_(chosen))).all()
        for index, original in enumerate(originals):
            _kind, change = variant(DUPLICATES, index)
            columns = change(rng, {name: getattr(original, name) for name in COPIED})
            session.add(Caregiver(**columns))
        session.commit()


def bench_duplicates(database: OpenDatabase) -> tuple[dict[str, Any], dict[str, float]]:
    """The scan of the whole register, then merges of found pairs and their undo."""
    services = database.services
    actor = services.staff.default_actor("Bench")
    pairs: list[Any] = []

    def scan() -> None:
        # services of their own: the pairs they keep after a scan are not there yet
        pairs[:] = services.acting_as(actor).duplicates.scan()

    scan_median, scan_best = timed(scan, 3)
    duplicates = services.duplicates
    duplicates.scan()
    kept_median, _kept_best = timed(duplicates.scan, 3)
    merge_ms: list[float] = []
    undo_ms: list[float] = []
    for pair in pairs[:MERGES]:
        proposal = duplicates.merge_proposal(pair.first.id, pair.second.id)
        chosen = {field.key: field.proposed_id for field in proposal.fields}
        started = time.perf_counter()
        result = duplicates.merge(
            actor, proposal.survivor.id, proposal.other.id, chosen, dict(proposal.versions)
        )
        merge_ms.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        duplicates.undo_merge(actor, result.merge_id)
        undo_ms.append((time.perf_counter() - started) * 1000)
    figures = {
        "caregivers": services.caregivers.count(),
        "pairs_found": len(pairs),
        "scan_median_s": round(scan_median, 2),
        "scan_best_s": round(scan_best, 2),
        "scan_again_ms": round(kept_median * 1000, 1),
        "merge_median_ms": round(statistics.median(merge_ms), 1),
        "merge_max_ms": round(max(merge_ms), 1),
        "undo_median_ms": round(statistics.median(undo_ms), 1),
        "undo_max_ms": round(max(undo_ms), 1),
    }
    targets = {"scan_median_s": 5.0, "merge_max_ms": 200.0, "undo_max_ms": 200.0}
    return figures, targets


def messy_file(database: OpenDatabase) -> Path:
    """The messy workbook, made once; a tenth of its rows are people of the register."""
    target = HERE / "out" / f"messy-{IMPORT_ROWS}.xlsx"
    if not target.exists():
        with Session(database.engine) as session:
            existing = [
                Person(*row)
                for row in session.execute(
                    select(
                        Caregiver.first_name,
                        Caregiver.infix,
                        Caregiver.last_name,
                        Caregiver.birth_date,
                        Caregiver.street,
                        Caregiver.house_number,
                        Caregiver.postcode,
                        Caregiver.place,
                        Caregiver.phone,
                    )
                    .where(Caregiver.house_number.is_not(None), Caregiver.phone != "")
                    .order_by(Caregiver.id)
                    .limit(IMPORT_ROWS // 10)
                )
            ]
        write_messy_register(target, IMPORT_ROWS, existing)
    return target


def bench_import(database: OpenDatabase) -> tuple[dict[str, Any], dict[str, float]]:
    """Preview (read, plan, report) and import a messy register, then undo the import."""
    services = database.services
    actor = services.staff.default_actor("Bench")
    source = messy_file(database)
    report = HERE / "out" / "importrapport.xlsx"
    previews: list[Any] = []

    def preview() -> None:  # as the window does: the file read once, then planned whole
        opened = services.imports.open_file(source)
        header = find_header_row(opened.rows)
        plan = services.imports.plan_file(opened, header, guess_mapping(opened.rows[header]))
        previews.append((opened, header, plan))

    preview_median, preview_best = timed(preview, 2)
    opened, header, plan = previews[-1]
    counts = plan.counts
    headers = [str(cell or "") for cell in opened.rows[header]]
    started = time.perf_counter()
    services.imports.write_report(actor, report, plan, headers)
    report_s = time.perf_counter() - started
    started = time.perf_counter()
    result = services.imports.run(actor, plan, opened.name, opened.sheet, {})
    import_s = time.perf_counter() - started
    started = time.perf_counter()
    services.imports.undo(actor, result.run_id)
    undo_s = time.perf_counter() - started
    figures = {
        "rows": counts.data_rows,
        "new": counts.new,
        "likely_existing": counts.likely_existing,
        "refused": counts.refused,
        "skipped": counts.skipped,
        "preview_median_s": round(preview_median, 2),
        "preview_best_s": round(preview_best, 2),
        "report_s": round(report_s, 2),
        "import_s": round(import_s, 2),
        "undo_s": round(undo_s, 2),
    }
    return figures, {"preview_median_s": 10.0, "import_s": 15.0}


Part = Callable[[OpenDatabase], tuple[dict[str, Any], dict[str, float]]]
PARTS: dict[str, Part] = {"import": bench_import, "duplicates": bench_duplicates}
"""Every part of the bench: figures and their targets (a figure must not exceed its target)."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parts", nargs="*", default=list(PARTS), choices=list(PARTS))
    args = parser.parse_args()
    database = build(HERE / "out" / f"dedupe-{CAREGIVERS}")
    figures: dict[str, Any] = {}
    targets: dict[str, float] = {}
    try:
        for name in args.parts:
            found, wanted = PARTS[name](database)
            figures.update({f"{name}.{key}": value for key, value in found.items()})
            targets.update({f"{name}.{key}": value for key, value in wanted.items()})
    finally:
        database.close()
    met = all(figures[key] <= limit for key, limit in targets.items())
    print(json.dumps({**figures, "targets": targets, "targets_met": met}))


if __name__ == "__main__":
    main()
