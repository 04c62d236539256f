"""Problems with the database file that the user must be told about in Dutch."""

from __future__ import annotations


class DatabaseProblem(Exception):
    """A known problem with the database; ``message`` is Dutch and meant for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DatabaseUnreadable(DatabaseProblem):
    """The file is no database, is damaged, or is not a Steunpunt database."""


class DatabaseTooNew(DatabaseProblem):
    """The database was written by a newer version of Steunpunt."""


class DatabaseLocked(DatabaseProblem):
    """Another program holds the database, or the disk refuses to write."""
