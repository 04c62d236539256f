"""An application records who applied: the caregiver, the naaste or both.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 01:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("compliment_application", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "applied_by", sa.String(length=20), nullable=False, server_default="mantelzorger"
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("compliment_application", schema=None) as batch_op:
        batch_op.drop_column("applied_by")
