"""Left-overs of a killed mailing or payment batch, cleared when a database is opened.

A run killed halfway leaves a hidden staging folder of complete personal letters (or payment
files) beside its target, perhaps files already put in place but not yet recorded, and a
mailing's reserved number unfinished; a document written whole or not at all
(``io/atomic.py``: an export, a report, an inzage, the recovery key sheet) leaves its hidden
temporary file. Every staging folder is
noted beside the database while it exists (``staging_journal``); when the database is opened,
the folders of runs that are over are removed, and with them the unfinished mailings, and
both are counted in the log (never a name or a path: they hold personal data).
"""

from __future__ import annotations

import logging
import shutil
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import ColumnElement, Engine, delete, func, select, true

from steunpunt.db.kernel.engine import make_session_factory
from steunpunt.db.letters.models import Mailing
from steunpunt.domain.errors import KnownProblem
from steunpunt.io.staging_journal import notes, staging_journal, unheld
from steunpunt.services.kernel.session_scope import SessionScope
from steunpunt.services.kernel.use_case import writes

log = logging.getLogger(__name__)

SERVER_RESERVATION_AGE = timedelta(days=1)
"""On a server database another desktop may be making a mailing right now, and no journal
beside a file tells; no mailing takes a day, so an unfinished one of a day old is left over."""


@dataclass(frozen=True)
class Leftovers:
    """What earlier, killed runs left and was removed."""

    staging_folders: int
    """Staging folders and temporary files of documents."""
    reservations: int


@writes
def clear_leftovers(engine: Engine) -> Leftovers:
    """Remove the staging folders and unfinished mailing numbers of runs that are over.

    Called once when a database is opened. While another run of the same database is making
    files, the unfinished numbers (perhaps its own) are left for a later start.
    """
    scope = SessionScope(make_session_factory(engine))
    journal = staging_journal(scope.database_file)
    if journal is None:
        before = datetime.now(UTC) - SERVER_RESERVATION_AGE
        folders, at_work = 0, False
        reservations = _clear_reservations(scope, Mailing.made_at < before)
    else:
        folders, at_work = _clear_staging(journal)
        reservations = 0 if at_work else _clear_reservations(scope, true())
    if folders or reservations:
        log.info(
            "Left-overs of an earlier run removed: %s staging folders, %s unfinished mailings",
            folders,
            reservations,
        )
    return Leftovers(folders, reservations)


def _clear_reservations(scope: SessionScope, old_enough: ColumnElement[bool]) -> int:
    """Give up the numbers of mailings that were never completed (nothing was sent)."""
    unfinished = (Mailing.completed.is_(False), old_enough)
    try:
        with scope() as session:
            count = session.scalar(select(func.count()).select_from(Mailing).where(*unfinished))
            if count:
                session.execute(delete(Mailing).where(*unfinished))
    except KnownProblem as problem:  # e.g. a read-only database: opening goes on
        log.warning("Unfinished mailings not removed: %s", type(problem).__name__)
        return 0
    return int(count or 0)


def _clear_staging(journal: Path) -> tuple[int, bool]:
    """Remove the staging folders of runs that are over; also whether a run is at work."""
    if not journal.is_dir():
        return 0, False
    removed, at_work = 0, False
    for note in notes(journal):
        with unheld(note) as noted:
            if noted is None:
                at_work = True
                continue
            staging = noted.staging
            ours = staging.name == note.stem  # only ever what the note was made for
            if ours:
                _withdraw(noted.published, staging.parent)
            if ours and staging.is_dir():
                shutil.rmtree(staging, ignore_errors=True)
                removed += not staging.exists()
            elif ours and staging.is_file():  # a document written whole or not at all
                with suppress(OSError):
                    staging.unlink()
                removed += not staging.exists()
            kept = ours and staging.exists()
        try:
            if kept:
                log.warning("A staging folder of an earlier run could not be removed")
            else:
                note.unlink(missing_ok=True)
        except OSError:  # e.g. a read-only folder: opening goes on, the next start tries again
            log.warning("A staging note of an earlier run could not be removed")
    return removed, at_work


def _withdraw(published: tuple[Path, ...], folder: Path) -> None:
    """Remove files a killed run put in ``folder`` but never recorded (its letter log or
    payment batch was not written)."""
    for target in published:
        if target.parent != folder:
            continue
        if target.is_dir():
            shutil.rmtree(target, ignore_errors=True)
        else:
            with suppress(OSError):
                target.unlink(missing_ok=True)
    if published:
        log.info("Unrecorded files of an earlier run removed: %s", len(published))
