"""Initial register: staff, caregivers, naasten, relations, contacts, consents and search.

Revision ID: 0001
Revises:
Create Date: 2026-11-22 19:29:29.389118
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from steunpunt.db.caregivers.fts import create_caregiver_fts, drop_caregiver_fts

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "care_recipient",
        sa.Column("condition", sa.String(length=200), nullable=False),
        sa.Column("living_situation", sa.String(length=20), nullable=False),
        sa.Column("first_name", sa.String(length=80), nullable=False),
        sa.Column("infix", sa.String(length=20), nullable=False),
        sa.Column("last_name", sa.String(length=80), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("street", sa.String(length=100), nullable=False),
        sa.Column("house_number", sa.Integer(), nullable=True),
        sa.Column("house_number_suffix", sa.String(length=8), nullable=False),
        sa.Column("postcode", sa.String(length=7), nullable=False),
        sa.Column("place", sa.String(length=80), nullable=False),
        sa.Column("municipality", sa.String(length=80), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("sort_name", sa.String(length=170), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_care_recipient")),
        sa.UniqueConstraint("uuid", name=op.f("uq_care_recipient_uuid")),
    )
    with op.batch_alter_table("care_recipient", schema=None) as batch_op:
        batch_op.create_index("ix_care_recipient_sort_name", ["sort_name", "id"], unique=False)

    op.create_table(
        "caregiver",
        sa.Column("initials", sa.String(length=20), nullable=False),
        sa.Column("salutation", sa.String(length=12), nullable=False),
        sa.Column("phone", sa.String(length=30), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("iban", sa.String(length=34), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=True),
        sa.Column("registered_on", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("end_reason", sa.String(length=30), nullable=True),
        sa.Column("no_mail", sa.Boolean(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("first_name", sa.String(length=80), nullable=False),
        sa.Column("infix", sa.String(length=20), nullable=False),
        sa.Column("last_name", sa.String(length=80), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("street", sa.String(length=100), nullable=False),
        sa.Column("house_number", sa.Integer(), nullable=True),
        sa.Column("house_number_suffix", sa.String(length=8), nullable=False),
        sa.Column("postcode", sa.String(length=7), nullable=False),
        sa.Column("place", sa.String(length=80), nullable=False),
        sa.Column("municipality", sa.String(length=80), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("sort_name", sa.String(length=170), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_caregiver")),
        sa.UniqueConstraint("uuid", name=op.f("uq_caregiver_uuid")),
    )
    with op.batch_alter_table("caregiver", schema=None) as batch_op:
        batch_op.create_index(
            "ix_caregiver_list_birth_date",
            ["birth_date", "id", "ended_on", "sort_name", "postcode", "place", "infix"],
            unique=False,
        )
        batch_op.create_index(
            "ix_caregiver_list_email",
            ["email", "id", "ended_on", "birth_date", "sort_name", "postcode", "place", "infix"],
            unique=False,
        )
        batch_op.create_index(
            "ix_caregiver_list_name",
            ["sort_name", "id", "ended_on", "birth_date", "postcode", "place", "infix"],
            unique=False,
        )
        batch_op.create_index(
            "ix_caregiver_list_phone",
            ["phone", "id", "ended_on", "birth_date", "sort_name", "postcode", "place", "infix"],
            unique=False,
        )
        batch_op.create_index(
            "ix_caregiver_list_place",
            ["place", "id", "ended_on", "birth_date", "sort_name", "postcode", "infix"],
            unique=False,
        )
        batch_op.create_index(
            "ix_caregiver_list_postcode",
            [
                "postcode",
                "house_number",
                "id",
                "ended_on",
                "birth_date",
                "sort_name",
                "place",
                "infix",
            ],
            unique=False,
        )
        batch_op.create_index(
            "ix_caregiver_list_registered_on",
            [
                "registered_on",
                "id",
                "ended_on",
                "birth_date",
                "sort_name",
                "postcode",
                "place",
                "infix",
            ],
            unique=False,
        )
        batch_op.create_index(
            "ix_caregiver_list_street",
            [
                "street",
                "house_number",
                "id",
                "ended_on",
                "birth_date",
                "sort_name",
                "postcode",
                "place",
                "infix",
            ],
            unique=False,
        )

    op.create_table(
        "staff_member",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_member")),
        sa.UniqueConstraint("uuid", name=op.f("uq_staff_member_uuid")),
    )
    op.create_table(
        "care_relation",
        sa.Column("caregiver_id", sa.Integer(), nullable=False),
        sa.Column("care_recipient_id", sa.Integer(), nullable=False),
        sa.Column("relation_type", sa.String(length=20), nullable=False),
        sa.Column("hours_per_week", sa.Float(), nullable=True),
        sa.Column("care_since", sa.Date(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["care_recipient_id"],
            ["care_recipient.id"],
            name=op.f("fk_care_relation_care_recipient_id_care_recipient"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["caregiver_id"],
            ["caregiver.id"],
            name=op.f("fk_care_relation_caregiver_id_caregiver"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_care_relation")),
        sa.UniqueConstraint(
            "caregiver_id", "care_recipient_id", name=op.f("uq_care_relation_caregiver_id")
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_care_relation_uuid")),
    )
    with op.batch_alter_table("care_relation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_care_relation_care_recipient_id"), ["care_recipient_id"], unique=False
        )

    op.create_table(
        "consent",
        sa.Column("caregiver_id", sa.Integer(), nullable=True),
        sa.Column("care_recipient_id", sa.Integer(), nullable=True),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("scopes", sa.String(length=200), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "(caregiver_id IS NULL) <> (care_recipient_id IS NULL)",
            name=op.f("ck_consent_one_person"),
        ),
        sa.ForeignKeyConstraint(
            ["care_recipient_id"],
            ["care_recipient.id"],
            name=op.f("fk_consent_care_recipient_id_care_recipient"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["caregiver_id"],
            ["caregiver.id"],
            name=op.f("fk_consent_caregiver_id_caregiver"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"],
            ["staff_member.id"],
            name=op.f("fk_consent_recorded_by_id_staff_member"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent")),
        sa.UniqueConstraint("uuid", name=op.f("uq_consent_uuid")),
    )
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_consent_care_recipient_id"), ["care_recipient_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_consent_caregiver_id"), ["caregiver_id"], unique=False)

    op.create_table(
        "contact",
        sa.Column("caregiver_id", sa.Integer(), nullable=False),
        sa.Column("contact_date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("staff_member_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["caregiver_id"],
            ["caregiver.id"],
            name=op.f("fk_contact_caregiver_id_caregiver"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["staff_member_id"],
            ["staff_member.id"],
            name=op.f("fk_contact_staff_member_id_staff_member"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact")),
        sa.UniqueConstraint("uuid", name=op.f("uq_contact_uuid")),
    )
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.create_index(
            "ix_contact_caregiver_date", ["caregiver_id", "contact_date"], unique=False
        )
    create_caregiver_fts(op.get_bind())


def downgrade() -> None:
    drop_caregiver_fts(op.get_bind())
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_index("ix_contact_caregiver_date")

    op.drop_table("contact")
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consent_caregiver_id"))
        batch_op.drop_index(batch_op.f("ix_consent_care_recipient_id"))

    op.drop_table("consent")
    with op.batch_alter_table("care_relation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_care_relation_care_recipient_id"))

    op.drop_table("care_relation")
    op.drop_table("staff_member")
    with op.batch_alter_table("caregiver", schema=None) as batch_op:
        batch_op.drop_index("ix_caregiver_list_name")
        batch_op.drop_index("ix_caregiver_list_postcode")
        batch_op.drop_index("ix_caregiver_list_place")
        batch_op.drop_index("ix_caregiver_list_birth_date")
        batch_op.drop_index("ix_caregiver_list_registered_on")
        batch_op.drop_index("ix_caregiver_list_street")
        batch_op.drop_index("ix_caregiver_list_phone")
        batch_op.drop_index("ix_caregiver_list_email")

    op.drop_table("caregiver")
    with op.batch_alter_table("care_recipient", schema=None) as batch_op:
        batch_op.drop_index("ix_care_recipient_sort_name")

    op.drop_table("care_recipient")
