"""Guards against a broken Qt binding: PySide6 6.12.0 loses a reference on every emit."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    happened = Signal(int)


def test_emitting_signals_keeps_reference_counts_intact() -> None:
    emitter = _Emitter()
    received: list[int] = []
    emitter.happened.connect(received.append)
    before = sys.getrefcount(True)
    for number in range(20):
        emitter.happened.emit(number)
    assert received == list(range(20))
    assert sys.getrefcount(True) >= before - 2  # 6.12.0 drops one reference per emit
