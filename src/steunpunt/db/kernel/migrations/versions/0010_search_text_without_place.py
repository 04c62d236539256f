"""The search text leaves out the woonplaats: places are matched from the short list of known
places, so a word such as ``amers`` no longer walks the text index for every Amersfoorter. A
covering index on the tussenvoegsel lets a typed tussenvoegsel count its matches quickly.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 19:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from steunpunt.db.caregivers.fts import create_caregiver_fts, drop_caregiver_fts
from steunpunt.domain.phone import phone_digits
from steunpunt.domain.text import fold

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

INFIX_INDEX = "ix_caregiver_list_infix"
INFIX_INDEX_COLUMNS = [
    "infix",
    "id",
    "ended_on",
    "birth_date",
    "sort_name",
    "postcode",
    "place",
    "overloaded",
]
"""As ``models._list_index("infix", "infix")`` writes it when this revision was made."""

_COLUMNS = (
    "first_name",
    "infix",
    "last_name",
    "initials",
    "postcode",
    "place",
    "street",
    "phone",
    "email",
)


def _search_text(row: sa.Row[tuple[object, ...]], with_place: bool) -> str:
    """The search text as this revision (or, ``with_place``, the one before) writes it."""
    values: dict[str, object] = dict(zip(_COLUMNS, row[1:], strict=True))
    parts = (
        values["first_name"],
        values["infix"],
        values["last_name"],
        values["initials"],
        str(values["postcode"] or "").replace(" ", ""),
        values["place"] if with_place else "",
        values["street"],
        phone_digits(str(values["phone"] or "")),
        values["email"],
    )
    return fold(" ".join(str(part) for part in parts if part))


def _recompute(with_place: bool) -> None:
    """Write every caregiver's search text again; the text index is rebuilt once after."""
    bind = op.get_bind()
    drop_caregiver_fts(bind)
    columns = ", ".join(("id", *_COLUMNS))
    rows = bind.execute(sa.text(f"SELECT {columns} FROM caregiver")).all()
    if rows:
        bind.execute(
            sa.text("UPDATE caregiver SET search_text = :search_text WHERE id = :id"),
            [{"id": row[0], "search_text": _search_text(row, with_place)} for row in rows],
        )
    create_caregiver_fts(bind)


def upgrade() -> None:
    _recompute(with_place=False)
    op.create_index(INFIX_INDEX, "caregiver", INFIX_INDEX_COLUMNS)


def downgrade() -> None:
    op.drop_index(INFIX_INDEX, table_name="caregiver")
    _recompute(with_place=True)
