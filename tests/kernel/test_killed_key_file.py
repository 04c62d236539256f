"""A key file write killed at any moment: the key file is the old or the new one, whole, and a
password opens it; never a half-written file."""

from __future__ import annotations

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
from tests.kill import die_in

pytestmark = pytest.mark.kill

CHEAP = HashCost(time_cost=1, memory_kib=8, parallelism=1)

_CHANGE = """
from pathlib import Path
from steunpunt.db.kernel import keyfile
from steunpunt.domain.accounts.hashing import HashCost

keyfile.set_password(
    Path(sys.argv[1]), bytes.fromhex(sys.argv[2]), "uuid-els", "els", "nieuw wachtwoord",
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
    done = die_in(f"os:{point}", _CHANGE, [str(key_file), keys.data_key.hex()], call)
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
