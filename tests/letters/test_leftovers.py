"""A mailing or payment batch killed halfway: at the next start its staging folder of personal
letters and its unfinished number are removed, and counted in the log."""

from __future__ import annotations

import logging
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine

from steunpunt.cli import main
from steunpunt.paths import AppPaths, resolve_paths
from steunpunt.services.letters.leftovers import Leftovers, clear_leftovers
from steunpunt.services.letters.mailing_output import StagedOutput, staging_journal
from steunpunt.startup import open_database
from tests.kill import run_and_kill


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


def test_a_killed_payment_batchs_staging_folder_is_removed(
    engine: Engine, database_file: Path, tmp_path: Path
) -> None:
    journal = staging_journal(database_file)
    killed = StagedOutput(tmp_path / "betalingen", journal)  # as make_batch leaves it, killed
    killed.path("Mantelzorgcompliment Soest 2026 betaling 1.xml").write_text("<iban/>")
    finished = StagedOutput(tmp_path / "elders", journal)
    finished.discard()

    assert clear_leftovers(engine) == Leftovers(staging_folders=1, reservations=0)
    assert staging_folders(tmp_path / "betalingen") == []
    assert journal is not None and list(journal.iterdir()) == []
    assert clear_leftovers(engine) == Leftovers(0, 0)


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

    assert clear_leftovers(engine) == Leftovers(0, 0)
    assert (precious / "brief.pdf").read_text() == "bewaren"
