"""The letter log keeps a letter's own values and whether it went to a naaste.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 00:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sent_letter", schema=None) as batch_op:
        batch_op.add_column(sa.Column("care_recipient_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("letter_values", sa.Text(), nullable=False, server_default="{}")
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_sent_letter_care_recipient_id_care_recipient"),
            "care_recipient",
            ["care_recipient_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("sent_letter", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_sent_letter_care_recipient_id_care_recipient"), type_="foreignkey"
        )
        batch_op.drop_column("letter_values")
        batch_op.drop_column("care_recipient_id")
