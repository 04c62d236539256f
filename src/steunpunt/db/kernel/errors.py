"""Known problems with the database file, each with a Dutch message."""

from __future__ import annotations

from steunpunt.domain.errors import KnownProblem


class DatabaseUnreadable(KnownProblem):
    """The file is no database, is damaged, or is not a Steunpunt database."""


class DatabaseTooNew(KnownProblem):
    """The database was written by a newer version of Steunpunt."""


class DatabaseLocked(KnownProblem):
    """Another program holds the database, or the disk refuses to write."""


class BackupFailed(KnownProblem):
    """A backup could not be written or put back; no partial file is left."""


class BackupUnusable(KnownProblem):
    """The chosen backup is no complete, undamaged Steunpunt database; nothing was restored."""
