"""The list export: the chosen columns of the listed caregivers to an Excel or CSV file.

The screens and the command line reach the export's columns, suffixes and cancel here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from steunpunt.domain.audit import AuditKind
from steunpunt.io.caregiver_export import (
    COLUMNS,
    SUFFIXES,
    ExportColumn,
    column,
    write_caregiver_list,
)
from steunpunt.services.caregivers.dto import CaregiverRow
from steunpunt.services.caregivers.register import CaregiverService
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.use_case import writes

if TYPE_CHECKING:
    from steunpunt.services.kernel.audit_log import AuditService

__all__ = [
    "CHUNK",
    "COLUMNS",
    "DEFAULT_COLUMNS",
    "ExportColumn",
    "column",
    "export_caregiver_list",
    "with_export_suffix",
]

CHUNK = 1000
"""Caregivers read from the database at a time."""
DEFAULT_COLUMNS = ("naam", "adres", "postcode", "woonplaats", "telefoon", "email")
"""The columns an export has unless others are chosen."""


def with_export_suffix(target: Path, suffix: str) -> Path:
    """The file name as typed, with ``suffix`` added when it ends in neither .xlsx nor .csv."""
    if target.suffix.lower() in SUFFIXES:
        return target
    return target.with_name(target.name + suffix)


@writes
def export_caregiver_list(
    caregivers: CaregiverService,
    audit: AuditService,
    actor: Actor,
    ids: Sequence[int],
    target: Path,
    columns: Sequence[ExportColumn],
    progress: Callable[[int, int], bool] | None = None,
) -> int:
    """Write the caregivers ``ids``, in this order, to ``target`` (.xlsx or .csv); returns how many.

    Rows are read a chunk at a time while the file is written, atomically. ``progress(done,
    total)`` is called on the way; returning False raises
    :class:`~steunpunt.domain.errors.Cancelled` and leaves no file. A wrong suffix or no columns raise ``InvalidValue``; a failed write ``OSError``.
    The export is recorded in the audit trail: its columns, and one event per caregiver in it.
    """
    total = len(ids)

    def rows() -> Iterator[CaregiverRow]:
        for start in range(0, total, CHUNK):
            yield from caregivers.rows(ids[start : start + CHUNK])

    count = write_caregiver_list(
        target,
        columns,
        rows(),
        None if progress is None else (lambda done: progress(done, total)),
        audit.staging_journal,
    )
    details = {
        "bestand": target.suffix.lower().removeprefix("."),
        "aantal": count,
        "kolommen": [item.key for item in columns],
    }
    audit.note(actor, AuditKind.EXPORT, details=details, people=ids, made=(target,))
    return count
