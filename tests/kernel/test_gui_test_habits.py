"""The GUI tests' own habits, checked on their source."""

from __future__ import annotations

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
BARE_WAIT = re.compile(r"^\s*qtbot\.wait(Active|Exposed)\(")
"""pytest-qt's waitActive and waitExposed are context managers: called bare they wait for nothing
(a shortcut then finds no active window)."""


def bare_waits(source: str) -> list[int]:
    """The line numbers where a window is waited for without a ``with`` block."""
    return [number for number, line in enumerate(source.splitlines(), 1) if BARE_WAIT.match(line)]


def test_the_rule_finds_a_bare_wait() -> None:
    source = "with qtbot.waitExposed(window):\n    window.show()\n    qtbot.waitActive(window)\n"
    assert bare_waits(source) == [3]


def test_every_wait_for_a_window_is_a_with_block() -> None:
    offenders = [
        f"{path.relative_to(TESTS)}:{number}"
        for path in sorted(TESTS.rglob("*.py"))
        for number in bare_waits(path.read_text("utf-8"))
    ]
    assert offenders == []
