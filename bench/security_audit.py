"""The audit part of ``bench/security.py``: the log at 1,000,000 events, and what checks cost.

Builds (or reuses) a register of generated caregivers under bench/out/ and fills the audit
trail with generated events in one INSERT ... SELECT, then measures, side by side in one run:
the audit log opened filtered on one caregiver (count and first page), opening a caregiver
with its permission check and audit row against reading it without either,
search-as-you-type with the permission check and the audit recorder on and off (a search
writes no audit row), and the events of a mailing or export of 10,000 people (one per person,
rolled back: the bench's log keeps its size).
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from register import QUERIES, build  # noqa: E402

KINDS = ("aangemaakt", "gewijzigd", "bekeken", "bekeken", "bekeken", "export", "aangemeld")

FILL = """
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :count)
INSERT INTO audit_event
    (uuid, at, staff_id, staff_name, kind, caregiver_id, care_recipient_id, record_table,
     record_id, details_json)
SELECT
    printf('bench-%d-%d', :start, i),
    datetime('2025-01-01', printf('+%d seconds', (i * 61) % 60000000)),
    1 + i % 12,
    printf('Medewerker %d', 1 + i % 12),
    CASE i % 7 WHEN 0 THEN 'aangemaakt' WHEN 1 THEN 'gewijzigd' WHEN 5 THEN 'export'
        WHEN 6 THEN 'aangemeld' ELSE 'bekeken' END,
    CASE WHEN i % 7 IN (5, 6) THEN NULL WHEN i % 50 = 2 THEN 1
        ELSE 1 + (i * 7919) % :caregivers END,
    NULL,
    CASE i % 7 WHEN 0 THEN 'caregiver' WHEN 1 THEN 'contact' ELSE NULL END,
    CASE WHEN i % 7 IN (0, 1) THEN i ELSE NULL END,
    CASE i % 7 WHEN 1 THEN '{"velden": {"note": ["oud", "nieuw"]}}' ELSE '{}' END
