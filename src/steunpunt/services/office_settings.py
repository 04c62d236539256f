"""Settings the whole office shares, kept in the database as JSON under a key."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from steunpunt.db.support_models import OfficeSetting
from steunpunt.services.dto import Actor
from steunpunt.services.session_scope import SessionScope

log = logging.getLogger(__name__)

T = TypeVar("T")

BURDEN_BANDS = "burden_bands"
HOUSEHOLD_HELP_RULES = "household_help_rules"
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


class OfficeSettingService:
    """Read and store office-wide settings; each kind parses and checks its own JSON."""

    def __init__(self, scope: SessionScope) -> None:
        self._scope = scope

    def get(self, key: str, parse: Callable[[str], T]) -> T:
        with self._scope() as session:
            return read_setting(session, key, parse)

    def put(self, actor: Actor, key: str, value_json: str) -> None:
        with self._scope() as session:
            write_setting(session, key, value_json)
            log.info("Office setting %s saved by staff %s", key, actor.staff_id)
