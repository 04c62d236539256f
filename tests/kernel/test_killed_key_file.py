"""A key file write killed at any moment: the key file is the old or the new one, whole, and a
password opens it; never a half-written file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from steunpunt.db.kernel.keyfile import (
    create_key_file,
    key_file_for,
    set_password,
    unlock_with_password,
)
from steunpunt.domain.accounts.hashing import HashCost
from steunpunt.domain.keys.errors import SecretRefused

pytestmark = pytest.mark.kill

CHEAP = HashCost(time_cost=1, memory_kib=8, parallelism=1)

_CHANGE_AND_DIE = """
import os, sys
from pathlib import Path
from steunpunt.db.kernel import keyfile
from steunpunt.domain.accounts.hashing import HashCost

name, calls_left = sys.argv[1], int(sys.argv[2])
real = getattr(os, name)

def die_at_the_chosen_call(*args):
    global calls_left
    calls_left -= 1
    if calls_left == 0:
        os._exit(9)
    return real(*args)

setattr(keyfile.os, name, die_at_the_chosen_call)
keyfile.set_password(
    Path(sys.argv[3]), bytes.fromhex(sys.argv[4]), "uuid-els", "els", "nieuw wachtwoord",
    HashCost(time_cost=1, memory_kib=8, parallelism=1),
)
"""


@pytest.mark.parametrize(
    ("point", "call", "written"),
    [
        ("fsync", 1, False),  # written, not yet on disk
        ("replace", 1, False),  # on disk under the temporary name
        ("fsync", 2, True),  # renamed, the folder not yet flushed
    ],
)
def test_a_killed_key_file_write_leaves_the_old_or_the_new_file(
    tmp_path: Path, point: str, call: int, written: bool
) -> None:
    key_file = key_file_for(tmp_path / "steunpunt.sqlite")
    keys = create_key_file(key_file, "uuid-beheer", "beheer", "wachtwoord beheer", CHEAP)
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            _CHANGE_AND_DIE,
            point,
            str(call),
            str(key_file),
            keys.data_key.hex(),
        ],
        check=False,
        capture_output=True,
    )
    assert done.returncode == 9, done.stderr
    assert unlock_with_password(key_file, "beheer", "wachtwoord beheer").data_key == keys.data_key
    if written:
        assert unlock_with_password(key_file, "els", "nieuw wachtwoord").data_key == keys.data_key
    else:
        with pytest.raises(SecretRefused):
            unlock_with_password(key_file, "els", "nieuw wachtwoord")
    set_password(key_file, keys.data_key, "uuid-els", "els", "later", CHEAP)  # the next write
    assert unlock_with_password(key_file, "els", "later").staff_uuid == "uuid-els"
    assert sorted(path.name for path in tmp_path.iterdir()) == [key_file.name]
