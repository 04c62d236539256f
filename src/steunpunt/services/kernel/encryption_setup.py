"""Encrypting an existing plain database in place, safe against a stop at any moment.

The order: the plain database's write-ahead log is folded into it and switched off (no plain
pages stay in a ``-wal`` file), the key file is written (atomically), the encrypted copy is
made beside the database and checked (``db/kernel/encryption.py``), the plain file gets a
second name (it stays until the person confirms its removal, ``plain_copies.py``) and the
checked copy is renamed over the database in one step. The recovery key is handed out only
after that step, so a key shown is always a key of the database in place.

What a stop (a crash, a pulled plug) leaves, and what :func:`settle_interrupted_encryption`
makes of it at the next start (D the database file, K its key file, E the hidden encrypted
copy ``.D.versleuteld``, P the plain original kept as ``D.onversleuteld-<stamp>``):

==========  =========  =====  ===================================  ===============================
D           K          E      when stopped                         at the next start
==========  =========  =====  ===================================  ===============================
plain       none       any    before the key file was in place     E removed; D opens as before
plain       there      any    after the key file, before the swap  K set aside as
                                                                   ``K.niet-gebruikt-<stamp>``
                                                                   (never deleted: a key file is
                                                                   never thrown away), E removed,
                                                                   P removed when it is only a
                                                                   second name of D; D opens plain
                                                                   and the setup can start again
encrypted   there      none   after the swap                       nothing to settle; D opens with
                                                                   K; P and other plain copies
                                                                   are offered for removal
encrypted   missing    none   (not by this setup: K lost later)    ``KeyFileUnusable`` on opening
==========  =========  =====  ===================================  ===============================

A half-written key file (``.K.nieuw``) is removed in every state; it holds no readable secret.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path

from steunpunt.db.kernel import cipher
from steunpunt.db.kernel.database_file import companions, sync_folder
from steunpunt.db.kernel.encryption import (
    encrypted_copy_for,
    make_encrypted_copy,
    remove_encrypted_copy,
)
from steunpunt.db.kernel.errors import DRIVER_ERRORS, EncryptionFailed, storage_cause
from steunpunt.db.kernel.keyfile import create_key_file, key_file_for
from steunpunt.domain.accounts.hashing import DEFAULT_COST, HashCost
from steunpunt.domain.errors import Cancelled, KnownProblem
from steunpunt.domain.progress import Progress
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.use_case import writes

log = logging.getLogger(__name__)


PLAIN_ORIGINAL = "onversleuteld"
"""The label of the plain original kept beside the encrypted database until it is removed."""
SET_ASIDE_KEY_FILE = "niet-gebruikt"
"""The label of a key file whose database was never put in place."""

_FAILED: tuple[type[Exception], ...] = (OSError, *DRIVER_ERRORS)

STEPS = 100
_KEY_DONE, _COPY_DONE, _CHECKED = 10, 80, 95
_PAGE, _STEPS_PER_PAGE = 4096, 180
"""About how much work copying one page of a register takes (measured on a demo register)."""


class DatabaseAlreadyEncrypted(KnownProblem):
    """The database is encrypted already; nothing was changed."""


@dataclass(frozen=True)
class FirstHolder:
    """The account that gets the first copy of the data key: the beheerder setting it up."""

    staff_uuid: str
    login: str
    password: str


@dataclass(frozen=True)
class EncryptionDone:
    """What setting up encryption gives: the keys, and the plain original that still waits."""

    data_key: bytes
    recovery_key: str
    """Shown once (the printable sheet), never stored readable."""
    plain_original: Path
    """The plain database under a second name, until the person confirms its removal."""


class Settled(Enum):
    """What :func:`settle_interrupted_encryption` found."""

    NOTHING = "nothing"
    COPY_REMOVED = "copy_removed"
    KEY_FILE_SET_ASIDE = "key_file_set_aside"


@writes
def encrypt_database(
    actor: Actor,
    database_file: Path,
    holder: FirstHolder,
    progress: Progress | None = None,
    cost: HashCost = DEFAULT_COST,
) -> EncryptionDone:
    """Encrypt the closed plain ``database_file`` in place; its key file gets ``holder``'s copy.

    Raises :class:`DatabaseAlreadyEncrypted`, :class:`EncryptionFailed` (a full disk, a copy
    that does not check) or :class:`Cancelled`; each leaves the plain database as it was and
    no key file. ``actor`` is the beheerder who does it (the permission check).
    """
    if not cipher.is_plain(database_file):
        raise DatabaseAlreadyEncrypted(
            f"De database {database_file.name} is al versleuteld (of is geen database); er is "
            "niets veranderd."
        )
    settle_interrupted_encryption(database_file)
    steps = _Steps(progress)
    steps.at(0)
    _fold_write_ahead_log(database_file)
    key_file = key_file_for(database_file)
    keys = create_key_file(key_file, holder.staff_uuid, holder.login, holder.password, cost)
    try:
        steps.at(_KEY_DONE)
        copy = make_encrypted_copy(
            database_file, keys.data_key, steps.copying(database_file.stat().st_size)
        )
        steps.at(_CHECKED)
    except BaseException:
        remove_encrypted_copy(encrypted_copy_for(database_file))
        key_file.unlink(missing_ok=True)  # its key encrypted nothing that was kept
        raise
    kept = _swap(database_file, copy)
    steps.done()
    log.info("Database encrypted in place; plain original kept until removal is confirmed")
    return EncryptionDone(keys.data_key, keys.recovery_key, kept)


@writes
def settle_interrupted_encryption(database_file: Path) -> Settled:
    """Clear what an encryption stopped halfway left (see the table above); at every start,
    before the database is opened. Nothing readable is lost: a key file is set aside, never
    deleted, and the database file itself is never touched."""
    key_file = key_file_for(database_file)
    key_file.with_name(f".{key_file.name}.nieuw").unlink(missing_ok=True)
    copy = encrypted_copy_for(database_file)
    found = Settled.NOTHING
    if copy.exists() or companions(copy):
        remove_encrypted_copy(copy)
        found = Settled.COPY_REMOVED
    if cipher.is_plain(database_file) and key_file.exists():
        _set_aside(key_file)
        for original in database_file.parent.glob(f"{database_file.name}.{PLAIN_ORIGINAL}-*"):
            if _same_file(original, database_file):
                original.unlink()  # a second name of the plain database in place
        found = Settled.KEY_FILE_SET_ASIDE
    if found is not Settled.NOTHING:
        log.warning("An interrupted encryption was settled: %s", found.value)
    return found


class _Steps:
    """Progress and cancel for one encryption."""

    def __init__(self, progress: Progress | None) -> None:
        self._progress = progress

    def going_on(self, done: int) -> bool:
        return self._progress is None or self._progress(done, STEPS)

    def at(self, done: int) -> None:
        if not self.going_on(done):
            raise Cancelled("Het versleutelen is afgebroken; de database is niet veranderd.")

    def copying(self, plain_size: int) -> Callable[[], bool]:
        """The question asked during the copy, moving the bar by an estimate: SQLCipher
        writes the whole copy at its end, so only the work done so far tells."""
        expected = max(plain_size / _PAGE * _STEPS_PER_PAGE / cipher.PROGRESS_STEPS, 1.0)
        asked = 0

        def going_on() -> bool:
            nonlocal asked
            asked += 1
            share = min(asked / expected, 1.0) * (_COPY_DONE - _KEY_DONE)
            return self.going_on(_KEY_DONE + int(share))

        return going_on

    def done(self) -> None:
        if self._progress is not None:
            self._progress(STEPS, STEPS)


def _fold_write_ahead_log(database_file: Path) -> None:
    """Fold the plain write-ahead log into the file and switch it off: afterwards no ``-wal``
    beside the database holds plain pages. Refused when another program has it open."""
    try:
        connection = cipher.connect(database_file, isolation_level=None)
        try:
            connection.execute("PRAGMA busy_timeout = 2000")
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            mode = connection.execute("PRAGMA journal_mode = DELETE").fetchone()
        finally:
            connection.close()
    except _FAILED as error:
        raise EncryptionFailed(
            "Het versleutelen kon niet beginnen: "
            f"{storage_cause(error) or 'de database kon niet worden gelezen'}. "
            "Sluit Steunpunt op andere computers en probeer het opnieuw; er is niets veranderd."
        ) from error
    wal = database_file.with_name(database_file.name + "-wal")
    if mode != ("delete",) or wal.exists():
        raise EncryptionFailed(
            "Het versleutelen kon niet beginnen: de database is nog geopend in een ander "
            "programma. Sluit Steunpunt op andere computers en probeer het opnieuw; er is niets "
            "veranderd."
        )
    database_file.with_name(database_file.name + "-shm").unlink(missing_ok=True)


def _swap(database_file: Path, copy: Path) -> Path:
    """Keep the plain file under a second name, then rename the copy over it in one step:
    the database file is never missing, and is the plain or the encrypted one, whole."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = database_file.with_name(f"{database_file.name}.{PLAIN_ORIGINAL}-{stamp}")
    try:
        os.link(database_file, kept)
    except OSError:
        shutil.copy2(database_file, kept)
    os.replace(copy, database_file)
    sync_folder(database_file.parent)
    return kept


def _set_aside(key_file: Path) -> None:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    key_file.rename(key_file.with_name(f"{key_file.name}.{SET_ASIDE_KEY_FILE}-{stamp}"))


def _same_file(first: Path, second: Path) -> bool:
    try:
        return first.samefile(second)
    except OSError:
        return False
