"""The import of old registers: each run, each row it wrote (to undo it), saved mappings.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def _tracked() -> list[sa.Column[object]]:
    """The columns every row carries (uuid, timestamps, version), after the table's own."""
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    ]


def _staff_key(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["staff_id"],
        ["staff_member.id"],
        name=op.f(f"fk_{table}_staff_id_staff_member"),
        ondelete="SET NULL",
    )


def upgrade() -> None:
    op.create_table(
        "import_run",
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("sheet", sa.String(length=100), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("data_rows", sa.Integer(), nullable=False),
        sa.Column("new", sa.Integer(), nullable=False),
        sa.Column("merged", sa.Integer(), nullable=False),
        sa.Column("skipped", sa.Integer(), nullable=False),
        sa.Column("refused", sa.Integer(), nullable=False),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        *_tracked(),
        _staff_key("import_run"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_run")),
        sa.UniqueConstraint("uuid", name=op.f("uq_import_run_uuid")),
    )
    op.create_table(
        "import_row",
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("source_row", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("caregiver_id", sa.Integer(), nullable=True),
        sa.Column("care_recipient_id", sa.Integer(), nullable=True),
        sa.Column("relation_id", sa.Integer(), nullable=True),
        sa.Column("caregiver_version", sa.Integer(), nullable=False),
        sa.Column("filled_json", sa.Text(), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["import_run.id"],
            name=op.f("fk_import_row_run_id_import_run"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["caregiver_id"],
            ["caregiver.id"],
            name=op.f("fk_import_row_caregiver_id_caregiver"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["care_recipient_id"],
            ["care_recipient.id"],
            name=op.f("fk_import_row_care_recipient_id_care_recipient"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["relation_id"],
            ["care_relation.id"],
            name=op.f("fk_import_row_relation_id_care_relation"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_row")),
        sa.UniqueConstraint("uuid", name=op.f("uq_import_row_uuid")),
    )
    op.create_index(op.f("ix_import_row_caregiver_id"), "import_row", ["caregiver_id"])
    op.create_index(op.f("ix_import_row_care_recipient_id"), "import_row", ["care_recipient_id"])
    op.create_index(op.f("ix_import_row_relation_id"), "import_row", ["relation_id"])
    op.create_index("ix_import_row_run_source_row", "import_row", ["run_id", "source_row"])
    op.create_table(
        "import_mapping",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("mapping_json", sa.Text(), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        *_tracked(),
        _staff_key("import_mapping"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_mapping")),
        sa.UniqueConstraint("name", name=op.f("uq_import_mapping_name")),
        sa.UniqueConstraint("uuid", name=op.f("uq_import_mapping_uuid")),
    )


def downgrade() -> None:
    op.drop_table("import_mapping")
    op.drop_index("ix_import_row_run_source_row", table_name="import_row")
    for column in ("relation_id", "care_recipient_id", "caregiver_id"):
        op.drop_index(op.f(f"ix_import_row_{column}"), table_name="import_row")
    op.drop_table("import_row")
    op.drop_table("import_run")
