"""Payment corrections of the compliment: recorded reversals of grants in a payment batch, and
the part of a paid grant's difference that a person recorded as settled.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04 20:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "payment_reversal",
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("payment_batch_id", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("reversed_on", sa.Date(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["compliment_application.id"],
            name=op.f("fk_payment_reversal_application_id_compliment_application"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["payment_batch_id"],
            ["payment_batch.id"],
            name=op.f("fk_payment_reversal_payment_batch_id_payment_batch"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"],
            ["staff_member.id"],
            name=op.f("fk_payment_reversal_recorded_by_id_staff_member"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_reversal")),
        sa.UniqueConstraint("uuid", name=op.f("uq_payment_reversal_uuid")),
    )
    op.create_index(
        "ix_payment_reversal_application", "payment_reversal", ["application_id", "recorded_at"]
    )
    op.create_index("ix_payment_reversal_batch", "payment_reversal", ["payment_batch_id"])
    with op.batch_alter_table("compliment_application") as batch:
        batch.add_column(
            sa.Column("settled_cents", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("compliment_application") as batch:
        batch.drop_column("settled_cents")
    op.drop_index("ix_payment_reversal_batch", table_name="payment_reversal")
    op.drop_index("ix_payment_reversal_application", table_name="payment_reversal")
    op.drop_table("payment_reversal")
