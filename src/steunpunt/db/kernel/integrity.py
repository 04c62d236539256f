"""SQLite's own check of a database file's pages and indexes."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError


def quick_check(engine: Engine) -> list[str]:
    """What ``PRAGMA quick_check`` finds wrong, in SQLite's words; empty for a sound file.

    A page so damaged that the check itself stops is reported as the error it stopped with.
    """
    try:
        with engine.connect() as connection:
            rows = connection.exec_driver_sql("PRAGMA quick_check").fetchall()
    except DatabaseError as error:
        return [str(error.orig)]
    found = [str(row[0]) for row in rows]
    return [] if found == ["ok"] else found
