"""The key file: the data key opens with each account's password or the recovery key, and only
with those; every change re-wraps only its own copy; damage is a Dutch message, never a crash."""

from __future__ import annotations

import base64
import errno
import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from steunpunt.db.kernel import keyfile
from steunpunt.db.kernel.keyfile import (
    create_key_file,
    key_file_for,
    key_holders,
    new_recovery_key,
    remove_account,
    rename_login,
    set_password,
    unlock_with_password,
    unlock_with_recovery_key,
)
from steunpunt.domain.accounts.hashing import HashCost
from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.keys.errors import KeyFileNotWritten, KeyFileUnusable, SecretRefused
from steunpunt.domain.keys.file_format import key_ring_from_bytes, key_ring_to_bytes
from steunpunt.domain.keys.recovery import format_recovery_key, new_recovery_secret
from steunpunt.domain.keys.ring import AccountCopy, account_label
from steunpunt.domain.keys.wrapping import unwrap_key, wrap_key

CHEAP = HashCost(time_cost=1, memory_kib=8, parallelism=1)
"""argon2id at its cheapest, so the tests stay fast; the program uses DEFAULT_COST."""

BEHEERDER = "0b6e1c1e-0000-4000-8000-000000000001"
MEDEWERKER = "0b6e1c1e-0000-4000-8000-000000000002"


@pytest.fixture
def key_file(tmp_path: Path) -> Path:
    return key_file_for(tmp_path / "steunpunt.sqlite")


def test_the_key_file_lies_beside_the_database(tmp_path: Path) -> None:
    assert key_file_for(tmp_path / "steunpunt.sqlite") == tmp_path / "steunpunt.sqlite.sleutels"


def test_the_first_beheerders_password_and_the_recovery_key_unlock_the_data_key(
    key_file: Path,
) -> None:
    made = create_key_file(key_file, BEHEERDER, "Beheer", "lang genoeg wachtwoord", CHEAP)
    assert len(made.data_key) == 32
    unlocked = unlock_with_password(key_file, " beheer ", "lang genoeg wachtwoord")
    assert (unlocked.data_key, unlocked.staff_uuid) == (made.data_key, BEHEERDER)
    assert unlock_with_recovery_key(key_file, made.recovery_key) == made.data_key
    assert unlock_with_recovery_key(key_file, made.recovery_key.lower()) == made.data_key
    assert key_holders(key_file) == {BEHEERDER: "beheer"}


def test_the_key_file_holds_no_secret_readably(key_file: Path) -> None:
    made = create_key_file(key_file, BEHEERDER, "beheer", "lang genoeg wachtwoord", CHEAP)
    content = key_file.read_bytes()
    document = json.loads(content)
    assert (document["format"], document["version"]) == ("steunpunt-sleutelbestand", 1)
    readable = [
        made.data_key,
        made.data_key.hex().encode(),
        base64.b64encode(made.data_key),
        b"lang genoeg wachtwoord",
        made.recovery_key.encode(),
        made.recovery_key.replace("-", "").encode(),
    ]
    assert [secret for secret in readable if secret in content] == []


def test_a_wrong_password_an_unknown_login_and_another_recovery_key_are_refused_in_dutch(
    key_file: Path,
) -> None:
    create_key_file(key_file, BEHEERDER, "beheer", "lang genoeg wachtwoord", CHEAP)
    before = key_file.read_bytes()
    with pytest.raises(SecretRefused, match="inlognaam of het wachtwoord klopt niet"):
        unlock_with_password(key_file, "beheer", "lang genoeg wachtwoorD")
    with pytest.raises(SecretRefused, match="inlognaam of het wachtwoord klopt niet"):
        unlock_with_password(key_file, "iemand", "lang genoeg wachtwoord")
    with pytest.raises(SecretRefused, match="hoort niet bij deze database"):
        unlock_with_recovery_key(key_file, format_recovery_key(new_recovery_secret()))
    with pytest.raises(InvalidValue, match="tikfout"):
        unlock_with_recovery_key(key_file, "A" * 40)
    assert key_file.read_bytes() == before


