"""Left-overs of a killed mailing or payment batch, cleared when a database is opened.

A run killed halfway leaves a hidden staging folder of complete personal letters (or payment
files) beside its target, and a mailing's reserved number unfinished. Every staging folder is
noted beside the database while it exists (``staging_journal``); when the database is opened
again, before this run has made anything, the noted folders and the unfinished mailings are
removed, and counted in the log (never a name or a path: they hold personal data).
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, delete, func, select

from steunpunt.db.kernel.engine import make_session_factory
from steunpunt.db.letters.models import Mailing
from steunpunt.domain.errors import KnownProblem
from steunpunt.services.kernel.session_scope import SessionScope
from steunpunt.services.kernel.use_case import writes
from steunpunt.services.letters.mailing_output import (
    STAGING_PREFIX,
    STAGING_SUFFIX,
    staging_journal,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Leftovers:
    """What an earlier, killed run left and was removed."""

    staging_folders: int
    reservations: int


@writes
def clear_leftovers(engine: Engine) -> Leftovers:
    """Remove the staging folders and unfinished mailing numbers of earlier runs.

    Called once when a database is opened, before anything of this run is made.
    """
    scope = SessionScope(make_session_factory(engine))
    folders = _clear_staging(staging_journal(scope.database_file))
    reservations = _clear_reservations(scope)
    if folders or reservations:
        log.info(
            "Left-overs of an earlier run removed: %s staging folders, %s unfinished mailings",
            folders,
            reservations,
        )
    return Leftovers(folders, reservations)


def _clear_reservations(scope: SessionScope) -> int:
    """Give up the numbers of mailings that were never completed (nothing was sent)."""
    unfinished = Mailing.completed.is_(False)
    try:
        with scope() as session:
            count = session.scalar(select(func.count()).select_from(Mailing).where(unfinished))
            if count:
                session.execute(delete(Mailing).where(unfinished))
    except KnownProblem as problem:  # e.g. a read-only database: opening goes on
        log.warning("Unfinished mailings not removed: %s", type(problem).__name__)
        return 0
    return int(count or 0)


def _clear_staging(journal: Path | None) -> int:
    """Remove every staging folder noted in ``journal``; a note stays while its folder does."""
    if journal is None or not journal.is_dir():
        return 0
    removed = 0
    for note in sorted(journal.glob(f"{STAGING_PREFIX}*{STAGING_SUFFIX}.txt")):
        try:
            staging = Path(note.read_text(encoding="utf-8").strip())
        except (OSError, UnicodeError):
            continue
        if staging.name != note.stem:  # only ever the folder the note was made for
            note.unlink(missing_ok=True)
            continue
        if staging.is_dir():
            shutil.rmtree(staging, ignore_errors=True)
            removed += not staging.exists()
        if staging.exists():
            log.warning("A staging folder of an earlier run could not be removed")
        else:
            note.unlink(missing_ok=True)
    return removed
