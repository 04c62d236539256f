"""The office setting for locking an unattended window: after how many idle minutes."""

from __future__ import annotations

import json
from dataclasses import dataclass

from steunpunt.domain.errors import InvalidValue

DEFAULT_LOCK_MINUTES = 10
LOCK_MINUTES_MIN = 1
LOCK_MINUTES_MAX = 240


@dataclass(frozen=True)
class AccountSettings:
    """The office's account settings."""

    lock_after_minutes: int = DEFAULT_LOCK_MINUTES

    def to_json(self) -> str:
        return json.dumps({"lock_after_minutes": self.lock_after_minutes})

    @classmethod
    def from_json(cls, text: str) -> AccountSettings:
        """The stored settings; a missing or unreadable value is the default."""
        try:
            value = json.loads(text).get("lock_after_minutes", DEFAULT_LOCK_MINUTES)
        except (ValueError, AttributeError):
            return cls()
        if isinstance(value, int) and LOCK_MINUTES_MIN <= value <= LOCK_MINUTES_MAX:
            return cls(value)
        return cls()


def check_lock_minutes(minutes: int) -> int:
    """``minutes`` when in range, else :class:`InvalidValue` in Dutch."""
    if not LOCK_MINUTES_MIN <= minutes <= LOCK_MINUTES_MAX:
        raise InvalidValue(
            f"Vergrendelen kan na {LOCK_MINUTES_MIN} tot {LOCK_MINUTES_MAX} minuten zonder gebruik."
        )
    return minutes
