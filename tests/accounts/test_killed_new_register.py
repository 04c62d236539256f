"""A new register killed while its first beheerder is made: the next start offers a new
register again (or, killed once it was in place, opens it), never a key file without its
database that is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from steunpunt.db.kernel.cipher import is_plain
from steunpunt.db.kernel.keyfile import key_file_for
from steunpunt.entrance import Door, Entrance
from steunpunt.paths import resolve_paths
from tests.kill import die_in

pytestmark = pytest.mark.kill

PASSWORD = "paars konijn op de fiets"

_MAKE = """
from pathlib import Path

from steunpunt.entrance import Entrance
from steunpunt.paths import resolve_paths

paths = resolve_paths(Path(sys.argv[1])).ensure()
password = "paars konijn op de fiets"
Entrance(paths.database_file, paths).create_first_beheerder("Els", "els", password, password)
"""


@pytest.mark.parametrize(
    ("point", "call", "made"),
    [
        ("os:replace", 1, False),  # writing the hidden key file
        ("steunpunt.startup:open_database", 1, False),  # the hidden key file made
        ("steunpunt.services.accounts.accounts:AccountService.create_first_beheerder", 1, False),
        ("os:replace", 2, False),  # the hidden register made, its key file not yet in place
        ("os:replace", 3, False),  # the key file in place, the register not yet
        ("steunpunt.startup:open_database", 2, True),  # both in place
    ],
)
def test_the_next_start_after_a_kill_finds_a_new_register_or_the_whole_one(
    tmp_path: Path, point: str, call: int, made: bool
) -> None:
    folder = tmp_path / "data"
    done = die_in(point, _MAKE, [str(folder)], call)
    assert done.returncode == 9, done.stderr.decode()
    paths = resolve_paths(folder)
    file = paths.database_file

    entrance = Entrance(file, paths)
    hidden = sorted(p.name for p in folder.iterdir() if p.name.startswith("."))
    assert hidden == []
    if made:
        assert entrance.door is Door.ENCRYPTED and not is_plain(file)
        entered = entrance.sign_in("els", PASSWORD)
    else:
        assert entrance.door is Door.NEW and entrance.first_beheerder_needed()
        assert not file.exists()
        entered = entrance.create_first_beheerder("Els", "els", PASSWORD, PASSWORD)
        assert entered.recovery_key is not None
    assert entered.signed_in.actor.name == "Els"
    entered.close()
    assert key_file_for(file).exists()
    Entrance(file, paths).sign_in("els", PASSWORD).close()


def test_a_key_file_put_in_place_for_a_register_that_never_came_is_set_aside(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "data"
    assert die_in("os:replace", _MAKE, [str(folder)], 3).returncode == 9
    first_key = key_file_for(resolve_paths(folder).database_file).read_bytes()
    paths = resolve_paths(folder)
    assert Entrance(paths.database_file, paths).door is Door.NEW
    (aside,) = folder.glob("steunpunt.sqlite.sleutels.zonder-database-*")
    assert aside.read_bytes() == first_key  # a key file is never thrown away
