"""The key file of an encrypted database, as the accounts use it: the one place that decides
whether a password is right, and the copies of the data key kept in step with the accounts.

Signing in on an encrypted database unwraps the data key with the login and password before
anything can be read, so a wrong password cannot be counted in the database: those failures
are counted in a small file beside it (``steunpunt.sqlite.aanmeldingen``: logins, counts and
times, nothing secret), which gives the same growing wait as the database's own count, and
are written into the audit trail at the next good sign-in of that account.
"""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from steunpunt.db.kernel import keyfile
from steunpunt.domain.accounts.logins import fold_login
from steunpunt.domain.accounts.waits import seconds_to_wait
from steunpunt.domain.keys.errors import SecretRefused
from steunpunt.io.atomic import write_atomically
from steunpunt.services.accounts.errors import (
    WRONG_LOGIN_OR_PASSWORD,
    SignInRefused,
    wait_message,
)

log = logging.getLogger(__name__)

ATTEMPTS_SUFFIX = ".aanmeldingen"
RECOVERY_ATTEMPTS = "(herstelsleutel)"
"""Under which the wrong recovery keys are counted: no login can be written so."""
WRONG_RECOVERY_KEY = (
    "Deze herstelsleutel opent de database niet: hij hoort bij een ander steunpunt, of er is "
    "sindsdien een nieuwe gemaakt. Er is niets veranderd."
)

NO_COPY = (
    " Uw wachtwoord opent deze database niet: uw account is gedeactiveerd, of de database is "
    "versleuteld nadat u uw wachtwoord kreeg. Vraag een beheerder u een nieuw wachtwoord te "
    "geven (Beheer › Accounts); daarmee opent u de database weer."
)
"""Said after a refusal for a login without a copy of the key (the key file names its logins):
a deactivated account, or one made before its plain database was encrypted."""


def attempts_file_for(database_file: Path) -> Path:
    """Where the failed sign-ins before the database opened are counted."""
    return database_file.with_name(database_file.name + ATTEMPTS_SUFFIX)


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class KeyRingAccess:
    """The key file of the open database and its data key; plain databases have none."""

    key_file: Path
    data_key: bytes
    opened_by: list[tuple[str, str]] = field(default_factory=list, repr=False, compare=False)
    """The account and password that just unwrapped the key: the sign-in that follows is
    answered from it once, instead of deriving the same key again (0.15 s)."""
    by_recovery_key: bool = False
    """Opened with the recovery key: a beheerder may then choose a new password
    (``RecoveryService.take_over``)."""

    def fits(self, staff_uuid: str, login: str, password: str) -> bool:
        """Whether ``password`` unwraps the copy of ``staff_uuid`` (found under ``login``)."""
        if self.opened_by:
            opener, opening_password = self.opened_by.pop()
            if opener == staff_uuid and hmac.compare_digest(
                opening_password.encode(), password.encode()
            ):
                return True
        try:
            return keyfile.unlock_with_password(self.key_file, login, password).staff_uuid == (
                staff_uuid
            )
        except SecretRefused:
            return False

    def give_copy(self, staff_uuid: str, login: str, password: str) -> None:
        """A new or replaced copy of the data key under ``password`` for ``staff_uuid``."""
        self.opened_by.clear()
        keyfile.set_password(self.key_file, self.data_key, staff_uuid, login, password)

    def take_copy(self, staff_uuid: str) -> None:
        """Remove the copy of ``staff_uuid``: their password no longer opens the database."""
        self.opened_by.clear()
        keyfile.remove_account(self.key_file, staff_uuid)

    def rename(self, staff_uuid: str, login: str) -> None:
        """Find the copy of ``staff_uuid`` under its new login."""
        keyfile.rename_login(self.key_file, staff_uuid, login)

    def new_recovery_key(self) -> str:
        """A new recovery key, to show once; the old one no longer opens this key file."""
        return keyfile.new_recovery_key(self.key_file, self.data_key)

    def holds(self, staff_uuid: str) -> bool:
        """Whether ``staff_uuid`` has a copy of the key."""
        return staff_uuid in keyfile.key_holders(self.key_file)

    @property
    def attempts(self) -> SignInAttempts:
        """The failed sign-ins counted before the database opened."""
        return SignInAttempts(_database_of(self.key_file))


