"""Household help made exact: hours in whole hundredths, the day help stopped, and the
eigen bijdrage per hour changing from a month on.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 19:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

HOURS = {
    "household_help_grant": ("hours_per_week", "hours_per_year", "hours_used"),
    "household_help_month": ("hours",),
}


def _retype(to_hundredths: bool) -> None:
    """Floats of hours become whole hundredths (4.3 -> 430), or back."""
    for table, columns in HOURS.items():
        if to_hundredths:
            sets = ", ".join(f"{c} = CAST(ROUND({c} * 100) AS INTEGER)" for c in columns)
        else:
            sets = ", ".join(f"{c} = {c} / 100.0" for c in columns)
        if to_hundredths:
            op.execute(f"UPDATE {table} SET {sets}")
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in columns:
                batch_op.alter_column(
                    column,
                    existing_type=sa.Float() if to_hundredths else sa.Integer(),
                    type_=sa.Integer() if to_hundredths else sa.Float(),
                    existing_nullable=False,
                    postgresql_using=f"{column}::{'integer' if to_hundredths else 'float'}",
                )
        if not to_hundredths:
            op.execute(f"UPDATE {table} SET {sets}")


def upgrade() -> None:
    _retype(to_hundredths=True)
    with op.batch_alter_table("household_help_grant", schema=None) as batch_op:
        batch_op.add_column(sa.Column("stopped_on", sa.Date(), nullable=True))
    op.create_table(
        "household_help_rate",
        sa.Column("grant_id", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("own_contribution_cents", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["grant_id"],
            ["household_help_grant.id"],
            name="fk_household_help_rate_grant_id_household_help_grant",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_household_help_rate"),
        sa.UniqueConstraint("uuid", name="uq_household_help_rate_uuid"),
        sa.UniqueConstraint("grant_id", "starts_on", name="uq_household_help_rate_grant_id"),
    )


def downgrade() -> None:
    op.drop_table("household_help_rate")
    with op.batch_alter_table("household_help_grant", schema=None) as batch_op:
        batch_op.drop_column("stopped_on")
    _retype(to_hundredths=False)
