"""The acting user: the staff member on whose behalf a service call acts."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    """The staff member on whose behalf a service call acts."""

    staff_id: int
    name: str


@dataclass(frozen=True)
class StaffMemberView:
    id: int
    name: str
    active: bool
