"""Settings the whole office shares, kept in the database as JSON under a key."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from steunpunt.db.support.models import OfficeSetting

T = TypeVar("T")

BURDEN_BANDS = "burden_bands"
HOUSEHOLD_HELP_RULES = "household_help_rules"
REPORT = "report"
WORKLIST = "worklist"


def read_setting(session: Session, key: str, parse: Callable[[str], T]) -> T:
    """The stored value, or what ``parse`` makes of an empty object when none is stored."""
    stored = session.scalar(select(OfficeSetting.value_json).where(OfficeSetting.key == key))
    return parse(stored if stored is not None else "{}")


def write_setting(session: Session, key: str, value_json: str) -> None:
    row = session.scalar(select(OfficeSetting).where(OfficeSetting.key == key))
    if row is None:
        session.add(OfficeSetting(key=key, value_json=value_json))
    else:
        row.value_json = value_json
