"""Duplicates: pairs decided "niet dezelfde" and caregiver merges with their undo snapshot.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-05 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def _tracked() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "duplicate_decision",
        sa.Column("first_caregiver_id", sa.Integer(), nullable=False),
        sa.Column("second_caregiver_id", sa.Integer(), nullable=False),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ["first_caregiver_id"],
            ["caregiver.id"],
            name=op.f("fk_duplicate_decision_first_caregiver_id_caregiver"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["second_caregiver_id"],
            ["caregiver.id"],
            name=op.f("fk_duplicate_decision_second_caregiver_id_caregiver"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["decided_by_id"],
            ["staff_member.id"],
            name=op.f("fk_duplicate_decision_decided_by_id_staff_member"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duplicate_decision")),
        sa.UniqueConstraint("uuid", name=op.f("uq_duplicate_decision_uuid")),
        sa.UniqueConstraint(
            "first_caregiver_id",
            "second_caregiver_id",
            name=op.f("uq_duplicate_decision_first_caregiver_id"),
        ),
    )
    op.create_index(
        op.f("ix_duplicate_decision_second_caregiver_id"),
        "duplicate_decision",
        ["second_caregiver_id"],
    )
    op.create_table(
        "caregiver_merge",
        sa.Column("survivor_id", sa.Integer(), nullable=False),
        sa.Column("merged_uuid", sa.String(length=36), nullable=False),
        sa.Column("snapshot_json", sa.Text(), nullable=False),
        sa.Column("merged_by_id", sa.Integer(), nullable=True),
        sa.Column("merged_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ["survivor_id"],
            ["caregiver.id"],
            name=op.f("fk_caregiver_merge_survivor_id_caregiver"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["merged_by_id"],
            ["staff_member.id"],
            name=op.f("fk_caregiver_merge_merged_by_id_staff_member"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_caregiver_merge")),
        sa.UniqueConstraint("uuid", name=op.f("uq_caregiver_merge_uuid")),
    )
    op.create_index("ix_caregiver_merge_survivor", "caregiver_merge", ["survivor_id", "merged_at"])


def downgrade() -> None:
    op.drop_index("ix_caregiver_merge_survivor", table_name="caregiver_merge")
    op.drop_table("caregiver_merge")
    op.drop_index(
        op.f("ix_duplicate_decision_second_caregiver_id"), table_name="duplicate_decision"
    )
    op.drop_table("duplicate_decision")
