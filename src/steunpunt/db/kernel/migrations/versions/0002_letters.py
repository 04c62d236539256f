"""Letters and mailings: house style, letter templates, saved filters, mailings and the letter log.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 21:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _tracked() -> list[sa.Column[object]]:
    """The columns every row carries (see ``steunpunt.db.kernel.base.Tracked``)."""
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    ]


def _keys(table: str) -> list[sa.Constraint]:
    return [
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
        sa.UniqueConstraint("uuid", name=op.f(f"uq_{table}_uuid")),
    ]


def _create(table: str, *items: sa.Column[object] | sa.Constraint) -> None:
    op.create_table(table, *items, *_tracked(), *_keys(table))


def upgrade() -> None:
    _create(
        "house_style",
        sa.Column("settings_json", sa.Text(), nullable=False),
        sa.Column("logo", sa.LargeBinary(), nullable=True),
        sa.Column("signature", sa.LargeBinary(), nullable=True),
    )
    _create(
        "letter_template",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
    )
    _index("letter_template", "ix_letter_template_kind", ["kind"])
    _create(
        "saved_filter",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("criteria_json", sa.Text(), nullable=False),
        sa.UniqueConstraint("name", name=op.f("uq_saved_filter_name")),
    )
    _create(
        "mailing",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=20), nullable=False),
        sa.Column("completed", sa.Boolean(), nullable=False),
        sa.Column("made_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("made_by_id", sa.Integer(), nullable=True),
        sa.Column("template_id", sa.Integer(), nullable=True),
        sa.Column("template_name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("letter_date", sa.Date(), nullable=False),
        sa.Column("recipients_description", sa.String(length=300), nullable=False),
        sa.Column("letter_count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["made_by_id"],
            ["staff_member.id"],
            name=op.f("fk_mailing_made_by_id_staff_member"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["letter_template.id"],
            name=op.f("fk_mailing_template_id_letter_template"),
            ondelete="SET NULL",
        ),
        sa.UniqueConstraint("reference", name=op.f("uq_mailing_reference")),
        sa.UniqueConstraint("year", "number", name=op.f("uq_mailing_year")),
    )
    _create(
        "sent_letter",
        sa.Column("caregiver_id", sa.Integer(), nullable=False),
        sa.Column("mailing_id", sa.Integer(), nullable=False),
        sa.Column("sent_on", sa.Date(), nullable=False),
        sa.Column("addressed_as", sa.String(length=200), nullable=False),
        sa.Column("reprint", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["caregiver_id"],
            ["caregiver.id"],
            name=op.f("fk_sent_letter_caregiver_id_caregiver"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["mailing_id"],
            ["mailing.id"],
            name=op.f("fk_sent_letter_mailing_id_mailing"),
            ondelete="CASCADE",
        ),
    )
    _index("sent_letter", "ix_sent_letter_caregiver", ["caregiver_id", "sent_on"])
    _index("sent_letter", "ix_sent_letter_mailing", ["mailing_id"])


def _index(table: str, name: str, columns: list[str]) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.create_index(name, columns, unique=False)


def downgrade() -> None:
    for table in ("sent_letter", "mailing", "saved_filter", "letter_template", "house_style"):
        op.drop_table(table)
