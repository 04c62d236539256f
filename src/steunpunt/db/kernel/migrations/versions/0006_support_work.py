"""Support work: burden measurements, partners, referrals, household help, the worklist marks
and office settings; caregivers keep their latest burden band, and the list can filter on
overload without reading table rows.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 00:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from steunpunt.db.caregivers.fts import create_caregiver_fts, drop_caregiver_fts

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

LIST_ORDERS = {
    "name": ("sort_name",),
    "postcode": ("postcode", "house_number"),
    "place": ("place",),
    "birth_date": ("birth_date",),
    "registered_on": ("registered_on",),
    "street": ("street", "house_number"),
    "phone": ("phone",),
    "email": ("email",),
}
FILTERS_BEFORE = ("ended_on", "birth_date", "sort_name", "postcode", "place", "infix")
FILTERS_AFTER = (*FILTERS_BEFORE, "overloaded")


def _tracked() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    ]


def _keys(table: str) -> list[sa.Constraint]:
    return [
        sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
        sa.UniqueConstraint("uuid", name=f"uq_{table}_uuid"),
    ]


def _list_indexes(filters: tuple[str, ...]) -> None:
    for name, order in LIST_ORDERS.items():
        extra = [column for column in filters if column not in order]
        op.create_index(f"ix_caregiver_list_{name}", "caregiver", [*order, "id", *extra])


def _drop_list_indexes() -> None:
    for name in LIST_ORDERS:
        op.drop_index(f"ix_caregiver_list_{name}", table_name="caregiver")


def upgrade() -> None:
    op.add_column("caregiver", sa.Column("burden_level", sa.String(length=10), nullable=True))
    op.add_column(
        "caregiver",
        sa.Column("overloaded", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    _drop_list_indexes()
    _list_indexes(FILTERS_AFTER)
    op.create_table(
        "burden_assessment",
        sa.Column("caregiver_id", sa.Integer(), nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("answers", sa.String(length=50), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ["caregiver_id"],
            ["caregiver.id"],
            name="fk_burden_assessment_caregiver_id_caregiver",
            ondelete="CASCADE",
        ),
        *_keys("burden_assessment"),
    )
    op.create_index(
        "ix_burden_assessment_caregiver", "burden_assessment", ["caregiver_id", "assessed_on"]
    )
    op.create_table(
        "partner",
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("contact_person", sa.String(length=120), nullable=False),
        sa.Column("phone", sa.String(length=30), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("street", sa.String(length=100), nullable=False),
        sa.Column("house_number", sa.Integer(), nullable=True),
        sa.Column("house_number_suffix", sa.String(length=8), nullable=False),
        sa.Column("postcode", sa.String(length=7), nullable=False),
        sa.Column("place", sa.String(length=80), nullable=False),
        sa.Column("municipality", sa.String(length=80), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("hourly_rate_cents", sa.Integer(), nullable=True),
        *_tracked(),
        *_keys("partner"),
    )
    op.create_table(
        "referral",
        sa.Column("caregiver_id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("staff_member_id", sa.Integer(), nullable=True),
        sa.Column("referred_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("consent_to_share", sa.Boolean(), nullable=False),
        sa.Column("follow_up_on", sa.Date(), nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ["caregiver_id"],
            ["caregiver.id"],
            name="fk_referral_caregiver_id_caregiver",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partner.id"],
            name="fk_referral_partner_id_partner",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["staff_member_id"],
            ["staff_member.id"],
            name="fk_referral_staff_member_id_staff_member",
            ondelete="SET NULL",
        ),
        *_keys("referral"),
    )
    op.create_index("ix_referral_caregiver", "referral", ["caregiver_id", "referred_on"])
    op.create_index("ix_referral_follow_up", "referral", ["closed_on", "follow_up_on"])
    op.create_index("ix_referral_partner", "referral", ["partner_id"])
    op.create_table(
        "household_help_grant",
        sa.Column("caregiver_id", sa.Integer(), nullable=False),
        sa.Column("provider_id", sa.Integer(), nullable=True),
        sa.Column("care_recipient_id", sa.Integer(), nullable=True),
        sa.Column("household_key", sa.String(length=20), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("extended_until", sa.Date(), nullable=True),
        sa.Column("hours_per_week", sa.Float(), nullable=False),
        sa.Column("hours_per_year", sa.Float(), nullable=False),
        sa.Column("own_contribution_cents", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("household_has_wmo_help", sa.Boolean(), nullable=False),
        sa.Column("evaluation_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("override_reason", sa.Text(), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ["caregiver_id"],
            ["caregiver.id"],
            name="fk_household_help_grant_caregiver_id_caregiver",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["provider_id"],
            ["partner.id"],
            name="fk_household_help_grant_provider_id_partner",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["care_recipient_id"],
            ["care_recipient.id"],
            name="fk_household_help_grant_care_recipient_id_care_recipient",
            ondelete="SET NULL",
        ),
        *_keys("household_help_grant"),
    )
    op.create_index(
        "ix_household_help_grant_caregiver", "household_help_grant", ["caregiver_id", "starts_on"]
    )
    op.create_index("ix_household_help_grant_household", "household_help_grant", ["household_key"])
    op.create_index(
        "ix_household_help_grant_evaluation", "household_help_grant", ["status", "evaluation_on"]
    )
    op.create_table(
        "household_help_month",
        sa.Column("grant_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("hours", sa.Float(), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ["grant_id"],
            ["household_help_grant.id"],
            name="fk_household_help_month_grant_id_household_help_grant",
            ondelete="CASCADE",
        ),
        *_keys("household_help_month"),
        sa.UniqueConstraint("grant_id", "year", "month", name="uq_household_help_month_grant_id"),
    )
    op.create_table(
        "worklist_mark",
        sa.Column("item_key", sa.String(length=80), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("snoozed_until", sa.Date(), nullable=True),
        sa.Column("marked_by_id", sa.Integer(), nullable=True),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ["marked_by_id"],
            ["staff_member.id"],
            name="fk_worklist_mark_marked_by_id_staff_member",
            ondelete="SET NULL",
        ),
        *_keys("worklist_mark"),
        sa.UniqueConstraint("item_key", name="uq_worklist_mark_item_key"),
    )
    op.create_table(
        "office_setting",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value_json", sa.Text(), nullable=False),
        *_tracked(),
        *_keys("office_setting"),
        sa.UniqueConstraint("key", name="uq_office_setting_key"),
    )


def downgrade() -> None:
    for table in (
        "office_setting",
        "worklist_mark",
        "household_help_month",
        "household_help_grant",
        "referral",
        "partner",
        "burden_assessment",
    ):
        op.drop_table(table)
    _drop_list_indexes()
    _list_indexes(FILTERS_BEFORE)
    # Rebuilding the caregiver table drops the search index's triggers: made again after.
    drop_caregiver_fts(op.get_bind())
    with op.batch_alter_table("caregiver", schema=None) as batch_op:
        batch_op.drop_column("overloaded")
        batch_op.drop_column("burden_level")
    create_caregiver_fts(op.get_bind())
