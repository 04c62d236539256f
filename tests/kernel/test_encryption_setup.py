"""Encrypting an existing plain register in place: checked, the key file first, the plain
write-ahead log gone, the plain original kept until removal is confirmed; a stop leaves the
plain register as it was."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from steunpunt.db.kernel import cipher, encryption
from steunpunt.db.kernel.encryption import encrypted_copy_for, row_counts
from steunpunt.db.kernel.errors import EncryptionFailed
from steunpunt.db.kernel.keyfile import key_file_for, unlock_with_recovery_key
from steunpunt.domain.errors import Cancelled
from steunpunt.domain.roles import Role
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.encryption_setup import (
    DatabaseAlreadyEncrypted,
    Settled,
    encrypt_database,
    settle_interrupted_encryption,
)
from steunpunt.services.kernel.errors import NotPermitted
from tests.kernel.encryption_setup_scenario import (
    BEHEERDER,
    CHEAP,
    HOLDER,
    PlainRegister,
    make_plain_register,
    state,
)


@pytest.fixture
def register(migrated_template: Path, tmp_path: Path) -> PlainRegister:
    return make_plain_register(migrated_template, tmp_path / "data")


def test_the_register_is_encrypted_in_place_and_opens_with_the_password_and_recovery_key(
    register: PlainRegister,
) -> None:
    steps: list[int] = []
    done = encrypt_database(
        BEHEERDER, register.file, HOLDER, lambda at, total: steps.append(at) or True, CHEAP
    )
    assert state(register) == "encrypted"
    assert steps[0] == 0 and steps[-1] == 100 and steps == sorted(steps)
    assert unlock_with_recovery_key(key_file_for(register.file), done.recovery_key) == done.data_key
    with cipher.connect(done.plain_original) as kept:  # kept until its removal is confirmed
        assert row_counts(kept) == register.counts
    assert done.plain_original.name.startswith("steunpunt.sqlite.onversleuteld-")
    assert sorted(p.name for p in register.file.parent.iterdir() if p.is_file()) == sorted(
        ["steunpunt.sqlite", "steunpunt.sqlite.sleutels", done.plain_original.name]
    )


_WRITE_AND_DIE = """
import os, sqlite3, sys
connection = sqlite3.connect(sys.argv[1])
connection.execute("PRAGMA journal_mode = WAL")
connection.execute("PRAGMA wal_autocheckpoint = 0")
connection.execute("UPDATE caregiver SET last_name = 'Zwaluwenberg' WHERE id = 1")
connection.commit()
os._exit(9)
"""


def test_changes_still_in_the_plain_write_ahead_log_are_encrypted_and_the_log_is_gone(
    register: PlainRegister,
) -> None:
    subprocess.run([sys.executable, "-c", _WRITE_AND_DIE, str(register.file)], check=False)
    wal = register.file.with_name("steunpunt.sqlite-wal")
    assert b"Zwaluwenberg" in wal.read_bytes()  # a killed program left plain pages in it
    done = encrypt_database(BEHEERDER, register.file, HOLDER, cost=CHEAP)
    assert not wal.exists()
    assert not register.file.with_name("steunpunt.sqlite-shm").exists()
    assert b"Zwaluwenberg" not in register.file.read_bytes()
    with cipher.connect(register.file, done.data_key) as connection:
        found = connection.execute("SELECT last_name FROM caregiver WHERE id = 1").fetchone()
    assert found == ("Zwaluwenberg",)


def test_stopping_it_leaves_the_plain_register_and_no_key_file(
    register: PlainRegister, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cipher, "PROGRESS_STEPS", 50)  # asked often, even for a small register
    with pytest.raises(Cancelled, match="afgebroken; de database is niet veranderd"):
        encrypt_database(BEHEERDER, register.file, HOLDER, lambda at, _t: at <= 10, CHEAP)
    assert state(register) == "plain"
    assert not key_file_for(register.file).exists()
    assert sorted(p.name for p in register.file.parent.iterdir()) == ["steunpunt.sqlite"]


def test_a_copy_that_fails_leaves_the_plain_register_and_no_key_file(
    register: PlainRegister, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(_plain: Path, target: Path, _key: bytes, _going: object) -> None:
        target.write_bytes(bytes(4096))
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(encryption.cipher, "export_encrypted", full_disk)
    with pytest.raises(EncryptionFailed, match="de schijf is vol"):
        encrypt_database(BEHEERDER, register.file, HOLDER, cost=CHEAP)
    assert state(register) == "plain"
    assert sorted(p.name for p in register.file.parent.iterdir()) == ["steunpunt.sqlite"]


def test_an_encrypted_register_is_not_encrypted_again(register: PlainRegister) -> None:
    encrypt_database(BEHEERDER, register.file, HOLDER, cost=CHEAP)
    key_file = key_file_for(register.file).read_bytes()
    with pytest.raises(DatabaseAlreadyEncrypted, match="al versleuteld"):
        encrypt_database(BEHEERDER, register.file, HOLDER, cost=CHEAP)
    assert key_file_for(register.file).read_bytes() == key_file


def test_only_a_beheerder_may_encrypt(register: PlainRegister) -> None:
    with pytest.raises(NotPermitted, match="niet versleutelen"):
        encrypt_database(Actor(2, "Els", Role.MEDEWERKER), register.file, HOLDER, cost=CHEAP)
    assert state(register) == "plain"


# The states of the table in encryption_setup's docstring, each made by hand.


def test_plain_with_a_copy_left_behind_loses_the_copy(register: PlainRegister) -> None:
    encrypted_copy_for(register.file).write_bytes(os.urandom(8192))
    assert settle_interrupted_encryption(register.file) is Settled.COPY_REMOVED
    assert state(register) == "plain"


def test_plain_with_a_key_file_sets_the_key_file_aside_and_can_start_again(
    register: PlainRegister,
) -> None:
    key_file = key_file_for(register.file)
    key_file.write_bytes(b"a key file whose database never came")
    encrypted_copy_for(register.file).write_bytes(os.urandom(8192))
    second_name = register.file.with_name("steunpunt.sqlite.onversleuteld-20261205-030000")
    os.link(register.file, second_name)
    assert settle_interrupted_encryption(register.file) is Settled.KEY_FILE_SET_ASIDE
    assert not second_name.exists()  # only a second name of the plain register in place
    (aside,) = register.file.parent.glob("steunpunt.sqlite.sleutels.niet-gebruikt-*")
    assert aside.read_bytes() == b"a key file whose database never came"  # never deleted
    assert state(register) == "plain"
    encrypt_database(BEHEERDER, register.file, HOLDER, cost=CHEAP)
    assert state(register) == "encrypted"


def test_encrypted_with_its_key_file_is_left_alone(register: PlainRegister) -> None:
    done = encrypt_database(BEHEERDER, register.file, HOLDER, cost=CHEAP)
    half = register.file.with_name(".steunpunt.sqlite.sleutels.nieuw")
    half.write_bytes(b"{half")
    assert settle_interrupted_encryption(register.file) is Settled.NOTHING
    assert not half.exists()
    assert done.plain_original.exists()  # removed only after the person confirms
    assert state(register) == "encrypted"
