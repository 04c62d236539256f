"""The one engine factory: SQLite by default (WAL, foreign keys), any SQLAlchemy URL otherwise."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool


def sqlite_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path}"


BUSY_TIMEOUT_MS = 5000
"""How long a connection waits for another program's lock before it is told the database is busy."""


def database_file(engine: Engine) -> Path | None:
    """The file of an SQLite file database; None for a server or an in-memory database."""
    url = engine.url
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def create_engine_for(url: str) -> Engine:
    """An engine for ``url``; SQLite connections get the pragmas the program relies on."""
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def create_read_only_engine(path: Path, immutable: bool = False) -> Engine:
    """An engine that can only read ``path`` and changes nothing in it or beside it.

    ``immutable`` tells SQLite that no one can change the file (a read-only folder or medium):
    it then needs no lock or shared-memory file beside it.
    """
    uri = f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")
    engine = create_engine(
        "sqlite+pysqlite://",
        creator=lambda: sqlite3.connect(uri, uri=True, timeout=10, check_same_thread=False),
        poolclass=QueuePool,
    )
    event.listen(engine, "connect", _read_only_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    finally:
        cursor.close()


def _read_only_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """Only the pragmas that write nothing (the journal mode stays as the file has it)."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA busy_timeout = 5000")
    finally:
        cursor.close()


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded values after commit, so DTOs can be built from them."""
    return sessionmaker(engine, expire_on_commit=False)
