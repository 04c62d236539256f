"""Retention: the period setting, and everyone past it, with why."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from steunpunt.db.privacy.queries import past_retention
from steunpunt.domain.names import full_name
from steunpunt.domain.privacy.retention import (
    RetentionSettings,
    last_activity,
    retention_cutoff,
    retention_reason,
    retention_settings_from_json,
    retention_settings_to_json,
)
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.office_settings import RETENTION, read_setting, write_setting
from steunpunt.services.kernel.session_scope import SessionScope
from steunpunt.services.kernel.use_case import reads, writes
from steunpunt.services.privacy.dto import RetentionRow


class RetentionService:
    """The bewaartermijn of the office and the list of people past it."""

    def __init__(self, scope: SessionScope, today: Callable[[], date]) -> None:
        self._scope = scope
        self._today = today

    @reads
    def settings(self) -> RetentionSettings:
        with self._scope() as session:
            return read_setting(session, RETENTION, retention_settings_from_json)

    @writes
    def save_settings(self, actor: Actor, settings: RetentionSettings) -> None:
        """Store the period; one outside the allowed years is refused in Dutch."""
        with self._scope() as session:
            write_setting(session, RETENTION, retention_settings_to_json(settings.check()))

    @reads
    def past_period(self) -> list[RetentionRow]:
        """Everyone not yet anonymised whose end date, or last contact (or registration when
        never contacted) while still registered, lies longer ago than the period."""
        with self._scope() as session:
            years = read_setting(session, RETENTION, retention_settings_from_json).years
            rows = session.execute(past_retention(retention_cutoff(self._today(), years))).all()
        return [
            RetentionRow(
                row.id,
                full_name(row.first_name, row.infix, row.last_name),
                retention_reason(row.ended_on, row.last_contact_on),
                last_activity(row.registered_on, row.ended_on, row.last_contact_on),
            )
            for row in rows
        ]
