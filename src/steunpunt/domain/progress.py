"""How long work says how far it is, and hears whether to go on."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], bool]
"""Told ``(done, total)`` after each step of the work; False asks it to stop, after which it
raises :class:`~steunpunt.domain.errors.Cancelled` with nothing half made left behind."""
