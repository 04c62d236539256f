"""What the compliment window hands its actions: services, the runner, and how to report."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QWidget

from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.ui.tasks import TaskRunner


@dataclass(frozen=True)
class RoundContext:
    """Shared by the window's payment and letter actions."""

    parent: QWidget
    services: Services
    actor: Actor
    runner: TaskRunner
    folder: Path
    today: Callable[[], date]
    say: Callable[[str, bool, bool], None]
    """A line for the user: the text, whether it reports success, whether it is a problem."""
    failed: Callable[[BaseException], None]
