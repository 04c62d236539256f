"""The encrypted database: the migrations, WAL and the trigram search work on it, and the file,
its WAL and its backups show nothing of the people in it; a wrong or missing key is a Dutch
message."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, text

from steunpunt.db.kernel import cipher
from steunpunt.db.kernel.backup import backup_database, list_backups
from steunpunt.db.kernel.backup_restore import restore_backup
from steunpunt.db.kernel.engine import (
    create_engine_for,
    create_read_only_engine,
    engine_key,
    make_session_factory,
    sqlite_url,
)
from steunpunt.db.kernel.errors import DatabaseKeyRefused, DatabaseUnreadable, storage_cause
from steunpunt.db.kernel.keyfile import (
    create_key_file,
    key_file_for,
    remove_account,
    set_password,
    unlock_with_password,
    unlock_with_recovery_key,
)
from steunpunt.db.kernel.migrate import HEAD_REVISION, current_revision, migrate
from steunpunt.demo.fill import fill_demo_database
from steunpunt.domain.accounts.hashing import HashCost
from steunpunt.domain.caregivers.list_filter import CaregiverFilter
from steunpunt.domain.keys.errors import SecretRefused
from steunpunt.services.kernel.container import build_services
from tests.helpers import TODAY, caregiver_data

KEY = bytes(range(32))
OTHER_KEY = bytes(range(1, 33))
CHEAP = HashCost(time_cost=1, memory_kib=8, parallelism=1)

SECRETS = (b"Wisniewska", b"Wi\xc5\x9bniewska", b"wisniewska", b"9471 QZ", b"9471QZ", b"Zwaluwhof")
"""The person's name (as typed, and folded for the search index), postcode and street."""


@dataclass(frozen=True)
class Encrypted:
    file: Path
    engine: Engine


@pytest.fixture
def encrypted(tmp_path: Path) -> Iterator[Encrypted]:
    """A new database made by the migrations with ``KEY``, holding one person, still open."""
    file = tmp_path / "steunpunt.sqlite"
    engine = create_engine_for(sqlite_url(file), KEY)
    migrate(engine, tmp_path / "backups", None)
    services = build_services(make_session_factory(engine), today=lambda: TODAY)
    actor = services.staff.default_actor("Tester")
    data = caregiver_data(
        first_name="Łucja",
        infix="",
        last_name="Wiśniewska",
        street="Zwaluwhof",
        postcode="9471 QZ",
        place="Zuidlaren",
    )
    services.caregivers.create(actor, data)
    yield Encrypted(file, engine)
    engine.dispose()


def raw_bytes(*files: Path) -> bytes:
    return b"".join(file.read_bytes() for file in files if file.exists())


def test_the_migrations_and_the_trigram_search_work_on_an_encrypted_database(
    encrypted: Encrypted,
) -> None:
    services = build_services(make_session_factory(encrypted.engine), today=lambda: TODAY)
    assert current_revision(encrypted.engine) == HEAD_REVISION
    for typed in ("wiśn", "WISNIEW", "niewska", "9471", "zwaluw"):
        found = services.caregivers.search(CaregiverFilter(text=typed), 10)
        assert [row.name for row in found.rows] == ["Wiśniewska, Łucja"], typed
    with encrypted.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA cipher_version").scalar()
        assert connection.exec_driver_sql("PRAGMA cache_size").scalar() == -cipher.CACHE_KIB


def test_the_file_and_its_wal_show_no_name_or_postcode(encrypted: Encrypted) -> None:
    wal = encrypted.file.with_name(encrypted.file.name + "-wal")
    assert wal.stat().st_size > 0  # the person is (also) in the WAL, not yet checkpointed
    written = raw_bytes(encrypted.file, wal)
    assert not cipher.is_plain(encrypted.file)
    assert [secret for secret in SECRETS if secret in written] == []
    # The same steps without a key do write them: the check above can fail.
    with encrypted.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    plain = encrypted.file.with_name("plain.sqlite")
    with encrypted.engine.connect() as connection:
        connection.exec_driver_sql(f"ATTACH DATABASE '{plain}' AS plain KEY ''")
        connection.exec_driver_sql("SELECT sqlcipher_export('plain')")
        connection.exec_driver_sql("DETACH DATABASE plain")
    assert cipher.is_plain(plain)
    assert b"Zwaluwhof" in plain.read_bytes()


def test_an_encrypted_database_opens_again_with_its_key_only(encrypted: Encrypted) -> None:
    encrypted.engine.dispose()
    again = create_engine_for(sqlite_url(encrypted.file), KEY)
    assert current_revision(again) == HEAD_REVISION
    again.dispose()

    wrong = create_engine_for(sqlite_url(encrypted.file), OTHER_KEY)
    with pytest.raises(DatabaseKeyRefused, match="kan met deze sleutel niet worden geopend"):
        current_revision(wrong)
    wrong.dispose()

    read_only = create_read_only_engine(encrypted.file, key=OTHER_KEY)
    with pytest.raises(DatabaseKeyRefused, match=r"steunpunt\.sqlite"):
        current_revision(read_only)
    read_only.dispose()


@pytest.mark.logs_errors
def test_without_its_key_an_encrypted_database_is_a_dutch_refusal(encrypted: Encrypted) -> None:
    encrypted.engine.dispose()
    before = encrypted.file.read_bytes()
    unkeyed = create_engine_for(sqlite_url(encrypted.file))
    with pytest.raises(DatabaseUnreadable, match="kan niet worden gelezen"):
        current_revision(unkeyed)
    unkeyed.dispose()
    assert encrypted.file.read_bytes() == before


