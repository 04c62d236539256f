"""What every screen works with: services, acting user, task runner, day, folders, settings and
the changes the services announce."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from steunpunt.paths import AppPaths
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.services.kernel.permissions import may
from steunpunt.settings import Settings
from steunpunt.ui.changes import ChangeHub
from steunpunt.ui.tasks import TaskRunner


@dataclass(frozen=True)
class ScreenContext:
    """Built once in ``app.py`` for an opened database; every screen and dialog gets this one."""

    services: Services
    actor: Actor
    """The staff member on whose behalf every service call of the screens acts."""
    runner: TaskRunner
    today: Callable[[], date]
    paths: AppPaths
    settings: Settings
    """The settings as the program started with this database."""
    changes: ChangeHub
    """What the services wrote, on the main thread: open screens refresh from it."""

    def may(self, feature: str, name: str) -> bool:
        """Whether the acting user's role may call the use case (to hide or grey what it may
        not do; the services refuse it anyway)."""
        return may(self.actor.role, feature, name)
