"""The compliment round: rounds, applications, their status history and payment batches.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 22:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "compliment_round",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("municipality", sa.String(length=80), nullable=False),
        sa.Column("rules_json", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_compliment_round")),
        sa.UniqueConstraint("uuid", name=op.f("uq_compliment_round_uuid")),
        sa.UniqueConstraint("year", "municipality", name=op.f("uq_compliment_round_year")),
    )
    op.create_table(
        "payment_batch",
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("made_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("made_by_id", sa.Integer(), nullable=True),
        sa.Column("execution_date", sa.Date(), nullable=False),
        sa.Column("payment_count", sa.Integer(), nullable=False),
        sa.Column("total_cents", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=260), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["made_by_id"],
            ["staff_member.id"],
            name=op.f("fk_payment_batch_made_by_id_staff_member"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["compliment_round.id"],
            name=op.f("fk_payment_batch_round_id_compliment_round"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_batch")),
        sa.UniqueConstraint("uuid", name=op.f("uq_payment_batch_uuid")),
    )
    op.create_table(
        "compliment_application",
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("caregiver_id", sa.Integer(), nullable=False),
        sa.Column("care_recipient_id", sa.Integer(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("iban", sa.String(length=34), nullable=False),
        sa.Column("account_holder", sa.String(length=70), nullable=False),
        sa.Column("voucher_code", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=True),
        sa.Column("override_reason", sa.Text(), nullable=False),
        sa.Column("warnings_acknowledged", sa.Boolean(), nullable=False),
        sa.Column("in_sample", sa.Boolean(), nullable=False),
        sa.Column("control_letter_due_on", sa.Date(), nullable=True),
        sa.Column("letters_sent", sa.String(length=200), nullable=False),
        sa.Column("payment_batch_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["care_recipient_id"],
            ["care_recipient.id"],
            name=op.f("fk_compliment_application_care_recipient_id_care_recipient"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["caregiver_id"],
            ["caregiver.id"],
            name=op.f("fk_compliment_application_caregiver_id_caregiver"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["payment_batch_id"],
            ["payment_batch.id"],
            name=op.f("fk_compliment_application_payment_batch_id_payment_batch"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["compliment_round.id"],
            name=op.f("fk_compliment_application_round_id_compliment_round"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_compliment_application")),
        sa.UniqueConstraint(
            "round_id",
            "caregiver_id",
            "care_recipient_id",
            name=op.f("uq_compliment_application_round_id"),
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_compliment_application_uuid")),
    )
    with op.batch_alter_table("compliment_application", schema=None) as batch_op:
        batch_op.create_index("ix_compliment_application_caregiver", ["caregiver_id"], unique=False)
        batch_op.create_index(
            "ix_compliment_application_recipient", ["care_recipient_id"], unique=False
        )
        batch_op.create_index(
            "ix_compliment_application_status", ["round_id", "status"], unique=False
        )

    op.create_table(
        "application_event",
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("from_status", sa.String(length=30), nullable=True),
        sa.Column("to_status", sa.String(length=30), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["compliment_application.id"],
            name=op.f("fk_application_event_application_id_compliment_application"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["changed_by_id"],
            ["staff_member.id"],
            name=op.f("fk_application_event_changed_by_id_staff_member"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application_event")),
        sa.UniqueConstraint("uuid", name=op.f("uq_application_event_uuid")),
    )
    with op.batch_alter_table("application_event", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_application_event_application_id"), ["application_id"], unique=False
        )


def downgrade() -> None:
    for table in (
        "application_event",
        "compliment_application",
        "payment_batch",
        "compliment_round",
    ):
        op.drop_table(table)