def test_a_new_key_file_never_replaces_one(key_file: Path) -> None:
    create_key_file(key_file, BEHEERDER, "beheer", "lang genoeg wachtwoord", CHEAP)
    before = key_file.read_bytes()
    with pytest.raises(FileExistsError):
        create_key_file(key_file, BEHEERDER, "beheer", "ander wachtwoord", CHEAP)
    assert key_file.read_bytes() == before


def test_a_password_change_rewraps_only_that_accounts_copy(key_file: Path) -> None:
    made = create_key_file(key_file, BEHEERDER, "beheer", "lang genoeg wachtwoord", CHEAP)
    set_password(key_file, made.data_key, MEDEWERKER, "els", "eerste wachtwoord", CHEAP)
    copies = {held["staff"]: held for held in json.loads(key_file.read_bytes())["accounts"]}

    set_password(key_file, made.data_key, MEDEWERKER, "els", "tweede wachtwoord", CHEAP)
    after = json.loads(key_file.read_bytes())
    assert {held["staff"]: held for held in after["accounts"]}[BEHEERDER] == copies[BEHEERDER]
    with pytest.raises(SecretRefused):
        unlock_with_password(key_file, "els", "eerste wachtwoord")
    assert unlock_with_password(key_file, "els", "tweede wachtwoord").data_key == made.data_key
    assert (
        unlock_with_password(key_file, "beheer", "lang genoeg wachtwoord").staff_uuid == BEHEERDER
    )


def test_a_copy_is_made_only_for_the_right_data_key(key_file: Path) -> None:
    create_key_file(key_file, BEHEERDER, "beheer", "lang genoeg wachtwoord", CHEAP)
    with pytest.raises(ValueError, match="not the data key"):
        set_password(key_file, os.urandom(32), MEDEWERKER, "els", "wachtwoord", CHEAP)


def test_a_removed_account_opens_nothing(key_file: Path) -> None:
    made = create_key_file(key_file, BEHEERDER, "beheer", "lang genoeg wachtwoord", CHEAP)
    set_password(key_file, made.data_key, MEDEWERKER, "els", "wachtwoord van els", CHEAP)
    remove_account(key_file, MEDEWERKER)
    with pytest.raises(SecretRefused):
        unlock_with_password(key_file, "els", "wachtwoord van els")
    assert key_holders(key_file) == {BEHEERDER: "beheer"}


def test_a_renamed_login_finds_the_same_copy(key_file: Path) -> None:
    made = create_key_file(key_file, BEHEERDER, "beheer", "lang genoeg wachtwoord", CHEAP)
    rename_login(key_file, BEHEERDER, "Anja")
    assert (
        unlock_with_password(key_file, "anja", "lang genoeg wachtwoord").data_key == made.data_key
    )
    with pytest.raises(SecretRefused):
        unlock_with_password(key_file, "beheer", "lang genoeg wachtwoord")


def test_a_new_recovery_key_makes_the_old_one_useless(key_file: Path) -> None:
    made = create_key_file(key_file, BEHEERDER, "beheer", "lang genoeg wachtwoord", CHEAP)
    fresh = new_recovery_key(key_file, made.data_key, CHEAP)
    assert fresh != made.recovery_key
    assert unlock_with_recovery_key(key_file, fresh) == made.data_key
    with pytest.raises(SecretRefused, match="nieuwe gemaakt"):
        unlock_with_recovery_key(key_file, made.recovery_key)


def test_a_copy_moved_to_another_account_opens_nothing(key_file: Path) -> None:
    made = create_key_file(key_file, BEHEERDER, "beheer", "lang genoeg wachtwoord", CHEAP)
    wrapped = wrap_key(made.data_key, b"wachtwoord", account_label(BEHEERDER), CHEAP)
    assert unwrap_key(wrapped, b"wachtwoord", account_label(BEHEERDER)) == made.data_key
    assert unwrap_key(wrapped, b"wachtwoord", account_label(MEDEWERKER)) is None


