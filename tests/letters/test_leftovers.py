"""A mailing or payment batch killed halfway: at the next start its staging folder of personal
letters and its unfinished number are removed, and counted in the log."""

from __future__ import annotations

import logging
import sqlite3
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from steunpunt.cli import main
from steunpunt.db.letters.models import Mailing
from steunpunt.io.staging_journal import staging_journal
from steunpunt.paths import AppPaths, resolve_paths
from steunpunt.services.letters import leftovers
from steunpunt.services.letters.leftovers import Leftovers, clear_leftovers
from steunpunt.services.letters.mailing_output import StagedOutput
from steunpunt.startup import open_database
from tests.kill import run_and_die_at, run_and_kill

pytestmark = pytest.mark.usefixtures("demo_sign_in")
"""Commands on a demo database sign in as its beheerder."""


def staging_folders(folder: Path) -> list[Path]:
    return sorted(folder.glob(".steunpunt-*.tmp"))


def unfinished_mailings(database_file: Path) -> int:
    connection = sqlite3.connect(database_file)
    try:
        return int(
            connection.execute("SELECT count(*) FROM mailing WHERE NOT completed").fetchone()[0]
        )
    finally:
        connection.close()


def letters_made(folder: Path) -> int:
    return sum(1 for _ in folder.glob(".steunpunt-*.tmp/*/*.pdf"))


@pytest.fixture
def demo(tmp_path: Path) -> AppPaths:
    paths = resolve_paths(tmp_path / "data")
    assert main(["demo", "--data-dir", str(paths.data_dir), "--caregivers", "80"]) == 0
    return paths


@pytest.mark.kill
def test_a_killed_mailing_leaves_nothing_after_the_next_start(
    demo: AppPaths, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    out = tmp_path / "brieven"
    arguments = ["mailing", "--data-dir", str(demo.data_dir), "--template", "Welkomstbrief"]
    killed = run_and_kill(
        [*arguments, "--per-person", "--folder", str(out)], lambda: letters_made(out) >= 3
    )
    assert killed
    (staging,) = staging_folders(out)
    assert letters_made(out) >= 3  # complete personal letters, hidden beside the target
    assert unfinished_mailings(demo.database_file) == 1
    connection = sqlite3.connect(demo.database_file)
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    connection.close()

    with caplog.at_level(logging.INFO, "steunpunt.services.letters.leftovers"):
        open_database(demo.database_file, demo).close()

    assert not staging.exists() and list(out.iterdir()) == []
    assert unfinished_mailings(demo.database_file) == 0
    (record,) = [r for r in caplog.records if r.name == "steunpunt.services.letters.leftovers"]
    assert record.levelno == logging.INFO
    assert record.getMessage() == (
        "Left-overs of an earlier run removed: 1 staging folders, 1 unfinished mailings"
    )
    assert main([*arguments, "--folder", str(out)]) == 0
    (made,) = out.iterdir()
    assert made.name == f"Mailing {date.today().year}-0001 Welkomstbrief.pdf"  # number free again


KILLED_BATCH = """
import os, sys
from pathlib import Path
from steunpunt.services.letters.mailing_output import StagedOutput
from steunpunt.io.staging_journal import staging_journal

staged = StagedOutput(Path(sys.argv[1]), staging_journal(Path(sys.argv[2])))
staged.path("Mantelzorgcompliment Soest 2026 betaling 1.xml").write_text("<iban/>")
staged.path("Mantelzorgcompliment Soest 2026 betaling 1.xlsx").write_text("lijst")
if sys.argv[3] == "published":
    staged.publish(["Mantelzorgcompliment Soest 2026 betaling 1.xlsx"])
os._exit(9)  # killed before the batch was recorded: no finally, no discard
"""


def kill_a_payment_batch(folder: Path, database_file: Path, when: str = "staged") -> None:
    """Stage payment files in a process that dies before the batch is recorded: while they
    are ``staged``, or when one is ``published``."""
    done = subprocess.run(
        [sys.executable, "-c", KILLED_BATCH, str(folder), str(database_file), when], check=False
    )
    assert done.returncode == 9


@pytest.mark.kill
def test_letters_put_in_place_but_never_logged_are_removed_at_the_next_start(
    demo: AppPaths, tmp_path: Path
) -> None:
    out = tmp_path / "brieven"
    arguments = ["mailing", "--data-dir", str(demo.data_dir), "--template", "Welkomstbrief"]
    died = run_and_die_at(
        "steunpunt.services.letters.mailings:complete",
        [*arguments, "--per-person", "--folder", str(out)],
    )
    assert died
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        f"Mailing {date.today().year}-0001 Welkomstbrief per persoon",
        f"Mailing {date.today().year}-0001 Welkomstbrief.pdf",
    ]  # in place, but the letter log was never written
    open_database(demo.database_file, demo).close()
    assert list(out.iterdir()) == []
    assert unfinished_mailings(demo.database_file) == 0


