"""A plain register from before encryption is encrypted by its first beheerder (or later by a
beheerder): afterwards the file holds no readable name, the password and the recovery key open
it, the plain copies go once confirmed, and the other accounts are told to get a new password;
a stop or a full disk leaves the plain register working as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from steunpunt.db.kernel import cipher, encryption
from steunpunt.db.kernel.backup import backup_database
from steunpunt.db.kernel.encryption import row_counts
from steunpunt.db.kernel.engine import create_engine_for, sqlite_url
from steunpunt.db.kernel.errors import EncryptionFailed
from steunpunt.db.kernel.keyfile import key_file_for, unlock_with_recovery_key
from steunpunt.domain.audit import AuditFilter, AuditKind
from steunpunt.domain.errors import Cancelled, InvalidValue
from steunpunt.domain.roles import Role
from steunpunt.entrance import Door, Entered, Entrance, encrypt_plain
from steunpunt.paths import AppPaths
from steunpunt.services.accounts.dto import AccountData
from steunpunt.services.accounts.errors import SignInRefused
from tests.kernel.encryption_setup_scenario import PlainRegister, make_plain_register

PASSWORD = "paars konijn op de fiets"
HANDED_OVER = "groene olifant zingt zacht"


@pytest.fixture
def plain(migrated_template: Path, app_paths: AppPaths) -> PlainRegister:
    """A plain register with demo people where the program keeps it, and the plain backup a
    migration made of it."""
    register = make_plain_register(migrated_template, app_paths.database_file.parent)
    assert register.file == app_paths.database_file
    engine = create_engine_for(sqlite_url(register.file))
    backup_database(engine, app_paths.backup_dir, "voor-migratie-0007")
    engine.dispose()
    return register


def raw_bytes(file: Path) -> bytes:
    """The database file and its write-ahead log, as someone who finds the laptop reads them."""
    wal = file.with_name(file.name + "-wal")
    return file.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def rows(file: Path) -> dict[str, int]:
    """The rows of every table of the plain ``file``."""
    connection = cipher.connect(file)
    try:
        return row_counts(connection)
    finally:
        connection.close()


def first_beheerder(entrance: Entrance) -> Entered:
    made = entrance.create_first_beheerder("Els de Wit", "els", PASSWORD, PASSWORD)
    assert made.to_encrypt and entrance.door is Door.PLAIN
    return made


def test_the_first_beheerder_of_a_plain_register_encrypts_it_and_may_remove_the_plain_copies(
    plain: PlainRegister, app_paths: AppPaths
) -> None:
    entrance = Entrance(plain.file, app_paths)
    assert entrance.door is Door.PLAIN and entrance.first_beheerder_needed()
    assert any(secret in raw_bytes(plain.file) for secret in plain.secrets)
    converted = entrance.encrypt(first_beheerder(entrance))

    assert entrance.door is Door.ENCRYPTED and not cipher.is_plain(plain.file)
    assert not any(secret in raw_bytes(plain.file) for secret in plain.secrets)
    assert converted.recovery_key is not None
    key = unlock_with_recovery_key(key_file_for(plain.file), converted.recovery_key)
    connection = cipher.connect(plain.file, key)
    assert row_counts(connection)["caregiver"] == plain.counts["caregiver"] == 30
    connection.close()
    reasons = sorted(copy.reason for copy in converted.plain_copies)
    assert len(reasons) == 2
    assert "de database van vóór het versleutelen" in reasons[0]
    assert "gemaakt voor het bijwerken van de database" in reasons[1]
    staff = converted.services.acting_as(converted.signed_in.actor).accounts.accounts()
    assert converted.without_key == len([a for a in staff if a.active]) - 1 > 0

    removal = converted.remove_plain_copies()
    assert removal.removed == 2 and removal.kept == ()
    assert list(app_paths.backup_dir.iterdir()) == []
    beside = {p.name for p in plain.file.parent.iterdir() if p.is_file()}
    assert beside - {"steunpunt.sqlite-wal", "steunpunt.sqlite-shm"} == {
        "steunpunt.sqlite",
        "steunpunt.sqlite.sleutels",
    }
    bound = converted.services.acting_as(converted.signed_in.actor)
    events = bound.audit.events(AuditFilter()).events
    kinds = {event.kind: event for event in events}
    assert AuditKind.ENCRYPTED in kinds and AuditKind.PLAIN_COPIES_REMOVED in kinds
    assert "verwijderd: 2" in kinds[AuditKind.PLAIN_COPIES_REMOVED].summary
    assert "Els" not in kinds[AuditKind.ENCRYPTED].summary
    converted.close()

    again = Entrance(plain.file, app_paths)
    assert again.door is Door.ENCRYPTED and not again.first_beheerder_needed()
    signed_in = again.sign_in("els", PASSWORD)
    assert signed_in.signed_in.actor.name == "Els de Wit"
    signed_in.close()


def test_an_account_made_before_the_encryption_is_told_to_ask_for_a_new_password(
    plain: PlainRegister, app_paths: AppPaths
) -> None:
    entrance = Entrance(plain.file, app_paths)
    made = first_beheerder(entrance)
    els = made.signed_in.actor
    piet = made.services.acting_as(els).accounts.add(
        els, AccountData("Piet", "piet", Role.MEDEWERKER), HANDED_OVER, HANDED_OVER
    )
    converted = entrance.encrypt(made)
    converted.close()

    with pytest.raises(SignInRefused) as refused:
        Entrance(plain.file, app_paths).sign_in("piet", HANDED_OVER)
    assert "de database is versleuteld nadat u uw wachtwoord kreeg" in refused.value.message
    assert "nieuw wachtwoord" in refused.value.message

    beheerder = Entrance(plain.file, app_paths).sign_in("els", PASSWORD)
    accounts = beheerder.services.acting_as(els).accounts
    [current] = [a for a in accounts.accounts() if a.id == piet.id]
    accounts.reset_password(els, piet.id, current.version, HANDED_OVER, HANDED_OVER)
    beheerder.close()
    entered = Entrance(plain.file, app_paths).sign_in("piet", HANDED_OVER)
    assert entered.signed_in.actor.name == "Piet" and entered.signed_in.must_change_password
    entered.close()


def test_stopping_the_encryption_leaves_the_plain_register_working_as_it_was(
    plain: PlainRegister, app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cipher, "PROGRESS_STEPS", 50)  # asked often, even for a small register
    entrance = Entrance(plain.file, app_paths)
    made = first_beheerder(entrance)
    before = rows(plain.file)
    with pytest.raises(Cancelled, match="niet veranderd"):
        entrance.encrypt(made, lambda done, _total: done <= 10)
    assert cipher.is_plain(plain.file) and rows(plain.file) == before
    assert not key_file_for(plain.file).exists()
    bound = made.services.acting_as(made.signed_in.actor)
    assert bound.caregivers.count() == 30  # the plain register still works, signed in
    made.close()


def test_a_full_disk_during_the_encryption_leaves_the_plain_register_working(
    plain: PlainRegister, app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(_plain: Path, target: Path, _key: bytes, _going: object) -> None:
        target.write_bytes(bytes(4096))
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(encryption.cipher, "export_encrypted", full_disk)
    entrance = Entrance(plain.file, app_paths)
    made = first_beheerder(entrance)
    before = rows(plain.file)
    with pytest.raises(EncryptionFailed, match="de schijf is vol"):
        entrance.encrypt(made)
    assert cipher.is_plain(plain.file) and rows(plain.file) == before
    assert not key_file_for(plain.file).exists()
    assert made.services.acting_as(made.signed_in.actor).caregivers.count() == 30
    made.close()


def test_a_beheerder_encrypts_later_with_their_password_asked_again(
    plain: PlainRegister, app_paths: AppPaths
) -> None:
    made = first_beheerder(Entrance(plain.file, app_paths))
    made.close()
    entered = Entrance(plain.file, app_paths).sign_in("els", PASSWORD)
    assert not entered.to_encrypt  # the menu offers it from here on
    accounts = entered.services.acting_as(entered.signed_in.actor).accounts
    with pytest.raises(InvalidValue, match="Het wachtwoord klopt niet"):
        accounts.key_holder(entered.signed_in.actor.staff_id, "fout wachtwoord hier")
    holder = accounts.key_holder(entered.signed_in.actor.staff_id, PASSWORD)
    converted = encrypt_plain(entered, holder, app_paths)
    assert not cipher.is_plain(plain.file)
    assert converted.services.acting_as(converted.signed_in.actor).caregivers.count() == 30
    converted.close()
    Entrance(plain.file, app_paths).sign_in("els", PASSWORD).close()
