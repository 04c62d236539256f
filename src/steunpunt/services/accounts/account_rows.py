"""The account rows: found, made, counted and shown; shared by the account use cases."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from steunpunt.db.kernel.staff import StaffMember
from steunpunt.domain.accounts.logins import fold_login
from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.roles import Role
from steunpunt.domain.text import clean
from steunpunt.services.accounts.dto import AccountView
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.errors import NotAllowed


def account_by_login(session: Session, login: str) -> StaffMember | None:
    """The account signed in as ``login`` (any case), or None."""
    folded = fold_login(login)
    if not folded:
        return None
    return session.scalars(select(StaffMember).where(StaffMember.login == folded)).first()


def count_failures(session: Session, row: StaffMember, count: int, at: datetime | None) -> None:
    """Set the failed sign-ins with a statement, which leaves the row's version alone: signing
    in is no edit of the account, so an open Accounts edit of it does not become stale."""
    session.execute(
        update(StaffMember)
        .where(StaffMember.id == row.id)
        .values(failed_sign_ins=count, last_failed_at=at)
    )


def keep_a_beheerder(session: Session, row: StaffMember) -> None:
    """Refuse to take away the last active beheerder with a password."""
    others = session.scalar(
        select(func.count()).where(
            StaffMember.id != row.id,
            StaffMember.role == Role.BEHEERDER.value,
            StaffMember.active.is_(True),
            StaffMember.password_hash.is_not(None),
        )
    )
    if not others:
        raise NotAllowed(
            "Dit is de enige beheerder. Maak eerst een ander account beheerder; anders kan "
            "niemand meer accounts beheren."
        )


@contextmanager
def unique_login() -> Iterator[None]:
    """Turn a login already taken, found when the row is written, into a Dutch refusal."""
    try:
        yield
    except IntegrityError as error:
        if "login" not in str(error.orig):
            raise
        raise InvalidValue("Deze inlognaam is al in gebruik. Kies een andere inlognaam.") from error


def account_name(text: str) -> str:
    """The name of an account as typed, cleaned; refused in Dutch when empty or too long."""
    name = clean(text)
    if not name:
        raise InvalidValue("Vul de naam in.")
    if len(name) > 100:
        raise InvalidValue("De naam is te lang: hoogstens 100 tekens.")
    return name


def as_utc(moment: datetime | None) -> datetime | None:
    """SQLite gives back a naive time; it was stored in UTC."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def new_account(
    session: Session,
    name: str,
    login: str,
    hashed: str,
    role: Role,
    must_change: bool,
    staff_uuid: str | None = None,
) -> StaffMember:
    """An active account, added and flushed (its id known)."""
    row = StaffMember(
        **({"uuid": staff_uuid} if staff_uuid else {}),
        name=name,
        active=True,
        login=login,
        password_hash=hashed,
        role=role.value,
        must_change_password=must_change,
        failed_sign_ins=0,
    )
    session.add(row)
    session.flush()
    return row


def actor_of(row: StaffMember) -> Actor:
    """Who acts with this account."""
    return Actor(row.id, row.name, Role(row.role))


def view_of(row: StaffMember) -> AccountView:
    """The account as the account list shows it."""
    return AccountView(
        id=row.id,
        version=row.version,
        name=row.name,
        login=row.login,
        role=Role(row.role),
        active=row.active,
        has_password=row.password_hash is not None,
        must_change_password=row.must_change_password,
    )