def test_a_copy_sealed_for_another_database_is_damage(key_file: Path) -> None:
    """A tampered copy that GCM accepts (sealed for another key) is caught by the key check."""
    create_key_file(key_file, BEHEERDER, "beheer", "lang genoeg wachtwoord", CHEAP)
    ring = key_ring_from_bytes(key_file.read_bytes(), key_file.name)
    sealed_for_another = wrap_key(os.urandom(32), b"x", account_label(BEHEERDER), CHEAP)
    swapped = replace(ring, accounts=(AccountCopy(BEHEERDER, "beheer", sealed_for_another),))
    key_file.write_bytes(key_ring_to_bytes(swapped))
    with pytest.raises(KeyFileUnusable, match="herstelsleutel"):
        unlock_with_password(key_file, "beheer", "x")


def damage(key_file: Path, how: str) -> None:
    content = key_file.read_bytes()
    document = json.loads(content)
    if how == "missing":
        key_file.unlink()
    elif how == "empty":
        key_file.write_bytes(b"")
    elif how == "truncated":
        key_file.write_bytes(content[: len(content) // 2])
    elif how == "not json":
        key_file.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(200))
    elif how == "foreign":
        key_file.write_text(json.dumps({"format": "iets anders", "version": 1}))
    elif how == "older version":
        key_file.write_text(json.dumps({**document, "version": 0}))
    elif how == "no recovery":
        key_file.write_text(json.dumps({k: v for k, v in document.items() if k != "recovery"}))
    elif how == "tampered copy":
        sealed = bytearray(base64.b64decode(document["accounts"][0]["sealed"]))
        sealed[5] ^= 0x01
        document["accounts"][0]["sealed"] = base64.b64encode(bytes(sealed)).decode()
        key_file.write_text(json.dumps(document))
    elif how == "huge memory":
        document["accounts"][0]["memory_kib"] = 2**40
        key_file.write_text(json.dumps(document))


@pytest.mark.parametrize(
    "how",
    [
        "missing",
        "empty",
        "truncated",
        "not json",
        "foreign",
        "older version",
        "no recovery",
        "tampered copy",
        "huge memory",
    ],
)
def test_a_missing_or_damaged_key_file_points_to_the_recovery_key(key_file: Path, how: str) -> None:
    made = create_key_file(key_file, BEHEERDER, "beheer", "lang genoeg wachtwoord", CHEAP)
    damage(key_file, how)
    with pytest.raises(KeyFileUnusable, match="herstelsleutel") as refused:
        unlock_with_password(key_file, "beheer", "lang genoeg wachtwoord")
    assert key_file.name in refused.value.message
    with pytest.raises(KeyFileUnusable, match="herstelsleutel"):
        unlock_with_recovery_key(key_file, made.recovery_key)


def test_a_key_file_of_a_newer_version_asks_for_the_newer_program(key_file: Path) -> None:
    create_key_file(key_file, BEHEERDER, "beheer", "lang genoeg wachtwoord", CHEAP)
    document = json.loads(key_file.read_bytes())
    key_file.write_text(json.dumps({**document, "version": 2}))
    with pytest.raises(KeyFileUnusable, match="nieuwere versie van Steunpunt"):
        unlock_with_password(key_file, "beheer", "lang genoeg wachtwoord")


def test_a_failed_write_leaves_the_key_file_as_it_was(
    key_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = create_key_file(key_file, BEHEERDER, "beheer", "lang genoeg wachtwoord", CHEAP)
    before = key_file.read_bytes()

    def full_disk(_source: object, _target: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(keyfile.os, "replace", full_disk)
    with pytest.raises(KeyFileNotWritten, match="de schijf is vol"):
        set_password(key_file, made.data_key, MEDEWERKER, "els", "wachtwoord", CHEAP)
    assert key_file.read_bytes() == before
    assert sorted(path.name for path in key_file.parent.iterdir()) == [key_file.name]
