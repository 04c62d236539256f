"""The one engine factory: SQLite by default (WAL, foreign keys), any SQLAlchemy URL otherwise.

Given a data key, an SQLite database is opened encrypted (SQLCipher, ``db/kernel/cipher.py``);
without one exactly as before, with Python's own sqlite3.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from steunpunt.db.kernel import cipher


def sqlite_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path}"


BUSY_TIMEOUT_MS = 5000
"""How long a connection waits for another program's lock before it is told the database is busy."""


_KEYS: WeakKeyDictionary[Engine, bytes] = WeakKeyDictionary()


def engine_key(engine: Engine) -> bytes | None:
    """The data key ``engine`` opens its database with (None: not encrypted); backups need it."""
    return _KEYS.get(engine)


def database_file(engine: Engine) -> Path | None:
    """The file of an SQLite file database; None for a server or an in-memory database."""
    url = engine.url
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def create_engine_for(url: str, key: bytes | None = None) -> Engine:
    """An engine for ``url``; SQLite connections get the pragmas the program relies on.

    With ``key`` (32 bytes) the SQLite file is encrypted: each connection is keyed and its key
    checked before any other statement, so a wrong key is :class:`DatabaseKeyRefused`.
    """
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    timeout = BUSY_TIMEOUT_MS / 1000
    if key is None:
        engine = create_engine(url, connect_args={"timeout": timeout})
    else:
        file = make_url(url).database or ":memory:"
        engine = create_engine(
            url,
            module=cipher.driver(key),
            creator=lambda: cipher.connect(file, key, timeout=timeout, check_same_thread=False),
        )
        _KEYS[engine] = key
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def create_read_only_engine(
    path: Path, immutable: bool = False, key: bytes | None = None
) -> Engine:
    """An engine that can only read ``path`` and changes nothing in it or beside it.

    ``immutable`` tells SQLite that no one can change the file (a read-only folder or medium):
    it then needs no lock or shared-memory file beside it. ``key``: as for
    :func:`create_engine_for`.
    """
    uri = f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")
    engine = create_engine(
        "sqlite+pysqlite://",
        module=cipher.driver(key),
        creator=lambda: cipher.connect(uri, key, uri=True, timeout=10, check_same_thread=False),
        poolclass=QueuePool,
    )
    if key is not None:
        _KEYS[engine] = key
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
