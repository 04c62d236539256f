"""Indexes on the letters and household help that name a naaste: removing a naaste (an undone
import, an erasure) set these to empty by scanning both tables once per naaste; undoing an
import of 15,000 people took over a minute.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-05 10:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_sent_letter_care_recipient_id": ("sent_letter", ["care_recipient_id"]),
    "ix_household_help_grant_care_recipient_id": ("household_help_grant", ["care_recipient_id"]),
}


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, (table, _columns) in INDEXES.items():
        op.drop_index(name, table_name=table)
