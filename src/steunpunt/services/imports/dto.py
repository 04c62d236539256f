"""What the import's use cases hand back: the result of a run, of an undo, the runs, mappings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class ImportResult:
    """What one import wrote; the four counts add up to the file's data rows."""

    run_id: int
    data_rows: int
    new: int
    merged: int
    skipped: int
    refused: int

    @property
    def summary(self) -> str:
        return (
            f"{self.data_rows} gegevensrijen: {self.new} nieuw, {self.merged} samengevoegd, "
            f"{self.skipped} overgeslagen, {self.refused} geweigerd."
        )


@dataclass(frozen=True)
class UndoResult:
    """What undoing an import did, and the people it kept because they were changed since."""

    removed: int
    """Caregivers the import made, removed again."""
    restored: int
    """Caregivers the import merged into, their filled fields emptied again."""
    kept: tuple[str, ...]
    """The names of the people left as they are: changed by hand after the import."""

    @property
    def message(self) -> str:
        """What the undo did, in Dutch, naming whom it kept."""
        done = (
            f"Import ongedaan gemaakt: {self.removed} mantelzorgers verwijderd, "
            f"{self.restored} aangevulde mantelzorgers teruggezet."
        )
        if not self.kept:
            return done
        return (
            f"{done} {len(self.kept)} blijven staan omdat ze daarna zijn gewijzigd: "
            f"{', '.join(self.kept)}."
        )


@dataclass(frozen=True)
class ImportRunView:
    """One import as Bestand › Import ongedaan maken lists it."""

    id: int
    file_name: str
    sheet: str
    staff_name: str
    imported_at: datetime
    data_rows: int
    new: int
    merged: int
    skipped: int
    refused: int
    undone_at: datetime | None


@dataclass(frozen=True)
class SavedMappingView:
    """A column mapping saved by name; the JSON is the readers' own."""

    name: str
    mapping_json: str
    saved_at: datetime
    staff_name: str
