"""The program's own half-made files that a killed run left, removed at the next start.

Each file work of the program writes under a hidden name first and removes it when done; a
run killed halfway cannot, so every such place is swept when a database is opened. The
places, and who sweeps them:

======================================  =========================================  ==========
what                                    where                                      swept by
======================================  =========================================  ==========
a backup being written                  ``backups/.steunpunt-*.part/``             this module
a backup being restored                 ``.steunpunt.sqlite.terugzetten``          this module
its key file being restored             ``.steunpunt.sqlite.sleutels.terugzetten`` this module
the encrypted copy of an encryption     ``.steunpunt.sqlite.versleuteld``          this module
a key file being written                ``.steunpunt.sqlite.sleutels.nieuw``       this module
a new register being made, with its     ``.steunpunt.sqlite.nieuw-register`` (and  this module
key file (set aside once in place)      ``.sleutels``)
a mailing, reprint or payment batch     ``.steunpunt-*.tmp/`` beside its target    leftovers
a document written whole (export,       ``.steunpunt-*.tmp`` beside its target     leftovers
report, inzage, recovery key sheet)
======================================  =========================================  ==========

Letter previews and the PDFs shown in the window are held in memory, never written to a file.
The last two are noted in the staging journal beside the database while they exist
(``io/staging_journal.py``), as they go to a folder the person chose;
``services/letters/leftovers.py`` removes them once the database is open.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from steunpunt.db.kernel.database_file import companions, set_aside
from steunpunt.db.kernel.keyfile import key_file_for
from steunpunt.services.kernel.encryption_setup import Settled, settle_interrupted_encryption
from steunpunt.services.kernel.use_case import writes

log = logging.getLogger(__name__)

BACKUP_PARTS = ".steunpunt-*.part"
"""A backup being written (``db/kernel/backup.py``): a folder, or a file of an earlier version."""


def unfinished_register(database_file: Path) -> Path:
    """A new register while its first beheerder is made (``entrance.py``); put in place after."""
    return database_file.with_name(f".{database_file.name}.nieuw-register")


def restoring_file(database_file: Path) -> Path:
    """A backup being restored over ``database_file`` (``db/kernel/backup.py``)."""
    return database_file.with_name(f".{database_file.name}.terugzetten")


@writes
def clear_temporary_files(database_file: Path, backup_dir: Path) -> int:
    """Remove what killed runs left of the program's own file work at ``database_file`` and
    in ``backup_dir``; how many were found. Never touches the database or a key file in use;
    a file that cannot be removed (a read-only folder) is left for a later start."""
    found = 0
    try:
        found += settle_interrupted_encryption(database_file) is not Settled.NOTHING
    except OSError:
        log.warning("An interrupted encryption could not be settled")
    try:
        found += _settle_unfinished_register(database_file)
    except OSError:
        log.warning("A new register made halfway could not be cleared")
    partials = [restoring_file(database_file), restoring_file(key_file_for(database_file))]
    if backup_dir.is_dir():
        partials.extend(backup_dir.glob(BACKUP_PARTS))
    for partial in partials:
        for file in (partial, partial.with_name(partial.name + "-journal")):
            try:
                if file.is_dir():
                    shutil.rmtree(file)
                    found += 1
                elif file.exists():
                    file.unlink()
                    found += 1
            except OSError:
                log.warning("A temporary file of an earlier run could not be removed")
    if found:
        log.info("Temporary files of an earlier run removed: %s", found)
    return found


def _settle_unfinished_register(database_file: Path) -> bool:
    """Clear a new register killed before it was put in place: its hidden database and key
    file removed (they hold only the account being made), and a key file already put in place
    for it set aside (never deleted), so the next start offers a new register again."""
    hidden = unfinished_register(database_file)
    hidden_key = key_file_for(hidden)
    leftovers = [
        path
        for path in (hidden, *companions(hidden), hidden_key, _partial(hidden_key))
        if path.exists()
    ]
    if not leftovers:
        return False
    key_file = key_file_for(database_file)
    if not database_file.exists() and key_file.exists() and hidden.exists():
        set_aside(key_file, "zonder-database")
    for leftover in leftovers:
        leftover.unlink()
    log.warning("A new register made halfway was cleared")
    return True


def _partial(key_file: Path) -> Path:
    """A key file being written (``db/kernel/keyfile.py``)."""
    return key_file.with_name(f".{key_file.name}.nieuw")
