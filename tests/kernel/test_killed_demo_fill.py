"""A demo fill killed halfway: whole batches kept, no half person, and the next fill goes on."""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher  # type: ignore[import-untyped]

from steunpunt.cli import main
from steunpunt.db.kernel import cipher
from steunpunt.demo.fill import BATCH_SIZE
from steunpunt.domain.errors import KnownProblem
from steunpunt.paths import AppPaths, resolve_paths
from tests.helpers import demo_key
from tests.kill import run_and_die_at, run_and_kill

pytestmark = [pytest.mark.kill, pytest.mark.usefixtures("demo_sign_in")]
"""Killed in a subprocess; adding to a demo database signs in as its beheerder."""

COUNT = 2 * BATCH_SIZE
"""Two transactions of one batch each."""
MORE = 100
"""The fill after a kill: small, it only has to go on."""


DRIVER_ERRORS = (sqlite3.Error, sqlcipher.Error)
"""What reading a file still being made raises: sqlite3's or SQLCipher's own errors."""


def caregivers(database_file: Path) -> int:
    """The caregivers a reader sees now; 0 while the file is still being made."""
    try:
        key = demo_key(database_file.parent)
        connection = cipher.connect(f"file:{database_file}?mode=ro", key, uri=True, timeout=0.05)
    except (sqlite3.Error, KnownProblem):
        return 0
    try:
        return int(connection.execute("SELECT count(*) FROM caregiver").fetchone()[0])
    except DRIVER_ERRORS:
        return 0
    finally:
        connection.close()


def assert_whole(database_file: Path) -> int:
    """The file is sound, the search index matches its rows, and no row lacks its caregiver."""
    connection = cipher.connect(database_file, demo_key(database_file.parent))
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        connection.execute("INSERT INTO caregiver_fts(caregiver_fts) VALUES ('integrity-check')")
        count = int(connection.execute("SELECT count(*) FROM caregiver").fetchone()[0])
        for table in ("consent", "contact", "care_relation"):
            orphans = connection.execute(
                f"SELECT count(*) FROM {table} WHERE caregiver_id NOT IN (SELECT id FROM caregiver)"
            ).fetchone()[0]
            assert orphans == 0, table
        without_consent = connection.execute(
            "SELECT count(*) FROM caregiver WHERE id NOT IN (SELECT caregiver_id FROM consent)"
        ).fetchone()[0]
        assert without_consent == 0  # every person came with the rest of their batch
        return count
    finally:
        connection.close()


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return resolve_paths(tmp_path / "data")


def demo(paths: AppPaths, *more: str, count: int = COUNT) -> list[str]:
    return ["demo", "--data-dir", str(paths.data_dir), "--caregivers", str(count), *more]


@pytest.mark.parametrize(
    ("call", "kept"),
    [
        (1, 0),  # before the first batch: an empty, sound register
        (3, BATCH_SIZE),  # as the second batch starts
        (4, BATCH_SIZE),  # in the second batch, its caregivers written, their naasten not
    ],
)
def test_a_fill_that_dies_keeps_whole_batches_and_the_next_fill_goes_on(
    paths: AppPaths, call: int, kept: int
) -> None:
    # insert_with_ids runs twice per batch: its caregivers, then their naasten
    assert run_and_die_at("steunpunt.demo.fill:insert_with_ids", demo(paths), call=call)
    assert assert_whole(paths.database_file) == kept
    assert main(demo(paths, "--add", count=MORE)) == 0
    assert assert_whole(paths.database_file) == kept + MORE


def reached(database_file: Path, count: int) -> bool:
    return caregivers(database_file) >= count


def after(seconds: float, condition: Callable[[], bool]) -> Callable[[], bool]:
    """Holds ``seconds`` after ``condition`` first held."""
    since: list[float] = []

    def held() -> bool:
        if not since and condition():
            since.append(time.monotonic())
        return bool(since) and time.monotonic() - since[0] >= seconds

    return held


def test_a_fill_killed_at_random_moments_never_loses_a_committed_batch(paths: AppPaths) -> None:
    moments = random.Random(14)  # fixed: the same moments in every run
    committed = 0
    for _attempt in range(2):
        at_least = committed + BATCH_SIZE
        killed = run_and_kill(
            demo(paths, "--add"),
            after(moments.uniform(0, 0.3), partial(reached, paths.database_file, at_least)),
            timeout=120,
        )
        now = assert_whole(paths.database_file)
        assert now >= at_least and now % BATCH_SIZE == 0  # nothing committed was lost
        assert killed or now == committed + COUNT
        committed = now
