"""Settings the whole office shares, kept in the database as versioned JSON under a key."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from steunpunt.db.kernel.office_setting import OfficeSetting
from steunpunt.domain.stored_settings import Versioned

T = TypeVar("T")

ACCOUNTS = "accounts"
BACKUPS = "backups"
BURDEN_BANDS = "burden_bands"
HOUSEHOLD_HELP_RULES = "household_help_rules"
REPORT = "report"
RETENTION = "retention"
WORKLIST = "worklist"

UPGRADES: dict[str, Versioned] = {
    ACCOUNTS: Versioned(),
    BACKUPS: Versioned(),
    BURDEN_BANDS: Versioned(),
    HOUSEHOLD_HELP_RULES: Versioned(),
    REPORT: Versioned(),
    RETENTION: Versioned(),
    WORKLIST: Versioned(),
}
"""Each setting's upgrade steps: add one when one of its keys is renamed or changes meaning."""


def read_setting(session: Session, key: str, parse: Callable[[str], T]) -> T:
    """The stored value upgraded to this version, or what ``parse`` makes of ``{}`` when none is."""
    stored = session.scalar(select(OfficeSetting.value_json).where(OfficeSetting.key == key))
    if stored is None:
        return parse("{}")
    values = _object(stored)
    return parse(stored if values is None else json.dumps(UPGRADES[key].upgraded(values)))


def write_setting(session: Session, key: str, value_json: str) -> None:
    """Store the value with its version; over a newer version's value, that one's keys stay."""
    row = session.scalar(select(OfficeSetting).where(OfficeSetting.key == key))
    values = _object(value_json)
    if values is not None:
        before = _object(row.value_json) if row is not None else None
        value_json = json.dumps(UPGRADES[key].to_store(values, before), ensure_ascii=False)
    if row is None:
        session.add(OfficeSetting(key=key, value_json=value_json))
    else:
        row.value_json = value_json


def _object(text: str) -> dict[str, Any] | None:
    """The JSON object in ``text``; None when it holds something else or nothing readable."""
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return None
    return value if isinstance(value, dict) else None