def test_without_its_key_a_database_with_a_key_file_asks_to_sign_in(encrypted: Encrypted) -> None:
    encrypted.engine.dispose()
    key_file_for(encrypted.file).write_text("{}")
    unkeyed = create_engine_for(sqlite_url(encrypted.file))
    with pytest.raises(DatabaseKeyRefused, match="is versleuteld en opent alleen na aanmelden"):
        current_revision(unkeyed)
    unkeyed.dispose()


def test_a_key_for_a_plain_database_is_refused_in_dutch(tmp_path: Path) -> None:
    file = tmp_path / "plain.sqlite"
    plain = create_engine_for(sqlite_url(file))
    with plain.begin() as connection:
        connection.execute(text("CREATE TABLE t (x)"))
    plain.dispose()
    keyed = create_engine_for(sqlite_url(file), KEY)
    with pytest.raises(DatabaseKeyRefused, match="is niet versleuteld"):
        current_revision(keyed)
    keyed.dispose()


def test_a_plain_engine_stays_plain(tmp_path: Path) -> None:
    engine = create_engine_for(sqlite_url(tmp_path / "plain.sqlite"))
    with engine.connect() as connection:
        connection.exec_driver_sql("CREATE TABLE t (x)")
        assert isinstance(connection.connection.driver_connection, sqlite3.Connection)
    assert engine_key(engine) is None
    engine.dispose()
    assert cipher.is_plain(tmp_path / "plain.sqlite")


def test_a_backup_of_an_encrypted_database_is_encrypted_and_restores_with_the_key(
    encrypted: Encrypted, tmp_path: Path
) -> None:
    backups = tmp_path / "backups"
    copy = backup_database(encrypted.engine, backups, reason="handmatig")
    database = copy / "steunpunt.sqlite"
    assert not cipher.is_plain(database)
    assert [secret for secret in SECRETS if secret in database.read_bytes()] == []
    assert list_backups(backups, KEY) == [copy]
    encrypted.engine.dispose()

    restored = tmp_path / "restored.sqlite"
    restore_backup(copy, restored, KEY)
    engine = create_engine_for(sqlite_url(restored), KEY)
    services = build_services(make_session_factory(engine), today=lambda: TODAY)
    assert services.caregivers.search(CaregiverFilter(text="wiśn"), 10).total == 1
    engine.dispose()


def test_export_encrypts_a_plain_database_into_a_new_file(
    migrated_template: Path, tmp_path: Path
) -> None:
    target = tmp_path / "encrypted.sqlite"
    cipher.export_encrypted(migrated_template, target, KEY)
    assert not cipher.is_plain(target)
    engine = create_engine_for(sqlite_url(target), KEY)
    assert current_revision(engine) == HEAD_REVISION
    engine.dispose()
    with pytest.raises(FileExistsError):
        cipher.export_encrypted(migrated_template, target, KEY)


def test_a_data_key_is_32_bytes(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        cipher.connect(tmp_path / "x.sqlite", os.urandom(16))


def test_a_failed_export_leaves_no_file(tmp_path: Path) -> None:
    not_a_database = tmp_path / "kapot.sqlite"
    not_a_database.write_bytes(os.urandom(4096))
    target = tmp_path / "encrypted.sqlite"
    with pytest.raises(sqlcipher.DatabaseError):
        cipher.export_encrypted(not_a_database, target, KEY)
    assert not target.exists()


def test_a_password_or_the_recovery_key_opens_the_database_and_a_removed_account_does_not(
    migrated_template: Path, tmp_path: Path
) -> None:
    file = tmp_path / "steunpunt.sqlite"
    keys = create_key_file(key_file_for(file), "uuid-beheer", "beheer", "wachtwoord één", CHEAP)
    cipher.export_encrypted(migrated_template, file, keys.data_key)
    set_password(key_file_for(file), keys.data_key, "uuid-els", "els", "wachtwoord twee", CHEAP)

    def opens(key: bytes) -> bool:
        engine = create_engine_for(sqlite_url(file), key)
        try:
            return current_revision(engine) == HEAD_REVISION
        finally:
            engine.dispose()

    assert opens(unlock_with_password(key_file_for(file), "els", "wachtwoord twee").data_key)
    assert opens(unlock_with_recovery_key(key_file_for(file), keys.recovery_key))
    remove_account(key_file_for(file), "uuid-els")
    with pytest.raises(SecretRefused):
        unlock_with_password(key_file_for(file), "els", "wachtwoord twee")


def test_demo_people_leave_no_name_or_postcode_in_the_file_or_its_wal(encrypted: Encrypted) -> None:
    fill_demo_database(encrypted.engine, 40, seed=3)
    with encrypted.engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT last_name, postcode FROM caregiver WHERE length(last_name) >= 5"
        ).fetchall()
    secrets = {value.encode() for row in rows for value in row if value}
    assert len(secrets) > 40
    wal = encrypted.file.with_name(encrypted.file.name + "-wal")
    written = raw_bytes(encrypted.file, wal)
    assert sorted(secret for secret in secrets if secret in written) == []


def test_the_encrypted_drivers_errors_are_told_in_dutch_too() -> None:
    assert storage_cause(sqlcipher.OperationalError("database or disk is full")) == (
        "de schijf is vol"
    )
