"""Stored settings carry a version; upgrade steps carry an older file's values over on load."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

Step = Callable[[dict[str, Any]], dict[str, Any]]
"""One upgrade: the values as version n stored them, turned into what version n + 1 reads."""

VERSION = "version"
"""The key under which stored settings keep their version."""
FIRST_VERSION = 1
"""Settings stored before they had a version count as the first version."""


@dataclass(frozen=True)
class Versioned:
    """The version one kind of stored settings is at, and the steps that lead there."""

    steps: tuple[Step, ...] = ()
    """``steps[0]`` upgrades version 1 to 2, ``steps[1]`` version 2 to 3, and so on."""

    @property
    def version(self) -> int:
        """The version this code writes."""
        return FIRST_VERSION + len(self.steps)

    def is_newer(self, stored: Mapping[str, Any]) -> bool:
        """Whether ``stored`` was written by a newer version of the program."""
        return _stored_version(stored) > self.version

    def upgraded(self, stored: Mapping[str, Any]) -> dict[str, Any]:
        """The stored values as this version reads them; a newer version's are taken as they are."""
        values = {key: value for key, value in stored.items() if key != VERSION}
        for step in self.steps[_stored_version(stored) - FIRST_VERSION :]:
            values = step(values)
        return values

    def to_store(
        self, values: Mapping[str, Any], stored: Mapping[str, Any] | None = None
    ) -> dict[str, Any]:
        """What to write: ``values`` with this version; over a newer version's, that one's keys stay."""
        if stored is not None and self.is_newer(stored):
            return {**stored, **values}
        return {VERSION: self.version, **values}


def _stored_version(stored: Mapping[str, Any]) -> int:
    """The version ``stored`` says it has; none, or nonsense, is the first version."""
    version = stored.get(VERSION)
    if isinstance(version, int) and not isinstance(version, bool) and version > FIRST_VERSION:
        return version
    return FIRST_VERSION
