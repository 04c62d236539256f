"""Encrypting a register, killed at any moment: the next start finds the complete plain
register or the complete encrypted one with its key file, never neither, never half; a
left-over encrypted copy is cleared, and the setup can start again."""

from __future__ import annotations

from pathlib import Path

import pytest

from steunpunt.db.kernel.keyfile import key_file_for
from steunpunt.services.kernel.encryption_setup import (
    encrypt_database,
    settle_interrupted_encryption,
)
from steunpunt.services.kernel.plain_copies import plain_copies, remove_plain_copies
from tests.kernel.encryption_setup_scenario import (
    BEHEERDER,
    CHEAP,
    HOLDER,
    PlainRegister,
    make_plain_register,
    state,
)
from tests.kill import die_in

pytestmark = pytest.mark.kill

_TASK = """
from pathlib import Path

from steunpunt.db.kernel import cipher
from steunpunt.services.kernel import encryption_setup, plain_copies
from tests.kernel.encryption_setup_scenario import BEHEERDER, CHEAP, HOLDER

task, database = sys.argv[1], Path(sys.argv[2])
cipher.PROGRESS_STEPS = 50  # the copy asks often, even for a small register
if task == "encrypt":
    encryption_setup.encrypt_database(BEHEERDER, database, HOLDER, lambda _d, _t: True, CHEAP)
else:
    copies = plain_copies.plain_copies(database, [database.parent / "backups"])
    plain_copies.remove_plain_copies(BEHEERDER, copies)
"""


def run_and_die_in(point: str, call: int, task: str, database: Path) -> bool:
    """Run ``task`` (encrypt, remove) on ``database`` in a process that dies at the
    ``call``-th call of ``point``; True when it died there."""
    done = die_in(point, _TASK, [task, str(database)], call)
    assert done.returncode in (0, 9), done.stderr.decode()
    return done.returncode == 9


@pytest.fixture
def register(migrated_template: Path, tmp_path: Path) -> PlainRegister:
    return make_plain_register(migrated_template, tmp_path / "data")


@pytest.mark.parametrize(
    ("point", "call", "expected"),
    [
        # folding the plain write-ahead log, before anything else
        ("steunpunt.services.kernel.encryption_setup:_fold_write_ahead_log", 1, "plain"),
        ("os:replace", 1, "plain"),  # the key file written, not yet in place
        ("steunpunt.db.kernel.keyfile:sync_folder", 1, "plain"),  # the key file in place
        ("steunpunt.db.kernel.encryption:_problem", 1, "plain"),  # copied, not yet checked
        ("os:link", 1, "plain"),  # the copy made and checked, before the swap
        ("os:replace", 2, "plain"),  # the plain file has its second name, the copy not in place
        ("steunpunt.services.kernel.encryption_setup:sync_folder", 1, "encrypted"),  # swapped
    ],
)
def test_a_killed_encryption_leaves_a_complete_register(
    register: PlainRegister, point: str, call: int, expected: str
) -> None:
    assert run_and_die_in(point, call, "encrypt", register.file)
    settle_interrupted_encryption(register.file)  # the next start
    assert state(register) == expected
    hidden = [file.name for file in register.file.parent.iterdir() if file.name.startswith(".")]
    assert hidden == []  # no half key file, no encrypted copy
    if expected == "plain":  # the setup starts again and completes
        encrypt_database(BEHEERDER, register.file, HOLDER, cost=CHEAP)
        assert state(register) == "encrypted"


def test_a_kill_during_the_copy_leaves_the_plain_register_and_the_copy_is_cleared(
    register: PlainRegister,
) -> None:
    copy = register.file.with_name(".steunpunt.sqlite.versleuteld")
    # the copy's own progress question, asked while pages are being written
    point = "steunpunt.services.kernel.encryption_setup:_Steps.going_on"
    assert run_and_die_in(point, 200, "encrypt", register.file)
    assert copy.exists() and key_file_for(register.file).exists()
    settle_interrupted_encryption(register.file)
    assert not copy.exists()
    assert state(register) == "plain"


@pytest.mark.parametrize("call", [1, 2, 3])
def test_a_kill_while_removing_plain_copies_leaves_the_rest_for_next_time(
    register: PlainRegister, call: int
) -> None:
    encrypt_database(BEHEERDER, register.file, HOLDER, cost=CHEAP)
    backups = register.file.parent / "backups"
    backups.mkdir()
    done = plain_copies(register.file, [backups])
    (original,) = [copy.file for copy in done]
    for n in (1, 2):
        (backups / f"steunpunt-20261201-10000{n}-000000-handmatig.sqlite").write_bytes(
            original.read_bytes()
        )
    assert len(plain_copies(register.file, [backups])) == 3
    assert run_and_die_in("os:unlink", call, "remove", register.file)
    settle_interrupted_encryption(register.file)
    assert state(register) == "encrypted"
    left = plain_copies(register.file, [backups])
    assert len(left) == 3 - (call - 1)
    remove_plain_copies(BEHEERDER, left)
    assert plain_copies(register.file, [backups]) == []
    assert state(register) == "encrypted"


def test_a_kill_in_the_swap_leaves_the_plain_register_in_place_under_two_names(
    register: PlainRegister,
) -> None:
    assert run_and_die_in("os:replace", 2, "encrypt", register.file)  # the swap's rename
    (second,) = register.file.parent.glob("steunpunt.sqlite.onversleuteld-*")
    assert second.samefile(register.file)  # a second name, not a second copy
    assert register.file.with_name(".steunpunt.sqlite.versleuteld").exists()  # checked, waiting
    assert key_file_for(register.file).exists()
    settle_interrupted_encryption(register.file)
    assert not second.exists()
    assert state(register) == "plain"
