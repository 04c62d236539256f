"""The import's tables: a run per imported file, a row per file row it wrote, saved mappings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from steunpunt.db.kernel.base import Base, Tracked, utc_now


class ImportRun(Tracked, Base):
    """One file imported: which file and sheet, who and when, the counts, and whether undone."""

    __tablename__ = "import_run"

    file_name: Mapped[str] = mapped_column(String(255))
    sheet: Mapped[str] = mapped_column(String(100), default="")
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_member.id", ondelete="SET NULL"))
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    data_rows: Mapped[int] = mapped_column(Integer, default=0)
    new: Mapped[int] = mapped_column(Integer, default=0)
    merged: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)
    refused: Mapped[int] = mapped_column(Integer, default=0)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ImportRow(Tracked, Base):
    """One row of the file that wrote to the register: the caregiver it made or merged into,
    the naaste and relation it made, and what undoing it needs."""

    __tablename__ = "import_row"

    run_id: Mapped[int] = mapped_column(ForeignKey("import_run.id", ondelete="CASCADE"))
    source_row: Mapped[int] = mapped_column(Integer)
    """The row number in the file, as the spreadsheet program shows it."""
    outcome: Mapped[str] = mapped_column(String(20))
    """``nieuw`` or ``samengevoegd`` (domain/imports/plan.py: Written)."""
    caregiver_id: Mapped[int | None] = mapped_column(
        ForeignKey("caregiver.id", ondelete="SET NULL"), index=True
    )
    care_recipient_id: Mapped[int | None] = mapped_column(
        ForeignKey("care_recipient.id", ondelete="SET NULL"), index=True
    )
    """The naaste this row made (None: none named, or the caregiver had that naaste already)."""
    relation_id: Mapped[int | None] = mapped_column(
        ForeignKey("care_relation.id", ondelete="SET NULL"), index=True
    )
    """The relation this row made."""
    caregiver_version: Mapped[int] = mapped_column(Integer)
    """The caregiver's version right after the import: another one means changed by hand since."""
    filled_json: Mapped[str] = mapped_column(Text, default="")
    """For a merge: the fields it filled and their values before, as JSON (personal data)."""

    __table_args__ = (Index("ix_import_row_run_source_row", "run_id", "source_row"),)


class ImportMapping(Tracked, Base):
    """A mapping of a file's columns to the register's fields, saved by name for next time."""

    __tablename__ = "import_mapping"

    name: Mapped[str] = mapped_column(String(100), unique=True)
    mapping_json: Mapped[str] = mapped_column(Text)
    """As the readers' ``SavedMapping.to_json`` wrote it; opaque here."""
    saved_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_member.id", ondelete="SET NULL"))
