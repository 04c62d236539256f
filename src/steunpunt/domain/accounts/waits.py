"""The wait after failed sign-ins: from the fifth failure on, a wait that doubles each time."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

FREE_FAILURES = 4
"""Failures without a wait: the fifth failure starts the first wait."""
FIRST_WAIT_SECONDS = 1
MAX_WAIT_SECONDS = 300


def wait_after(failures: int) -> timedelta:
    """How long after the last failure the next try must wait: 1 s after the 5th, then 2, 4,
    ... seconds, at most 5 minutes."""
    if failures <= FREE_FAILURES:
        return timedelta(0)
    doublings = min(failures - FREE_FAILURES - 1, 16)
    return timedelta(seconds=min(FIRST_WAIT_SECONDS * 2**doublings, MAX_WAIT_SECONDS))


def seconds_to_wait(failures: int, last_failed_at: datetime | None, now: datetime) -> int:
    """Whole seconds still to wait before the next try (rounded up); 0 when it may go ahead."""
    if last_failed_at is None:
        return 0
    left = (last_failed_at + wait_after(failures) - now).total_seconds()
    return max(0, math.ceil(left))
