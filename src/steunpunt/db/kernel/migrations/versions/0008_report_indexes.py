"""Covering indexes for the verantwoording report: its counts read no table rows.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23 01:05:00
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_caregiver_report": (
        "caregiver",
        ["municipality", "registered_on", "ended_on", "birth_date", "source", "overloaded"],
    ),
    "ix_contact_date_kind": ("contact", ["contact_date", "kind", "caregiver_id"]),
    "ix_household_help_month_period": (
        "household_help_month",
        ["year", "month", "grant_id", "hours"],
    ),
}


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, (table, _columns) in INDEXES.items():
        op.drop_index(name, table_name=table)
