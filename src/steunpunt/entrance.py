"""The one place that decides how a database file is entered, for the window and the commands.

- An encrypted database (its key file beside it): nothing is opened before signing in; the
  login and password unwrap the data key from the key file, the database opens with it, and
  the account's row then decides the rest (active, role, a new password to choose).
- A new register (no database yet): the first beheerder's account makes the key file, and the
  database is encrypted from its first byte; the recovery key is handed back to show once.
- A plain database from before encryption: opened, then signed in as before.
- Every password lost: the steunpunt's recovery key unwraps the data key instead, and one of
  the active beheerders chooses a new password (``open_with_recovery_key``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from steunpunt.db.kernel import database_file as files
from steunpunt.db.kernel.base import new_uuid
from steunpunt.db.kernel.cipher import is_plain
from steunpunt.db.kernel.errors import DatabaseMissing
from steunpunt.db.kernel.keyfile import create_key_file, key_file_for, read_key_ring
from steunpunt.domain.accounts.logins import parse_login
from steunpunt.domain.accounts.passwords import check_new_password
from steunpunt.domain.errors import KnownProblem
from steunpunt.paths import AppPaths
from steunpunt.services.accounts.account_rows import account_name
from steunpunt.services.accounts.dto import AccountView, SignedIn
from steunpunt.services.accounts.key_ring import (
    KeyRingAccess,
    unlock_key_ring,
    unlock_with_recovery_key,
)
from steunpunt.services.accounts.recovery import NOT_ENCRYPTED
from steunpunt.services.kernel.container import Services
from steunpunt.services.kernel.temporary_files import clear_temporary_files
from steunpunt.startup import OpenDatabase, open_database, refuse_missing

log = logging.getLogger(__name__)


class Door(Enum):
    """How the database is entered."""

    ENCRYPTED = "versleuteld"
    NEW = "nieuw register"
    PLAIN = "niet versleuteld"


@dataclass(frozen=True)
class Entered:
    """An opened database and who signed in on it; ``recovery_key`` only for a new register."""

    database: OpenDatabase
    signed_in: SignedIn
    recovery_key: str | None = None

    @property
    def services(self) -> Services:
        return self.database.services

    @property
    def file(self) -> Path:
        return self.database.file

    def close(self) -> None:
        """Close the database of a sign-in that was given up after all."""
        self.database.close()


@dataclass(frozen=True)
class Recovered:
    """A database opened with the recovery key; which of its ``beheerders`` acts, with a new
    password, is still to choose (:meth:`take_over`)."""

    database: OpenDatabase
    beheerders: tuple[AccountView, ...]

    def take_over(self, staff_id: int, password: str, repeated: str) -> Entered:
        """Beheerder ``staff_id`` chooses ``password`` and is signed in with it."""
        signed_in = self.database.services.recovery.take_over(staff_id, password, repeated)
        return Entered(self.database, signed_in)

    def close(self) -> None:
        """Close the database when no beheerder took over after all."""
        self.database.close()


class Entrance:
    """Before signing in: what the database file needs, and the sign-in that opens it.

    Raises a :class:`KnownProblem` in Dutch when the file cannot be used (a missing or damaged
    key file, an empty or vanished database); nothing is changed then.
    """

    def __init__(self, database_file: Path, paths: AppPaths, *, new_register: bool = False):
        self.file = database_file
        self._paths = paths
        self._key_file = key_file_for(database_file)
        self._plain: OpenDatabase | None = None
        # A killed encryption is settled first: its key file may belong to a plain database.
        clear_temporary_files(database_file, paths.backup_dir)
        if new_register and files.is_empty(database_file):
            files.set_aside(database_file, "leeg")
        if not new_register:
            refuse_missing(database_file, paths)
        if (self._key_file.exists() and database_file.exists()) or _looks_encrypted(database_file):
            read_key_ring(self._key_file)  # a damaged key file is said before anyone types
            self.door = Door.ENCRYPTED
        elif not database_file.exists():
            self._refuse_a_key_file_without_database(new_register)
            self.door = Door.NEW
        else:
            self._plain = open_database(database_file, paths)
            self.door = Door.PLAIN
        log.info("Database to enter: %s", self.door.name.lower())

    @property
    def plain_database(self) -> OpenDatabase | None:
        """The opened plain database (None: nothing is opened before signing in)."""
        return self._plain

    @property
    def encrypted(self) -> bool:
        """Whether the database opens with a key (a password or the recovery key)."""
        return self.door is Door.ENCRYPTED

    def first_beheerder_needed(self) -> bool:
        """Whether the first beheerder makes their account instead of signing in."""
        if self._plain is not None:
            return self._plain.services.accounts.first_beheerder_needed()
        return self.door is Door.NEW

    def sign_in(self, login: str, password: str) -> Entered:
        """Sign in; on an encrypted database the password is what opens it."""
        if self._plain is not None:
            return Entered(self._plain, self._plain.services.accounts.sign_in(login, password))
        key_ring = unlock_key_ring(self.file, login, password)
        database = open_database(self.file, self._paths, key_ring=key_ring)
        try:
            signed_in = database.services.accounts.sign_in(login, password)
        except BaseException:
            database.close()
            raise
        return Entered(database, signed_in)

    def open_with_recovery_key(self, typed: str) -> Recovered:
        """Every password lost: the recovery key opens the database, and a beheerder then
        chooses a new password. A key that does not fit is refused in Dutch and counted like
        a failed sign-in; nothing is changed."""
        if not self.encrypted:
            raise KnownProblem(NOT_ENCRYPTED)
        key_ring = unlock_with_recovery_key(self.file, typed)
        database = open_database(self.file, self._paths, key_ring=key_ring)
        try:
            beheerders = tuple(database.services.recovery.beheerders())
            if not beheerders:
                raise KnownProblem(
                    "Deze database heeft geen actief account van een beheerder. Er is niets "
                    "veranderd; zet een reservekopie terug."
                )
        except BaseException:
            database.close()
            raise
        log.info("Database opened with the recovery key")
        return Recovered(database, beheerders)

    def create_first_beheerder(
        self, name: str, login: str, password: str, repeated: str
    ) -> Entered:
        """The first beheerder; a new register is made encrypted, with its key file."""
        if self._plain is not None:
            accounts = self._plain.services.accounts
            return Entered(
                self._plain, accounts.create_first_beheerder(name, login, password, repeated)
            )
        account_name(name)
        parse_login(login)
        check_new_password(password, repeated)
        staff_uuid = new_uuid()
        keys = create_key_file(self._key_file, staff_uuid, login, password)
        database: OpenDatabase | None = None
        try:
            key_ring = KeyRingAccess(self._key_file, keys.data_key)
            database = open_database(self.file, self._paths, new_register=True, key_ring=key_ring)
            signed_in = database.services.accounts.create_first_beheerder(
                name, login, password, repeated, staff_uuid
            )
        except BaseException:
            self._undo_new_register(database)
            raise
        log.info("New encrypted register made")
        self.door = Door.ENCRYPTED
        return Entered(database, signed_in, keys.recovery_key)

    def close(self) -> None:
        """Close what was opened for a sign-in that did not happen."""
        if self._plain is not None:
            self._plain.close()

    def _refuse_a_key_file_without_database(self, new_register: bool) -> None:
        """A key file whose database is gone: refused, or set aside for a new register."""
        if not self._key_file.exists():
            return
        if new_register:
            files.set_aside(self._key_file, "zonder-database")
            return
        raise DatabaseMissing(
            f"Het databasebestand {self.file} ontbreekt, terwijl het sleutelbestand "
            f"{self._key_file.name} er nog is. Er is niets veranderd. Zet een reservekopie "
            "terug of begin bewust met een nieuw, leeg register; dat kan in het venster van "
            "Steunpunt."
        )

    def _undo_new_register(self, database: OpenDatabase | None) -> None:
        """A new register that failed half-way: its files removed, so the next try starts clean."""
        if database is not None:
            database.close()
        for leftover in (self.file, *files.companions(self.file), self._key_file):
            leftover.unlink(missing_ok=True)


ENCRYPTED_PAGE = 4096
"""SQLCipher's page size: an encrypted file is whole pages that look random."""


def _looks_encrypted(database_file: Path) -> bool:
    """Whether ``database_file`` is whole pages without SQLite's header: encrypted (its key file
    gone, which is then said) rather than some other file."""
    try:
        size = database_file.stat().st_size
    except OSError:
        return False
    return size > 0 and size % ENCRYPTED_PAGE == 0 and not is_plain(database_file)
