"""Signing in is what opens an encrypted database, and the key file keeps step with the accounts."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from steunpunt.db.kernel import keyfile
from steunpunt.db.kernel.cipher import is_plain
from steunpunt.domain.audit import AuditFilter, AuditKind
from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.keys.errors import KeyFileNotWritten, KeyFileUnusable
from steunpunt.domain.keys.ring import Unlocked
from steunpunt.domain.roles import Role
from steunpunt.entrance import Door, Entered, Entrance
from steunpunt.paths import AppPaths
from steunpunt.services.accounts.dto import AccountData
from steunpunt.services.accounts.errors import SignInRefused
from steunpunt.services.accounts.key_ring import attempts_file_for
from tests.helpers import add_caregiver

PASSWORD = "paars konijn op de fiets"
HANDED_OVER = "groene olifant zingt zacht"
OWN = "rode kater slaapt lang"
SECRET_NAME = "Wilhelmina Quakernaat"


@pytest.fixture
def register(app_paths: AppPaths) -> Entered:
    """A new register: the first beheerder Els made it, encrypted; one caregiver in it."""
    entrance = Entrance(app_paths.database_file, app_paths)
    assert entrance.door is Door.NEW and entrance.first_beheerder_needed()
    made = entrance.create_first_beheerder("Els de Wit", "els", PASSWORD, PASSWORD)
    bound = made.database.acting_as(made.signed_in.actor)
    add_caregiver(
        bound.services,
        bound.actor,
        first_name="Wilhelmina",
        last_name="Quakernaat",
        postcode="9999zx",
    )
    return Entered(bound, made.signed_in, made.recovery_key)


def enter(paths: AppPaths, login: str, password: str) -> Entered:
    return Entrance(paths.database_file, paths).sign_in(login, password)


def test_a_new_register_is_encrypted_from_the_start_and_hands_out_its_recovery_key(
    register: Entered, app_paths: AppPaths
) -> None:
    assert register.recovery_key is not None and len(register.recovery_key.split("-")) == 10
    file = app_paths.database_file
    assert keyfile.key_file_for(file).exists() and not is_plain(file)
    raw = b"".join(
        path.read_bytes() for path in (file, file.with_name(file.name + "-wal")) if path.exists()
    )
    assert len(raw) > 4096
    for word in ("Wilhelmina", "Quakernaat", "9999ZX", "Els de Wit", "CREATE TABLE"):
        assert word.encode() not in raw and word.encode("utf-16-le") not in raw
    assert keyfile.unlock_with_recovery_key(keyfile.key_file_for(file), register.recovery_key) == (
        keyfile.unlock_with_password(keyfile.key_file_for(file), "els", PASSWORD).data_key
    )
    register.database.close()
    again = enter(app_paths, "els", PASSWORD)
    assert again.services.caregivers.count() == 1
    again.close()


def test_a_wrong_password_opens_nothing_and_counts_towards_the_wait(
    register: Entered, app_paths: AppPaths
) -> None:
    register.database.close()
    for _ in range(5):
        with pytest.raises(SignInRefused, match=r"^Inlognaam of wachtwoord klopt niet"):
            enter(app_paths, "els", "fout wachtwoord hier")
    with pytest.raises(SignInRefused, match="Te vaak een verkeerd wachtwoord") as waiting:
        enter(app_paths, "els", PASSWORD)  # even the right password waits
    assert waiting.value.wait_seconds >= 1
    assert attempts_file_for(app_paths.database_file).exists()

    time.sleep(waiting.value.wait_seconds)
    opened = enter(app_paths, "els", PASSWORD)
    try:
        [failed] = opened.services.audit.events(AuditFilter(kind=AuditKind.SIGN_IN_FAILED)).events
        assert failed.staff_name == "Els de Wit" and "5" in failed.summary
        assert not attempts_file_for(app_paths.database_file).exists()  # counting starts again
    finally:
        opened.close()


def test_a_password_change_keeps_the_database_readable_with_the_new_password_only(
    register: Entered, app_paths: AppPaths
) -> None:
    accounts = register.services.accounts
    els = register.signed_in.actor
    with pytest.raises(InvalidValue, match="huidige wachtwoord klopt niet"):
        accounts.change_own_password(els, "fout wachtwoord hier", OWN, OWN)
    accounts.change_own_password(els, PASSWORD, OWN, OWN)
    with pytest.raises(SignInRefused, match="klopt niet"):
        accounts.unlock(els, PASSWORD)  # the locked window asks the key file too
    assert accounts.unlock(els, OWN).actor == els
    register.database.close()
    with pytest.raises(SignInRefused, match="klopt niet"):
        enter(app_paths, "els", PASSWORD)
    opened = enter(app_paths, "els", OWN)
    assert opened.services.caregivers.count() == 1
    opened.close()


def test_a_deactivated_account_can_no_longer_open_the_database(
    register: Entered, app_paths: AppPaths
) -> None:
    accounts, els = register.services.accounts, register.signed_in.actor
    piet = accounts.add(els, AccountData("Piet", "piet", Role.MEDEWERKER), HANDED_OVER, HANDED_OVER)
    key_file = keyfile.key_file_for(app_paths.database_file)
    assert "piet" in keyfile.key_holders(key_file).values()
    piet = accounts.deactivate(els, piet.id, piet.version)
    assert "piet" not in keyfile.key_holders(key_file).values()
    with pytest.raises(SignInRefused, match="gedeactiveerd"):
        enter(app_paths, "piet", HANDED_OVER)

    piet = accounts.activate(els, piet.id, piet.version)
    assert piet.state == "nog af te maken"  # a new password first: that gives a new copy
    with pytest.raises(SignInRefused):
        enter(app_paths, "piet", HANDED_OVER)
    accounts.reset_password(els, piet.id, piet.version, OWN, OWN)
    opened = enter(app_paths, "piet", OWN)
    assert opened.signed_in.must_change_password and opened.signed_in.actor.name == "Piet"
    opened.close()
    register.database.close()


def test_a_reset_and_a_new_login_give_piet_his_own_copy(
    register: Entered, app_paths: AppPaths
) -> None:
    accounts, els = register.services.accounts, register.signed_in.actor
    piet = accounts.add(els, AccountData("Piet", "piet", Role.MEDEWERKER), HANDED_OVER, HANDED_OVER)
    piet = accounts.reset_password(els, piet.id, piet.version, OWN, OWN)
    with pytest.raises(SignInRefused):
        enter(app_paths, "piet", HANDED_OVER)
    accounts.edit(els, piet.id, piet.version, AccountData("Piet", "pietj", Role.MEDEWERKER))
    with pytest.raises(SignInRefused):
        enter(app_paths, "piet", OWN)
    opened = enter(app_paths, "PietJ", OWN)
    assert opened.signed_in.actor.role is Role.MEDEWERKER
    opened.close()
    register.database.close()


def test_a_key_file_that_cannot_be_written_changes_no_account(
    register: Entered, app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    accounts, els = register.services.accounts, register.signed_in.actor

    def refuse(*_args: object, **_kw: object) -> None:
        raise KeyFileNotWritten("Het sleutelbestand kon niet worden geschreven: de schijf is vol.")

    monkeypatch.setattr(keyfile, "set_password", refuse)
    with pytest.raises(KeyFileNotWritten, match="schijf is vol"):
        accounts.add(els, AccountData("Piet", "piet", Role.MEDEWERKER), HANDED_OVER, HANDED_OVER)
    assert [view.login for view in accounts.accounts()] == ["els"]
    register.database.close()


def test_a_missing_key_file_is_said_before_anyone_types(
    register: Entered, app_paths: AppPaths
) -> None:
    register.database.close()
    key_file = keyfile.key_file_for(app_paths.database_file)
    key_file.rename(key_file.with_name("elders"))
    before = app_paths.database_file.read_bytes()
    with pytest.raises(KeyFileUnusable, match="herstelsleutel"):
        Entrance(app_paths.database_file, app_paths)
    assert app_paths.database_file.read_bytes() == before


def test_a_refused_first_beheerder_leaves_no_files(app_paths: AppPaths) -> None:
    entrance = Entrance(app_paths.database_file, app_paths)
    with pytest.raises(InvalidValue, match="niet gelijk"):
        entrance.create_first_beheerder("Els", "els", PASSWORD, "iets anders dan dat")
    assert sorted(p.name for p in app_paths.database_file.parent.glob("steunpunt.sqlite*")) == []


def test_a_plain_database_from_before_opens_as_before(
    opened_plain: Path, app_paths: AppPaths
) -> None:
    entrance = Entrance(opened_plain, app_paths)
    assert entrance.door is Door.PLAIN and entrance.first_beheerder_needed()
    made = entrance.create_first_beheerder("Els", "els", PASSWORD, PASSWORD)
    assert made.recovery_key is None and is_plain(opened_plain)
    assert not keyfile.key_file_for(opened_plain).exists()
    made.close()
    again = Entrance(opened_plain, app_paths).sign_in("els", PASSWORD)
    assert again.signed_in.actor.name == "Els"
    again.close()


@pytest.fixture
def opened_plain(migrated_template: Path, app_paths: AppPaths) -> Path:
    """A plain database from before this issue."""
    app_paths.database_file.write_bytes(migrated_template.read_bytes())
    return app_paths.database_file


def test_signing_in_derives_the_key_once_and_later_checks_derive_again(
    register: Entered, app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    register.database.close()
    unwraps: list[str] = []
    unlock = keyfile.unlock_with_password

    def counted(path: Path, login: str, password: str) -> Unlocked:
        unwraps.append(login)
        return unlock(path, login, password)

    monkeypatch.setattr(keyfile, "unlock_with_password", counted)
    entered = enter(app_paths, "els", PASSWORD)
    assert unwraps == ["els"]  # the sign-in after the unwrap is answered from it
    accounts, actor = entered.services.accounts, entered.signed_in.actor
    with pytest.raises(SignInRefused):
        accounts.unlock(actor, "niet het wachtwoord")  # the proof was used up: a real check
    assert accounts.unlock(actor, PASSWORD).actor.staff_id == actor.staff_id
    assert unwraps == ["els", "els", "els"]
    entered.close()
