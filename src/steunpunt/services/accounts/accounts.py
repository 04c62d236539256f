"""Accounts: the first beheerder, signing in, and what a beheerder does with accounts."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from steunpunt.db.kernel.staff import StaffMember
from steunpunt.domain.accounts.hashing import PasswordHashing
from steunpunt.domain.accounts.lock_setting import AccountSettings, check_lock_minutes
from steunpunt.domain.accounts.logins import fold_login, parse_login
from steunpunt.domain.accounts.passwords import MAX_LENGTH, check_new_password
from steunpunt.domain.accounts.waits import seconds_to_wait
from steunpunt.domain.audit import AuditKind
from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.roles import Role
from steunpunt.services.accounts.account_rows import (
    account_by_login,
    account_name,
    actor_of,
    as_utc,
    count_failures,
    keep_a_beheerder,
    new_account,
    unique_login,
    view_of,
)
from steunpunt.services.accounts.dto import AccountData, AccountView, SignedIn
from steunpunt.services.accounts.errors import (
    WRONG_LOGIN_OR_PASSWORD,
    SignInRefused,
    wait_message,
)
from steunpunt.services.accounts.key_ring import KeyRingAccess
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.audit import record
from steunpunt.services.kernel.encryption_setup import FirstHolder
from steunpunt.services.kernel.errors import NotAllowed
from steunpunt.services.kernel.office_settings import ACCOUNTS, read_setting, write_setting
from steunpunt.services.kernel.records import load, load_for_edit, refuse_stale
from steunpunt.services.kernel.session_scope import SessionScope
from steunpunt.services.kernel.use_case import reads, writes

log = logging.getLogger(__name__)

ACCOUNT = "Het account"


def _utc_now() -> datetime:
    return datetime.now(UTC)


class AccountService:
    """Who may sign in, with which password and role; accounts are deactivated, never deleted.

    Passwords are never logged or returned; the log names staff ids only. On an encrypted
    database (``key_ring``) the key file decides whether a password is right, and every change
    of a password, login or activity changes the account's copy of the data key in the same use
    case, before the database commits: a key file that cannot be written changes nothing.
    """

    def __init__(
        self,
        scope: SessionScope,
        hashing: PasswordHashing | None = None,
        now: Callable[[], datetime] = _utc_now,
        key_ring: KeyRingAccess | None = None,
    ) -> None:
        self._scope = scope
        self._hashing = hashing or PasswordHashing()
        self._now = now
        self._key_ring = key_ring
        self._unknown_login_hash: str | None = None

    @reads
    def first_beheerder_needed(self) -> bool:
        """Whether no account has a password yet: a new database, or one from before accounts."""
        with self._scope() as session:
            with_password = session.scalar(
                select(func.count()).where(StaffMember.password_hash.is_not(None))
            )
            return not with_password

    @writes
    def create_first_beheerder(
        self, name: str, login: str, password: str, repeated: str, staff_uuid: str | None = None
    ) -> SignedIn:
        """The first account, a beheerder; refused once any account has a password.

        ``staff_uuid``: the one the key file of a new encrypted database was made for.
        """
        text, folded = account_name(name), parse_login(login)
        check_new_password(password, repeated)
        hashed = self._hashing.hash(password)
        with self._scope() as session, unique_login():
            if session.scalar(select(func.count()).where(StaffMember.password_hash.is_not(None))):
                raise NotAllowed(
                    "Er is al een beheerder. Meld u aan met uw eigen inlognaam en wachtwoord."
                )
            row = new_account(session, text, folded, hashed, Role.BEHEERDER, False, staff_uuid)
            if self._key_ring is not None and not self._key_ring.holds(row.uuid):
                self._key_ring.give_copy(row.uuid, folded, password)
            log.info("First beheerder made (staff %s)", row.id)
            return SignedIn(actor_of(row), must_change_password=False)

    @writes
    def sign_in(self, login: str, password: str) -> SignedIn:
        """The account of ``login`` when ``password`` is its password; else :class:`SignInRefused`.

        A failure is counted on the account; from the fifth on, the next try must wait.
        An unknown login and a wrong password get the same message.
        """
        now = self._now()
        with self._scope() as session:
            row = account_by_login(session, login)
            if row is None or len(password) > MAX_LENGTH:
                self._as_slow_as_a_check(password)
                record(session, None, AuditKind.SIGN_IN_FAILED, details={"reden": "onbekend"})
                refusal = SignInRefused(WRONG_LOGIN_OR_PASSWORD)
            elif wait := seconds_to_wait(row.failed_sign_ins, as_utc(row.last_failed_at), now):
                refusal = SignInRefused(wait_message(wait), wait)
                record(session, actor_of(row), AuditKind.SIGN_IN_FAILED, details={"reden": "wacht"})
            elif row.password_hash is None:
                raise SignInRefused(
                    "Voor dit account is nog geen wachtwoord gekozen. Vraag een beheerder om "
                    "het account af te maken (Beheer › Accounts)."
                )
            elif not self._fits(row, password):
                count_failures(session, row, row.failed_sign_ins + 1, now)
                log.warning(
                    "Sign-in failed for staff %s (%s in a row)", row.id, row.failed_sign_ins
                )
                details = {"reden": "wachtwoord", "op_rij": row.failed_sign_ins}
                record(session, actor_of(row), AuditKind.SIGN_IN_FAILED, details=details)
                refusal = SignInRefused(WRONG_LOGIN_OR_PASSWORD)
            elif not row.active:
                record(
                    session, actor_of(row), AuditKind.SIGN_IN_FAILED, details={"reden": "inactief"}
                )
                refusal = SignInRefused(
                    "Dit account is gedeactiveerd. Vraag een beheerder om het weer te activeren."
                )
            else:
                if row.failed_sign_ins or row.last_failed_at is not None:
                    count_failures(session, row, 0, None)
                if self._hashing.needs_rehash(row.password_hash):
                    row.password_hash = self._hashing.hash(password)
                    log.info("Password hash of staff %s renewed with the current cost", row.id)
                self._record_failures_before_opening(session, row)
                log.info("Signed in: staff %s", row.id)
                record(session, actor_of(row), AuditKind.SIGNED_IN)
                return SignedIn(actor_of(row), row.must_change_password)
        raise refusal  # after the session committed the failure and its audit event

    def _fits(self, row: StaffMember, password: str) -> bool:
        """Whether ``password`` is the account's: the key file decides on an encrypted database."""
        if row.password_hash is None:
            return False
        if self._key_ring is not None:
            return self._key_ring.fits(row.uuid, row.login or "", password)
        return self._hashing.verify(row.password_hash, password)

    def _record_failures_before_opening(self, session: Session, row: StaffMember) -> None:
        """The failures the key file refused before the database could be opened, recorded now."""
        if self._key_ring is None or row.login is None:
            return
        if earlier := self._key_ring.attempts.take(row.login):
            log.warning("Staff %s had %s failed sign-ins before this one", row.id, earlier)
            details = {"reden": "wachtwoord", "op_rij": earlier, "voor_het_openen": True}
            record(session, actor_of(row), AuditKind.SIGN_IN_FAILED, details=details)

    def _give_copy(self, row: StaffMember, password: str) -> None:
        """On an encrypted database: the account's copy of the data key under ``password``."""
        if self._key_ring is not None and row.login is not None:
            self._key_ring.give_copy(row.uuid, row.login, password)

    def _as_slow_as_a_check(self, password: str) -> None:
        """Check against a made-up hash, so an unknown login takes as long as a wrong password."""
        if self._unknown_login_hash is None:
            self._unknown_login_hash = self._hashing.hash("geen account " * 2)
        self._hashing.verify(self._unknown_login_hash, password[:MAX_LENGTH])

    @reads
    def key_holder(self, staff_id: int, password: str) -> FirstHolder:
        """The signed-in beheerder ``staff_id`` as the holder of the first copy of a new key:
        their password, asked again before a plain database is encrypted, checked here."""
        with self._scope() as session:
            row = load(session, StaffMember, staff_id, ACCOUNT)
            if row.login is None or not self._fits(row, password):
                raise InvalidValue("Het wachtwoord klopt niet. Er is niets veranderd.")
            return FirstHolder(row.uuid, row.login, password)

    @writes
    def unlock(self, locked: Actor, password: str, login: str = "") -> SignedIn:
        """Open a locked window: the locked user (an empty ``login``), or a beheerder, who
        then acts as themselves."""
        if not fold_login(login):
            with self._scope() as session:
                login = load(session, StaffMember, locked.staff_id, ACCOUNT).login or ""
        signed_in = self.sign_in(login, password)
        if signed_in.actor.staff_id != locked.staff_id and signed_in.actor.role != Role.BEHEERDER:
            raise SignInRefused(f"Alleen {locked.name} of een beheerder kan het venster openen.")
        return signed_in

    @writes
    def lock(self, actor: Actor, idle: bool) -> None:
        """Record that ``actor``'s window locked: after idle minutes, or by hand (Ctrl+L)."""
        self._session_event(
            actor, AuditKind.LOCKED, {"oorzaak": "niet gebruikt" if idle else "zelf"}
        )

    @writes
    def sign_out(self, actor: Actor) -> None:
        """Record that ``actor`` closed their window: they signed out."""
        self._session_event(actor, AuditKind.SIGNED_OUT, {})
        log.info("Signed out: staff %s", actor.staff_id)

    def _session_event(self, actor: Actor, kind: AuditKind, details: dict[str, object]) -> None:
        """One audit event of a sign-in session; a read-only database cannot hold it."""
        if self._scope.read_only:
            return
        with self._scope() as session:
            record(session, actor, kind, details=details)

    @writes
    def change_own_password(self, actor: Actor, current: str, password: str, repeated: str) -> None:
        """Choose a new password, after typing the current one."""
        check_new_password(password, repeated)
        with self._scope() as session:
            row = load(session, StaffMember, actor.staff_id, ACCOUNT)
            if row.password_hash is None or not self._fits(row, current):
                raise InvalidValue("Het huidige wachtwoord klopt niet.")
            if self._hashing.verify(row.password_hash, password):
                raise InvalidValue("Kies een ander wachtwoord dan het huidige.")
            row.password_hash = self._hashing.hash(password)
            row.must_change_password = False
            self._give_copy(row, password)
            log.info("Staff %s chose a new password", row.id)

    @reads
    def accounts(self) -> list[AccountView]:
        """Every staff member's account by name, deactivated ones too."""
        with self._scope() as session:
            rows = session.scalars(select(StaffMember).order_by(StaffMember.name, StaffMember.id))
            return [view_of(row) for row in rows]

    @writes
    def add(
        self,
        actor: Actor,
        data: AccountData,
        password: str,
        repeated: str,
        must_change_password: bool = True,
    ) -> AccountView:
        """A new account; its user chooses their own password at the first sign-in (unless
        ``must_change_password`` is off: the demo's published accounts)."""
        text, login = account_name(data.name), parse_login(data.login)
        check_new_password(password, repeated)
        hashed = self._hashing.hash(password)
        with self._scope() as session, unique_login():
            row = new_account(session, text, login, hashed, data.role, must_change_password)
            self._give_copy(row, password)
            log.info("Account added (staff %s) by staff %s", row.id, actor.staff_id)
            return view_of(row)

    @writes
    def edit(self, actor: Actor, staff_id: int, version: int, data: AccountData) -> AccountView:
        """Change an account's name, login and role (a beheerder keeps at least one beheerder)."""
        text, login = account_name(data.name), parse_login(data.login)
        with self._scope() as session, unique_login(), refuse_stale(ACCOUNT):
            row = load_for_edit(session, StaffMember, staff_id, version, ACCOUNT)
            if row.role == Role.BEHEERDER.value and data.role != Role.BEHEERDER:
                keep_a_beheerder(session, row)
            renamed = row.login != login
            row.name, row.login, row.role = text, login, data.role.value
            session.flush()
            if renamed and self._key_ring is not None and self._key_ring.holds(row.uuid):
                self._key_ring.rename(row.uuid, login)
            log.info("Account of staff %s changed by staff %s", row.id, actor.staff_id)
            return view_of(row)

    @writes
    def deactivate(self, actor: Actor, staff_id: int, version: int) -> AccountView:
        """The account can no longer sign in; it stays, for the records that name it."""
        with self._scope() as session, refuse_stale(ACCOUNT):
            row = load_for_edit(session, StaffMember, staff_id, version, ACCOUNT)
            if row.id == actor.staff_id:
                raise NotAllowed("U kunt uw eigen account niet deactiveren.")
            if row.role == Role.BEHEERDER.value:
                keep_a_beheerder(session, row)
            row.active = False
            if self._key_ring is not None:
                # The key file and the account agree: no copy, no password. Activated again,
                # the account is completed with a new password (Wachtwoord instellen).
                row.password_hash = None
                self._key_ring.take_copy(row.uuid)
            session.flush()
            log.info("Account of staff %s deactivated by staff %s", row.id, actor.staff_id)
            return view_of(row)

    @writes
    def activate(self, actor: Actor, staff_id: int, version: int) -> AccountView:
        """A deactivated account may sign in again (on an encrypted database once a beheerder has
        given it a new password, which gives it a new copy of the key)."""
        with self._scope() as session, refuse_stale(ACCOUNT):
            row = load_for_edit(session, StaffMember, staff_id, version, ACCOUNT)
            row.active = True
            if self._key_ring is not None and not self._key_ring.holds(row.uuid):
                row.password_hash = None  # to complete with a new password, and its copy
            session.flush()
            log.info("Account of staff %s activated by staff %s", row.id, actor.staff_id)
            return view_of(row)

    @writes
    def reset_password(
        self, actor: Actor, staff_id: int, version: int, password: str, repeated: str
    ) -> AccountView:
        """A password to hand over; its user must choose a new one at the next sign-in.

        Also completes a staff member from before accounts (who needs a login first) and
        clears the failed sign-ins.
        """
        check_new_password(password, repeated)
        hashed = self._hashing.hash(password)
        with self._scope() as session, refuse_stale(ACCOUNT):
            row = load_for_edit(session, StaffMember, staff_id, version, ACCOUNT)
            if row.login is None:
                raise NotAllowed(
                    "Geef dit account eerst een inlognaam (Wijzigen), dan een wachtwoord."
                )
            row.password_hash = hashed
            row.must_change_password = True
            row.failed_sign_ins = 0
            row.last_failed_at = None
            session.flush()
            if row.active:  # a deactivated account gets its copy when it is activated again
                self._give_copy(row, password)
            log.info("Password of staff %s reset by staff %s", row.id, actor.staff_id)
            return view_of(row)

    @reads
    def settings(self) -> AccountSettings:
        """The office's account settings (idle minutes before the window locks)."""
        with self._scope() as session:
            return read_setting(session, ACCOUNTS, AccountSettings.from_json)

    @writes
    def set_lock_minutes(self, actor: Actor, minutes: int) -> AccountSettings:
        """Lock every window after ``minutes`` without use."""
        settings = AccountSettings(check_lock_minutes(minutes))
        with self._scope() as session:
            write_setting(session, ACCOUNTS, settings.to_json())
        log.info("Lock minutes set by staff %s", actor.staff_id)
        return settings
