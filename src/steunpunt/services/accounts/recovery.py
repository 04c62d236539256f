"""The steunpunt's recovery key: a beheerder makes a new one, and with it a beheerder who lost
every password opens the database and chooses a new password.

The recovery key is never recorded, logged or kept: the audit trail says only that a new one
was made, or that the database was opened with it.
"""

from __future__ import annotations

import logging

from sqlalchemy import select

from steunpunt.db.kernel.staff import StaffMember
from steunpunt.domain.accounts.hashing import PasswordHashing
from steunpunt.domain.accounts.passwords import check_new_password
from steunpunt.domain.audit import AuditKind
from steunpunt.domain.roles import Role
from steunpunt.services.accounts.account_rows import actor_of, count_failures, view_of
from steunpunt.services.accounts.dto import AccountView, SignedIn
from steunpunt.services.accounts.key_ring import RECOVERY_ATTEMPTS, KeyRingAccess
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.audit import record
from steunpunt.services.kernel.errors import NotAllowed
from steunpunt.services.kernel.records import load
from steunpunt.services.kernel.session_scope import SessionScope
from steunpunt.services.kernel.use_case import reads, writes

log = logging.getLogger(__name__)

NOT_ENCRYPTED = (
    "Deze database is niet versleuteld en heeft dus geen herstelsleutel. Er is niets veranderd."
)


class RecoveryService:
    """The recovery copy of the data key in the key file of the open encrypted database."""

    def __init__(
        self,
        scope: SessionScope,
        key_ring: KeyRingAccess | None,
        hashing: PasswordHashing | None = None,
    ) -> None:
        self._scope = scope
        self._key_ring = key_ring
        self._hashing = hashing or PasswordHashing()

    @writes
    def new_recovery_key(self, actor: Actor) -> str:
        """A new recovery key, to show once: the key file's recovery copy is replaced, so the
        old key no longer opens this database with the current key file."""
        key_ring = self._encrypted()
        with self._scope() as session:
            record(session, actor, AuditKind.NEW_RECOVERY_KEY)
            session.flush()  # the event can be written before the key file changes
            made = key_ring.new_recovery_key()
            log.info("New recovery key made by staff %s", actor.staff_id)
            return made

    @reads
    def beheerders(self) -> list[AccountView]:
        """The active beheerders: after opening with the recovery key, one of them is who acts."""
        with self._scope() as session:
            rows = session.scalars(
                select(StaffMember)
                .where(StaffMember.role == Role.BEHEERDER.value, StaffMember.active.is_(True))
                .where(StaffMember.login.is_not(None))
                .order_by(StaffMember.name, StaffMember.id)
            )
            return [view_of(row) for row in rows]

    @writes
    def take_over(self, staff_id: int, password: str, repeated: str) -> SignedIn:
        """Opened with the recovery key: the beheerder ``staff_id`` gets ``password`` (the hash
        and a new copy of the data key) and is signed in; the old password opens nothing."""
        key_ring = self._encrypted()
        if not key_ring.by_recovery_key:
            raise NotAllowed("Alleen met de herstelsleutel kan zo een wachtwoord worden gekozen.")
        check_new_password(password, repeated)
        hashed = self._hashing.hash(password)
        with self._scope() as session:
            row = load(session, StaffMember, staff_id, "Het account")
            if row.role != Role.BEHEERDER.value or not row.active or row.login is None:
                raise NotAllowed("Kies een actief account van een beheerder.")
            row.password_hash = hashed
            row.must_change_password = False
            count_failures(session, row, 0, None)
            earlier = key_ring.attempts.take(RECOVERY_ATTEMPTS)
            details = {"mislukte_pogingen": earlier} if earlier else None
            record(session, actor_of(row), AuditKind.OPENED_WITH_RECOVERY_KEY, details=details)
            session.flush()
            key_ring.give_copy(row.uuid, row.login, password)
            log.info("Opened with the recovery key; staff %s chose a new password", row.id)
            return SignedIn(actor_of(row), must_change_password=False)

    def _encrypted(self) -> KeyRingAccess:
        if self._key_ring is None:
            raise NotAllowed(NOT_ENCRYPTED)
        return self._key_ring
