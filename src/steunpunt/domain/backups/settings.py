"""The office's backup settings: automatic backups, a second folder, rotation, the warning."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from steunpunt.domain.errors import InvalidValue

KEEP_RANGE = range(0, 100)
"""How many daily, weekly or monthly copies rotation may keep."""
WARN_RANGE = range(1, 366)
"""After how many days without a backup Vandaag warns."""


@dataclass(frozen=True)
class BackupSettings:
    """Automatic backups (on closing and once a day), where, and how many are kept."""

    automatic: bool = True
    second_folder: str = ""
    """A second folder (a USB disk, a network share) that gets a copy too; empty: none."""
    daily: int = 7
    weekly: int = 4
    monthly: int = 12
    warn_after_days: int = 7

    def check(self) -> BackupSettings:
        """These settings, or :class:`InvalidValue` in Dutch for a number out of range."""
        for name, value, allowed in (
            ("dagelijkse kopieën", self.daily, KEEP_RANGE),
            ("wekelijkse kopieën", self.weekly, KEEP_RANGE),
            ("maandelijkse kopieën", self.monthly, KEEP_RANGE),
            ("dagen tot de waarschuwing", self.warn_after_days, WARN_RANGE),
        ):
            if value not in allowed:
                raise InvalidValue(
                    f"Het aantal {name} moet tussen {allowed.start} en {allowed.stop - 1} liggen."
                )
        return replace(self, second_folder=self.second_folder.strip())


def backup_settings_to_json(settings: BackupSettings) -> str:
    """The stored form of the settings."""
    return json.dumps(
        {
            "automatic": settings.automatic,
            "second_folder": settings.second_folder,
            "daily": settings.daily,
            "weekly": settings.weekly,
            "monthly": settings.monthly,
            "warn_after_days": settings.warn_after_days,
        },
        ensure_ascii=False,
    )


def backup_settings_from_json(text: str) -> BackupSettings:
    """The settings in ``text``; a missing or unusable value keeps its default."""
    defaults = BackupSettings()
    try:
        stored = json.loads(text)
    except ValueError:
        return defaults
    if not isinstance(stored, dict):
        return defaults
    values: dict[str, object] = {}
    for name in ("automatic", "second_folder", "daily", "weekly", "monthly", "warn_after_days"):
        value = stored.get(name)
        if type(value) is type(getattr(defaults, name)):
            values[name] = value
    try:
        return replace(defaults, **values).check()  # type: ignore[arg-type]
    except InvalidValue:
        return defaults
