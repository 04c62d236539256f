"""Indexes for the verantwoording of a past period: each caregiver's latest EDIZ-plus total
and each application's status at the end of a period are read from an index alone.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04 19:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_burden_assessment_total": ("burden_assessment", ["caregiver_id", "assessed_on", "total"]),
    "ix_application_event_history": (
        "application_event",
        ["application_id", "changed_at", "to_status"],
    ),
}


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, (table, _columns) in INDEXES.items():
        op.drop_index(name, table_name=table)