def unlock_key_ring(
    database_file: Path, login: str, password: str, now: Callable[[], datetime] = _utc_now
) -> KeyRingAccess:
    """The data key of ``database_file`` from the copy of ``login``; else :class:`SignInRefused`
    in Dutch, the failure counted (a missing or damaged key file is :class:`KeyFileUnusable`)."""
    key_file = keyfile.key_file_for(database_file)
    attempts, moment = SignInAttempts(database_file), now()
    failures, last = attempts.of(login)
    if wait := seconds_to_wait(failures, last, moment):
        raise SignInRefused(wait_message(wait), wait)
    try:
        unlocked = keyfile.unlock_with_password(key_file, login, password)
    except SecretRefused as refused:
        if fold_login(login) not in keyfile.key_holders(key_file).values():
            raise SignInRefused(WRONG_LOGIN_OR_PASSWORD + NO_COPY) from refused
        attempts.failed(login, moment)
        log.warning("Sign-in refused by the key file (%s in a row)", failures + 1)
        raise SignInRefused(WRONG_LOGIN_OR_PASSWORD) from refused
    return KeyRingAccess(key_file, unlocked.data_key, [(unlocked.staff_uuid, password)])


def unlock_with_recovery_key(
    database_file: Path, typed: str, now: Callable[[], datetime] = _utc_now
) -> KeyRingAccess:
    """The data key of ``database_file`` from its recovery copy; a key that does not fit is
    :class:`SignInRefused` in Dutch, counted like a failed sign-in (a mistyped key, which its
    checksum tells, is :class:`InvalidValue` and not counted: it tried nothing)."""
    key_file = keyfile.key_file_for(database_file)
    attempts, moment = SignInAttempts(database_file), now()
    failures, last = attempts.of(RECOVERY_ATTEMPTS)
    if wait := seconds_to_wait(failures, last, moment):
        raise SignInRefused(wait_message(wait, "een verkeerde herstelsleutel"), wait)
    try:
        data_key = keyfile.unlock_with_recovery_key(key_file, typed)
    except SecretRefused as refused:
        attempts.failed(RECOVERY_ATTEMPTS, moment)
        log.warning("Recovery key refused (%s in a row)", failures + 1)
        raise SignInRefused(WRONG_RECOVERY_KEY) from refused
    return KeyRingAccess(key_file, data_key, by_recovery_key=True)


class SignInAttempts:
    """Failed sign-ins per login that the key file refused, kept beside the database."""

    def __init__(self, database_file: Path) -> None:
        self._file = attempts_file_for(database_file)

    def of(self, login: str) -> tuple[int, datetime | None]:
        """The failures of ``login`` in a row, and when the last one was."""
        entry = self._read().get(fold_login(login))
        if not isinstance(entry, dict):
            return 0, None
        try:
            return int(entry["failed"]), datetime.fromisoformat(str(entry["last"]))
        except (KeyError, TypeError, ValueError):
            return 0, None

    def failed(self, login: str, at: datetime) -> None:
        """Count one more failure of ``login``."""
        counts = self._read()
        failures, _last = self.of(login)
        counts[fold_login(login)] = {"failed": failures + 1, "last": at.isoformat()}
        self._write(counts)

    def take(self, login: str) -> int:
        """The failures of ``login`` before this good sign-in; the count starts again."""
        failures, _last = self.of(login)
        if failures:
            counts = self._read()
            counts.pop(fold_login(login), None)
            self._write(counts)
        return failures

    def _read(self) -> dict[str, object]:
        try:
            content = json.loads(self._file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            log.warning("The sign-in attempts file cannot be read; counting starts again")
            return {}
        return content if isinstance(content, dict) else {}

    def _write(self, counts: dict[str, object]) -> None:
        if not counts:
            self._file.unlink(missing_ok=True)
            return
        text = json.dumps(counts, indent=1, sort_keys=True)
        try:
            write_atomically(self._file, lambda path: path.write_text(text, encoding="utf-8"))
        except OSError as error:
            log.warning("Failed sign-ins not counted (%s)", error.strerror)


def _database_of(key_file: Path) -> Path:
    return key_file.with_name(key_file.name.removesuffix(keyfile.SUFFIX))
