"""An index for the verantwoording's compliment figures: each application's status at the end
of a period is read from its history without touching the table rows.

Revision ID: 0013
Revises: 0008
Create Date: 2026-12-04 19:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0008"
branch_labels = None
depends_on = None

NAME = "ix_application_event_history"
TABLE = "application_event"


def upgrade() -> None:
    op.create_index(NAME, TABLE, ["application_id", "changed_at", "to_status"])


def downgrade() -> None:
    op.drop_index(NAME, table_name=TABLE)
