"""Accounts in the services: the first beheerder, signing in and its refusals, managing accounts."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from steunpunt.db.kernel.audit import AuditEvent
from steunpunt.db.kernel.engine import make_session_factory
from steunpunt.db.kernel.staff import StaffMember
from steunpunt.domain.accounts.hashing import HashCost, PasswordHashing
from steunpunt.domain.audit import AuditKind
from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.roles import Role
from steunpunt.services.accounts.accounts import AccountService
from steunpunt.services.accounts.dto import AccountData
from steunpunt.services.accounts.errors import WRONG_LOGIN_OR_PASSWORD, SignInRefused
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.errors import NotAllowed
from steunpunt.services.kernel.session_scope import SessionScope

CHEAP = HashCost(time_cost=1, memory_kib=8, parallelism=1)
"""Hashing fast enough for many tests; the program's own cost is measured in bench/security.py."""
PASSWORD = "paars konijn op de fiets"
OTHER = "groene olifant zingt zacht"


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def wait(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def accounts(engine: Engine, clock: Clock) -> AccountService:
    return AccountService(SessionScope(make_session_factory(engine)), PasswordHashing(CHEAP), clock)


@pytest.fixture
def beheerder(accounts: AccountService) -> Actor:
    return accounts.create_first_beheerder("Els de Wit", "Els", PASSWORD, PASSWORD).actor


def staff_row(engine: Engine, staff_id: int) -> StaffMember:
    with Session(engine) as session:
        row = session.get(StaffMember, staff_id)
        assert row is not None
        session.expunge(row)
        return row


def test_a_new_database_asks_for_the_first_beheerder_once(accounts: AccountService) -> None:
    assert accounts.first_beheerder_needed()
    made = accounts.create_first_beheerder("Els de Wit", " Els ", PASSWORD, PASSWORD)
    assert made.actor.role is Role.BEHEERDER and made.actor.name == "Els de Wit"
    assert not accounts.first_beheerder_needed()
    with pytest.raises(NotAllowed, match="Er is al een beheerder"):
        accounts.create_first_beheerder("Jan", "jan", OTHER, OTHER)


def test_the_first_beheerder_needs_a_good_password_typed_twice(accounts: AccountService) -> None:
    with pytest.raises(InvalidValue, match="niet gelijk"):
        accounts.create_first_beheerder("Els", "els", PASSWORD, OTHER)
    with pytest.raises(InvalidValue, match="te kort"):
        accounts.create_first_beheerder("Els", "els", "kort", "kort")
    with pytest.raises(InvalidValue, match="veelgebruikte"):
        accounts.create_first_beheerder("Els", "els", "password1234", "password1234")
    assert accounts.first_beheerder_needed()


def test_sign_in_gives_the_actor_in_their_role(
    accounts: AccountService, beheerder: Actor, engine: Engine
) -> None:
    signed_in = accounts.sign_in("ELS", PASSWORD)
    assert signed_in.actor == beheerder
    assert not signed_in.must_change_password
    assert PASSWORD not in staff_row(engine, beheerder.staff_id).password_hash  # type: ignore[operator]
    assert staff_row(engine, beheerder.staff_id).password_hash.startswith("$argon2id$")  # type: ignore[union-attr]


def test_unknown_login_and_wrong_password_get_the_same_message(
    accounts: AccountService, beheerder: Actor, engine: Engine
) -> None:
    with pytest.raises(SignInRefused) as unknown:
        accounts.sign_in("niemand", PASSWORD)
    with pytest.raises(SignInRefused) as wrong:
        accounts.sign_in("els", OTHER)
    assert unknown.value.message == wrong.value.message == WRONG_LOGIN_OR_PASSWORD
    row = staff_row(engine, beheerder.staff_id)
    assert row.failed_sign_ins == 1 and row.last_failed_at is not None


def test_from_the_fifth_failure_the_wait_grows_and_a_good_sign_in_clears_it(
    accounts: AccountService, beheerder: Actor, clock: Clock, engine: Engine
) -> None:
    for _ in range(5):
        with pytest.raises(SignInRefused, match="klopt niet"):
            accounts.sign_in("els", OTHER)
    with pytest.raises(SignInRefused, match="Wacht nog 1 seconde ") as waiting:
        accounts.sign_in("els", PASSWORD)  # even the right password waits
    assert waiting.value.wait_seconds == 1
    clock.wait(1)
    with pytest.raises(SignInRefused, match="klopt niet"):
        accounts.sign_in("els", OTHER)  # the sixth
    with pytest.raises(SignInRefused, match="Wacht nog 2 seconden"):
        accounts.sign_in("els", OTHER)
    clock.wait(2)
    with pytest.raises(SignInRefused, match="klopt niet"):
        accounts.sign_in("els", OTHER)  # the seventh: 4 s
    clock.wait(3)
    with pytest.raises(SignInRefused, match="Wacht nog 1 seconde "):
        accounts.sign_in("els", PASSWORD)
    assert staff_row(engine, beheerder.staff_id).failed_sign_ins == 7
    clock.wait(1)
    assert accounts.sign_in("els", PASSWORD).actor == beheerder
    row = staff_row(engine, beheerder.staff_id)
    assert row.failed_sign_ins == 0 and row.last_failed_at is None


def test_the_wait_stops_growing_at_five_minutes(
    accounts: AccountService, beheerder: Actor, clock: Clock
) -> None:
    for _ in range(30):
        with pytest.raises(SignInRefused):
            accounts.sign_in("els", OTHER)
        clock.wait(301)
    with pytest.raises(SignInRefused, match="klopt niet"):
        accounts.sign_in("els", OTHER)
    with pytest.raises(SignInRefused) as waiting:
        accounts.sign_in("els", OTHER)
    assert waiting.value.wait_seconds == 300


def test_a_deactivated_account_cannot_sign_in(accounts: AccountService, beheerder: Actor) -> None:
    jan = accounts.add(beheerder, AccountData("Jan", "jan", Role.MEDEWERKER), OTHER, OTHER)
    accounts.deactivate(beheerder, jan.id, jan.version)
    with pytest.raises(SignInRefused, match="gedeactiveerd"):
        accounts.sign_in("jan", OTHER)
    with pytest.raises(SignInRefused, match="klopt niet"):
        accounts.sign_in("jan", PASSWORD)  # a wrong password does not tell it exists
    [again] = [a for a in accounts.accounts() if a.id == jan.id]
    assert again.state == "gedeactiveerd"
    accounts.activate(beheerder, again.id, again.version)
    assert accounts.sign_in("jan", OTHER).actor.role is Role.MEDEWERKER


def test_the_last_beheerder_is_kept(accounts: AccountService, beheerder: Actor) -> None:
    [els] = accounts.accounts()
    with pytest.raises(NotAllowed, match="eigen account"):
        accounts.deactivate(beheerder, els.id, els.version)
    with pytest.raises(NotAllowed, match="enige beheerder"):
        accounts.edit(beheerder, els.id, els.version, AccountData("Els", "els", Role.MEDEWERKER))


def test_a_new_or_reset_account_must_choose_a_new_password(
    accounts: AccountService, beheerder: Actor
) -> None:
    jan = accounts.add(beheerder, AccountData("Jan", "jan", Role.VRIJWILLIGER), OTHER, OTHER)
    signed_in = accounts.sign_in("jan", OTHER)
    assert signed_in.must_change_password and signed_in.actor.role is Role.VRIJWILLIGER
    with pytest.raises(InvalidValue, match="huidige wachtwoord klopt niet"):
        accounts.change_own_password(signed_in.actor, PASSWORD, PASSWORD, PASSWORD)
    with pytest.raises(InvalidValue, match="ander wachtwoord dan het huidige"):
        accounts.change_own_password(signed_in.actor, OTHER, OTHER, OTHER)
    accounts.change_own_password(signed_in.actor, OTHER, PASSWORD, PASSWORD)
    assert not accounts.sign_in("jan", PASSWORD).must_change_password
    [jan] = [a for a in accounts.accounts() if a.id == jan.id]
    accounts.reset_password(beheerder, jan.id, jan.version, OTHER, OTHER)
    with pytest.raises(SignInRefused):
        accounts.sign_in("jan", PASSWORD)
    assert accounts.sign_in("jan", OTHER).must_change_password


def test_staff_from_before_accounts_are_listed_to_complete_and_cannot_sign_in(
    accounts: AccountService, engine: Engine
) -> None:
    with Session(engine) as session:
        session.add(StaffMember(name="Oud Medewerker", active=True))
        session.commit()
    assert accounts.first_beheerder_needed()
    beheerder = accounts.create_first_beheerder("Els", "els", PASSWORD, PASSWORD).actor
    old = next(a for a in accounts.accounts() if a.name == "Oud Medewerker")
    assert old.state == "nog af te maken" and old.login is None and old.role is Role.MEDEWERKER
    with pytest.raises(NotAllowed, match="eerst een inlognaam"):
        accounts.reset_password(beheerder, old.id, old.version, OTHER, OTHER)
    named = accounts.edit(beheerder, old.id, old.version, AccountData(old.name, "oud", old.role))
    with pytest.raises(SignInRefused, match="nog geen wachtwoord"):
        accounts.sign_in("oud", OTHER)
    done = accounts.reset_password(beheerder, named.id, named.version, OTHER, OTHER)
    assert done.state == "kiest nieuw wachtwoord"
    assert accounts.sign_in("oud", OTHER).actor.name == "Oud Medewerker"


def test_a_login_is_unique_however_it_is_typed(accounts: AccountService, beheerder: Actor) -> None:
    with pytest.raises(InvalidValue, match="al in gebruik"):
        accounts.add(beheerder, AccountData("Els twee", " ELS", Role.MEDEWERKER), OTHER, OTHER)
    with pytest.raises(InvalidValue, match="inlognaam"):
        accounts.add(beheerder, AccountData("Jan", "j an", Role.MEDEWERKER), OTHER, OTHER)


def test_a_hash_made_at_a_lower_cost_is_renewed_at_sign_in(engine: Engine, clock: Clock) -> None:
    scope = SessionScope(make_session_factory(engine))
    cheaper = AccountService(scope, PasswordHashing(HashCost(1, 8, 1)), clock)
    actor = cheaper.create_first_beheerder("Els", "els", PASSWORD, PASSWORD).actor
    before = staff_row(engine, actor.staff_id).password_hash
    dearer = AccountService(scope, PasswordHashing(HashCost(2, 16, 1)), clock)
    assert dearer.sign_in("els", PASSWORD).actor == actor
    after = staff_row(engine, actor.staff_id).password_hash
    assert before != after and after is not None and "m=16,t=2,p=1" in after
    assert dearer.sign_in("els", PASSWORD).actor == actor
    assert staff_row(engine, actor.staff_id).password_hash == after


def test_unlock_takes_the_locked_user_or_a_beheerder(
    accounts: AccountService, beheerder: Actor
) -> None:
    accounts.add(beheerder, AccountData("Jan", "jan", Role.MEDEWERKER), OTHER, OTHER)
    accounts.add(beheerder, AccountData("Piet", "piet", Role.MEDEWERKER), OTHER, OTHER)
    jan = accounts.sign_in("jan", OTHER).actor
    assert accounts.unlock(jan, OTHER).actor == jan
    assert accounts.unlock(jan, PASSWORD, "els").actor == beheerder
    with pytest.raises(SignInRefused, match="Alleen Jan of een beheerder kan"):
        accounts.unlock(jan, OTHER, "piet")


def test_passwords_are_never_logged(
    accounts: AccountService, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")
    actor = accounts.create_first_beheerder("Els", "els", PASSWORD, PASSWORD).actor
    accounts.sign_in("els", PASSWORD)
    with pytest.raises(SignInRefused):
        accounts.sign_in("els", OTHER)
    accounts.change_own_password(actor, PASSWORD, OTHER, OTHER)
    logged = caplog.text
    assert logged and PASSWORD not in logged and OTHER not in logged


def test_the_lock_minutes_are_an_office_setting(accounts: AccountService, beheerder: Actor) -> None:
    assert accounts.settings().lock_after_minutes == 10
    accounts.set_lock_minutes(beheerder, 3)
    assert accounts.settings().lock_after_minutes == 3
    with pytest.raises(InvalidValue, match="1 tot 240 minuten"):
        accounts.set_lock_minutes(beheerder, 0)
    assert accounts.settings().lock_after_minutes == 3


def sign_in_events(
    engine: Engine, *also: AuditKind, key: str = "reden"
) -> list[tuple[str, int | None, str]]:
    """(kind, staff id, reason) of every sign-in event (and ``also``), oldest first."""
    kinds = (AuditKind.SIGNED_IN.value, AuditKind.SIGN_IN_FAILED.value, *also)
    with Session(engine) as session:
        rows = session.execute(
            select(AuditEvent.kind, AuditEvent.staff_id, AuditEvent.details_json)
            .where(AuditEvent.kind.in_(kinds))
            .order_by(AuditEvent.id)
        )
        return [(kind, staff, json.loads(details).get(key, "")) for kind, staff, details in rows]


def test_every_sign_in_and_every_failed_one_is_in_the_audit_trail(
    accounts: AccountService, beheerder: Actor, engine: Engine
) -> None:
    els = beheerder.staff_id
    with pytest.raises(SignInRefused):
        accounts.sign_in("niemand", PASSWORD)  # no account to count it on: only the audit has it
    with pytest.raises(SignInRefused):
        accounts.sign_in("els", OTHER)
    accounts.sign_in("els", PASSWORD)
    assert sign_in_events(engine) == [
        ("aanmelding mislukt", None, "onbekend"),
        ("aanmelding mislukt", els, "wachtwoord"),
        ("aangemeld", els, ""),
    ]


def test_signing_in_leaves_an_open_edit_of_the_account_valid(
    accounts: AccountService, beheerder: Actor, engine: Engine
) -> None:
    opened = accounts.add(
        beheerder, AccountData("Piet", "piet", Role.VRIJWILLIGER), PASSWORD, PASSWORD
    )
    with pytest.raises(SignInRefused, match="klopt niet"):
        accounts.sign_in("piet", OTHER)
    assert staff_row(engine, opened.id).failed_sign_ins == 1
    accounts.sign_in("piet", PASSWORD)
    assert staff_row(engine, opened.id).failed_sign_ins == 0

    edited = accounts.edit(
        beheerder, opened.id, opened.version, AccountData("Piet Jansen", "piet", Role.MEDEWERKER)
    )
    assert edited.name == "Piet Jansen" and edited.role is Role.MEDEWERKER


def test_locking_unlocking_and_signing_out_are_in_the_audit_trail(
    accounts: AccountService, beheerder: Actor, engine: Engine
) -> None:
    """Unlocking is a sign-in; locking says why (idle or by hand)."""
    els = beheerder.staff_id
    accounts.lock(beheerder, idle=True)
    accounts.unlock(beheerder, PASSWORD)
    accounts.lock(beheerder, idle=False)
    accounts.sign_out(beheerder)
    kinds = (AuditKind.LOCKED, AuditKind.SIGNED_OUT)
    assert sign_in_events(engine, *kinds, key="oorzaak") == [
        ("vergrendeld", els, "niet gebruikt"),
        ("aangemeld", els, ""),
        ("vergrendeld", els, "zelf"),
        ("afgemeld", els, ""),
    ]
