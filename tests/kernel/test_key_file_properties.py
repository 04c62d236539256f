"""Any damage to the key file's bytes: the right data key or a Dutch refusal, never another key
and never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from steunpunt.db.kernel.keyfile import (
    create_key_file,
    key_file_for,
    unlock_with_password,
    unlock_with_recovery_key,
)
from steunpunt.domain.accounts.hashing import HashCost
from tests.strategies import PROPERTY, outcome

CHEAP = HashCost(time_cost=1, memory_kib=8, parallelism=1)
PASSWORD = "lang genoeg wachtwoord"


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, bytes, str]:
    """A valid key file's bytes, its data key and its recovery key."""
    file = key_file_for(tmp_path_factory.mktemp("keys") / "steunpunt.sqlite")
    keys = create_key_file(file, "uuid-1", "beheer", PASSWORD, CHEAP)
    return file.read_bytes(), keys.data_key, keys.recovery_key


def unlocks(file: Path, content: bytes, recovery_key: str) -> list[bytes | None]:
    file.write_bytes(content)
    by_password = outcome(lambda: unlock_with_password(file, "beheer", PASSWORD).data_key)
    by_recovery = outcome(lambda: unlock_with_recovery_key(file, recovery_key))
    return [by_password.value, by_recovery.value]


@PROPERTY
@given(data=st.data())
def test_a_changed_byte_gives_the_data_key_or_a_dutch_refusal(
    made: tuple[bytes, bytes, str], tmp_path: Path, data: st.DataObject
) -> None:
    content, data_key, recovery_key = made
    position = data.draw(st.integers(min_value=0, max_value=len(content) - 1))
    byte = data.draw(
        st.integers(min_value=0, max_value=255).filter(lambda b: b != content[position])
    )
    changed = content[:position] + bytes([byte]) + content[position + 1 :]
    for found in unlocks(tmp_path / "steunpunt.sqlite.sleutels", changed, recovery_key):
        assert found in (None, data_key)


@PROPERTY
@given(data=st.data())
def test_a_cut_off_or_lengthened_file_gives_the_data_key_or_a_dutch_refusal(
    made: tuple[bytes, bytes, str], tmp_path: Path, data: st.DataObject
) -> None:
    content, data_key, recovery_key = made
    length = data.draw(st.integers(min_value=0, max_value=len(content)))
    tail = data.draw(st.binary(max_size=20))
    for found in unlocks(
        tmp_path / "steunpunt.sqlite.sleutels", content[:length] + tail, recovery_key
    ):
        assert found in (None, data_key)
