"""Accounts and the audit trail: sign-in name, password hash and role on every staff member,
the caseload of vrijwilligers, and the append-only audit events.

Existing staff members become accounts without a login or password (a beheerder completes
them), in the role medewerker.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05 01:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

APPEND_ONLY_TRIGGERS = (
    "CREATE TRIGGER IF NOT EXISTS audit_event_no_update BEFORE UPDATE ON audit_event "
    "BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END",
    "CREATE TRIGGER IF NOT EXISTS audit_event_no_delete BEFORE DELETE ON audit_event "
    "BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END",
)
"""As this revision made them (the models make the same after ``create_all``)."""


def upgrade() -> None:
    with op.batch_alter_table("staff_member") as batch_op:
        batch_op.add_column(sa.Column("login", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("password_hash", sa.String(length=255), nullable=True))
        batch_op.add_column(
            sa.Column("role", sa.String(length=20), nullable=False, server_default="medewerker")
        )
        batch_op.add_column(
            sa.Column(
                "must_change_password", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )
        batch_op.add_column(
            sa.Column("failed_sign_ins", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(sa.Column("last_failed_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_staff_member_login"), ["login"])
    with op.batch_alter_table("staff_member") as batch_op:
        for column in ("role", "must_change_password", "failed_sign_ins"):
            batch_op.alter_column(column, server_default=None)

    op.create_table(
        "caregiver_assignment",
        sa.Column("caregiver_id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["caregiver_id"],
            ["caregiver.id"],
            name=op.f("fk_caregiver_assignment_caregiver_id_caregiver"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["staff_member.id"],
            name=op.f("fk_caregiver_assignment_staff_id_staff_member"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_caregiver_assignment")),
        sa.UniqueConstraint("uuid", name=op.f("uq_caregiver_assignment_uuid")),
        sa.UniqueConstraint(
            "caregiver_id", "staff_id", name=op.f("uq_caregiver_assignment_caregiver_id")
        ),
    )
    op.create_index(op.f("ix_caregiver_assignment_staff_id"), "caregiver_assignment", ["staff_id"])

    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("staff_name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("caregiver_id", sa.Integer(), nullable=True),
        sa.Column("care_recipient_id", sa.Integer(), nullable=True),
        sa.Column("record_table", sa.String(length=40), nullable=True),
        sa.Column("record_id", sa.Integer(), nullable=True),
        sa.Column("details_json", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
        sa.UniqueConstraint("uuid", name=op.f("uq_audit_event_uuid")),
    )
    op.create_index(op.f("ix_audit_event_at"), "audit_event", ["at"])
    op.create_index("ix_audit_event_caregiver_at", "audit_event", ["caregiver_id", "at"])
    op.create_index("ix_audit_event_staff_at", "audit_event", ["staff_id", "at"])
    op.create_index("ix_audit_event_kind_at", "audit_event", ["kind", "at"])
    if op.get_bind().dialect.name == "sqlite":
        for statement in APPEND_ONLY_TRIGGERS:
            op.execute(statement)


def downgrade() -> None:
    op.drop_table("audit_event")
    op.drop_index(op.f("ix_caregiver_assignment_staff_id"), table_name="caregiver_assignment")
    op.drop_table("caregiver_assignment")
    with op.batch_alter_table("staff_member") as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_staff_member_login"), type_="unique")
        for column in (
            "last_failed_at",
            "failed_sign_ins",
            "must_change_password",
            "role",
            "password_hash",
            "login",
        ):
            batch_op.drop_column(column)
