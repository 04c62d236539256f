"""Staff members: who works at the steunpunt and on whose behalf the program acts."""

from __future__ import annotations

from sqlalchemy import select

from steunpunt.db.kernel.staff import StaffMember
from steunpunt.domain.text import clean
from steunpunt.services.kernel.actor import Actor, StaffMemberView
from steunpunt.services.kernel.errors import NotAllowed
from steunpunt.services.kernel.session_scope import SessionScope
from steunpunt.services.kernel.use_case import reads, writes


class StaffService:
    """List and add staff members; until accounts exist, the first one acts by default."""

    def __init__(self, scope: SessionScope) -> None:
        self._scope = scope

    @reads
    def list(self, include_inactive: bool = False) -> list[StaffMemberView]:
        query = select(StaffMember).order_by(StaffMember.name)
        if not include_inactive:
            query = query.where(StaffMember.active.is_(True))
        with self._scope() as session:
            return [StaffMemberView(s.id, s.name, s.active) for s in session.scalars(query)]

    @writes
    def add(self, name: str) -> StaffMemberView:
        text = clean(name)
        if not text:
            raise NotAllowed("Vul de naam van de medewerker in.")
        with self._scope() as session:
            row = StaffMember(name=text, active=True)
            session.add(row)
            session.flush()
            return StaffMemberView(row.id, row.name, row.active)

    @writes
    def default_actor(self, fallback_name: str) -> Actor:
        """The first active staff member, created with ``fallback_name`` on a new database."""
        with self._scope() as session:
            row = session.scalars(
                select(StaffMember).where(StaffMember.active.is_(True)).order_by(StaffMember.id)
            ).first()
            if row is None:
                row = StaffMember(name=clean(fallback_name) or "Medewerker", active=True)
                session.add(row)
                session.flush()
            return Actor(row.id, row.name)
