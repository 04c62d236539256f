"""The letter log keeps each letter as printed, and each mailing its house style of the day.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 19:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

SNAPSHOT = "house_style_snapshot"
MAILING_FK = "fk_mailing_house_style_id_house_style_snapshot"


def upgrade() -> None:
    op.create_table(
        SNAPSHOT,
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("settings_json", sa.Text(), nullable=False),
        sa.Column("logo", sa.LargeBinary(), nullable=True),
        sa.Column("signature", sa.LargeBinary(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{SNAPSHOT}")),
        sa.UniqueConstraint("uuid", name=op.f(f"uq_{SNAPSHOT}_uuid")),
        sa.UniqueConstraint("digest", name=op.f(f"uq_{SNAPSHOT}_digest")),
    )
    with op.batch_alter_table("mailing", schema=None) as batch_op:
        batch_op.add_column(sa.Column("house_style_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f(MAILING_FK), SNAPSHOT, ["house_style_id"], ["id"], ondelete="SET NULL"
        )
    # Letters logged before this revision keep an empty value: a reprint of them is made the
    # way it was before (today's house style and address), as nothing more was kept.
    with op.batch_alter_table("sent_letter", schema=None) as batch_op:
        batch_op.add_column(sa.Column("printed_json", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("sent_letter", schema=None) as batch_op:
        batch_op.drop_column("printed_json")
    with op.batch_alter_table("mailing", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f(MAILING_FK), type_="foreignkey")
        batch_op.drop_column("house_style_id")
    op.drop_table(SNAPSHOT)
