"""Rotation keeps the newest backup of each of the last days, weeks and months: checked against
dates worked out by hand from the rule."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from steunpunt.db.kernel.backup import rotate
from steunpunt.domain.backups.rotation import to_keep
from steunpunt.domain.backups.settings import BackupSettings
from steunpunt.services.kernel.backup import backups
from steunpunt.services.kernel.container import Services

MADE = {
    "A": datetime(2026, 12, 5, 18, 0),  # Saturday, ISO week 49: the newest
    "B": datetime(2026, 12, 5, 9, 0),  # the same day as the newest: kept
    "C": datetime(2026, 12, 4, 18, 0),  # Friday: the newest of the second day
    "D": datetime(2026, 12, 4, 8, 0),  # an older one that day
    "E": datetime(2026, 12, 3, 12, 0),  # the third day: past two daily copies
    "F": datetime(2026, 11, 29, 12, 0),  # Sunday, week 48: newest of week 48 and of November
    "G": datetime(2026, 11, 23, 12, 0),  # week 48 too, older
    "H": datetime(2026, 11, 10, 12, 0),  # week 46: past two weekly copies
    "I": datetime(2026, 10, 31, 12, 0),  # the newest of October: the third month
    "J": datetime(2026, 10, 1, 12, 0),
    "K": datetime(2026, 9, 15, 12, 0),  # September: past three monthly copies
}


def kept(settings: BackupSettings) -> list[str]:
    moments = to_keep(MADE.values(), settings)
    return sorted(name for name, moment in MADE.items() if moment in moments)


def test_two_daily_two_weekly_three_monthly() -> None:
    assert kept(BackupSettings(daily=2, weekly=2, monthly=3)) == ["A", "B", "C", "F", "I"]


def test_the_office_defaults_keep_seven_days_four_weeks_twelve_months() -> None:
    # Days: 5, 4, 3 Dec, 29, 23, 10 Nov, 31 Oct (seven) -> A C E F G H I; weeks 49, 48, 46, 44
    # (I) -> nothing new; months Dec, Nov, Oct, Sep -> K; and B the same day as A.
    assert kept(BackupSettings()) == ["A", "B", "C", "E", "F", "G", "H", "I", "K"]


def test_nothing_but_the_newest_day_when_everything_is_zero() -> None:
    assert kept(BackupSettings(daily=0, weekly=0, monthly=0)) == ["A", "B"]
    assert to_keep([], BackupSettings()) == set()


def backups_made_at(
    services: Services, engine: Engine, folder: Path, made_at: list[tuple[datetime, str]]
) -> None:
    """Backup folders in ``folder`` as if made at each moment, for each reason."""
    made = services.backups.make(engine, folder)
    manifest = json.loads((made / "manifest.json").read_text(encoding="utf-8"))
    for moment, reason in made_at:
        copy = folder / f"steunpunt-{moment:%Y%m%d-%H%M%S}-000000-{reason}"
        shutil.copytree(made, copy)
        stored = {**manifest, "made": moment.isoformat(), "reason": reason}
        (copy / "manifest.json").write_text(json.dumps(stored), encoding="utf-8")
    shutil.rmtree(made)


def test_rotation_removes_the_folders_it_does_not_keep(
    services: Services, engine: Engine, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    backups_made_at(
        services, engine, folder, [(moment, f"test{name}") for name, moment in MADE.items()]
    )
    removed = rotate(folder, BackupSettings(daily=2, weekly=2, monthly=3))
    assert sorted(path.name[-1] for path in removed) == ["D", "E", "G", "H", "J", "K"]
    assert [entry.reason for entry in backups(folder)] == [
        "testA",
        "testB",
        "testC",
        "testF",
        "testI",
    ]


def test_of_the_newest_day_only_the_newest_automatic_backup_is_kept() -> None:
    # A (18:00) is the newest, and automatic; X (12:00) is automatic too and no day's newest:
    # gone. B (09:00, by hand) and R (10:00, before a restore) stay, as every non-automatic
    # backup of the newest day. Days 5 and 4 Dec -> A, C; weeks 49, 48 -> A, F; months Dec,
    # Nov, Oct -> A, F, I.
    x, r = datetime(2026, 12, 5, 12, 0), datetime(2026, 12, 5, 10, 0)
    automatic = {MADE["A"], x, MADE["D"]}
    moments = to_keep(
        [*MADE.values(), x, r], BackupSettings(daily=2, weekly=2, monthly=3), automatic
    )
    assert moments == {MADE["A"], MADE["B"], r, MADE["C"], MADE["F"], MADE["I"]}
    zero = BackupSettings(daily=0, weekly=0, monthly=0)
    assert to_keep([MADE["A"], x], zero, {MADE["A"], x}) == {MADE["A"]}
    assert to_keep([MADE["A"], x], zero, {MADE["A"]}) == {MADE["A"], x}


def test_rotation_drops_the_days_earlier_automatic_backups(
    services: Services, engine: Engine, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    day = {9: "automatisch", 10: "handmatig", 11: "automatisch", 12: "automatisch"}
    backups_made_at(
        services,
        engine,
        folder,
        [(datetime(2026, 12, 5, hour, 0), reason) for hour, reason in day.items()],
    )
    removed = rotate(folder, BackupSettings(daily=0, weekly=0, monthly=0))
    assert sorted(path.name[19:21] for path in removed) == ["09", "11"]
    assert [entry.made.hour for entry in backups(folder)] == [12, 10]
