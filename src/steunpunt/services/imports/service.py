"""Use cases of the import: check read rows against the register, write them, undo an import,
and the column mappings saved by name."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from steunpunt.db.duplicates.queries import person_keys
from steunpunt.db.imports.models import ImportMapping, ImportRun
from steunpunt.db.imports.queries import caregiver_names
from steunpunt.db.kernel.base import utc_now
from steunpunt.db.kernel.staff import StaffMember
from steunpunt.domain.audit import AuditKind
from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.imports.columns import ImportField
from steunpunt.domain.imports.plan import (
    Action,
    ImportPlan,
    Written,
    chosen_actions,
    make_plan,
)
from steunpunt.domain.imports.read_row import ReadRow
from steunpunt.domain.imports.reading import read_rows
from steunpunt.domain.progress import Progress
from steunpunt.domain.text import clean
from steunpunt.io.import_file import Delimiter, Encoding, ImportFile, open_import_file
from steunpunt.io.import_report import write_import_report
from steunpunt.services.imports.dto import (
    ImportResult,
    ImportRunView,
    SavedMappingView,
    UndoResult,
)
from steunpunt.services.imports.undo import undo_rows
from steunpunt.services.imports.writing import prepare, write
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.audit import record
from steunpunt.services.kernel.collection import paused_collection
from steunpunt.services.kernel.records import load
from steunpunt.services.kernel.session_scope import SessionScope
from steunpunt.services.kernel.use_case import reads, writes
from steunpunt.services.letters.mailing_output import disk_problem

if TYPE_CHECKING:
    from steunpunt.services.kernel.audit_log import AuditService

log = logging.getLogger(__name__)

RUN = "Deze import"
ALREADY_UNDONE = "Deze import is al ongedaan gemaakt."
MAPPING_NAME_LENGTH = 100
REPORT_SUFFIX = ".xlsx"


class ImportService:
    """Bring an old register in: a plan before anything is written, the import, its undo."""

    def __init__(self, scope: SessionScope, audit: AuditService, today: Callable[[], date]) -> None:
        self._scope = scope
        self._audit = audit
        self._today = today

    @reads
    def open_file(
        self,
        path: Path,
        sheet: str | None = None,
        encoding: Encoding | None = None,
        delimiter: Delimiter | None = None,
    ) -> ImportFile:
        """Read the file to import as rows of cells (once: the preview and the plan use these
        rows); a sheet, encoding or delimiter not given is the first shown or the detected one.
        A file that cannot be read is a known problem in Dutch."""
        with paused_collection():
            return open_import_file(path, sheet=sheet, encoding=encoding, delimiter=delimiter)

    @reads
    def plan_file(
        self, file: ImportFile, header_row: int, mapping: Mapping[int, ImportField]
    ) -> ImportPlan:
        """Read every row below ``header_row`` (an index into the file's rows) with ``mapping``
        and plan them: the whole report in one call, for the task runner."""
        with paused_collection():
            return self.plan(read_rows(file.rows, header_row, mapping, self._today()))

    @writes
    def write_report(
        self, actor: Actor, target: Path, plan: ImportPlan, headers: Sequence[str]
    ) -> Path:
        """Write the report of ``plan`` to the Excel file ``target`` (whole or not at all), with
        ``headers`` naming the file's columns. Recorded in the audit trail (its counts, and one
        event per person of the register it names), never its rows; a failed write is a known
        problem in Dutch and leaves no file."""
        if target.suffix.lower() != REPORT_SUFFIX:
            raise InvalidValue(
                f"Kies een bestandsnaam die eindigt op {REPORT_SUFFIX}; "
                f"'{target.name}' kan niet worden gemaakt."
            )
        try:
            write_import_report(target, plan, headers, self._scope.staging_journal)
        except OSError as error:
            raise disk_problem(error) from error
        counts = plan.counts
        named = {
            candidate.caregiver_id
            for row in plan.rows
            for candidate in row.candidates
            if candidate.caregiver_id is not None
        }
        details = {
            "bestand": "importrapport",
            "rijen": counts.data_rows,
            "nieuw": counts.new,
            "bestaat waarschijnlijk al": counts.likely_existing,
            "geweigerd": counts.refused,
            "overgeslagen": counts.skipped,
        }
        self._audit.note(
            actor, AuditKind.EXPORT, details=details, people=sorted(named), made=(target,)
        )
        return target

    @reads
    def plan(self, rows: Sequence[ReadRow]) -> ImportPlan:
        """What importing ``rows`` would do with each one; nothing is written."""
        with paused_collection(), self._scope() as session:
            register = person_keys(session)
            return make_plan(
                rows, self._today(), register, lambda ids: caregiver_names(session, ids)
            )

    @writes
    def run(
        self,
        actor: Actor,
        plan: ImportPlan,
        file_name: str,
        sheet: str,
        choices: Mapping[int, Action],
        progress: Progress | None = None,
    ) -> ImportResult:
        """Write the plan in one transaction, with the person's choices per row (by source
        row); a stop (``Cancelled``) or any refusal writes nothing."""
        actions = chosen_actions(plan, choices)
        counts = plan.counts
        moment = utc_now()
        with paused_collection(), self._scope() as session:
            prepared = prepare(session, plan, actions)
            outcomes = [row.outcome for row in prepared.rows]
            run = ImportRun(
                file_name=file_name[:255],
                sheet=sheet[:100],
                staff_id=actor.staff_id,
                imported_at=moment,
                data_rows=counts.data_rows,
                new=outcomes.count(Written.NEW),
                merged=outcomes.count(Written.MERGED),
                skipped=counts.skipped + prepared.skipped,
                refused=counts.refused,
            )
            session.add(run)
            session.flush()
            write(session, prepared, run.id, moment, progress)
            record(
                session,
                actor,
                AuditKind.IMPORTED,
                record_table="import_run",
                record_id=run.id,
                details=_counts(run),
            )
            log.info("Import %s written by staff %s", run.id, actor.staff_id)
            return ImportResult(
                run.id, run.data_rows, run.new, run.merged, run.skipped, run.refused
            )

    @writes
    def undo(self, actor: Actor, import_run_id: int) -> UndoResult:
        """Remove what the import made and empty what it filled, but for the people changed
        by hand since: they are kept and named. An undone import cannot be undone again."""
        with self._scope() as session:
            run = load(session, ImportRun, import_run_id, RUN)
            if run.undone_at is not None:
                raise InvalidValue(ALREADY_UNDONE)
            moment = utc_now()
            result = undo_rows(session, run.id, moment)
            run.undone_at = moment
            record(
                session,
                actor,
                AuditKind.IMPORT_UNDONE,
                record_table="import_run",
                record_id=run.id,
                details={
                    "bestand": run.file_name,
                    "verwijderd": result.removed,
                    "teruggezet": result.restored,
                    "behouden": len(result.kept),
                },
            )
            log.info("Import %s undone by staff %s", run.id, actor.staff_id)
            return result

    @reads
    def runs(self) -> list[ImportRunView]:
        """Every import, newest first, for Bestand › Import ongedaan maken."""
        with self._scope() as session:
            query = (
                select(ImportRun, StaffMember.name)
                .outerjoin(StaffMember, StaffMember.id == ImportRun.staff_id)
                .order_by(ImportRun.imported_at.desc(), ImportRun.id.desc())
            )
            return [
                ImportRunView(
                    run.id,
                    run.file_name,
                    run.sheet,
                    name or "",
                    run.imported_at,
                    run.data_rows,
                    run.new,
                    run.merged,
                    run.skipped,
                    run.refused,
                    run.undone_at,
                )
                for run, name in session.execute(query)
            ]

    @writes
    def save_mapping(self, actor: Actor, name: str, mapping_json: str) -> SavedMappingView:
        """Save a column mapping under ``name``, replacing one saved under that name before."""
        name = clean(name)
        if not name:
            raise InvalidValue("Geef de indeling een naam.")
        if len(name) > MAPPING_NAME_LENGTH:
            raise InvalidValue(f"Een naam is hoogstens {MAPPING_NAME_LENGTH} tekens.")
        with self._scope() as session:
            row = _mapping(session, name) or ImportMapping(name=name)
            row.mapping_json = mapping_json
            row.saved_at = utc_now()
            row.staff_id = actor.staff_id
            session.add(row)
            session.flush()
            return SavedMappingView(row.name, row.mapping_json, row.saved_at, actor.name)

    @reads
    def mappings(self) -> list[SavedMappingView]:
        """The saved column mappings, by name."""
        with self._scope() as session:
            query = (
                select(ImportMapping, StaffMember.name)
                .outerjoin(StaffMember, StaffMember.id == ImportMapping.staff_id)
                .order_by(ImportMapping.name)
            )
            return [
                SavedMappingView(row.name, row.mapping_json, row.saved_at, staff or "")
                for row, staff in session.execute(query)
            ]

    @writes
    def delete_mapping(self, actor: Actor, name: str) -> None:
        with self._scope() as session:
            row = _mapping(session, clean(name))
            if row is None:
                raise InvalidValue(f"Er is geen indeling met de naam '{name}'.")
            session.delete(row)
            log.info("Import mapping %s removed by staff %s", row.id, actor.staff_id)


def _mapping(session: Session, name: str) -> ImportMapping | None:
    return session.scalars(select(ImportMapping).where(ImportMapping.name == name)).first()


def _counts(run: ImportRun) -> dict[str, object]:
    """What the audit keeps of an import: the file's name and the counts, never its rows."""
    return {
        "bestand": run.file_name,
        "blad": run.sheet,
        "rijen": run.data_rows,
        "nieuw": run.new,
        "samengevoegd": run.merged,
        "overgeslagen": run.skipped,
        "geweigerd": run.refused,
    }
