"""The one place that decides how a database file is entered, for the window and the commands.

- An encrypted database (its key file beside it): nothing is opened before signing in; the
  login and password unwrap the data key from the key file, the database opens with it, and
  the account's row then decides the rest (active, role, a new password to choose).
- A new register (no database yet): the first beheerder's account makes the key file, and the
  database is encrypted from its first byte, under a hidden name that is put in place once the
  account is in it (a start after a kill halfway finds no half-made pair); the recovery key is
  handed back to show once.
- A plain database from before encryption: opened, then signed in as before. Its first
  beheerder is told to encrypt it (``Entered.to_encrypt``), and a beheerder can later too:
  :func:`encrypt_plain` closes it, encrypts it in place and opens it again with its new key.
- Every password lost: the steunpunt's recovery key unwraps the data key instead, and one of
  the active beheerders chooses a new password (``open_with_recovery_key``).
"""

from __future__ import annotations

import logging
import os
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
from steunpunt.domain.audit import AuditKind
from steunpunt.domain.errors import KnownProblem, OpeningFailed
from steunpunt.domain.progress import Progress
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
from steunpunt.services.kernel.encryption_setup import FirstHolder, encrypt_database
from steunpunt.services.kernel.plain_copies import (
    PlainCopy,
    Removal,
    plain_copies,
    remove_plain_copies,
)
from steunpunt.services.kernel.temporary_files import clear_temporary_files, unfinished_register
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
    to_encrypt: bool = False
    """The first beheerder was just made on a plain database: it is encrypted next."""

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
        self._holder: FirstHolder | None = None
        """The first beheerder just made on the plain database, until it is encrypted."""
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
        try:
            database = open_database(self.file, self._paths, key_ring=key_ring)
        except KnownProblem as problem:
            raise OpeningFailed(problem) from problem
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
        try:
            database = open_database(self.file, self._paths, key_ring=key_ring)
        except KnownProblem as problem:
            raise OpeningFailed(problem) from problem
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
        """The first beheerder; a new register is made encrypted, with its key file, and a
        plain database is to be encrypted next (:func:`encrypt_plain`)."""
        if self._plain is not None:
            staff_uuid = new_uuid()
            accounts = self._plain.services.accounts
            signed_in = accounts.create_first_beheerder(name, login, password, repeated, staff_uuid)
            self._holder = FirstHolder(staff_uuid, parse_login(login), password)
            return Entered(self._plain, signed_in, to_encrypt=not self._plain.read_only)
        account_name(name)
        parse_login(login)
        check_new_password(password, repeated)
        entered = self._make_new_register(name, login, password, repeated)
        log.info("New encrypted register made")
        self.door = Door.ENCRYPTED
        return entered

    def _make_new_register(self, name: str, login: str, password: str, repeated: str) -> Entered:
        """The register and its key file are made under hidden names, the first beheerder
        committed in it; then the key file and the database are put in place, in that order.
        A kill before the database is in place leaves the hidden register, which the next
        start clears (``temporary_files.py``), the key file set aside."""
        hidden = unfinished_register(self.file)
        hidden_key = key_file_for(hidden)
        staff_uuid = new_uuid()
        keys = create_key_file(hidden_key, staff_uuid, login, password)
        database: OpenDatabase | None = None
        try:
            key_ring = KeyRingAccess(hidden_key, keys.data_key)
            database = open_database(hidden, self._paths, new_register=True, key_ring=key_ring)
            signed_in = database.services.accounts.create_first_beheerder(
                name, login, password, repeated, staff_uuid
            )
            with database.engine.connect() as connection:  # nothing left in a -wal beside it
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            database.close()
            database = None
            os.replace(hidden_key, self._key_file)
            os.replace(hidden, self.file)
            files.sync_folder(self.file.parent)
            key_ring = KeyRingAccess(self._key_file, keys.data_key)
            database = open_database(self.file, self._paths, key_ring=key_ring)
        except BaseException:
            self._undo_new_register(database, hidden)
            raise
        return Entered(database, signed_in, keys.recovery_key)

    def encrypt(self, entered: Entered, progress: Progress | None = None) -> Converted:
        """Encrypt the plain database whose first beheerder ``entered`` was just made
        (``to_encrypt``), with that beheerder's copy of the key (:func:`encrypt_plain`)."""
        assert entered.to_encrypt and self._holder is not None
        converted = encrypt_plain(entered, self._holder, self._paths, progress)
        self._holder = self._plain = None
        self.door = Door.ENCRYPTED
        return converted

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

    def _undo_new_register(self, database: OpenDatabase | None, hidden: Path) -> None:
        """A new register that failed half-way: its files removed, so the next try starts clean."""
        if database is not None:
            database.close()
        made = [hidden, *files.companions(hidden), key_file_for(hidden)]
        if not self.file.exists():  # the key file was put in place, its database not
            made.append(self._key_file)
        else:
            made.extend([self.file, *files.companions(self.file), self._key_file])
        for leftover in made:
            leftover.unlink(missing_ok=True)


@dataclass(frozen=True)
class Converted(Entered):
    """A plain database just encrypted, opened with its new key (``recovery_key`` to show
    once), and what its beheerder is told and asked next."""

    plain_copies: tuple[PlainCopy, ...] = ()
    """The unencrypted copies the program made before, offered for removal."""
    without_key: int = 0
    """Other active accounts: none has a copy of the new key until a beheerder gives it a new
    password."""

    def remove_plain_copies(self) -> Removal:
        """Remove the plain copies (the person confirmed), recorded in the audit trail."""
        actor = self.signed_in.actor
        removal = remove_plain_copies(actor, self.plain_copies)
        self.services.audit.note(
            actor,
            AuditKind.PLAIN_COPIES_REMOVED,
            details={"verwijderd": removal.removed, "niet_verwijderd": len(removal.kept)},
        )
        return removal


def encrypt_plain(
    entered: Entered, holder: FirstHolder, paths: AppPaths, progress: Progress | None = None
) -> Converted:
    """Encrypt the plain database ``entered`` is signed in on, as its beheerder ``holder``
    (``AccountService.key_holder``): closed, encrypted in place (``encryption_setup.py``) and
    opened again with its new key.

    On :class:`Cancelled` or a known problem (a full disk) the plain database is as it was, and
    ``entered`` goes on working on it: its engine connects again when it is used.
    """
    actor = entered.signed_in.actor
    entered.database.close()
    done = encrypt_database(actor, entered.file, holder, progress)
    key_ring = KeyRingAccess(key_file_for(entered.file), done.data_key)
    opened = open_database(entered.file, paths, key_ring=key_ring)
    services = opened.services.acting_as(actor)
    second = services.backups.settings().second_folder
    folders = [paths.backup_dir, *([Path(second)] if second else [])]
    copies = tuple(plain_copies(entered.file, folders))
    others = [a for a in services.accounts.accounts() if a.active and a.id != actor.staff_id]
    services.audit.note(
        actor,
        AuditKind.ENCRYPTED,
        details={"onversleutelde_kopieen": len(copies), "accounts_zonder_sleutel": len(others)},
    )
    log.info(
        "Plain database encrypted; %s plain copies, %s accounts without key",
        len(copies),
        len(others),
    )
    return Converted(
        opened, entered.signed_in, done.recovery_key, plain_copies=copies, without_key=len(others)
    )


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
