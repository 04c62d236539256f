"""The recovery key sheet for the safe: shown as a preview, written only where the person chooses.

The sheet carries the recovery key in readable form, so the program never keeps it: the PDF is
made in memory for the preview and written once to the file the person picks, whole or not at
all, its temporary file noted beside the database so that a write killed halfway leaves
nothing after the next start.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from steunpunt.domain.errors import InvalidValue
from steunpunt.io.atomic import write_atomically
from steunpunt.io.staging_journal import staging_journal
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.use_case import reads, writes

if TYPE_CHECKING:
    from steunpunt.letters.recovery_sheet import RecoverySheet


@reads
def recovery_sheet_preview(
    actor: Actor, organisation: str, recovery_key: str, made_on: date, database_file: Path
) -> bytes:
    """The sheet as PDF bytes for a preview; nothing is written to disk."""
    from steunpunt.letters.recovery_sheet import recovery_sheet_pdf

    return recovery_sheet_pdf(_sheet(organisation, recovery_key, made_on, database_file))


@writes
def write_recovery_sheet(
    actor: Actor,
    target: Path,
    organisation: str,
    recovery_key: str,
    made_on: date,
    database_file: Path,
) -> Path:
    """Write the sheet to ``target`` (a ``.pdf`` the person chose); an ``OSError`` (full disk,
    no permission) is left to the caller, with no file left behind."""
    from steunpunt.letters.recovery_sheet import render_recovery_sheet

    if target.suffix.lower() != ".pdf":
        raise InvalidValue(
            f"Kies een bestandsnaam die eindigt op .pdf; '{target.name}' kan niet worden gemaakt."
        )
    sheet = _sheet(organisation, recovery_key, made_on, database_file)
    write_atomically(
        target,
        lambda temporary: render_recovery_sheet(temporary, sheet),
        staging_journal(database_file),
    )
    return target


def _sheet(
    organisation: str, recovery_key: str, made_on: date, database_file: Path
) -> RecoverySheet:
    from steunpunt.letters.recovery_sheet import RecoverySheet

    return RecoverySheet(organisation, recovery_key, made_on, database_file.name)
