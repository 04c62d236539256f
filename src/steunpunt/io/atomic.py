"""Writing a file whole or not at all: made beside the target, then put in its place.

The file being made is hidden (``.steunpunt-<random>.tmp``). With a journal (the staging
journal beside the database) it is noted there while it exists, so that the file of a write
killed halfway, which may hold personal data, is removed at the next start
(``services/letters/leftovers.py``).
"""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Callable
from pathlib import Path

from steunpunt.io.staging_journal import STAGING_PREFIX, STAGING_SUFFIX, Note

log = logging.getLogger(__name__)


def write_atomically(
    target: Path, write: Callable[[Path], object], journal: Path | None = None
) -> None:
    """Let ``write`` fill a temporary file beside ``target``, then put it in place in one step;
    the temporary file is noted in ``journal`` (when given) until it is gone."""
    temporary = target.parent / f"{STAGING_PREFIX}{uuid.uuid4().hex[:12]}{STAGING_SUFFIX}"
    note = _noted(journal, temporary)
    try:
        with temporary.open("xb"):
            pass
        write(temporary)
        with temporary.open("rb+") as written:
            os.fsync(written.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    finally:
        if note is not None:
            note.remove()


def _noted(journal: Path | None, temporary: Path) -> Note | None:
    """The note of ``temporary`` in ``journal``; None without a journal, or where the journal
    cannot be written (a read-only data folder: the document is still written)."""
    if journal is None:
        return None
    try:
        return Note(journal, temporary)
    except OSError:
        log.warning("A temporary file could not be noted; it is removed when done")
        return None
