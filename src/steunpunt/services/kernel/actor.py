"""The acting user: the staff member on whose behalf a service call acts."""

from __future__ import annotations

from dataclasses import dataclass

from steunpunt.domain.roles import Role


@dataclass(frozen=True)
class Actor:
    """The staff member on whose behalf a service call acts, in their role.

    Until accounts are signed into, the program acts as its first staff member with every right
    (beheerder), as it always did.
    """

    staff_id: int
    name: str
    role: Role = Role.BEHEERDER


@dataclass(frozen=True)
class StaffMemberView:
    id: int
    name: str
    active: bool
