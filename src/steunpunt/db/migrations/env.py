"""Alembic environment: always runs on a connection handed in by ``steunpunt.db.migrate``."""

from __future__ import annotations

from alembic import context

from steunpunt.db import (  # noqa: F401  (registers the tables)
    compliment_models,
    letter_models,
    models,
    support_models,
)
from steunpunt.db.base import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
