"""SQLite FTS5 (trigram) index over ``caregiver.search_text``, kept in step by triggers.

Migrations call :func:`create_caregiver_fts`; a migration that rebuilds the caregiver table in
batch mode drops its triggers and must call it again.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS caregiver_fts USING fts5("
    "search_text, content='caregiver', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER IF NOT EXISTS caregiver_fts_insert AFTER INSERT ON caregiver BEGIN "
    "INSERT INTO caregiver_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS caregiver_fts_delete AFTER DELETE ON caregiver BEGIN "
    "INSERT INTO caregiver_fts(caregiver_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS caregiver_fts_update AFTER UPDATE OF search_text ON caregiver "
    "BEGIN INSERT INTO caregiver_fts(caregiver_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO caregiver_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
)


def create_caregiver_fts(connection: Connection) -> None:
    """Create the index and triggers (SQLite only) and fill the index from existing rows."""
    if connection.dialect.name != "sqlite":
        return
    for statement in _DDL:
        connection.execute(text(statement))
    connection.execute(text("INSERT INTO caregiver_fts(caregiver_fts) VALUES ('rebuild')"))


def drop_caregiver_fts(connection: Connection) -> None:
    if connection.dialect.name != "sqlite":
        return
    for name in ("caregiver_fts_insert", "caregiver_fts_delete", "caregiver_fts_update"):
        connection.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
    connection.execute(text("DROP TABLE IF EXISTS caregiver_fts"))