FROM n
"""


def fill_audit(engine: object, events: int, caregivers: int) -> tuple[int, float]:
    """Top the audit trail up to ``events`` rows; returns (rows added, seconds)."""
    from sqlalchemy import Engine, text

    assert isinstance(engine, Engine)
    with engine.connect() as connection:
        have = int(connection.execute(text("SELECT count(*) FROM audit_event")).scalar_one())
    missing = events - have
    if missing <= 0:
        return 0, 0.0
    started = time.perf_counter()
    with engine.begin() as connection:
        connection.execute(text(FILL), {"count": missing, "start": have, "caregivers": caregivers})
    return missing, time.perf_counter() - started


def median_ms(function: Callable[[], object], rounds: int) -> float:
    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        function()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def side_by_side(
    on: Callable[[], object], off: Callable[[], object], rounds: int
) -> tuple[float, float]:
    """Median ms of ``on`` and of ``off``, called alternately so both see the same machine."""
    timed_on: list[float] = []
    timed_off: list[float] = []
    for _ in range(rounds):
        for function, timings in ((off, timed_off), (on, timed_on)):
            started = time.perf_counter()
            function()
            timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timed_on), statistics.median(timed_off)


def measure(data_dir: Path, rounds: int) -> dict[str, float]:
    from sqlalchemy import event

    from steunpunt.db.kernel.engine import make_session_factory
    from steunpunt.domain.audit import AuditFilter, AuditKind
    from steunpunt.domain.caregivers.list_filter import CaregiverFilter
    from steunpunt.paths import resolve_paths
    from steunpunt.services.kernel.audit import record_flush, record_people, record_statement
    from steunpunt.services.kernel.audit_log import PAGE
    from steunpunt.services.kernel.container import build_services
    from steunpunt.startup import open_database
    from steunpunt.ui.caregivers.list_model import PAGE_SIZE

    paths = resolve_paths(data_dir)
    database = open_database(paths.database_file, paths)
    try:
        actor = database.actor
        recording = database.services.acting_as(actor)  # every call checked and recorded
        factory = make_session_factory(database.engine)
        quiet = build_services(factory)  # unbound: reads not checked, nothing recorded
        event.remove(factory, "after_flush", record_flush)
        event.remove(factory, "do_orm_execute", record_statement)
        total = recording.caregivers.count()
        chosen = random.Random(16).sample(range(1, total + 1), 40)

        def log_for(caregiver_id: int) -> Callable[[], object]:
            return lambda: recording.audit.events(
                AuditFilter(caregiver_ids=(caregiver_id,)), 0, PAGE
            )

        recording.audit.events(AuditFilter(), 0, PAGE)  # warm the page cache once
        one = [median_ms(log_for(caregiver_id), 1) for caregiver_id in chosen]
        everyone = median_ms(lambda: recording.audit.events(AuditFilter(), 0, PAGE), 5)
        events_of_one = recording.audit.events(AuditFilter(caregiver_ids=(chosen[0],))).total
        busiest = median_ms(log_for(1), 5)  # caregiver 1 is in one event of every 50
        events_of_busiest = recording.audit.events(AuditFilter(caregiver_ids=(1,))).total

        ids = iter(chosen * rounds * 10)
        opened, read = side_by_side(
            lambda: recording.caregivers.open(actor, next(ids)),
            lambda: quiet.caregivers.get(next(ids)),
            rounds * 10,
        )

        for query in QUERIES:  # warm the page cache once
            quiet.caregivers.search(CaregiverFilter(text=query), PAGE_SIZE)
        search_on: list[float] = []
        search_off: list[float] = []
        for _ in range(rounds):
            for query in QUERIES:
                criteria = CaregiverFilter(text=query)
                on, off = side_by_side(
                    lambda criteria=criteria: recording.caregivers.search(criteria, PAGE_SIZE),
                    lambda criteria=criteria: quiet.caregivers.search(criteria, PAGE_SIZE),
                    1,
                )
                search_on.append(on)
                search_off.append(off)
        people = [(caregiver_id, None) for caregiver_id in range(1, min(total, 10_000) + 1)]
        people_ms = []
        for _ in range(rounds):
            with factory() as session:
                started = time.perf_counter()
                record_people(session, actor, AuditKind.MAILING, people, details={"brieven": 1})
                people_ms.append((time.perf_counter() - started) * 1000)
                session.rollback()
    finally:
        database.close()
    on_median, off_median = statistics.median(search_on), statistics.median(search_off)
    return {
        "log_one_caregiver_ms": round(statistics.median(one), 2),
        "log_one_caregiver_max_ms": round(max(one), 2),
        "log_one_caregiver_events": events_of_one,
        "log_busiest_caregiver_ms": round(busiest, 2),
        "log_busiest_caregiver_events": events_of_busiest,
        "log_everyone_first_page_ms": round(everyone, 2),
        "open_caregiver_with_audit_ms": round(opened, 2),
        "open_caregiver_without_ms": round(read, 2),
        "open_caregiver_added_ms": round(opened - read, 2),
        "search_median_on_ms": round(on_median, 2),
        "search_median_off_ms": round(off_median, 2),
        "search_median_ratio": round(on_median / off_median, 3),
        "people_events_10000_ms": round(statistics.median(people_ms), 1),
    }


def measure_audit(caregivers: int, events: int, rounds: int) -> dict[str, object]:
    """Build the register and audit trail (or reuse them) and measure; figures by name."""
    from steunpunt.paths import resolve_paths
    from steunpunt.startup import open_database

    data_dir = HERE / "out" / f"audit-{caregivers}"
    build_seconds = build(data_dir, caregivers)
    paths = resolve_paths(data_dir)
    database = open_database(paths.database_file, paths)
    try:
        added, fill_seconds = fill_audit(database.engine, events, caregivers)
    finally:
        database.close()
    return {
        "caregivers": caregivers,
        "audit_events": events,
        "build_register_s": round(build_seconds, 1),
        "fill_audit_rows": added,
        "fill_audit_s": round(fill_seconds, 1),
        **measure(data_dir, rounds),
    }
