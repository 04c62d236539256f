"""A single-shot timer that waits for typing or resizing to settle before the work runs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


def debounce(parent: QObject, delay_ms: int, slot: Callable[[], object]) -> QTimer:
    """A timer that runs ``slot`` once, ``delay_ms`` after it was last started."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(delay_ms)
    timer.timeout.connect(slot)
    return timer
