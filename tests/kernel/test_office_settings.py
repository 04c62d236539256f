"""Office settings in the database: versioned JSON, upgraded on read, a newer one kept on write."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from steunpunt.db.kernel.office_setting import OfficeSetting
from steunpunt.domain.reports.report import (
    ReportSettings,
    report_settings_from_json,
    report_settings_to_json,
)
from steunpunt.domain.stored_settings import Versioned
from steunpunt.services.kernel import office_settings
from steunpunt.services.kernel.office_settings import REPORT, read_setting, write_setting


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with Session(engine) as session:
        yield session


def stored(session: Session, values: dict[str, Any]) -> None:
    """The report setting as an older or newer program left it."""
    session.add(OfficeSetting(key=REPORT, value_json=json.dumps(values)))
    session.flush()


def row(session: Session) -> dict[str, Any]:
    text = session.scalar(select(OfficeSetting.value_json).where(OfficeSetting.key == REPORT))
    assert text is not None
    values = json.loads(text)
    assert isinstance(values, dict)
    return values


def threshold_renamed(values: dict[str, Any]) -> dict[str, Any]:
    """Version 1 called the threshold ``threshold``."""
    values.setdefault("suppress_below", values.pop("threshold", 5))
    return values


def test_a_value_without_a_version_reads_and_is_written_with_one(session: Session) -> None:
    stored(session, {"suppress_below": 7, "age_brackets": [18, 65]})
    assert read_setting(session, REPORT, report_settings_from_json) == ReportSettings(7, (18, 65))
    write_setting(session, REPORT, report_settings_to_json(ReportSettings(8, (18, 65))))
    assert row(session) == {"version": 1, "suppress_below": 8, "age_brackets": [18, 65]}
    assert read_setting(session, REPORT, report_settings_from_json) == ReportSettings(8, (18, 65))


def test_nothing_stored_reads_as_the_defaults(session: Session) -> None:
    assert read_setting(session, REPORT, report_settings_from_json) == ReportSettings()


def test_a_renamed_key_is_carried_over_by_its_upgrade_step(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(office_settings.UPGRADES, REPORT, Versioned((threshold_renamed,)))
    stored(session, {"threshold": 10, "age_brackets": [18, 65]})
    assert read_setting(session, REPORT, report_settings_from_json) == ReportSettings(10, (18, 65))
    write_setting(session, REPORT, report_settings_to_json(ReportSettings(10, (18, 65))))
    assert row(session)["version"] == 2 and "threshold" not in row(session)


def test_a_newer_version_is_read_as_well_as_possible_and_its_keys_kept(session: Session) -> None:
    stored(session, {"version": 4, "suppress_below": 6, "age_brackets": [18], "per_wijk": True})
    assert read_setting(session, REPORT, report_settings_from_json) == ReportSettings(6, (18,))
    write_setting(session, REPORT, report_settings_to_json(ReportSettings(9, (18,))))
    assert row(session) == {
        "version": 4,
        "suppress_below": 9,
        "age_brackets": [18],
        "per_wijk": True,
    }


def test_a_damaged_value_reads_as_the_defaults(session: Session) -> None:
    session.add(OfficeSetting(key=REPORT, value_json="{kapot"))
    session.flush()
    assert read_setting(session, REPORT, report_settings_from_json) == ReportSettings()
