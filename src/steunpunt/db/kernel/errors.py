"""Known problems with the database file, each with a Dutch message."""

from __future__ import annotations

from steunpunt.domain.errors import KnownProblem


class DatabaseUnreadable(KnownProblem):
    """The file is no database, is damaged, or is not a Steunpunt database."""


class DatabaseTooNew(KnownProblem):
    """The database was written by a newer version of Steunpunt."""


class DatabaseLocked(KnownProblem):
    """Another program holds the database, or the disk refuses to write."""


class DatabaseMissing(KnownProblem):
    """The database file is empty (0 bytes) or gone, although this folder had one before."""


class DatabaseReadOnly(KnownProblem):
    """The database or its folder cannot be written (read-only medium or rights)."""


class DatabaseDamaged(KnownProblem):
    """SQLite's own check found damaged pages in an otherwise readable database."""
