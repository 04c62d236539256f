"""A plain register to encrypt, and what "complete" means for the plain or encrypted result."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from steunpunt.db.kernel import cipher
from steunpunt.db.kernel.encryption import encrypted_copy_for, row_counts
from steunpunt.db.kernel.engine import create_engine_for, sqlite_url
from steunpunt.db.kernel.keyfile import key_file_for, unlock_with_password
from steunpunt.demo.fill import fill_demo_database
from steunpunt.domain.accounts.hashing import HashCost
from steunpunt.domain.roles import Role
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.encryption_setup import FirstHolder

CHEAP = HashCost(time_cost=1, memory_kib=8, parallelism=1)
HOLDER = FirstHolder("uuid-beheer", "beheer", "geheim wachtwoord")
BEHEERDER = Actor(1, "Beheer", Role.BEHEERDER)


@dataclass(frozen=True)
class PlainRegister:
    """A closed plain register with demo people, its row counts and some of its secrets."""

    file: Path
    counts: dict[str, int]
    secrets: tuple[bytes, ...]


def make_plain_register(template: Path, folder: Path) -> PlainRegister:
    """A plain register with 30 demo caregivers in ``folder``, closed."""
    folder.mkdir(parents=True, exist_ok=True)
    file = folder / "steunpunt.sqlite"
    shutil.copy(template, file)
    engine = create_engine_for(sqlite_url(file))
    fill_demo_database(engine, 30, seed=5)
    engine.dispose()
    with cipher.connect(file) as connection:
        counts = row_counts(connection)
        names = connection.execute(
            "SELECT last_name, street FROM caregiver ORDER BY id LIMIT 3"
        ).fetchall()
    connection.close()
    secrets = tuple(str(value).encode() for row in names for value in row if value)
    return PlainRegister(file, counts, secrets)


def state(register: PlainRegister) -> str:
    """``plain`` or ``encrypted`` when the register is complete as either; fails otherwise."""
    file = register.file
    assert not encrypted_copy_for(file).exists()
    if cipher.is_plain(file):
        assert not key_file_for(file).exists()
        connection = cipher.connect(file)
        kind = "plain"
    else:
        key = unlock_with_password(key_file_for(file), HOLDER.login, HOLDER.password).data_key
        connection = cipher.connect(file, key)
        kind = "encrypted"
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert row_counts(connection) == register.counts
    finally:
        connection.close()
    wal = file.with_name(file.name + "-wal")
    if kind == "encrypted":
        assert not any(secret in file.read_bytes() for secret in register.secrets)
        assert not wal.exists() or not any(s in wal.read_bytes() for s in register.secrets)
    return kind


def sound_plain(file: Path) -> bool:
    """Whether ``file`` is a plain SQLite file that passes the integrity check."""
    connection = sqlite3.connect(file)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        connection.close()