@pytest.mark.kill
def test_a_killed_payment_batchs_staging_folder_is_removed(
    engine: Engine, database_file: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "betalingen"
    kill_a_payment_batch(folder, database_file)
    (staging,) = staging_folders(folder)
    assert len(list(staging.iterdir())) == 2

    assert clear_leftovers(engine) == Leftovers(staging_folders=1, reservations=0)
    assert list(folder.iterdir()) == []
    journal = staging_journal(database_file)
    assert journal is not None and list(journal.iterdir()) == []
    assert clear_leftovers(engine) == Leftovers(0, 0)


@pytest.mark.kill
def test_a_payment_file_put_in_place_for_a_batch_never_recorded_is_removed(
    engine: Engine, database_file: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "betalingen"
    kill_a_payment_batch(folder, database_file, "published")
    assert (folder / "Mantelzorgcompliment Soest 2026 betaling 1.xlsx").exists()
    assert clear_leftovers(engine) == Leftovers(staging_folders=1, reservations=0)
    assert list(folder.iterdir()) == []


def reserve_mailing(engine: Engine, number: int, made_at: datetime) -> None:
    with Session(engine) as session, session.begin():
        session.add(
            Mailing(
                year=2026,
                number=number,
                reference=f"2026-{number:04d}",
                template_name="Welkomstbrief",
                kind="algemeen",
                subject="Welkom",
                body="",
                letter_date=date(2026, 11, 22),
                made_at=made_at,
            )
        )


def test_a_run_at_work_keeps_its_folder_and_every_unfinished_number(
    engine: Engine, database_file: Path, tmp_path: Path
) -> None:
    reserve_mailing(engine, 1, datetime.now(UTC))
    at_work = StagedOutput(tmp_path / "brieven", staging_journal(database_file))
    kill_a_payment_batch(tmp_path / "betalingen", database_file)

    assert clear_leftovers(engine) == Leftovers(staging_folders=1, reservations=0)
    assert at_work.staging.is_dir()
    at_work.discard()
    assert clear_leftovers(engine) == Leftovers(staging_folders=0, reservations=1)


def test_on_a_server_database_only_day_old_unfinished_numbers_are_given_up(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(leftovers, "staging_journal", lambda _file: None)
    reserve_mailing(engine, 1, datetime.now(UTC) - timedelta(days=2))
    reserve_mailing(engine, 2, datetime.now(UTC) - timedelta(minutes=5))
    assert clear_leftovers(engine) == Leftovers(staging_folders=0, reservations=1)
    with Session(engine) as session:
        assert session.scalars(select(Mailing.reference)).all() == ["2026-0002"]


def test_only_the_folder_a_note_was_made_for_is_ever_removed(
    engine: Engine, database_file: Path, tmp_path: Path
) -> None:
    precious = tmp_path / "documenten"
    precious.mkdir()
    (precious / "brief.pdf").write_text("bewaren")
    journal = staging_journal(database_file)
    assert journal is not None
    journal.mkdir()
    (journal / ".steunpunt-0123456789ab.tmp.txt").write_text(str(precious))
    (journal / ".steunpunt-ba9876543210.tmp.txt").write_text(str(tmp_path))

    assert clear_leftovers(engine) == Leftovers(0, 0)
    assert (precious / "brief.pdf").read_text() == "bewaren"
    assert list(journal.iterdir()) == []
