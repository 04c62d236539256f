"""Totals the worklist reads without adding up every row: a caregiver's latest contact date
and a household-help grant's delivered hours.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23 00:35:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from steunpunt.db.caregivers.fts import create_caregiver_fts, drop_caregiver_fts

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("caregiver", sa.Column("last_contact_on", sa.Date(), nullable=True))
    op.execute(
        "UPDATE caregiver SET last_contact_on = "
        "(SELECT max(contact_date) FROM contact WHERE contact.caregiver_id = caregiver.id)"
    )
    op.create_index(
        "ix_caregiver_overloaded_contact", "caregiver", ["overloaded", "last_contact_on"]
    )
    op.add_column(
        "household_help_grant",
        sa.Column("hours_used", sa.Float(), nullable=False, server_default="0"),
    )
    op.execute(
        "UPDATE household_help_grant SET hours_used = coalesce((SELECT sum(hours) FROM "
        "household_help_month WHERE household_help_month.grant_id = household_help_grant.id), 0)"
    )


def downgrade() -> None:
    with op.batch_alter_table("household_help_grant", schema=None) as batch_op:
        batch_op.drop_column("hours_used")
    op.drop_index("ix_caregiver_overloaded_contact", table_name="caregiver")
    # Rebuilding the caregiver table drops the search index's triggers: made again after.
    drop_caregiver_fts(op.get_bind())
    with op.batch_alter_table("caregiver", schema=None) as batch_op:
        batch_op.drop_column("last_contact_on")
    create_caregiver_fts(op.get_bind())
